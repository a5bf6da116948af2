// SPDX-License-Identifier: GPL-3.0-or-later
#include "expr/Parser.h"

#include "expr/Lexer.h"
#include "model/Timestamps.h"

#include <QCoreApplication>

namespace sw::core::expr {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sw::core::expr::Parser", text);
}

struct ParseFailure
{
    ExprError error;
};

// Deeper trees than this are refused: the parser, the type checker, the printer
// and both evaluators recurse over the tree, and 7,000 nested parentheses or a sum
// of 20,000 terms overflowed the stack. 1,024 levels are far more than a person
// writes and fit an 8 MiB stack in every pass, also under AddressSanitizer (whose
// larger frames overflowed it while parsing toward a limit of 2,000: the parser
// descends eight functions per level of parentheses).
constexpr int kMaxDepth = 1024;

QString tooDeep()
{
    return tr("the expression nests more than %1 levels deep; split it into steps (a map node that computes a "
              "part, then this expression over that column)")
        .arg(kMaxDepth);
}

// The depth of the deepest node (iteratively: the tree may be too deep to recurse).
const Expr *deepestBeyond(const Expr &root, int limit)
{
    std::vector<std::pair<const Expr *, int>> stack{{&root, 1}};
    while (!stack.empty()) {
        const auto [e, depth] = stack.back();
        stack.pop_back();
        if (depth > limit)
            return e;
        for (const auto &a : e->args)
            stack.push_back({a.get(), depth + 1});
    }
    return nullptr;
}

class ParserImpl
{
public:
    explicit ParserImpl(std::vector<Token> tokens) : m_tokens(std::move(tokens)) {}

    ExprPtr parseAll()
    {
        if (peek().kind == TokenKind::End)
            throw ParseFailure{{0, 0, tr("the expression is empty")}};
        ExprPtr e = parseOr();
        if (peek().kind != TokenKind::End)
            fail(peek(), tr("unexpected %1 after the end of the expression").arg(describe(peek())));
        if (const Expr *deep = deepestBeyond(*e, kMaxDepth))
            throw ParseFailure{{deep->pos, std::max(deep->len, 1), tooDeep()}};
        return e;
    }

private:
    const Token &peek(int ahead = 0) const
    {
        const size_t i = std::min(m_pos + size_t(ahead), m_tokens.size() - 1);
        return m_tokens[i];
    }
    const Token &next() { return m_tokens[std::min(m_pos++, m_tokens.size() - 1)]; }

    [[noreturn]] void fail(const Token &at, const QString &message) const
    {
        throw ParseFailure{{at.pos, std::max(at.len, 1), message}};
    }

    static QString describe(const Token &t)
    {
        if (t.kind == TokenKind::End)
            return tr("end of expression");
        if (t.kind == TokenKind::String)
            return tr("string '%1'").arg(t.text);
        return QStringLiteral("'%1'").arg(t.text);
    }

    void expectSymbol(QStringView symbol, const QString &context)
    {
        if (!peek().isSymbol(symbol))
            fail(peek(), tr("expected '%1' %2 but found %3").arg(symbol, context, describe(peek())));
        next();
    }

    void expectKeyword(QStringView keyword, const QString &context)
    {
        if (!peek().isKeyword(keyword))
            fail(peek(), tr("expected %1 %2 but found %3").arg(keyword.toString().toUpper(), context,
                                                                 describe(peek())));
        next();
    }

    static ExprPtr make(ExprKind kind, int pos, int end)
    {
        auto e = std::make_unique<Expr>();
        e->kind = kind;
        e->pos = pos;
        e->len = end - pos;
        return e;
    }

    int endOf(const Expr &e) const { return e.pos + e.len; }
    int lastEnd() const { return m_pos == 0 ? 0 : m_tokens[m_pos - 1].pos + m_tokens[m_pos - 1].len; }

    ExprPtr binary(Op op, ExprPtr lhs, ExprPtr rhs)
    {
        auto e = make(ExprKind::Binary, lhs->pos, endOf(*rhs));
        e->chainDepth = std::max(lhs->chainDepth, rhs->chainDepth) + 1;
        if (e->chainDepth + m_nesting > kMaxDepth) // a long flat sum is deep too
            throw ParseFailure{{rhs->pos, std::max(rhs->len, 1), tooDeep()}};
        e->op = op;
        e->args.push_back(std::move(lhs));
        e->args.push_back(std::move(rhs));
        return e;
    }

