// SPDX-License-Identifier: GPL-3.0-or-later
#include "operators/WindowAggregate.h"

#include "batch/Bytes.h"
#include "operators/Filter.h"
#include "operators/GroupKeyHash.h"

#include <algorithm>
#include <cstring>

namespace sw::runtime {

using groupkeys::hashBytes;
using groupkeys::hashGroupKeys;
using groupkeys::mix;
using groupkeys::withWindow;

namespace {
int64_t floorDiv(int64_t a, int64_t b)
{
    const int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// Whether a kept group key value equals a cell, by SQL grouping equality.
bool sameCell(const OwnedValue &v, const Column &c, size_t row)
{
    const bool cellNull = c.type == DataType::Null || c.isNull(row);
    if (v.null || cellNull)
        return v.null == cellNull;
    if (c.usesInts())
        return v.i == c.ints[row];
    if (c.type == DataType::Double)
        return v.d == c.doubles[row] || (std::isnan(v.d) && std::isnan(c.doubles[row]));
    return sameBytes(v.s, c.strings[row]);
}

// Where a window or session goes in the output order: window start, then group
// key bytes. The key's first 16 bytes (from `from`, zero-padded) are copied in
// as two big-endian words, so that most comparisons of a sort never reach the
// key strings themselves, which lie scattered in memory.
struct OutputOrder
{
    int64_t start;
    uint64_t head[2];
    const std::string *key;

    OutputOrder(int64_t windowStart, const std::string &groupKey, size_t from) : start(windowStart), head{0, 0}, key(&groupKey)
    {
        unsigned char bytes[16] = {};
        if (groupKey.size() > from)
            std::memcpy(bytes, groupKey.data() + from, std::min<size_t>(16, groupKey.size() - from));
        for (int w = 0; w < 2; ++w) {
            uint64_t v;
            std::memcpy(&v, bytes + 8 * w, 8);
            head[w] = __builtin_bswap64(v);
        }
    }
    bool operator<(const OutputOrder &o) const
    {
        if (start != o.start)
            return start < o.start;
        if (head[0] != o.head[0])
            return head[0] < o.head[0];
        if (head[1] != o.head[1])
            return head[1] < o.head[1];
        return lessBytes(*key, *o.key); // equal heads: the zero padding may hide a difference in length
    }
};
} // namespace

WindowAggregate::WindowAggregate(const core::WindowAggregateSettings &settings, const core::Schema &input,
                                 const core::Schema &output)
    : m_output(output)
{
    m_kind = settings.window.kind.value_or(Kind::Tumbling);
    m_size = settings.size();
    m_slide = settings.slide();
    m_gap = settings.gap();
    m_eventTime = input.indexOf(input.eventTimeField);
    init(settings.groupBy, settings.aggregates, settings.outputMode, input);
}

WindowAggregate::WindowAggregate(const core::AggregateSettings &settings, const core::Schema &input,
                                 const core::Schema &output)
    : m_output(output)
{
    m_global = true;
    m_firstKeyColumn = 0;
    if (input.hasEventTime())
        m_timeKey = int(settings.groupBy.indexOf(input.eventTimeField));
    init(settings.groupBy, settings.aggregates, settings.outputMode, input);
}

void WindowAggregate::init(const QStringList &groupBy, const std::vector<core::AggregateSpec> &aggregates,
                           core::OutputMode mode, const core::Schema &input)
{
    m_mode = mode;
    for (const QString &g : groupBy) {
        m_groupBy.push_back(input.indexOf(g));
        m_groupTypes.push_back(input.fields[size_t(m_groupBy.back())].type);
    }
    for (size_t i = 0; i < aggregates.size(); ++i) {
        const auto &a = aggregates[i];
        int expression = -1;
        DataType inputType = DataType::Null;
        if (!a.expr.isEmpty()) {
            m_checked.push_back(core::expr::Expression::compile(a.expr, input));
            m_expressions.push_back(ColumnarExpression::compile(*m_checked.back().expr, input));
            expression = int(m_expressions.size()) - 1;
            inputType = m_checked.back().type;
        }
        const DataType result = m_output.fields[m_firstKeyColumn + m_groupBy.size() + i].type;
        m_specs.push_back({Aggregate(a.fn.value_or(AggregateFunction::Count), inputType, result, a.expr.isEmpty()),
                           expression});
    }
}

size_t WindowAggregate::windowFor(uint64_t hash, int64_t start, int64_t end, const std::vector<const Column *> &groupColumns,
                                  size_t row)
{
    if ((m_windows.size() + 1) * 2 > m_slots.size()) { // keep the table at most half full
        m_slots.assign(std::max<size_t>(64, m_slots.size() * 2), Slot{});
        rebuildSlots();
    }
    const size_t mask = m_slots.size() - 1, keyCount = groupColumns.size();
    size_t i = size_t(hash) & mask;
    for (;; i = (i + 1) & mask) {
        const Slot &slot = m_slots[i];
        if (slot.index == UINT32_MAX)
            break;
        if (slot.hash != hash || m_windows[slot.index].start != start)
            continue;
        const OwnedValue *keys = m_windowKeys.data() + (slot.index * keyCount);
        bool same = true;
        for (size_t k = 0; same && k < keyCount; ++k)
            same = sameCell(keys[k], *groupColumns[k], row);
        if (same)
            return slot.index;
    }
    const size_t index = m_windows.size();
    m_windows.push_back(Window{start, end, hash, false});
    for (const Column *c : groupColumns)
        m_windowKeys.push_back(OwnedValue::fromCell(*c, row));
    m_windowStates.resize(m_windowStates.size() + m_specs.size());
    m_keys.push_back(groupkeys::windowOrderKey(start, groupColumns, row));
    m_slots[i] = Slot{hash, uint32_t(index)};
    return index;
}

void WindowAggregate::rebuildSlots()
{
    for (auto &slot : m_slots)
        slot = Slot{};
    const size_t mask = m_slots.size() - 1;
    for (size_t w = 0; w < m_windows.size(); ++w) {
        size_t i = size_t(m_windows[w].hash) & mask;
        while (m_slots[i].index != UINT32_MAX)
            i = (i + 1) & mask;
        m_slots[i] = Slot{m_windows[w].hash, uint32_t(w)};
    }
}

void WindowAggregate::accumulate(AggregateState *states, const std::vector<const Column *> &values, size_t row)
{
    for (size_t a = 0; a < m_specs.size(); ++a) {
        const int e = m_specs[a].expression;
        m_specs[a].aggregate.update(states[a], e < 0 ? nullptr : values[size_t(e)], row, m_seq);
    }
}

void WindowAggregate::accumulateWindow(size_t index, const std::vector<const Column *> &values, size_t row)
{
    accumulate(m_windowStates.data() + (index * m_specs.size()), values, row);
    m_windows[index].changed = true;
}

void WindowAggregate::process(int, const Batch &batch, int64_t watermark, Emitter &out)
{
    // Aggregated values: batch columns in place, computed ones kept here.
    std::vector<const Column *> values;
    std::vector<Column> computed;
    computed.reserve(m_expressions.size()); // `values` points into it
    StringArena scratch;
    for (const auto &e : m_expressions) {
        const int column = e->columnIndex();
        if (column >= 0) {
            values.push_back(&batch.columns[size_t(column)]);
        } else {
            computed.push_back(e->evaluate(batch, scratch));
            values.push_back(&computed.back());
        }
    }
    std::vector<const Column *> groupColumns;
    for (int g : m_groupBy)
        groupColumns.push_back(&batch.columns[size_t(g)]);
    const Column *eventTime = m_eventTime >= 0 ? &batch.columns[size_t(m_eventTime)] : nullptr;
    const bool complete = m_mode == core::OutputMode::Complete; // nothing is late: every window is kept

    Column late(DataType::Boolean);
    late.valid.assign(batch.rows, 1);
    late.ints.assign(batch.rows, 0);
    int64_t lateHere = 0;
    const bool tumbling = !m_global && m_kind == Kind::Tumbling && m_slide == m_size;
    if (m_global || m_kind != Kind::Session)
        hashGroupKeys(groupColumns, batch.rows, m_rowHashes);
    // The aggregate node: one window per group that never ends, or with the event
    // time among the keys, ends at the group's event time.
    constexpr int64_t kNever = std::numeric_limits<int64_t>::max();
    const Column *timeKey = m_timeKey >= 0 ? groupColumns[size_t(m_timeKey)] : nullptr;
    auto groupTime = [&](size_t row) { return timeKey && !timeKey->isNull(row) ? timeKey->ints[row] : 0; };
    if (m_global) {
        for (size_t row = 0; row < batch.rows; ++row)
            m_rowHashes[row] = withWindow(m_rowHashes[row], groupTime(row));
    }
    if (tumbling) {
        const Column &time = *eventTime;
        // One window per row: hash it in now, so that what rows a little ahead
        // will need can be fetched while this row is aggregated: the lookups are
        // random accesses, and waiting for each in turn was most of the cost. Three
        // steps, each reading what the one before fetched: the table slot, the
        // group, then the group's keys and aggregates.
        for (size_t row = 0; row < batch.rows; ++row) {
            if (!time.isNull(row))
                m_rowHashes[row] = withWindow(m_rowHashes[row], floorDiv(time.ints[row], m_size) * m_size);
        }
    }
    constexpr size_t kSlotAhead = 16, kWindowAhead = 6;
    const size_t keyCount = groupColumns.size(), stateCount = m_specs.size();
    auto fetchAhead = [&](size_t row) {
        const size_t mask = m_slots.size() - 1;
        if (row + kSlotAhead < batch.rows)
            __builtin_prefetch(&m_slots[size_t(m_rowHashes[row + kSlotAhead]) & mask]);
        if (row + kWindowAhead < batch.rows) {
            const uint32_t index = m_slots[size_t(m_rowHashes[row + kWindowAhead]) & mask].index;
            if (index < m_windows.size()) {
                __builtin_prefetch(&m_windows[index]);
                if (keyCount)
                    __builtin_prefetch(m_windowKeys.data() + (index * keyCount));
                if (stateCount)
                    __builtin_prefetch(m_windowStates.data() + (index * stateCount));
            }
        }
    };
    // Spark's rule: a (row, window) pair is late when the window's end is at or
    // behind the watermark, not when the row's event time is. A row too late for
    // its oldest sliding windows still counts in the newer, open ones; it goes to
    // the late output once, and each late pair is counted.
    auto markLate = [&](size_t row, int64_t pairs) {
        late.ints[row] = 1;
        lateHere += pairs;
    };
    for (size_t row = 0; row < batch.rows; ++row) {
        ++m_seq;
        if ((tumbling || m_global) && !m_slots.empty())
            fetchAhead(row);
        if (m_global) {
            const int64_t start = groupTime(row);
            const int64_t end = timeKey && !timeKey->isNull(row) ? start : kNever;
            if (!complete && end <= watermark)
                markLate(row, 1);
            else
                accumulateWindow(windowFor(m_rowHashes[row], start, end, groupColumns, row), values, row);
            continue;
        }
        const Column &time = *eventTime;
        if (time.isNull(row)) {
            markLate(row, 1);
            continue;
        }
        const int64_t ts = time.ints[row];
        if (m_kind == Kind::Session) {
            if (!complete && ts + m_gap <= watermark) { // its own session [ts, ts + gap) has ended
                markLate(row, 1);
                continue;
            }
            std::string groupKey;
            for (const Column *c : groupColumns)
                appendKey(groupKey, *c, row);
            processSession(groupKey, ts, batch, groupColumns, values, row);
            continue;
        }
        const int64_t lastStart = floorDiv(ts, m_slide) * m_slide;
        if (tumbling) {
            if (!complete && lastStart + m_size <= watermark)
                markLate(row, 1);
            else
                accumulateWindow(windowFor(m_rowHashes[row], lastStart, lastStart + m_size, groupColumns, row), values, row);
            continue;
        }
        int64_t latePairs = 0;
        for (int64_t start = lastStart; start > ts - m_size; start -= m_slide) {
            if (!complete && start + m_size <= watermark)
                ++latePairs;
            else
                accumulateWindow(windowFor(withWindow(m_rowHashes[row], start), start, start + m_size, groupColumns, row),
                                 values, row);
        }
        if (latePairs > 0)
            markLate(row, latePairs);
    }
    if (lateHere > 0) {
        context().countLateRows(lateHere);
        out.push(1, Filter::select(batch, late));
    }
}

void WindowAggregate::processSession(const std::string &groupKey, int64_t ts, const Batch &batch,
                                     const std::vector<const Column *> &groupColumns,
                                     const std::vector<const Column *> &values, size_t row)
{
    (void)batch;
    auto &sessions = m_sessions[groupKey];
    Session merged;
    merged.start = ts;
    merged.end = ts + m_gap;
    merged.aggregates.resize(m_specs.size());
    for (const Column *c : groupColumns)
        merged.keys.push_back(OwnedValue::fromCell(*c, row));
    // Fold every session this event's [ts, ts + gap) overlaps or touches into one
    // (Spark merges a session whose start is at or before another's end).
    for (auto it = sessions.begin(); it != sessions.end();) {
        if (it->start <= ts + m_gap && ts <= it->end) {
            merged.start = std::min(merged.start, it->start);
            merged.end = std::max(merged.end, it->end);
            for (size_t a = 0; a < m_specs.size(); ++a)
                m_specs[a].aggregate.merge(merged.aggregates[a], it->aggregates[a]);
            it = sessions.erase(it);
        } else {
            ++it;
        }
    }
    accumulate(merged.aggregates.data(), values, row);
    merged.changed = true;
    sessions.push_back(std::move(merged));
}

void WindowAggregate::endOfBatch(int64_t watermark, Emitter &out)
{
    const size_t keyCount = m_groupBy.size(), stateCount = m_specs.size();
    const bool complete = m_mode == core::OutputMode::Complete;
    int64_t changed = 0;
    for (const Window &w : m_windows)
        changed += w.changed;
    for (const auto &[key, sessions] : m_sessions) {
        for (const Session &g : sessions)
            changed += g.changed;
    }
    context().countUpdatedRows(changed);
    const bool anyChanged = changed > 0; // complete mode: the whole table, when a row changed it
    auto wanted = [&](int64_t end, bool changed) {
        switch (m_mode) {
        case core::OutputMode::Append: return end <= watermark;
        case core::OutputMode::Update: return changed;
        case core::OutputMode::Complete: return anyChanged;
        }
        return false;
    };
    std::vector<std::pair<OutputOrder, OutputRow>> chosen;
    for (size_t w = 0; w < m_windows.size(); ++w) {
        const Window &window = m_windows[w];
        if (wanted(window.end, window.changed))
            chosen.push_back({OutputOrder(window.start, m_keys[w], 8), // m_keys begin with the window start
                              {window.start, window.end, m_windowKeys.data() + (w * keyCount), m_windowStates.data() + (w * stateCount)}});
    }
    for (auto &[key, sessions] : m_sessions) {
        for (const Session &g : sessions) {
            if (wanted(g.end, g.changed))
                chosen.push_back({OutputOrder(g.start, key, 0), {g.start, g.end, g.keys.data(), g.aggregates.data()}});
        }
    }
    std::sort(chosen.begin(), chosen.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    if (!chosen.empty()) {
        std::vector<OutputRow> rows;
        rows.reserve(chosen.size());
        for (const auto &c : chosen)
            rows.push_back(c.second);
        emitRows(rows, out);
    }

    // Forget what is final (complete mode keeps everything); track changes afresh.
    auto evicted = [&](int64_t end) { return !complete && end <= watermark; };
    size_t kept = 0;
    for (size_t w = 0; w < m_windows.size(); ++w) {
        if (evicted(m_windows[w].end))
            continue;
        m_windows[w].changed = false;
        if (kept != w) {
            m_windows[kept] = m_windows[w];
            m_keys[kept] = std::move(m_keys[w]);
            for (size_t k = 0; k < keyCount; ++k)
                m_windowKeys[kept * keyCount + k] = std::move(m_windowKeys[w * keyCount + k]);
            for (size_t a = 0; a < stateCount; ++a)
                m_windowStates[kept * stateCount + a] = std::move(m_windowStates[w * stateCount + a]);
        }
        ++kept;
    }
    if (kept != m_windows.size()) {
        m_windows.resize(kept);
        m_keys.resize(kept);
        m_windowKeys.resize(kept * keyCount);
        m_windowStates.resize(kept * stateCount);
        rebuildSlots();
    }
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        auto &sessions = it->second;
        sessions.erase(std::remove_if(sessions.begin(), sessions.end(), [&](const Session &g) { return evicted(g.end); }),
                       sessions.end());
        for (auto &g : sessions)
            g.changed = false;
        it = sessions.empty() ? m_sessions.erase(it) : std::next(it);
    }
}

void WindowAggregate::emitRows(const std::vector<OutputRow> &rows, Emitter &out)
{
    out.push(0, rowsBatch(rows));
}

Batch WindowAggregate::rowsBatch(const std::vector<OutputRow> &rows) const
{
    const size_t keyCount = m_groupBy.size();
    Batch result = Batch::empty(m_output);
    StringArena &arena = result.arena();
    for (auto &c : result.columns)
        c.reserve(rows.size());
    const size_t first = m_firstKeyColumn;
    for (const OutputRow &row : rows) {
        if (!m_global) {
            result.columns[0].appendInt(row.start);
            result.columns[1].appendInt(row.end);
        }
        for (size_t k = 0; k < keyCount; ++k)
            row.keys[k].appendTo(result.columns[first + k], arena);
        for (size_t a = 0; a < m_specs.size(); ++a)
            m_specs[a].aggregate.appendResult(row.states[a], result.columns[first + keyCount + a], arena);
    }
    result.rows = rows.size();
    return result;
}

std::vector<StateTable> WindowAggregate::stateTables(size_t limit) const
{
    // Every window (session, group) held, with its results so far, in output order.
    const size_t keyCount = m_groupBy.size(), stateCount = m_specs.size();
    std::vector<std::pair<OutputOrder, OutputRow>> held;
    for (size_t w = 0; w < m_windows.size(); ++w)
        held.push_back({OutputOrder(m_windows[w].start, m_keys[w], 8),
                        {m_windows[w].start, m_windows[w].end, m_windowKeys.data() + (w * keyCount),
                         m_windowStates.data() + (w * stateCount)}});
    for (const auto &[key, sessions] : m_sessions) {
        for (const Session &g : sessions)
            held.push_back({OutputOrder(g.start, key, 0), {g.start, g.end, g.keys.data(), g.aggregates.data()}});
    }
    std::sort(held.begin(), held.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    std::vector<OutputRow> rows;
    for (size_t i = 0; i < held.size() && i < limit; ++i)
        rows.push_back(held[i].second);
    StateTable table;
    table.name = m_global ? QStringLiteral("groups") : QStringLiteral("windows");
    table.rows = rowsBatch(rows);
    table.total = int64_t(held.size());
    return {std::move(table)};
}

int64_t WindowAggregate::stateBytes() const
{
    auto valueBytes = [](const OwnedValue &v) { return sizeof(OwnedValue) + (v.s.capacity() > 15 ? v.s.capacity() : 0); };
    auto stateBytesOf = [&](const AggregateState &a) {
        size_t bytes = sizeof(AggregateState);
        if (a.kept) {
            bytes += sizeof(AggregateValue) + valueBytes(a.kept->value);
            for (const std::string &d : a.kept->distinct)
                bytes += 32 + sizeof(std::string) + (d.capacity() > 15 ? d.capacity() : 0);
        }
        return bytes;
    };
    size_t bytes = m_windows.capacity() * sizeof(Window) + m_slots.capacity() * sizeof(Slot)
                   + m_keys.capacity() * sizeof(std::string) + m_windowKeys.capacity() * sizeof(OwnedValue)
                   + (m_windowStates.capacity() - m_windowStates.size()) * sizeof(AggregateState);
    for (const std::string &k : m_keys)
        bytes += k.capacity() > 15 ? k.capacity() : 0;
    for (const OwnedValue &v : m_windowKeys)
        bytes += valueBytes(v) - sizeof(OwnedValue);
    for (const AggregateState &a : m_windowStates)
        bytes += stateBytesOf(a);
    for (const auto &[key, sessions] : m_sessions) {
        bytes += 64 + key.capacity() + sessions.capacity() * sizeof(Session);
        for (const Session &g : sessions) {
            for (const OwnedValue &v : g.keys)
                bytes += valueBytes(v);
            for (const AggregateState &a : g.aggregates)
                bytes += stateBytesOf(a);
        }
    }
    return int64_t(bytes);
}

int64_t WindowAggregate::stateRows() const
{
    int64_t sessions = 0;
    for (const auto &[key, list] : m_sessions)
        sessions += int64_t(list.size());
    return int64_t(m_windows.size()) + sessions;
}

} // namespace sw::runtime
