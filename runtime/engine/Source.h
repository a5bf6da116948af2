// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/Batch.h"
#include "engine/SourcePlan.h"
#include "engine/Wakeup.h"
#include "progress/BatchProgress.h"

#include <QJsonObject>

#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace sw::runtime {

// A record that could not be decoded or used: kept with its reason, coordinates,
// key, headers and original bytes.
struct DeadLetter
{
    std::string reason;
    std::string kind; // what class of problem, for counting (DeadLetters::kindOf)
    std::string topic;
    int partition = -1;
    int64_t offset = -1;
    int64_t timestamp = 0;
    std::string key;
    bool hasKey = false; // a record without a key has NULL as _key, as decoded rows do
    std::string value;
    std::vector<std::pair<std::string, std::string>> headers; // in record order; names may repeat
};

// What reading one plan produced.
struct SourceBatch
{
    Batch rows;
    std::vector<int64_t> recordTimestamps; // wall-clock ms the records were produced (latency)
    std::vector<DeadLetter> deadLetters;
    double decodeMs = 0; // part of the read spent decoding (for the batch's duration parts)
    // The plan could not be read: `error` says why (fatal), or the run is stopping
    // and the batch is abandoned (`interrupted`, nothing of it may be committed).
    std::string error;
    bool interrupted = false;
};

// What the executor lends every source for the run.
struct SourceContext
{
    Wakeup *wakeup = nullptr;                        // to notify when records arrive
    const std::atomic<bool> *stopRequested = nullptr; // a long wait gives up when set
    int64_t failAfterMs = -1; // --fail-after: an unreachable input fails the run after this long (-1: never)
};

// An input of the pipeline. Called on the executor thread only.
//
// A micro-batch is planned (Spark's offset ranges): at its start the executor asks
// every source for a plan, the offset range [next, latest) of each partition,
// limited to about maxBatchRows in all (SourcePlan.h: how the limit is divided);
// then it reads exactly those ranges. A batch so covers every partition, and a
// plan read again gives the same records. After the batch's rows reached their
// sinks, commit().
class Source
{
public:
    virtual ~Source() = default;
    // Starts reading; false with `error` set when the source cannot work at all.
    virtual bool open(const SourceContext &context, std::string &error) = 0;
    bool open(std::string &error) { return open(SourceContext{}, error); }
    // The ranges the next batch reads: at most about `maxRows` records in all.
    virtual SourcePlan plan(int64_t maxRows) = 0;
    // Reads exactly `plan`, waiting for records that were planned but have not
    // reached this process yet.
    virtual SourceBatch read(const SourcePlan &plan) = 0;
    // When an empty plan may stop being empty without the wakeup being notified
    // (a generator paced by the clock): milliseconds from now; -1 never.
    virtual int msUntilInput() const { return -1; }
    // Bounded input that has been read completely.
    virtual bool exhausted() const { return false; }
    // Spark's Trigger.AvailableNow and Trigger.Once, after open(): the input ends at
    // what is available now (every partition's latest offset, asked of the broker);
    // exhausted() once it has been read. False with `error` when the source cannot
    // say what is available (unbounded input with no end, a broker that does not
    // answer).
    virtual bool endAtAvailable(std::string &error)
    {
        error = "this source cannot end at what is available now";
        return false;
    }
    // The batch's rows reached their sinks: offsets may be committed.
    virtual void commit() {}
    // Progress for metrics: what the source is, its partitions' planned ranges,
    // latest offsets and positions (the run fills in rows, lag and dead letters).
    virtual void describe(SourceProgress &out) const { (void)out; }
    virtual int64_t lag() const { return 0; }
    // Asks the cluster for its partitions' high watermarks now, so that lag() and
    // describe() stay true while no batch reads (a paused run); at most about
    // `timeoutMs`. Executor thread.
    virtual void refreshLag(int timeoutMs) { (void)timeoutMs; }
    // Whether the source cannot reach its input now (a cluster down): why, and
    // since when (epoch ms). The run then never takes the silence for the end of
    // the input. Any thread.
    struct Unreachable
    {
        std::string reason;
        int64_t sinceMs = 0;
    };
    virtual std::optional<Unreachable> unreachable() const { return std::nullopt; }

    // Checkpoints. Where the next plan starts, per partition (`start`; `end` is
    // unused): what a commit records so that a restart reads on from there.
    virtual std::vector<OffsetRange> positions() const { return {}; }
    // Before open(): start at these positions (a checkpoint's) instead of the
    // group's committed offsets or startingOffsets. Partitions not named start as
    // usual.
    virtual void startAt(const std::vector<OffsetRange> &positions) { (void)positions; }
    // The debugger going back: after open(), read on from `positions` (a batch's
    // positions() and checkpointState()) as if nothing after them had been read.
    // Only a source whose input stays as it was can (a recording, not a live topic).
    virtual bool canRewind() const { return false; }
    virtual bool rewind(const std::vector<OffsetRange> &positions, const std::string &state, std::string &error)
    {
        (void)positions;
        (void)state;
        error = "this source cannot go back";
        return false;
    }
    // What else a restart needs to read the same records again (the generator's
    // clock), as bytes; restored before open().
    virtual std::string checkpointState() const { return {}; }
    virtual bool restoreCheckpointState(const std::string &state, std::string &error)
    {
        (void)state;
        (void)error;
        return true;
    }
};

} // namespace sw::runtime
