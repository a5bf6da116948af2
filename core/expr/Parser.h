// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expr/Ast.h"
#include "expr/ExprError.h"

#include <QString>

#include <optional>

namespace sw::core::expr {

// Parses the SQL expression subset of docs/expressions.md into an untyped tree.
// Precedence, lowest first: OR; AND; NOT; comparisons, IS, IN, LIKE, BETWEEN;
// ||; + -; * / %; unary minus.
class Parser
{
public:
    struct Result
    {
        ExprPtr expr; // null when there is an error
        std::optional<ExprError> error;
    };
    static Result parse(const QString &text);
};

} // namespace sw::core::expr
