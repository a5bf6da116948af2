// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expr/Value.h"

namespace sw::core::expr {

// Conversions between SQL types with Spark's default (non-ANSI) semantics: a value
// that cannot be converted becomes NULL instead of failing the query.
class Casts
{
public:
    static bool allowed(DataType from, DataType to);
    static Value cast(const Value &value, DataType to);
    // The common type two operands are promoted to (int and double -> double;
    // NULL adopts the other type), or Null when there is none.
    static DataType common(DataType a, DataType b, bool *ok);
    // Spark's textual form: 1.0, 1.0E10, true, 2026-11-25 10:00:00.5
    static QString toText(const Value &value);
    // A double to int64 as Java's (long) cast: toward zero, NaN to 0, saturating.
    static int64_t toInt64(double d);
};

} // namespace sw::core::expr
