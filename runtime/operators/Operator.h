// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/Batch.h"

#include <QString>

#include <cstdint>
#include <limits>

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

// Counters every operator keeps; the executor reads them after each batch.
struct OperatorStats
{
    int64_t stateRows = 0;       // rows (or groups) held in state now
    int64_t lateRowsDropped = 0; // cumulative
    int64_t lookupMisses = 0;    // cumulative (lookup joins)
    int64_t evictedRows = 0;     // cumulative (joins: rows whose time bound passed)
};

// A node of the running pipeline.
//
// Threading: every method is called on the pipeline's executor thread; no two run
// concurrently. Lifecycle: open() once, then per micro-batch process() for each
// input batch followed by endOfBatch() exactly once, then finish() once at the
// end of bounded input (after which nothing more is emitted). The watermark given
// is the one this batch uses (Spark: computed at the end of the previous batch);
// rows with event time <= watermark are late at stateful operators.
// Results depend only on the rows and watermarks given, never on wall-clock time,
// so a replay produces the same output.
class Operator
{
public:
    virtual ~Operator() = default;
    virtual void open() {}
    virtual void process(int inputPort, const Batch &batch, int64_t watermark, Emitter &out) = 0;
    virtual void endOfBatch(int64_t watermark, Emitter &out)
    {
        (void)watermark;
        (void)out;
    }
    virtual OperatorStats stats() const { return {}; }
};

} // namespace sw::runtime
