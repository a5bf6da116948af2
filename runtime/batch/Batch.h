// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/Column.h"
#include "batch/StringArena.h"
#include "model/Schema.h"

#include <memory>
#include <vector>

namespace sw::runtime {

// Rows flowing along one edge in one micro-batch, column by column. String columns
// point into `arenas`, which the batch shares with the batches it was derived from
// (a filter passes views on without copying bytes).
struct Batch
{
    core::Schema schema;
    std::vector<Column> columns; // one per schema field, same order
    size_t rows = 0;
    std::vector<std::shared_ptr<StringArena>> arenas;

    static Batch empty(const core::Schema &schema)
    {
        Batch b;
        b.schema = schema;
        for (const auto &f : schema.fields)
            b.columns.emplace_back(f.type);
        return b;
    }
    int columnIndex(const QString &name) const { return schema.indexOf(name); }
    // The arena new strings of this batch go to (created on first use).
    StringArena &arena()
    {
        if (!m_own) {
            m_own = std::make_shared<StringArena>();
            arenas.push_back(m_own);
        }
        return *m_own;
    }
    // Appends rows [begin, end) of `other` (same schema); their strings stay in
    // other's arenas, which this batch then shares.
    void appendRows(const Batch &other, size_t begin, size_t end)
    {
        if (end <= begin)
            return;
        for (size_t c = 0; c < columns.size(); ++c)
            columns[c].appendRange(other.columns[c], begin, end);
        rows += end - begin;
        shareArenasOf(other);
    }
    // Removes the rows at `sorted` (ascending, distinct).
    void eraseRows(const std::vector<size_t> &sorted)
    {
        for (auto &c : columns)
            c.eraseRows(sorted);
        rows -= sorted.size();
    }
    void dropFrontRows(size_t n)
    {
        for (auto &c : columns)
            c.eraseFront(n);
        rows -= n;
    }
    // Rows [begin, end) in a batch of their own, strings copied into its arena: the
    // arenas of this batch are not kept alive by the copy.
    Batch copyRows(size_t begin, size_t end) const
    {
        Batch copy = empty(schema);
        StringArena &arena = copy.arena();
        for (size_t c = 0; c < columns.size(); ++c) {
            Column &to = copy.columns[c];
            to.appendRange(columns[c], begin, end);
            if (to.usesStrings()) {
                for (size_t r = 0; r < to.size(); ++r) {
                    if (to.valid[r])
                        to.strings[r] = arena.copy(to.strings[r]);
                }
            }
        }
        copy.rows = end > begin ? end - begin : 0;
        return copy;
    }
    void shareArenasOf(const Batch &other)
    {
        for (const auto &a : other.arenas) {
            bool present = false;
            for (const auto &mine : arenas)
                present = present || mine == a;
            if (!present)
                arenas.push_back(a);
        }
    }

private:
    std::shared_ptr<StringArena> m_own;
};

} // namespace sw::runtime
