// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace sw::core::expr {

// A problem inside an expression: where (0-based character offset and length in
// the expression text) and what, in words a user can act on.
struct ExprError
{
    int offset = 0;
    int length = 0;
    QString message;

    // "at column 7: unknown column 'amout', did you mean 'amount'?" (1-based column)
    QString describe() const;
};

} // namespace sw::core::expr
