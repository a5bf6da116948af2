// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expr/Ast.h"
#include "expr/ExprError.h"
#include "model/Schema.h"

#include <vector>

namespace sw::core::expr {

// Resolves columns and functions against a schema, fills in each node's type and
// reports every type error it finds (not only the first). A string literal compared
// with a timestamp is turned into a timestamp literal, as Spark does.
class TypeChecker
{
public:
    static std::vector<ExprError> check(Expr &expr, const Schema &schema);
};

} // namespace sw::core::expr
