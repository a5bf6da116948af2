// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/OwnedValue.h"
#include "settings/NodeSettings.h"

#include <QString>

#include <memory>
#include <unordered_set>

namespace sw::runtime {

using core::AggregateFunction;

// What min, max, first, last and count_distinct keep besides the counters.
struct AggregateValue
{
    OwnedValue value;      // min, max, first, last
    uint64_t valueSeq = 0; // arrival order of `value` (first, last)
    bool hasValue = false;
    std::unordered_set<std::string> distinct;
};

// The running state of one aggregate for one window and group. Plain data. Only
// the aggregates that keep a value allocate one, so count, sum and avg states are
// 32 bytes: a window with thousands of groups updates them per row, and their
// size decides how many stay in cache (a 152-byte state made the window wait for
// memory for more than half its time).
struct AggregateState
{
    int64_t count = 0; // rows counted (count) or non-NULL values seen (others)
    int64_t intSum = 0;
    double doubleSum = 0;
    std::unique_ptr<AggregateValue> kept;

    AggregateValue &value()
    {
        if (!kept)
            kept = std::make_unique<AggregateValue>();
        return *kept;
    }
    bool hasValue() const { return kept && kept->hasValue; }
};

// How one aggregate reads rows and produces its result (Spark's semantics: NULLs
// are skipped except by first/last, which keep the first/last row's value by
// arrival order; sum and avg of no values are NULL).
class Aggregate
{
public:
    Aggregate(AggregateFunction fn, DataType inputType, DataType resultType, bool countAllRows)
        : m_fn(fn), m_input(inputType), m_result(resultType), m_countAllRows(countAllRows)
    {
    }
    // `values` is the evaluated expression (unused for count(*)); `seq` orders rows.
    void update(AggregateState &state, const Column *values, size_t row, uint64_t seq) const;
    void merge(AggregateState &into, const AggregateState &from) const;
    void appendResult(const AggregateState &state, Column &out, StringArena &arena) const;
    DataType resultType() const { return m_result; }
    AggregateFunction function() const { return m_fn; }

private:
    bool better(const OwnedValue &candidate, const OwnedValue &current) const;

    AggregateFunction m_fn;
    DataType m_input;
    DataType m_result;
    bool m_countAllRows;
};

} // namespace sw::runtime
