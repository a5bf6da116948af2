// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expr/Ast.h"
#include "expr/ExprError.h"
#include "model/Schema.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace sw::core::expr {

// An expression parsed and type checked against a schema: what the validator, the
// inspector and the runtime's compiler all start from.
struct CheckedExpression
{
    ExprPtr expr; // null when it does not parse
    DataType type = DataType::Null;
    std::vector<ExprError> errors;

    bool ok() const { return expr && errors.empty(); }
};

class Expression
{
public:
    static CheckedExpression compile(const QString &text, const Schema &schema);
    static QStringList referencedColumns(const Expr &expr);
};

} // namespace sw::core::expr