    // Counts the parser's own recursion (parentheses, arguments, NOT and unary
    // minus chains), so that input cannot overflow its stack.
    struct Nesting
    {
        ParserImpl &parser;
        explicit Nesting(ParserImpl &p) : parser(p)
        {
            if (++parser.m_nesting > kMaxDepth)
                parser.fail(parser.peek(), tooDeep());
        }
        ~Nesting() { --parser.m_nesting; }
    };

    ExprPtr parseOr()
    {
        const Nesting nesting(*this);
        ExprPtr lhs = parseAnd();
        while (peek().isKeyword(u"or")) {
            next();
            lhs = binary(Op::Or, std::move(lhs), parseAnd());
        }
        return lhs;
    }

    ExprPtr parseAnd()
    {
        ExprPtr lhs = parseNot();
        while (peek().isKeyword(u"and")) {
            next();
            lhs = binary(Op::And, std::move(lhs), parseNot());
        }
        return lhs;
    }

    ExprPtr parseNot()
    {
        if (peek().isKeyword(u"not")) {
            const Nesting nesting(*this);
            const Token &t = next();
            ExprPtr operand = parseNot();
            auto e = make(ExprKind::Unary, t.pos, endOf(*operand));
            e->op = Op::Not;
            e->args.push_back(std::move(operand));
            return e;
        }
        return parsePredicate();
    }

    std::optional<Op> comparisonOp(const Token &t) const
    {
        if (t.kind != TokenKind::Symbol)
            return std::nullopt;
        if (t.text == u"=" || t.text == u"==")
            return Op::Eq;
        if (t.text == u"!=" || t.text == u"<>")
            return Op::Ne;
        if (t.text == u"<")
            return Op::Lt;
        if (t.text == u"<=")
            return Op::Le;
        if (t.text == u">")
            return Op::Gt;
        if (t.text == u">=")
            return Op::Ge;
        return std::nullopt;
    }

    ExprPtr parsePredicate()
    {
        ExprPtr lhs = parseConcat();
        for (;;) {
            if (auto op = comparisonOp(peek())) {
                next();
                lhs = binary(*op, std::move(lhs), parseConcat());
                continue;
            }
            if (peek().isKeyword(u"is")) {
                next();
                bool negated = false;
                if (peek().isKeyword(u"not")) {
                    next();
                    negated = true;
                }
                expectKeyword(u"null", tr("after IS"));
                auto e = make(ExprKind::IsNull, lhs->pos, lastEnd());
                e->negated = negated;
                e->args.push_back(std::move(lhs));
                lhs = std::move(e);
                continue;
            }
            bool negated = false;
            if (peek().isKeyword(u"not")
                && (peek(1).isKeyword(u"in") || peek(1).isKeyword(u"like")
                    || peek(1).isKeyword(u"between"))) {
                next();
                negated = true;
            }
            if (peek().isKeyword(u"in")) {
                next();
                expectSymbol(u"(", tr("after IN"));
                auto e = make(ExprKind::In, lhs->pos, 0);
                e->negated = negated;
                e->args.push_back(std::move(lhs));
                if (peek().isSymbol(u")"))
                    fail(peek(), tr("IN needs at least one value"));
                e->args.push_back(parseOr());
                while (peek().isSymbol(u",")) {
                    next();
                    e->args.push_back(parseOr());
                }
                expectSymbol(u")", tr("to close the IN list"));
                e->len = lastEnd() - e->pos;
                lhs = std::move(e);
            } else if (peek().isKeyword(u"like")) {
                next();
                ExprPtr pattern = parseConcat();
                auto e = make(ExprKind::Like, lhs->pos, endOf(*pattern));
                e->negated = negated;
                e->args.push_back(std::move(lhs));
                e->args.push_back(std::move(pattern));
                lhs = std::move(e);
            } else if (peek().isKeyword(u"between")) {
                next();
                ExprPtr low = parseConcat();
                expectKeyword(u"and", tr("in BETWEEN ... AND ..."));
                ExprPtr high = parseConcat();
                auto e = make(ExprKind::Between, lhs->pos, endOf(*high));
                e->negated = negated;
                e->args.push_back(std::move(lhs));
                e->args.push_back(std::move(low));
                e->args.push_back(std::move(high));
                lhs = std::move(e);
            } else {
                return lhs;
            }
        }
    }

