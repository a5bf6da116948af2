// SPDX-License-Identifier: GPL-3.0-or-later
#include "operators/Aggregate.h"

namespace sw::runtime {

bool Aggregate::better(const OwnedValue &candidate, const OwnedValue &current) const
{
    int c;
    if (m_input == DataType::String || core::isArray(m_input))
        c = candidate.s.compare(current.s);
    else if (m_input == DataType::Double) {
        const bool an = std::isnan(candidate.d), bn = std::isnan(current.d); // NaN is the largest
        c = an || bn ? (an == bn ? 0 : an ? 1 : -1) : candidate.d < current.d ? -1 : candidate.d > current.d ? 1 : 0;
    } else
        c = candidate.i < current.i ? -1 : candidate.i > current.i ? 1 : 0;
    return m_fn == AggregateFunction::Min ? c < 0 : c > 0;
}

void Aggregate::update(AggregateState &s, const Column *values, size_t row, uint64_t seq) const
{
    if (m_fn == AggregateFunction::Count && m_countAllRows) {
        ++s.count;
        return;
    }
    const bool isNull = !values || values->type == DataType::Null || values->isNull(row);
    switch (m_fn) {
    case AggregateFunction::First: {
        AggregateValue &v = s.value();
        if (!v.hasValue) {
            v.value = OwnedValue::fromCell(*values, row);
            v.valueSeq = seq;
            v.hasValue = true;
        }
        return;
    }
    case AggregateFunction::Last: {
        AggregateValue &v = s.value();
        v.value = OwnedValue::fromCell(*values, row);
        v.valueSeq = seq;
        v.hasValue = true;
        return;
    }
    default: break;
    }
    if (isNull)
        return;
    ++s.count;
    switch (m_fn) {
    case AggregateFunction::Sum:
    case AggregateFunction::Avg:
        if (values->type == DataType::Double)
            s.doubleSum += values->doubles[row];
        else
            s.intSum = int64_t(uint64_t(s.intSum) + uint64_t(values->ints[row]));
        return;
    case AggregateFunction::Min:
    case AggregateFunction::Max: {
        AggregateValue &v = s.value();
        if (!v.hasValue) {
            v.value = OwnedValue::fromCell(*values, row);
            v.hasValue = true;
            return;
        }
        // Compare in place before copying, so most rows cost no allocation.
        OwnedValue candidate;
        candidate.type = values->type;
        candidate.null = false;
        if (values->usesStrings()) {
            const int c = std::string_view(v.value.s).compare(values->strings[row]);
            if (m_fn == AggregateFunction::Min ? c > 0 : c < 0)
                v.value.s.assign(values->strings[row]);
            return;
        }
        candidate = OwnedValue::fromCell(*values, row);
        if (better(candidate, v.value))
            v.value = candidate;
        return;
    }
    case AggregateFunction::CountDistinct: {
        std::string key;
        appendKey(key, *values, row);
        s.value().distinct.insert(std::move(key));
        return;
    }
    default: return;
    }
}

void Aggregate::merge(AggregateState &into, const AggregateState &from) const
{
    switch (m_fn) {
    case AggregateFunction::Count: into.count += from.count; return;
    case AggregateFunction::Sum:
    case AggregateFunction::Avg:
        into.count += from.count;
        into.intSum = int64_t(uint64_t(into.intSum) + uint64_t(from.intSum));
        into.doubleSum += from.doubleSum;
        return;
    case AggregateFunction::Min:
    case AggregateFunction::Max:
        into.count += from.count;
        if (from.hasValue() && (!into.hasValue() || better(from.kept->value, into.kept->value))) {
            into.value().value = from.kept->value;
            into.value().hasValue = true;
        }
        return;
    case AggregateFunction::CountDistinct:
        if (from.kept)
            into.value().distinct.insert(from.kept->distinct.begin(), from.kept->distinct.end());
        return;
    case AggregateFunction::First:
    case AggregateFunction::Last: {
        if (!from.hasValue())
            return;
        const bool first = m_fn == AggregateFunction::First;
        if (!into.hasValue() || (first ? from.kept->valueSeq < into.kept->valueSeq : from.kept->valueSeq > into.kept->valueSeq)) {
            AggregateValue &v = into.value();
            v.value = from.kept->value;
            v.valueSeq = from.kept->valueSeq;
            v.hasValue = true;
        }
        return;
    }
    }
}

void Aggregate::appendResult(const AggregateState &s, Column &out, StringArena &arena) const
{
    switch (m_fn) {
    case AggregateFunction::Count: out.appendInt(s.count); return;
    case AggregateFunction::CountDistinct: out.appendInt(s.kept ? int64_t(s.kept->distinct.size()) : 0); return;
    case AggregateFunction::Sum:
        if (s.count == 0)
            out.appendNull();
        else if (m_result == DataType::Double)
            out.appendDouble(m_input == DataType::Double ? s.doubleSum : double(s.intSum));
        else
            out.appendInt(s.intSum);
        return;
    case AggregateFunction::Avg:
        if (s.count == 0)
            out.appendNull();
        else
            out.appendDouble((m_input == DataType::Double ? s.doubleSum : double(s.intSum)) / double(s.count));
        return;
    default:
        if (!s.hasValue())
            out.appendNull();
        else
            s.kept->value.appendTo(out, arena);
        return;
    }
}

} // namespace sw::runtime
