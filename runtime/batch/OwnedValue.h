// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/Column.h"
#include "batch/StringArena.h"

#include <cmath>
#include <cstring>
#include <string>

namespace sw::runtime {

// One value kept in operator state, owning its bytes (state outlives batches).
// Plain data: state made of these can be serialised for checkpoints.
struct OwnedValue
{
    DataType type = DataType::Null;
    bool null = true;
    int64_t i = 0;
    double d = 0;
    std::string s;

    static OwnedValue fromCell(const Column &c, size_t row)
    {
        OwnedValue v;
        v.type = c.type;
        if (c.type == DataType::Null || c.isNull(row))
            return v;
        v.null = false;
        if (c.usesInts())
            v.i = c.ints[row];
        else if (c.type == DataType::Double)
            v.d = c.doubles[row];
        else if (c.usesStrings())
            v.s.assign(c.strings[row]);
        return v;
    }

    void appendTo(Column &c, StringArena &arena) const
    {
        if (null) {
            c.appendNull();
        } else if (c.usesInts()) {
            c.appendInt(type == DataType::Double ? int64_t(d) : i);
        } else if (c.type == DataType::Double) {
            c.appendDouble(type == DataType::Double ? d : double(i));
        } else {
            c.appendString(arena.copy(s));
        }
    }
};

// Appends a cell to a binary key so that equal values (SQL grouping equality: all
// NULLs together, -0.0 = 0.0, NaN = NaN) give equal bytes.
inline void appendKey(std::string &key, const Column &c, size_t row)
{
    if (c.type == DataType::Null || c.isNull(row)) {
        key.push_back('\0');
        return;
    }
    key.push_back('\1');
    char bytes[8];
    if (c.usesInts()) {
        std::memcpy(bytes, &c.ints[row], 8);
        key.append(bytes, 8);
    } else if (c.type == DataType::Double) {
        double d = c.doubles[row];
        if (d == 0)
            d = 0; // -0.0
        if (std::isnan(d))
            d = std::nan("");
        std::memcpy(bytes, &d, 8);
        key.append(bytes, 8);
    } else {
        const auto size = uint32_t(c.strings[row].size());
        std::memcpy(bytes, &size, 4);
        key.append(bytes, 4);
        key.append(c.strings[row]);
    }
}

// Replaces `key` with the key of row `row` over `columns` (join keys, dedupe keys,
// lookup tables). Returns whether any key column is NULL: SQL joins never match
// those.
inline bool rowKey(std::string &key, const std::vector<Column> &batchColumns, const std::vector<int> &columns, size_t row)
{
    key.clear();
    bool hasNull = false;
    for (int c : columns) {
        const Column &col = batchColumns[size_t(c)];
        hasNull = hasNull || col.type == DataType::Null || col.isNull(row);
        appendKey(key, col, row);
    }
    return hasNull;
}

} // namespace sw::runtime
