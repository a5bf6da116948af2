// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/OwnedValue.h"

#include <QString>

#include <unordered_set>

namespace sw::runtime {

enum class AggregateFunction { Count, Sum, Min, Max, Avg, CountDistinct, First, Last };

// The running state of one aggregate for one window and group. Plain data.
struct AggregateState
{
    int64_t count = 0; // rows counted (count) or non-NULL values seen (others)
    int64_t intSum = 0;
    double doubleSum = 0;
    OwnedValue value;        // min, max, first, last
    uint64_t valueSeq = 0;   // arrival order of `value` (first, last)
    bool hasValue = false;
    std::unordered_set<std::string> distinct;
};

// How one aggregate reads rows and produces its result (Spark's semantics: NULLs
// are skipped except by first/last, which keep the first/last row's value by
// arrival order; sum and avg of no values are NULL).
class Aggregate
{
public:
    static AggregateFunction parse(const QString &fn);

    Aggregate(AggregateFunction fn, DataType inputType, DataType resultType, bool countAllRows)
        : m_fn(fn), m_input(inputType), m_result(resultType), m_countAllRows(countAllRows)
    {
    }
    // `values` is the evaluated expression (unused for count(*)); `seq` orders rows.
    void update(AggregateState &state, const Column *values, size_t row, uint64_t seq) const;
    void merge(AggregateState &into, const AggregateState &from) const;
    void appendResult(const AggregateState &state, Column &out, StringArena &arena) const;
    DataType resultType() const { return m_result; }

private:
    bool better(const OwnedValue &candidate, const OwnedValue &current) const;

    AggregateFunction m_fn;
    DataType m_input;
    DataType m_result;
    bool m_countAllRows;
};

} // namespace sw::runtime
