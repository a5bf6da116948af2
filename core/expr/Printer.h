// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expr/Ast.h"

#include <QString>

namespace sw::core::expr {

// Prints an expression in canonical form: upper-case keywords, lower-case function
// names, single spaces around operators, and only the parentheses that precedence
// needs. Parsing the printed text gives the same tree (tested), so the canonical
// form is what export to Spark SQL writes.
class Printer
{
public:
    static QString print(const Expr &expr);
    static QString literal(const Value &value);
    static QString columnName(const QString &dottedName);
    static QString operatorText(Op op);
};

} // namespace sw::core::expr
