// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expr/Ast.h"
#include "model/Schema.h"

#include <vector>

namespace sw::core::expr {

// The reference evaluator: one row at a time, straightforward, obviously right.
// It defines the semantics (Spark's, with SQL three-valued logic); the runtime's
// columnar evaluator is tested against it. The expression must have been type
// checked against `schema`; `row` holds one value per schema field.
class Evaluator
{
public:
    static Value evaluate(const Expr &expr, const Schema &schema, const std::vector<Value> &row);
    // The result of a CASE, CAST, || or function call node from its arguments'
    // values (all evaluated, in `expr.args` order): the one definition both
    // evaluators use for these nodes.
    static Value combine(const Expr &expr, const std::vector<Value> &args);
    // SQL LIKE: % any run, _ one character, backslash escapes the next character.
    static bool like(const QString &text, const QString &pattern);
    // Ordering used by comparisons: NULL when either side is NULL; NaN is the
    // largest double and equal to itself (Spark).
    static std::optional<int> compare(const Value &a, const Value &b);
};

} // namespace sw::core::expr
