// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/Batch.h"
#include "operators/OperatorState.h"

#include <QString>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace sw::runtime {

// Event time "infinitely late": the watermark at the end of bounded input, which
// closes every window.
inline constexpr int64_t kWatermarkEnd = std::numeric_limits<int64_t>::max();

// Where an operator sends its rows: output port index (in the catalog's order) and
// a batch. The executor routes them to the downstream inputs.
class Emitter
{
public:
    virtual ~Emitter() = default;
    virtual void push(int outputPort, Batch &&batch) = 0;
};

// What an operator counts as it runs, cumulative since the run started. Not part
// of the operator's state: the run keeps them (and a checkpoint saves them) beside it.
struct OperatorCounters
{
    int64_t lateRowsDropped = 0; // rows behind the watermark at a stateful operator
    int64_t evictedRows = 0;     // rows that left state because their time bound passed
    int64_t lookupMisses = 0;    // rows that found no table row (lookup joins)
};

// What the run gives an operator: its node id (for messages) and the counters it
// adds to. Owned by the run; outlives the operator's open() to close().
class OperatorContext
{
public:
    OperatorContext() = default;
    explicit OperatorContext(QString nodeId) : m_nodeId(std::move(nodeId)) {}

    const QString &nodeId() const { return m_nodeId; }
    void countLateRows(int64_t n)
    {
        m_counters.lateRowsDropped += n;
        m_lateThisBatch += n;
    }
    // Rows (windows, groups, keys, join rows) written to state in this batch
    // (Spark's numRowsUpdated).
    void countUpdatedRows(int64_t n) { m_updatedThisBatch += n; }
    void startBatch() { m_lateThisBatch = m_updatedThisBatch = 0; }
    int64_t lateRowsThisBatch() const { return m_lateThisBatch; }
    int64_t updatedRowsThisBatch() const { return m_updatedThisBatch; }
    void countEvictedRows(int64_t n) { m_counters.evictedRows += n; }
    void countLookupMisses(int64_t n) { m_counters.lookupMisses += n; }
    const OperatorCounters &counters() const { return m_counters; }
    OperatorCounters &counters() { return m_counters; }

private:
    QString m_nodeId;
    OperatorCounters m_counters;
    int64_t m_lateThisBatch = 0, m_updatedThisBatch = 0;
};

// What an operator holds, as a table a person reads (the debugger shows it): a
// window aggregate's windows with their results so far, a join's stored rows.
struct StateTable
{
    QString name;    // "windows", "groups", "left", "right"
    Batch rows;      // at most the limit asked for
    int64_t total = 0; // how many it holds in all
};

// A node of the running pipeline that is neither a source nor a sink.
//
// Threading: every method is called on the pipeline's executor thread; no two run
// concurrently. snapshot() may also be called on it between batches.
//
// Lifecycle:
//   open(context)                      once, before the first batch; may fail
//   restore(state)                     optionally, right after open(), before any batch
//   per micro-batch:
//     process(port, batch, watermark)  for each batch that arrived on each input port
//     endOfBatch(watermark)            exactly once, after the last process() of the batch
//   finish()                           once at the end of bounded input, after the last
//                                      batch (which ran with kWatermarkEnd); may still emit
//   close()                            once; releases what open() took; emits nothing
// snapshot() is called between batches (never inside one) and writes the whole
// state: restore() of it into a freshly opened operator with the same settings,
// then the same batches, gives the same output as the operator that wrote it.
//
// The watermark given is the one this batch uses (Spark: computed at the end of
// the previous batch); rows with event time <= watermark are late at stateful
// operators. Results depend only on the rows and watermarks given, never on
// wall-clock time, so a replay produces the same output.
class Operator
{
public:
    Operator() = default;
    Operator(const Operator &) = delete;
    Operator &operator=(const Operator &) = delete;
    virtual ~Operator() = default;

    bool open(OperatorContext &context, std::string &error)
    {
        m_context = &context;
        return onOpen(error);
    }
    virtual void process(int inputPort, const Batch &batch, int64_t watermark, Emitter &out) = 0;
    virtual void endOfBatch(int64_t watermark, Emitter &out)
    {
        (void)watermark;
        (void)out;
    }
    virtual void finish(Emitter &out) { (void)out; }
    virtual void close() {}

    // Whether the operator keeps state across batches (snapshot() writes something).
    virtual bool isStateful() const { return false; }
    virtual void snapshot(StateWriter &out) const { (void)out; }
    // Reads what snapshot() wrote; on failure (another operator's state, another
    // version or settings, truncated or corrupt bytes) `in` says why, and the
    // operator is left as freshly opened.
    virtual void restore(StateReader &in) { (void)in; }
    // Rows (or groups, windows, keys) held in state now.
    virtual int64_t stateRows() const { return 0; }
    // The state as tables, at most `limit` rows each (between batches).
    virtual std::vector<StateTable> stateTables(size_t limit) const
    {
        (void)limit;
        return {};
    }
    // About how many bytes of memory the state takes (Spark's memoryUsedBytes).
    virtual int64_t stateBytes() const { return 0; }
    // What this operator counted (in its context).
    const OperatorCounters &counters() const { return m_context->counters(); }
    const OperatorContext &operatorContext() const { return *m_context; }

protected:
    virtual bool onOpen(std::string &error)
    {
        (void)error;
        return true;
    }
    OperatorContext &context() { return *m_context; }
    const OperatorContext &context() const { return *m_context; }

private:
    // Until open(): an operator driven directly (as tests do) counts here.
    OperatorContext m_ownContext;
    OperatorContext *m_context = &m_ownContext;
};

} // namespace sw::runtime
