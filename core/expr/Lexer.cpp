// SPDX-License-Identifier: GPL-3.0-or-later
#include "expr/Lexer.h"

#include <QCoreApplication>
#include <QSet>

namespace sw::core::expr {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("sw::core::expr::Lexer", text);
}

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isIdentPart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}
} // namespace

bool Lexer::isKeyword(const QString &word)
{
    static const QSet<QString> keywords = {
        QStringLiteral("and"),  QStringLiteral("or"),      QStringLiteral("not"),
        QStringLiteral("is"),   QStringLiteral("null"),    QStringLiteral("in"),
        QStringLiteral("like"), QStringLiteral("between"), QStringLiteral("case"),
        QStringLiteral("when"), QStringLiteral("then"),    QStringLiteral("else"),
        QStringLiteral("end"),  QStringLiteral("cast"),    QStringLiteral("as"),
        QStringLiteral("true"), QStringLiteral("false"),   QStringLiteral("timestamp")};
    return keywords.contains(word.toLower());
}

std::vector<Token> Lexer::tokenize(const QString &text, std::optional<ExprError> *error)
{
    std::vector<Token> tokens;
    const int n = int(text.size());
    int i = 0;
    auto fail = [&](int pos, int len, const QString &message) {
        if (error)
            *error = ExprError{pos, len, message};
        tokens.push_back(Token{TokenKind::End, {}, n, 0});
        return tokens;
    };
    while (i < n) {
        const QChar c = text[i];
        if (c.isSpace()) {
            ++i;
            continue;
        }
        const int start = i;
        if (isIdentStart(c)) {
            while (i < n && isIdentPart(text[i]))
                ++i;
            tokens.push_back({TokenKind::Identifier, text.mid(start, i - start), start, i - start});
        } else if (c.isDigit() || (c == u'.' && i + 1 < n && text[i + 1].isDigit())) {
            bool decimal = false;
            while (i < n && text[i].isDigit())
                ++i;
            if (i < n && text[i] == u'.') {
                decimal = true;
                ++i;
                while (i < n && text[i].isDigit())
                    ++i;
            }
            if (i < n && (text[i] == u'e' || text[i] == u'E')) {
                int j = i + 1;
                if (j < n && (text[j] == u'+' || text[j] == u'-'))
                    ++j;
                if (j < n && text[j].isDigit()) {
                    decimal = true;
                    i = j;
                    while (i < n && text[i].isDigit())
                        ++i;
                }
            }
            if (i < n && isIdentStart(text[i]))
                return fail(start, i + 1 - start,
                            tr("'%1' is not a number").arg(text.mid(start, i + 1 - start)));
            tokens.push_back({decimal ? TokenKind::Decimal : TokenKind::Integer,
                              text.mid(start, i - start), start, i - start});
        } else if (c == u'\'' || c == u'"') {
            QString value;
            ++i;
            bool closed = false;
            while (i < n) {
                const QChar d = text[i];
                if (d == c) {
                    closed = true;
                    ++i;
                    break;
                }
                if (d == u'\\' && i + 1 < n) {
                    const QChar e = text[i + 1];
                    switch (e.unicode()) {
                    case 'n': value += u'\n'; break;
                    case 't': value += u'\t'; break;
                    case 'r': value += u'\r'; break;
                    case '0': value += QChar(0); break;
                    case '%':
                    case '_': value += u'\\'; value += e; break; // kept for LIKE, as Spark does
                    default: value += e; break;
                    }
                    i += 2;
                    continue;
                }
                value += d;
                ++i;
            }
            if (!closed)
                return fail(start, n - start, tr("string literal is not closed: add %1").arg(c));
            tokens.push_back({TokenKind::String, value, start, i - start});
        } else if (c == u'`') {
            QString value;
            ++i;
            bool closed = false;
            while (i < n) {
                if (text[i] == u'`') {
                    if (i + 1 < n && text[i + 1] == u'`') { // `` inside a quoted name
                        value += u'`';
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                value += text[i++];
            }
            if (!closed)
                return fail(start, n - start, tr("quoted name is not closed: add `"));
            if (value.isEmpty())
                return fail(start, i - start, tr("empty quoted name"));
            tokens.push_back({TokenKind::QuotedIdentifier, value, start, i - start});
        } else {
            static const char *const twoChar[] = {"<=", ">=", "<>", "!=", "==", "||"};
            QString symbol;
            for (const char *s : twoChar) {
                if (text.mid(i, 2) == QLatin1String(s)) {
                    symbol = QLatin1String(s);
                    break;
                }
            }
            if (symbol.isEmpty()) {
                if (QStringLiteral("+-*/%=<>(),.").contains(c))
                    symbol = c;
                else
                    return fail(start, 1, tr("unexpected character '%1'").arg(c));
            }
            i += int(symbol.size());
            tokens.push_back({TokenKind::Symbol, symbol, start, int(symbol.size())});
        }
    }
    tokens.push_back(Token{TokenKind::End, {}, n, 0});
    return tokens;
}

} // namespace sw::core::expr
