// SPDX-License-Identifier: GPL-3.0-or-later
#include "expr/Printer.h"

#include "expr/Lexer.h"
#include "model/Timestamps.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace sw::core::expr {

namespace {

enum Precedence { kOr = 1, kAnd, kNot, kCompare, kConcat, kAdditive, kMultiplicative, kUnary, kPrimary };

int precedenceOf(const Expr &e)
{
    switch (e.kind) {
    case ExprKind::Binary:
        switch (e.op) {
        case Op::Or: return kOr;
        case Op::And: return kAnd;
        case Op::Concat: return kConcat;
        case Op::Add:
        case Op::Sub: return kAdditive;
        case Op::Mul:
        case Op::Div:
        case Op::Mod: return kMultiplicative;
        default: return kCompare;
        }
    case ExprKind::Unary: return e.op == Op::Not ? kNot : kUnary;
    case ExprKind::IsNull:
    case ExprKind::In:
    case ExprKind::Like:
    case ExprKind::Between: return kCompare;
    case ExprKind::Literal:
        if ((e.value.type() == DataType::Int && e.value.asInt() < 0)
            || (e.value.type() == DataType::Double && std::signbit(e.value.asDouble())))
            return kUnary;
        return kPrimary;
    default: return kPrimary;
    }
}

QString quoteString(const QString &s)
{
    QString out = QStringLiteral("'");
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '\'': out += QStringLiteral("\\'"); break;
        case '\\': out += QStringLiteral("\\\\"); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        case 0: out += QStringLiteral("\\0"); break;
        default: out += c;
        }
    }
    return out + u'\'';
}

class PrinterImpl
{
public:
    QString print(const Expr &e)
    {
        switch (e.kind) {
        case ExprKind::Literal: return Printer::literal(e.value);
        case ExprKind::Column: return Printer::columnName(e.name);
        case ExprKind::Unary:
            if (e.op == Op::Not)
                return QStringLiteral("NOT ") + child(*e.args[0], kNot);
        {
            // "--" would start a comment in Spark SQL: keep a space-free, unambiguous form.
            const QString operand = child(*e.args[0], kUnary);
            return operand.startsWith(u'-') ? QStringLiteral("-(") + operand + u')' : u'-' + operand;
        }
        case ExprKind::Binary: {
            const int p = precedenceOf(e);
            return child(*e.args[0], p) + u' ' + Printer::operatorText(e.op) + u' ' + child(*e.args[1], p + 1);
        }
        case ExprKind::IsNull:
            return child(*e.args[0], kCompare) + (e.negated ? QStringLiteral(" IS NOT NULL") : QStringLiteral(" IS NULL"));
        case ExprKind::In: {
            QStringList items;
            for (size_t i = 1; i < e.args.size(); ++i)
                items << print(*e.args[i]);
            return child(*e.args[0], kCompare) + (e.negated ? QStringLiteral(" NOT IN (") : QStringLiteral(" IN ("))
                   + items.join(QStringLiteral(", ")) + u')';
        }
        case ExprKind::Like:
            return child(*e.args[0], kCompare) + (e.negated ? QStringLiteral(" NOT LIKE ") : QStringLiteral(" LIKE "))
                   + child(*e.args[1], kConcat);
        case ExprKind::Between:
            return child(*e.args[0], kCompare)
                   + (e.negated ? QStringLiteral(" NOT BETWEEN ") : QStringLiteral(" BETWEEN "))
                   + child(*e.args[1], kConcat) + QStringLiteral(" AND ") + child(*e.args[2], kConcat);
        case ExprKind::Case: {
            QString s = QStringLiteral("CASE");
            size_t i = 0;
            if (e.hasOperand)
                s += u' ' + print(*e.args[i++]);
            const size_t pairsEnd = e.args.size() - (e.hasElse ? 1 : 0);
            for (; i + 1 < pairsEnd; i += 2)
                s += QStringLiteral(" WHEN ") + print(*e.args[i]) + QStringLiteral(" THEN ") + print(*e.args[i + 1]);
            if (e.hasElse)
                s += QStringLiteral(" ELSE ") + print(*e.args.back());
            return s + QStringLiteral(" END");
        }
        case ExprKind::Cast:
            return QStringLiteral("CAST(") + print(*e.args[0]) + QStringLiteral(" AS ") + typeName(e.castType) + u')';
        case ExprKind::Call: {
            QStringList args;
            for (const auto &a : e.args)
                args << print(*a);
            return e.name + u'(' + args.join(QStringLiteral(", ")) + u')';
        }
        }
        return {};
    }

private:
    QString child(const Expr &e, int minPrecedence)
    {
        const QString s = print(e);
        return precedenceOf(e) < minPrecedence ? u'(' + s + u')' : s;
    }
};

} // namespace

QString Printer::print(const Expr &expr)
{
    return PrinterImpl().print(expr);
}

QString Printer::literal(const Value &value)
{
    switch (value.type()) {
    case DataType::Null: return QStringLiteral("NULL");
    case DataType::Boolean: return value.asBool() ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
    case DataType::Int: return QString::number(value.asInt());
    case DataType::Double: {
        const double d = value.asDouble();
        if (std::isnan(d) || std::isinf(d))
            return QStringLiteral("CAST('%1' AS double)")
                .arg(std::isnan(d) ? QStringLiteral("NaN") : d > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity"));
        QString s = QString::number(d, 'g', QLocale::FloatingPointShortest);
        if (!s.contains(u'.') && !s.contains(u'e'))
            s += QStringLiteral(".0");
        return s;
    }
    case DataType::String: return quoteString(value.asString());
    case DataType::Timestamp: return QStringLiteral("TIMESTAMP '%1'").arg(Timestamps::toIso(value.asInt()));
    case DataType::ArrayString:
    case DataType::ArrayInt:
    case DataType::ArrayDouble:
    case DataType::ArrayObject: return value.asString(); // no array literals: only in messages, as JSON
    }
    return {};
}

QString Printer::columnName(const QString &dottedName)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    QStringList parts = dottedName.split(u'.');
    for (auto &part : parts) {
        if (!plain.match(part).hasMatch() || Lexer::isKeyword(part))
            part = u'`' + QString(part).replace(QStringLiteral("`"), QStringLiteral("``")) + u'`';
    }
    return parts.join(u'.');
}

QString Printer::operatorText(Op op)
{
    switch (op) {
    case Op::Neg: return QStringLiteral("-");
    case Op::Not: return QStringLiteral("NOT");
    case Op::Add: return QStringLiteral("+");
    case Op::Sub: return QStringLiteral("-");
    case Op::Mul: return QStringLiteral("*");
    case Op::Div: return QStringLiteral("/");
    case Op::Mod: return QStringLiteral("%");
    case Op::Concat: return QStringLiteral("||");
    case Op::Eq: return QStringLiteral("=");
    case Op::Ne: return QStringLiteral("!=");
    case Op::Lt: return QStringLiteral("<");
    case Op::Le: return QStringLiteral("<=");
    case Op::Gt: return QStringLiteral(">");
    case Op::Ge: return QStringLiteral(">=");
    case Op::And: return QStringLiteral("AND");
    case Op::Or: return QStringLiteral("OR");
    case Op::None: break;
    }
    return {};
}

} // namespace sw::core::expr
