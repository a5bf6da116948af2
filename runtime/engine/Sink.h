// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/Batch.h"

#include <QString>

#include <cstdint>
#include <string>

namespace sw::runtime {

// An output of the pipeline. Called on the executor thread only: open() once,
// write() for each batch of rows, flush() at the end of every micro-batch (the
// rows must then be durable), close() at the end.
//
// With a checkpoint, the run makes a sink exactly-once where it can: before
// open(), restoreCommitted() with what committedState() said at the last
// committed batch (a file truncates to its length then), and beginBatch() before
// each batch's writes (a SQLite sink skips a batch it has already written, by the
// batch id it keeps in the same transaction as the rows).
class Sink
{
public:
    virtual ~Sink() = default;
    // Exactly-once writes, keyed by `identity` (pipeline and node); before open().
    virtual void enableExactlyOnce(const QString &identity) { (void)identity; }
    virtual void beginBatch(int64_t batchId) { (void)batchId; }
    // Before open(): each batch that writes rows writes the whole result table (an
    // aggregate in complete mode), which replaces what the sink holds, atomically
    // where the sink can. A sink that cannot replace (Kafka) writes every row.
    virtual void replaceEachBatch() {}
    // After flush(): what the checkpoint's commit keeps for this sink (empty: nothing).
    virtual std::string committedState() const { return {}; }
    // Before open(): the state of the last committed batch; the sink drops what it
    // wrote after it.
    virtual bool restoreCommitted(const std::string &state, std::string &error)
    {
        (void)state;
        (void)error;
        return true;
    }
    virtual bool open(std::string &error) = 0;
    virtual bool write(const Batch &batch, std::string &error) = 0;
    virtual bool flush(std::string &error)
    {
        (void)error;
        return true;
    }
    virtual void close() {}
};

} // namespace sw::runtime
