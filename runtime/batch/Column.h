// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/DataType.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace sw::runtime {

using core::DataType;

// One typed column of a batch. Exactly one value vector is used, chosen by type:
// `ints` for int, timestamp (epoch ms) and boolean (0/1), `doubles` for double,
// `strings` for string and the arrays (their canonical JSON text; views into the
// batch's arenas). `valid[i]` is 0 for NULL.
struct Column
{
    DataType type = DataType::Null;
    std::vector<int64_t> ints;
    std::vector<double> doubles;
    std::vector<std::string_view> strings;
    std::vector<uint8_t> valid;

    Column() = default;
    explicit Column(DataType t) : type(t) {}

    size_t size() const { return valid.size(); }
    bool isNull(size_t i) const { return !valid[i]; }
    bool usesInts() const
    {
        return type == DataType::Int || type == DataType::Timestamp || type == DataType::Boolean;
    }
    bool usesStrings() const { return type == DataType::String || core::isArray(type); }

    // Calls f with the value vector this column's type uses (none for Null).
    template <typename F>
    void withValues(F &&f)
    {
        if (usesInts())
            f(ints);
        else if (type == DataType::Double)
            f(doubles);
        else if (usesStrings())
            f(strings);
    }

    void reserve(size_t n)
    {
        valid.reserve(n);
        withValues([n](auto &values) { values.reserve(n); });
    }
    // n NULLs (the value slots hold zeros).
    void resizeNull(size_t n)
    {
        valid.assign(n, 0);
        withValues([n](auto &values) { values.assign(n, {}); });
    }
    // n rows: those beyond the current ones are NULL, those beyond n are dropped
    // (the vectors keep their capacity).
    void resize(size_t n)
    {
        valid.resize(n);
        withValues([n](auto &values) { values.resize(n); });
    }
    void appendNull()
    {
        valid.push_back(0);
        withValues([](auto &values) { values.emplace_back(); });
    }
    // Row i becomes NULL (its value slot a zero, as appendNull() leaves it).
    void setNull(size_t i)
    {
        valid[i] = 0;
        withValues([i](auto &values) { values[i] = {}; });
    }
    void appendInt(int64_t v)
    {
        valid.push_back(1);
        ints.push_back(v);
    }
    void appendDouble(double v)
    {
        valid.push_back(1);
        doubles.push_back(v);
    }
    void appendString(std::string_view v)
    {
        valid.push_back(1);
        strings.push_back(v);
    }
    // Copies rows [begin, end) of `other` (same type) to the end.
    void appendRange(const Column &other, size_t begin, size_t end)
    {
        valid.insert(valid.end(), other.valid.begin() + long(begin), other.valid.begin() + long(end));
        if (usesInts())
            ints.insert(ints.end(), other.ints.begin() + long(begin), other.ints.begin() + long(end));
        else if (type == DataType::Double)
            doubles.insert(doubles.end(), other.doubles.begin() + long(begin), other.doubles.begin() + long(end));
        else if (usesStrings())
            strings.insert(strings.end(), other.strings.begin() + long(begin), other.strings.begin() + long(end));
    }
    // Drops the first n rows.
    // Removes the rows at `sorted` (ascending, distinct) in one pass.
    void eraseRows(const std::vector<size_t> &sorted)
    {
        auto compact = [&sorted](auto &values) {
            size_t out = sorted.empty() ? values.size() : sorted.front(), next = 0;
            for (size_t i = out; i < values.size(); ++i) {
                if (next < sorted.size() && sorted[next] == i) {
                    ++next;
                    continue;
                }
                values[out++] = std::move(values[i]);
            }
            values.resize(out);
        };
        compact(valid);
        withValues(compact);
    }
    void eraseFront(size_t n)
    {
        valid.erase(valid.begin(), valid.begin() + long(n));
        withValues([n](auto &values) { values.erase(values.begin(), values.begin() + long(n)); });
    }
    // Copies row `i` of `other` (same type) to the end.
    void appendFrom(const Column &other, size_t i)
    {
        valid.push_back(other.valid[i]);
        if (usesInts())
            ints.push_back(other.ints[i]);
        else if (type == DataType::Double)
            doubles.push_back(other.doubles[i]);
        else if (usesStrings())
            strings.push_back(other.strings[i]);
    }
};

} // namespace sw::runtime
