// SPDX-License-Identifier: GPL-3.0-or-later
// WindowAggregate's snapshot and restore: the open windows and sessions as plain data.
#include "operators/GroupKeyHash.h"
#include "operators/WindowAggregate.h"

#include <algorithm>
#include <bit>

namespace sw::runtime {

using groupkeys::hashGroupKeys;
using groupkeys::withWindow;

// What the state means: a snapshot is only read into the same window, grouping
// and aggregates (the group keys' and aggregated values' types included).
void WindowAggregate::writeSettings(StateWriter &out) const
{
    out.u8(uint8_t(m_kind));
    out.i64(m_size);
    out.i64(m_slide);
    out.i64(m_gap);
    out.u64(m_groupTypes.size());
    for (DataType t : m_groupTypes)
        out.u8(uint8_t(t));
    out.u64(m_specs.size());
    for (const Spec &s : m_specs)
        out.u8(uint8_t(s.aggregate.function()));
}

void WindowAggregate::readSettings(StateReader &in) const
{
    in.expectSame("window kind", in.u8(), uint8_t(m_kind));
    in.expectSame("window size (ms)", in.i64(), m_size);
    in.expectSame("window slide (ms)", in.i64(), m_slide);
    in.expectSame("session gap (ms)", in.i64(), m_gap);
    in.expectSame("number of groupBy fields", int64_t(in.u64()), int64_t(m_groupTypes.size()));
    for (size_t k = 0; in.ok() && k < m_groupTypes.size(); ++k)
        in.expectSame("groupBy field type", in.u8(), uint8_t(m_groupTypes[k]));
    in.expectSame("number of aggregates", int64_t(in.u64()), int64_t(m_specs.size()));
    for (size_t a = 0; in.ok() && a < m_specs.size(); ++a)
        in.expectSame("aggregate function", in.u8(), uint8_t(m_specs[a].aggregate.function()));
}

void WindowAggregate::snapshot(StateWriter &out) const
{
    const size_t keyCount = m_groupBy.size(), stateCount = m_specs.size();
    out.section(m_global ? "aggregate" : "window.aggregate", 1);
    writeSettings(out);
    out.u64(m_seq);
    out.u64(m_windows.size());
    for (size_t w = 0; w < m_windows.size(); ++w) {
        out.i64(m_windows[w].start);
        out.i64(m_windows[w].end);
        out.boolean(m_windows[w].changed);
        for (size_t k = 0; k < keyCount; ++k)
            out.value(m_windowKeys[w * keyCount + k]);
        for (size_t a = 0; a < stateCount; ++a)
            out.aggregate(m_windowStates[w * stateCount + a]);
    }
    std::vector<const std::string *> groups;
    groups.reserve(m_sessions.size());
    for (const auto &entry : m_sessions)
        groups.push_back(&entry.first);
    std::sort(groups.begin(), groups.end(), [](const std::string *a, const std::string *b) { return *a < *b; });
    out.u64(groups.size());
    for (const std::string *group : groups) {
        out.bytes(*group);
        const auto &sessions = m_sessions.at(*group);
        out.u64(sessions.size());
        for (const Session &g : sessions) {
            out.i64(g.start);
            out.i64(g.end);
            out.boolean(g.changed);
            for (const OwnedValue &v : g.keys)
                out.value(v);
            for (const AggregateState &s : g.aggregates)
                out.aggregate(s);
        }
    }
}

void WindowAggregate::restore(StateReader &in)
{
    if (!in.section(m_global ? "aggregate" : "window.aggregate", 1))
        return;
    readSettings(in);
    const size_t keyCount = m_groupBy.size(), stateCount = m_specs.size();
    auto readKeys = [&](std::vector<OwnedValue> &into) {
        for (size_t k = 0; k < keyCount && in.ok(); ++k) {
            OwnedValue v = in.value();
            if (!v.null && v.type != m_groupTypes[k])
                in.fail("the state is corrupt: a group key of the wrong type");
            into.push_back(std::move(v));
        }
    };
    const uint64_t seq = in.u64();
    std::vector<Window> windows;
    std::vector<OwnedValue> windowKeys;
    std::vector<AggregateState> windowStates;
    const size_t windowCount = in.count(17);
    for (size_t w = 0; w < windowCount && in.ok(); ++w) {
        Window window;
        window.start = in.i64();
        window.end = in.i64();
        window.changed = in.boolean();
        windows.push_back(window);
        readKeys(windowKeys);
        for (size_t a = 0; a < stateCount && in.ok(); ++a)
            in.aggregate(windowStates.emplace_back());
    }
    std::unordered_map<std::string, std::vector<Session>> sessions;
    const size_t groupCount = in.count(16);
    for (size_t g = 0; g < groupCount && in.ok(); ++g) {
        auto &list = sessions[in.bytes()];
        const size_t n = in.count(17);
        for (size_t i = 0; i < n && in.ok(); ++i) {
            Session &s = list.emplace_back();
            s.start = in.i64();
            s.end = in.i64();
            s.changed = in.boolean();
            readKeys(s.keys);
            s.aggregates.resize(stateCount);
            for (auto &a : s.aggregates)
                in.aggregate(a);
        }
    }
    if (!in.ok())
        return;
    // The lookup hashes and output-order keys, computed from the group keys as
    // process() computes them from a batch's columns.
    StringArena arena;
    std::vector<Column> keyColumns;
    for (DataType t : m_groupTypes)
        keyColumns.emplace_back(t);
    for (size_t w = 0; w < windows.size(); ++w) {
        for (size_t k = 0; k < keyCount; ++k)
            windowKeys[w * keyCount + k].appendTo(keyColumns[k], arena);
    }
    std::vector<const Column *> columns;
    for (const Column &c : keyColumns)
        columns.push_back(&c);
    std::vector<uint64_t> hashes;
    hashGroupKeys(columns, windows.size(), hashes);
    m_keys.clear();
    for (size_t w = 0; w < windows.size(); ++w) {
        windows[w].hash = withWindow(hashes[w], windows[w].start);
        m_keys.push_back(groupkeys::windowOrderKey(windows[w].start, columns, w));
    }
    m_seq = seq;
    m_windows = std::move(windows);
    m_windowKeys = std::move(windowKeys);
    m_windowStates = std::move(windowStates);
    m_sessions = std::move(sessions);
    m_slots.assign(std::max<size_t>(64, std::bit_ceil((m_windows.size() + 1) * 2)), Slot{});
    rebuildSlots();
}

} // namespace sw::runtime