    ExprPtr parseConcat()
    {
        ExprPtr lhs = parseAdditive();
        while (peek().isSymbol(u"||")) {
            next();
            lhs = binary(Op::Concat, std::move(lhs), parseAdditive());
        }
        return lhs;
    }

    ExprPtr parseAdditive()
    {
        ExprPtr lhs = parseMultiplicative();
        while (peek().isSymbol(u"+") || peek().isSymbol(u"-")) {
            const Op op = next().text == u"+" ? Op::Add : Op::Sub;
            lhs = binary(op, std::move(lhs), parseMultiplicative());
        }
        return lhs;
    }

    ExprPtr parseMultiplicative()
    {
        ExprPtr lhs = parseUnary();
        while (peek().isSymbol(u"*") || peek().isSymbol(u"/") || peek().isSymbol(u"%")) {
            const QString s = next().text;
            const Op op = s == u"*" ? Op::Mul : s == u"/" ? Op::Div : Op::Mod;
            lhs = binary(op, std::move(lhs), parseUnary());
        }
        return lhs;
    }

    ExprPtr parseUnary()
    {
        if (peek().isSymbol(u"-") || peek().isSymbol(u"+")) {
            const Nesting nesting(*this);
            const Token &t = next();
            ExprPtr operand = parseUnary();
            if (t.text == u"+")
                return operand;
            auto e = make(ExprKind::Unary, t.pos, endOf(*operand));
            e->op = Op::Neg;
            e->args.push_back(std::move(operand));
            return e;
        }
        return parsePrimary();
    }

    ExprPtr literal(const Token &t, Value v)
    {
        auto e = make(ExprKind::Literal, t.pos, t.pos + t.len);
        e->value = std::move(v);
        return e;
    }

    ExprPtr parsePrimary()
    {
        const Token &t = peek();
        switch (t.kind) {
        case TokenKind::End:
            fail(t, tr("the expression ends too early: a value is missing"));
        case TokenKind::Integer: {
            next();
            bool ok = false;
            const qlonglong v = t.text.toLongLong(&ok);
            if (!ok)
                fail(t, tr("integer %1 is too large (at most 9223372036854775807)").arg(t.text));
            return literal(t, Value::integer(v));
        }
        case TokenKind::Decimal:
            next();
            return literal(t, Value::real(t.text.toDouble()));
        case TokenKind::String:
            next();
            return literal(t, Value::string(t.text));
        case TokenKind::QuotedIdentifier:
            return parseColumn();
        case TokenKind::Symbol:
            if (t.isSymbol(u"(")) {
                next();
                ExprPtr inner = parseOr();
                expectSymbol(u")", tr("to close '('"));
                return inner;
            }
            fail(t, tr("unexpected %1: a value, column or function is expected here").arg(describe(t)));
        case TokenKind::Identifier:
            break;
        }
        if (t.isKeyword(u"null")) {
            next();
            return literal(t, Value::null());
        }
        if (t.isKeyword(u"true") || t.isKeyword(u"false")) {
            next();
            return literal(t, Value::boolean(t.isKeyword(u"true")));
        }
        if (t.isKeyword(u"timestamp") && peek(1).kind == TokenKind::String) {
            next();
            const Token &s = next();
            const auto ms = Timestamps::parseIso(s.text);
            if (!ms)
                fail(s, tr("'%1' is not a timestamp; write it as '2026-11-25T10:00:00Z'").arg(s.text));
            auto e = make(ExprKind::Literal, t.pos, s.pos + s.len);
            e->value = Value::timestamp(*ms);
            return e;
        }
        if (t.isKeyword(u"timestamp")) // not reserved in Spark: a column may be called so
            return parseColumn();
        if (t.isKeyword(u"case"))
            return parseCase();
        if (t.isKeyword(u"cast"))
            return parseCast();
        if (Lexer::isKeyword(t.text) && !peek(1).isSymbol(u"("))
            fail(t, tr("unexpected keyword %1: a value, column or function is expected here")
                        .arg(t.text.toUpper()));
        if (peek(1).isSymbol(u"("))
            return parseCall();
        return parseColumn();
    }

