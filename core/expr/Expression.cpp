// SPDX-License-Identifier: GPL-3.0-or-later
#include "expr/Expression.h"

#include "expr/Parser.h"
#include "expr/TypeChecker.h"

namespace sw::core::expr {

CheckedExpression Expression::compile(const QString &text, const Schema &schema)
{
    CheckedExpression result;
    auto parsed = Parser::parse(text);
    if (parsed.error) {
        result.errors.push_back(*parsed.error);
        return result;
    }
    result.expr = std::move(parsed.expr);
    result.errors = TypeChecker::check(*result.expr, schema);
    result.type = result.expr->type;
    return result;
}

QStringList Expression::referencedColumns(const Expr &expr)
{
    QStringList columns;
    if (expr.kind == ExprKind::Column)
        columns << expr.name;
    for (const auto &a : expr.args) {
        for (const auto &c : referencedColumns(*a)) {
            if (!columns.contains(c))
                columns << c;
        }
    }
    return columns;
}

} // namespace sw::core::expr
