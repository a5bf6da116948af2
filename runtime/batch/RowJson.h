// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/Batch.h"

#include <string>

namespace sw::runtime {

// Rows as JSON objects, the way every sink and the control API write them: keys in
// schema order, timestamps as ISO-8601 UTC with milliseconds, doubles in their
// shortest exact form (non-finite ones as null), NULL as null.
class RowJson
{
public:
    // `"name":` for each field, computed once per schema.
    static std::vector<std::string> keys(const core::Schema &schema);
    static void append(std::string &out, const Batch &batch, size_t row, const std::vector<std::string> &keys);
    static void appendValue(std::string &out, const Column &column, size_t row);
    static void appendString(std::string &out, std::string_view s);
    static void appendTimestamp(std::string &out, int64_t epochMs);
    static void appendDouble(std::string &out, double d);
};

} // namespace sw::runtime