    ExprPtr parseColumn()
    {
        const Token &first = next();
        QString name = first.text;
        while (peek().isSymbol(u".")
               && (peek(1).kind == TokenKind::Identifier || peek(1).kind == TokenKind::QuotedIdentifier)) {
            next();
            name += u'.' + next().text;
        }
        if (peek().isSymbol(u"."))
            fail(peek(1), tr("a field name is expected after '.'"));
        auto e = make(ExprKind::Column, first.pos, lastEnd());
        e->name = name;
        return e;
    }

    ExprPtr parseCall()
    {
        const Token &nameToken = next();
        next(); // (
        auto e = make(ExprKind::Call, nameToken.pos, 0);
        e->name = nameToken.text.toLower();
        if (!peek().isSymbol(u")")) {
            e->args.push_back(parseOr());
            while (peek().isSymbol(u",")) {
                next();
                e->args.push_back(parseOr());
            }
        }
        expectSymbol(u")", tr("to close the arguments of %1()").arg(e->name));
        e->len = lastEnd() - e->pos;
        return e;
    }

    ExprPtr parseCase()
    {
        const Token &caseToken = next();
        auto e = make(ExprKind::Case, caseToken.pos, 0);
        if (!peek().isKeyword(u"when")) {
            e->hasOperand = true;
            e->args.push_back(parseOr());
        }
        if (!peek().isKeyword(u"when"))
            fail(peek(), tr("CASE needs at least one WHEN ... THEN ..."));
        while (peek().isKeyword(u"when")) {
            next();
            e->args.push_back(parseOr());
            expectKeyword(u"then", tr("after the WHEN condition"));
            e->args.push_back(parseOr());
        }
        if (peek().isKeyword(u"else")) {
            next();
            e->hasElse = true;
            e->args.push_back(parseOr());
        }
        expectKeyword(u"end", tr("to close CASE"));
        e->len = lastEnd() - e->pos;
        return e;
    }

    ExprPtr parseCast()
    {
        const Token &castToken = next();
        expectSymbol(u"(", tr("after CAST"));
        ExprPtr operand = parseOr();
        expectKeyword(u"as", tr("in CAST(value AS type)"));
        const Token &typeToken = peek();
        const auto type = typeToken.kind == TokenKind::Identifier ? parseTypeName(typeToken.text)
                                                                 : std::nullopt;
        if (!type || isArray(*type))
            fail(typeToken, tr("unknown type %1; use one of %2")
                                .arg(describe(typeToken), scalarTypeNames().join(QStringLiteral(", "))));
        next();
        expectSymbol(u")", tr("to close CAST("));
        auto e = make(ExprKind::Cast, castToken.pos, lastEnd());
        e->castType = *type;
        e->args.push_back(std::move(operand));
        return e;
    }

    std::vector<Token> m_tokens;
    size_t m_pos = 0;
    int m_nesting = 0;
};

} // namespace

Parser::Result Parser::parse(const QString &text)
{
    std::optional<ExprError> lexError;
    auto tokens = Lexer::tokenize(text, &lexError);
    if (lexError)
        return {nullptr, lexError};
    try {
        ParserImpl parser(std::move(tokens));
        return {parser.parseAll(), std::nullopt};
    } catch (const ParseFailure &failure) {
        return {nullptr, failure.error};
    }
}

bool sameTree(const Expr &a, const Expr &b)
{
    if (a.kind != b.kind || a.op != b.op || a.negated != b.negated || a.hasOperand != b.hasOperand
        || a.hasElse != b.hasElse || !(a.value == b.value) || a.name != b.name
        || a.castType != b.castType || a.args.size() != b.args.size())
        return false;
    for (size_t i = 0; i < a.args.size(); ++i) {
        if (!sameTree(*a.args[i], *b.args[i]))
            return false;
    }
    return true;
}

QString ExprError::describe() const
{
    return QCoreApplication::translate("sw::core::expr::ExprError", "at column %1: %2")
        .arg(offset + 1)
        .arg(message);
}

} // namespace sw::core::expr
