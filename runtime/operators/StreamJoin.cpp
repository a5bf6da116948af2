// SPDX-License-Identifier: GPL-3.0-or-later
#include "operators/StreamJoin.h"

#include "model/Duration.h"

#include <QJsonArray>

#include <algorithm>

namespace sw::runtime {

StreamJoin::StreamJoin(const QJsonObject &config, const core::Schema &left, const core::Schema &right,
                       const core::Schema &output)
    : m_output(output), m_pending(Batch::empty(output))
{
    const QString type = config.value(QStringLiteral("joinType")).toString(QStringLiteral("inner"));
    m_keepLeft = type == u"left" || type == u"full";
    m_keepRight = type == u"right" || type == u"full";
    const QJsonObject within = config.value(QStringLiteral("within")).toObject();
    m_from = core::Duration::parseMs(within.value(QStringLiteral("from")).toString()).value_or(0);
    m_to = core::Duration::parseMs(within.value(QStringLiteral("to")).toString()).value_or(0);
    m_time[0] = left.indexOf(within.value(QStringLiteral("left")).toString());
    m_time[1] = right.indexOf(within.value(QStringLiteral("right")).toString());
    QStringList usingNames;
    for (const auto &p : config.value(QStringLiteral("on")).toArray()) {
        const QJsonArray pair = p.toArray();
        m_keys[0].push_back(left.indexOf(pair[0].toString()));
        m_keys[1].push_back(right.indexOf(pair[1].toString()));
        if (pair[0].toString() == pair[1].toString() && !usingNames.contains(pair[0].toString()))
            usingNames << pair[0].toString();
    }
    for (const QString &name : usingNames)
        m_sources.push_back({2, left.indexOf(name), right.indexOf(name)});
    for (size_t i = 0; i < left.fields.size(); ++i) {
        if (!usingNames.contains(left.fields[i].name))
            m_sources.push_back({0, int(i), -1});
    }
    for (size_t i = 0; i < right.fields.size(); ++i) {
        if (!usingNames.contains(right.fields[i].name))
            m_sources.push_back({1, -1, int(i)});
    }
}

void StreamJoin::emitRow(Batch &out, const std::vector<OwnedValue> *left, const std::vector<OwnedValue> *right)
{
    StringArena &arena = out.arena();
    for (size_t o = 0; o < m_sources.size(); ++o) {
        const Source &s = m_sources[o];
        const OwnedValue *v = nullptr;
        if (s.side == 0 && left)
            v = &(*left)[size_t(s.left)];
        else if (s.side == 1 && right)
            v = &(*right)[size_t(s.right)];
        else if (s.side == 2)
            v = left && !(*left)[size_t(s.left)].null ? &(*left)[size_t(s.left)] : right ? &(*right)[size_t(s.right)] : nullptr;
        if (v)
            v->appendTo(out.columns[o], arena);
        else
            out.columns[o].appendNull();
    }
    ++out.rows;
}

void StreamJoin::process(int side, const Batch &batch, int64_t watermark, Emitter &)
{
    const int other = 1 - side;
    const Column &time = batch.columns[size_t(m_time[side])];
    std::string key;
    for (size_t r = 0; r < batch.rows; ++r) {
        if (time.isNull(r) || time.ints[r] <= watermark) {
            ++m_late;
            continue;
        }
        key.clear();
        bool nullKey = false;
        for (int k : m_keys[side]) {
            nullKey = nullKey || batch.columns[size_t(k)].isNull(r);
            appendKey(key, batch.columns[size_t(k)], r);
        }
        Stored row{time.ints[r], {}, false};
        row.values.reserve(batch.columns.size());
        for (const Column &c : batch.columns)
            row.values.push_back(OwnedValue::fromCell(c, r));
        if (!nullKey) { // NULL keys never match (SQL), but outer rows still come out
            const auto found = m_state[other].find(key);
            if (found != m_state[other].end()) {
                for (Stored &candidate : found->second) {
                    const int64_t leftTs = side == 0 ? row.ts : candidate.ts;
                    const int64_t rightTs = side == 0 ? candidate.ts : row.ts;
                    if (rightTs < leftTs + m_from || rightTs > leftTs + m_to)
                        continue;
                    candidate.matched = true;
                    row.matched = true;
                    emitRow(m_pending, side == 0 ? &row.values : &candidate.values, side == 0 ? &candidate.values : &row.values);
                }
            }
        }
        m_state[side][key].push_back(std::move(row));
        ++m_stored;
    }
}

void StreamJoin::evict(std::vector<Stored> &rows, int side, int64_t watermark, Batch &out)
{
    const bool keep = side == 0 ? m_keepLeft : m_keepRight;
    auto expired = [&](const Stored &s) { return side == 0 ? s.ts + m_to <= watermark : s.ts - m_from <= watermark; };
    for (const Stored &s : rows) {
        if (keep && !s.matched && expired(s))
            emitRow(out, side == 0 ? &s.values : nullptr, side == 0 ? nullptr : &s.values);
    }
    const size_t before = rows.size();
    rows.erase(std::remove_if(rows.begin(), rows.end(), expired), rows.end());
    m_stored -= before - rows.size();
}

void StreamJoin::endOfBatch(int64_t watermark, Emitter &out)
{
    // Matches first, in arrival order; then outer rows whose time has passed, in key
    // order (the hash map's order is not deterministic), left side before right.
    if (m_pending.rows > 0) {
        out.push(0, std::move(m_pending));
        m_pending = Batch::empty(m_output);
    }
    Batch outer = Batch::empty(m_output);
    for (int side = 0; side < 2; ++side) {
        std::vector<std::string> keys;
        keys.reserve(m_state[side].size());
        for (const auto &entry : m_state[side])
            keys.push_back(entry.first);
        std::sort(keys.begin(), keys.end());
        for (const std::string &k : keys) {
            auto it = m_state[side].find(k);
            evict(it->second, side, watermark, outer);
            if (it->second.empty())
                m_state[side].erase(it);
        }
    }
    if (outer.rows > 0)
        out.push(0, std::move(outer));
}

OperatorStats StreamJoin::stats() const
{
    OperatorStats s;
    s.stateRows = int64_t(m_stored);
    s.lateRowsDropped = m_late;
    return s;
}

} // namespace sw::runtime
