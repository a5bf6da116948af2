// SPDX-License-Identifier: GPL-3.0-or-later
#include "operators/StreamJoin.h"

#include "expr/Printer.h"

#include <algorithm>

namespace sw::runtime {

StreamJoin::StreamJoin(const core::StreamJoinSettings &settings, const core::Schema &left, const core::Schema &right,
                       const core::Schema &output)
    : m_output(output), m_pending(Batch::empty(output))
{
    m_store[0] = Batch::empty(left);
    m_store[1] = Batch::empty(right);
    m_keepLeft = settings.keepsLeft();
    m_keepRight = settings.keepsRight();
    m_from = settings.fromMs.value_or(0);
    m_to = settings.toMs.value_or(0);
    m_time[0] = left.indexOf(settings.leftTime);
    m_time[1] = right.indexOf(settings.rightTime);
    QStringList usingNames;
    for (const core::FieldPair &pair : settings.on) {
        m_keys[0].push_back(left.indexOf(pair.left));
        m_keys[1].push_back(right.indexOf(pair.right));
        if (pair.left == pair.right && !usingNames.contains(pair.left))
            usingNames << pair.left;
    }
    for (const QString &name : usingNames)
        m_sources.push_back({2, left.indexOf(name), right.indexOf(name)});
    for (qsizetype i = 0; i < left.fields.size(); ++i) {
        if (!usingNames.contains(left.fields[i].name))
            m_sources.push_back({0, int(i), -1});
    }
    for (qsizetype i = 0; i < right.fields.size(); ++i) {
        if (!usingNames.contains(right.fields[i].name))
            m_sources.push_back({1, -1, int(i)});
    }
    if (!settings.condition.isEmpty())
        splitCondition(settings.condition);
}

void StreamJoin::splitCondition(const QString &condition)
{
    using namespace core::expr;
    const CheckedExpression whole = Expression::compile(condition, m_output);
    if (!whole.ok())
        return; // the validator refused it; a pipeline that did not validate never runs
    std::vector<const Expr *> conjuncts, pending{whole.expr.get()};
    while (!pending.empty()) {
        const Expr *e = pending.back();
        pending.pop_back();
        if (e->kind == ExprKind::Binary && e->op == Op::And) {
            pending.push_back(e->args[1].get());
            pending.push_back(e->args[0].get());
        } else {
            conjuncts.push_back(e);
        }
    }
    // Which side an output column comes from: a USING key is either's.
    auto sideOf = [&](const QString &name) {
        const int o = m_output.indexOf(name);
        return o < 0 ? -1 : m_sources[size_t(o)].side;
    };
    QStringList parts[3]; // left only, right only, both
    for (const Expr *c : conjuncts) {
        bool usesLeft = false, usesRight = false;
        for (const QString &name : Expression::referencedColumns(*c)) {
            const int side = sideOf(name);
            usesLeft = usesLeft || side == 0;
            usesRight = usesRight || side == 1;
        }
        const QString text = u'(' + Printer::print(*c) + u')';
        if (usesLeft != usesRight) {
            parts[usesLeft ? 0 : 1] << text;
        } else if (!usesLeft && !Expression::referencedColumns(*c).isEmpty()) {
            parts[0] << text; // USING keys alone: equal on both sides of a match, so either side's
            parts[1] << text;
        } else {
            parts[2] << text;
        }
    }
    auto compiled = [&](const QStringList &list) -> std::optional<Predicate> {
        if (list.isEmpty())
            return std::nullopt;
        Predicate p{Expression::compile(list.join(QStringLiteral(" AND ")), m_output), nullptr};
        if (!p.checked.ok())
            return std::nullopt;
        p.columnar = ColumnarExpression::compile(*p.checked.expr, m_output);
        return p;
    };
    m_ownSide[0] = compiled(parts[0]);
    m_ownSide[1] = compiled(parts[1]);
    m_pairs = compiled(parts[2]);
}

Batch StreamJoin::asJoined(int side, const Batch &batch) const
{
    Batch joined = Batch::empty(m_output);
    joined.rows = batch.rows;
    joined.shareArenasOf(batch);
    for (size_t o = 0; o < m_sources.size(); ++o) {
        const Source &s = m_sources[o];
        // This side's columns, and the USING keys (which it has too).
        const int column = s.side == 2 || s.side == side ? (side == 0 ? s.left : s.right) : -1;
        if (column >= 0)
            joined.columns[o] = batch.columns[size_t(column)];
        else
            joined.columns[o].resizeNull(batch.rows);
    }
    return joined;
}

namespace {
// Appends row `row` of `from` to `to`, copying strings into `to`'s arena.
uint32_t appendRow(Batch &to, const Batch &from, size_t row)
{
    StringArena &arena = to.arena();
    for (size_t c = 0; c < from.columns.size(); ++c) {
        const Column &col = from.columns[c];
        if (col.usesStrings() && !col.isNull(row))
            to.columns[c].appendString(arena.copy(col.strings[row]));
        else
            to.columns[c].appendFrom(col, row);
    }
    return uint32_t(to.rows++);
}
} // namespace

uint32_t StreamJoin::store(int side, const Batch &batch, size_t row)
{
    ++m_live[side];
    return appendRow(m_store[side], batch, row);
}

void StreamJoin::compact(int side)
{
    // Copy the live rows (and their strings) into a fresh store; batches already
    // emitted keep the old arena alive for as long as they need it.
    Batch fresh = Batch::empty(m_store[side].schema);
    for (auto &[key, rows] : m_state[side]) {
        for (Stored &s : rows)
            s.row = appendRow(fresh, m_store[side], s.row);
    }
    m_live[side] = fresh.rows;
    m_store[side] = std::move(fresh);
}

void StreamJoin::emitRow(Batch &out, const Stored *left, const Stored *right)
{
    for (int side = 0; side < 2; ++side) {
        if (side == 0 ? left : right)
            out.shareArenasOf(m_store[side]);
    }
    for (size_t o = 0; o < m_sources.size(); ++o) {
        const Source &s = m_sources[o];
        Column &to = out.columns[o];
        int side = s.side;
        if (side == 2) // a USING key: the left value, or the right one when there is no left row
            side = left && !m_store[0].columns[size_t(s.left)].isNull(left->row) ? 0 : 1;
        const Stored *stored = side == 0 ? left : right;
        if (!stored)
            to.appendNull();
        else
            to.appendFrom(m_store[side].columns[size_t(side == 0 ? s.left : s.right)], stored->row);
    }
    ++out.rows;
}

void StreamJoin::process(int side, const Batch &batch, int64_t watermark, Emitter &)
{
    const int other = 1 - side;
    const Column &time = batch.columns[size_t(m_time[side])];
    // The condition's parts about this side alone, for every row at once.
    std::optional<Batch> joined;
    Column ownSide;
    if (m_ownSide[side]) {
        joined = asJoined(side, batch);
        StringArena scratch;
        ownSide = m_ownSide[side]->columnar->evaluate(*joined, scratch);
    }
    const bool keepUnmatched = side == 0 ? m_keepLeft : m_keepRight;
    // Pairs the keys and the time bound allow; with a condition about both sides,
    // they are checked together at the end.
    struct Pair
    {
        std::vector<Stored> *rows; // the arriving row's key's stored rows, and its index there
        size_t index;
        Stored *candidate;
    };
    std::vector<Pair> pairs;
    Batch candidates = Batch::empty(m_output);
    std::string key;
    int64_t late = 0;
    for (size_t r = 0; r < batch.rows; ++r) {
        if (time.isNull(r) || time.ints[r] <= watermark) {
            ++late;
            continue;
        }
        if (m_ownSide[side] && (ownSide.isNull(r) || !ownSide.ints[r])) {
            // It can never match: not stored; an outer side's row comes out now.
            if (keepUnmatched)
                m_pending.appendRows(*joined, r, r + 1);
            continue;
        }
        const bool nullKey = rowKey(key, batch.columns, m_keys[side], r);
        std::vector<Stored> &rows = m_state[side][key];
        rows.push_back(Stored{time.ints[r], store(side, batch, r), false});
        ++m_stored;
        context().countUpdatedRows(1);
        if (nullKey) // NULL keys never match (SQL), but outer rows still come out
            continue;
        const auto found = m_state[other].find(key);
        if (found == m_state[other].end())
            continue;
        for (Stored &candidate : found->second) {
            const Stored &row = rows.back();
            const int64_t leftTs = side == 0 ? row.ts : candidate.ts;
            const int64_t rightTs = side == 0 ? candidate.ts : row.ts;
            if (rightTs < leftTs + m_from || rightTs > leftTs + m_to)
                continue;
            if (!m_pairs) {
                candidate.matched = true;
                rows.back().matched = true;
                emitRow(m_pending, side == 0 ? &row : &candidate, side == 0 ? &candidate : &row);
                continue;
            }
            pairs.push_back({&rows, rows.size() - 1, &candidate});
            emitRow(candidates, side == 0 ? &row : &candidate, side == 0 ? &candidate : &row);
        }
    }
    context().countLateRows(late);
    if (pairs.empty())
        return;
    StringArena scratch;
    const Column meets = m_pairs->columnar->evaluate(candidates, scratch);
    for (size_t i = 0; i < pairs.size(); ++i) {
        if (meets.isNull(i) || !meets.ints[i])
            continue;
        (*pairs[i].rows)[pairs[i].index].matched = true;
        pairs[i].candidate->matched = true;
        m_pending.appendRows(candidates, i, i + 1);
    }
}

void StreamJoin::evict(std::vector<Stored> &rows, int side, int64_t watermark, Batch &out)
{
    const bool keep = side == 0 ? m_keepLeft : m_keepRight;
    // The bound is inclusive (BETWEEN), so, as Spark does (it subtracts 1 ms from
    // the state watermark it derives from an inclusive bound), a row exactly on it
    // stays one millisecond longer.
    auto expired = [&](const Stored &s) { return side == 0 ? s.ts + m_to < watermark : s.ts - m_from < watermark; };
    for (const Stored &s : rows) {
        if (keep && !s.matched && expired(s))
            emitRow(out, side == 0 ? &s : nullptr, side == 0 ? nullptr : &s);
    }
    const size_t before = rows.size();
    rows.erase(std::remove_if(rows.begin(), rows.end(), expired), rows.end());
    const size_t gone = before - rows.size();
    m_stored -= gone;
    m_live[side] -= gone;
    context().countEvictedRows(int64_t(gone));
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
    for (int side = 0; side < 2; ++side) {
        if (m_store[side].rows > 2 * m_live[side] + 4096)
            compact(side);
    }
}

int64_t StreamJoin::stateBytes() const
{
    size_t bytes = 0;
    for (int side = 0; side < 2; ++side) {
        for (const Column &c : m_store[side].columns)
            bytes += c.valid.capacity() + c.ints.capacity() * 8 + c.doubles.capacity() * 8 + c.strings.capacity() * 16;
        for (const auto &arena : m_store[side].arenas)
            bytes += arena->bytes();
        for (const auto &[key, rows] : m_state[side])
            bytes += 64 + key.capacity() + rows.capacity() * sizeof(Stored);
    }
    return int64_t(bytes);
}

std::vector<StateTable> StreamJoin::stateTables(size_t limit) const
{
    // Each side's stored rows (waiting for a match within the time bound), by key
    // and then in arrival order.
    std::vector<StateTable> tables;
    for (int side = 0; side < 2; ++side) {
        StateTable t;
        t.name = side == 0 ? QStringLiteral("left") : QStringLiteral("right");
        t.rows = Batch::empty(m_store[side].schema);
        std::vector<std::pair<std::string, std::vector<Stored>>> byKey(m_state[side].begin(), m_state[side].end());
        std::sort(byKey.begin(), byKey.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &[key, rows] : byKey) {
            for (const Stored &s : rows) {
                if (size_t(t.total++) < limit)
                    t.rows.appendRows(m_store[side], s.row, s.row + 1);
            }
        }
        tables.push_back(std::move(t));
    }
    return tables;
}

void StreamJoin::snapshot(StateWriter &out) const
{
    // Between batches m_pending is empty: every match was pushed at endOfBatch.
    out.section("join.stream", 1);
    out.boolean(m_keepLeft);
    out.boolean(m_keepRight);
    out.i64(m_from);
    out.i64(m_to);
    for (int side = 0; side < 2; ++side) {
        const Batch &store = m_store[side];
        out.u64(store.columns.size());
        for (const Column &c : store.columns)
            out.u8(uint8_t(c.type));
        // Each key's rows in arrival order (matches are emitted in that order);
        // keys sorted, as the hash map's order is not deterministic.
        std::vector<const std::string *> keys;
        keys.reserve(m_state[side].size());
        for (const auto &entry : m_state[side])
            keys.push_back(&entry.first);
        std::sort(keys.begin(), keys.end(), [](const std::string *a, const std::string *b) { return *a < *b; });
        out.u64(keys.size());
        for (const std::string *key : keys) {
            out.bytes(*key);
            const auto &rows = m_state[side].at(*key);
            out.u64(rows.size());
            for (const Stored &s : rows) {
                out.i64(s.ts);
                out.boolean(s.matched);
                for (const Column &c : store.columns)
                    out.cell(c, s.row);
            }
        }
    }
}

void StreamJoin::restore(StateReader &in)
{
    if (!in.section("join.stream", 1))
        return;
    in.expectSame("join type (keeps left rows)", in.boolean(), m_keepLeft);
    in.expectSame("join type (keeps right rows)", in.boolean(), m_keepRight);
    in.expectSame("time bound \"from\" (ms)", in.i64(), m_from);
    in.expectSame("time bound \"to\" (ms)", in.i64(), m_to);
    Batch stores[2];
    State states[2];
    size_t stored = 0;
    for (int side = 0; side < 2 && in.ok(); ++side) {
        stores[side] = Batch::empty(m_store[side].schema);
        Batch &store = stores[side];
        in.expectSame(side == 0 ? "number of left fields" : "number of right fields", int64_t(in.u64()),
                      int64_t(store.columns.size()));
        for (size_t c = 0; c < store.columns.size() && in.ok(); ++c)
            in.expectSame("field type", in.u8(), uint8_t(store.columns[c].type));
        const size_t keys = in.count(16);
        for (size_t k = 0; k < keys && in.ok(); ++k) {
            auto &rows = states[side][in.bytes()];
            const size_t n = in.count(9 + store.columns.size());
            for (size_t r = 0; r < n && in.ok(); ++r) {
                Stored s;
                s.ts = in.i64();
                s.matched = in.boolean();
                for (Column &c : store.columns)
                    in.cell(c, store.arena());
                s.row = uint32_t(store.rows++);
                rows.push_back(s);
                ++stored;
            }
        }
    }
    if (!in.ok())
        return;
    for (int side = 0; side < 2; ++side) {
        m_store[side] = std::move(stores[side]);
        m_state[side] = std::move(states[side]);
        m_live[side] = m_store[side].rows;
    }
    m_stored = stored;
    m_pending = Batch::empty(m_output);
}

} // namespace sw::runtime
