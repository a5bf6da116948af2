// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expr/ExprError.h"

#include <QString>

#include <optional>
#include <vector>

namespace sw::core::expr {

enum class TokenKind { Identifier, QuotedIdentifier, String, Integer, Decimal, Symbol, End };

struct Token
{
    TokenKind kind = TokenKind::End;
    QString text; // identifier or symbol as written; string literal after unescaping
    int pos = 0;
    int len = 0;

    bool isSymbol(QStringView s) const { return kind == TokenKind::Symbol && text == s; }
    // Keywords are identifiers compared without case (AND, and, And).
    bool isKeyword(QStringView k) const
    {
        return kind == TokenKind::Identifier && text.compare(k, Qt::CaseInsensitive) == 0;
    }
};

// Splits expression text into tokens. String literals use single or double quotes
// with backslash escapes (Spark SQL); identifiers may be quoted with backticks.
class Lexer
{
public:
    // The tokens, always ending with an End token, or the first lexical error.
    static std::vector<Token> tokenize(const QString &text, std::optional<ExprError> *error);
    static bool isKeyword(const QString &word);
};

} // namespace sw::core::expr
