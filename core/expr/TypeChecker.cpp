// SPDX-License-Identifier: GPL-3.0-or-later
#include "expr/TypeChecker.h"

#include "expr/Casts.h"
#include "expr/Functions.h"
#include "expr/Printer.h"
#include "model/Suggest.h"
#include "model/Timestamps.h"

#include <QCoreApplication>

namespace sw::core::expr {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sw::core::expr::TypeChecker", text);
}

class Checker
{
public:
    Checker(const Schema &schema) : m_schema(schema) {}

    std::vector<ExprError> errors;

    DataType visit(Expr &e)
    {
        e.type = infer(e);
        return e.type;
    }

private:
    void error(const Expr &at, const QString &message)
    {
        errors.push_back(ExprError{at.pos, std::max(at.len, 1), message});
    }

    static QString tn(DataType t) { return typeName(t); }

    // Spark casts a string literal compared with a timestamp to a timestamp.
    void coerceTimestampLiteral(Expr &maybeLiteral, DataType other)
    {
        if (other != DataType::Timestamp || maybeLiteral.kind != ExprKind::Literal
            || maybeLiteral.type != DataType::String)
            return;
        const auto ms = Timestamps::parseIso(maybeLiteral.value.asString());
        if (!ms) {
            error(maybeLiteral, tr("'%1' is not a timestamp; write it as '2026-11-25T10:00:00Z'")
                                    .arg(maybeLiteral.value.asString()));
            return;
        }
        maybeLiteral.value = Value::timestamp(*ms);
        maybeLiteral.type = DataType::Timestamp;
    }

    bool comparable(Expr &a, Expr &b, const Expr &at, const QString &what)
    {
        coerceTimestampLiteral(a, b.type);
        coerceTimestampLiteral(b, a.type);
        if (isArray(a.type) || isArray(b.type)) {
            error(at, tr("arrays are not compared in %1; compare their elements (element_at, array_contains) or their "
                         "sizes (size)")
                          .arg(what));
            return false;
        }
        bool ok = false;
        Casts::common(a.type, b.type, &ok);
        if (!ok)
            error(at, tr("cannot compare %1 with %2 in %3").arg(tn(a.type), tn(b.type), what));
        return ok;
    }

    void expectBoolean(const Expr &operand, const QString &what)
    {
        if (operand.type != DataType::Boolean && operand.type != DataType::Null)
            error(operand, tr("%1 needs a boolean, got %2").arg(what, tn(operand.type)));
    }

    static QString opName(Op op)
    {
        return Printer::operatorText(op);
    }

    DataType infer(Expr &e)
    {
        switch (e.kind) {
        case ExprKind::Literal: return e.value.type();
        case ExprKind::Column: {
            const Field *field = m_schema.field(e.name);
            if (!field) {
                QString hint = didYouMean(e.name, m_schema.names(), u'\'');
                QStringList sides; // a join's output names a field both sides have left_x and right_x
                for (const QString &prefix : {QStringLiteral("left_"), QStringLiteral("right_")}) {
                    if (hint.isEmpty() && m_schema.field(prefix + e.name))
                        sides << u'\'' + prefix + e.name + u'\'';
                }
                if (!sides.isEmpty())
                    hint = tr(", did you mean %1 (both sides of the join have it)?").arg(sides.join(tr(" or ")));
                error(e, tr("unknown column '%1'%2").arg(e.name, hint));
                return DataType::Null;
            }
            return field->type;
        }
        case ExprKind::Unary: {
            const DataType t = visit(*e.args[0]);
            if (e.op == Op::Not) {
                expectBoolean(*e.args[0], QStringLiteral("NOT"));
                return DataType::Boolean;
            }
            if (t != DataType::Null && !isNumeric(t)) {
                error(e, tr("unary minus needs a number, got %1").arg(tn(t)));
                return DataType::Null;
            }
            return t;
        }
        case ExprKind::Binary: return inferBinary(e);
        case ExprKind::IsNull: visit(*e.args[0]); return DataType::Boolean;
        case ExprKind::In: {
            visit(*e.args[0]);
            for (size_t i = 1; i < e.args.size(); ++i) {
                visit(*e.args[i]);
                comparable(*e.args[0], *e.args[i], *e.args[i], QStringLiteral("IN"));
            }
            return DataType::Boolean;
        }
        case ExprKind::Like: {
            for (auto &a : e.args) {
                const DataType t = visit(*a);
                if (t != DataType::String && t != DataType::Null)
                    error(*a, tr("LIKE needs strings, got %1").arg(tn(t)));
            }
            return DataType::Boolean;
        }
        case ExprKind::Between: {
            for (auto &a : e.args)
                visit(*a);
            comparable(*e.args[0], *e.args[1], e, QStringLiteral("BETWEEN"));
            comparable(*e.args[0], *e.args[2], e, QStringLiteral("BETWEEN"));
            return DataType::Boolean;
        }
        case ExprKind::Case: return inferCase(e);
        case ExprKind::Cast: {
            const DataType from = visit(*e.args[0]);
            if (!Casts::allowed(from, e.castType))
                error(e, tr("cannot cast %1 to %2").arg(tn(from), tn(e.castType)));
            return e.castType;
        }
        case ExprKind::Call: return inferCall(e);
        }
        return DataType::Null;
    }

    DataType inferBinary(Expr &e)
    {
        Expr &l = *e.args[0];
        Expr &r = *e.args[1];
        const DataType lt = visit(l);
        const DataType rt = visit(r);
        switch (e.op) {
        case Op::And:
        case Op::Or:
            expectBoolean(l, opName(e.op));
            expectBoolean(r, opName(e.op));
            return DataType::Boolean;
        case Op::Concat: return DataType::String;
        case Op::Eq:
        case Op::Ne:
        case Op::Lt:
        case Op::Le:
        case Op::Gt:
        case Op::Ge:
            comparable(l, r, e, QStringLiteral("'%1'").arg(opName(e.op)));
            return DataType::Boolean;
        default: break;
        }
        const bool lok = lt == DataType::Null || isNumeric(lt);
        const bool rok = rt == DataType::Null || isNumeric(rt);
        if (!lok || !rok) {
            QString hint;
            if (e.op == Op::Add && (lt == DataType::String || rt == DataType::String))
                hint = tr("; to join strings use || or concat()");
            else if (lt == DataType::Timestamp || rt == DataType::Timestamp)
                hint = tr("; for time arithmetic use unix_millis() and timestamp_millis()");
            error(e, tr("operator %1 needs numbers, got %2 and %3%4").arg(opName(e.op), tn(lt), tn(rt), hint));
            return DataType::Null;
        }
        if (e.op == Op::Div)
            return DataType::Double;
        if (lt == DataType::Double || rt == DataType::Double)
            return DataType::Double;
        if (lt == DataType::Null && rt == DataType::Null)
            return DataType::Null;
        return DataType::Int;
    }

    DataType inferCase(Expr &e)
    {
        size_t i = 0;
        Expr *operand = nullptr;
        if (e.hasOperand) {
            operand = e.args[0].get();
            visit(*operand);
            i = 1;
        }
        DataType result = DataType::Null;
        const size_t pairsEnd = e.args.size() - (e.hasElse ? 1 : 0);
        auto unify = [&](Expr &branch) {
            bool ok = false;
            const DataType c = Casts::common(result, branch.type, &ok);
            if (!ok)
                error(branch, tr("CASE results have different types: %1 and %2").arg(tn(result), tn(branch.type)));
            else
                result = c;
        };
        for (; i + 1 < pairsEnd; i += 2) {
            Expr &when = *e.args[i];
            visit(when);
            if (operand)
                comparable(*operand, when, when, QStringLiteral("CASE ... WHEN"));
            else
                expectBoolean(when, QStringLiteral("WHEN"));
            Expr &then = *e.args[i + 1];
            visit(then);
            unify(then);
        }
        if (e.hasElse) {
            visit(*e.args.back());
            unify(*e.args.back());
        }
        return result;
    }

    DataType inferCall(Expr &e)
    {
        for (auto &a : e.args)
            visit(*a);
        const FunctionDef *f = Functions::find(e.name);
        if (!f) {
            error(e, tr("unknown function '%1'%2").arg(e.name, didYouMean(e.name, Functions::names(), u'\'')));
            return DataType::Null;
        }
        e.function = f;
        const int n = int(e.args.size());
        if (n < f->minArgs || (f->maxArgs() >= 0 && n > f->maxArgs())) {
            QString expected = f->maxArgs() < 0 ? tr("at least %1").arg(f->minArgs)
                               : f->minArgs == f->maxArgs() ? QString::number(f->minArgs)
                                                            : tr("%1 to %2").arg(f->minArgs).arg(f->maxArgs());
            error(e, tr("%1 takes %2 argument(s), got %3; use %4").arg(e.name + QStringLiteral("()"), expected)
                         .arg(n)
                         .arg(f->signature));
            return f->rule == ResultRule::Fixed ? f->result : DataType::Null;
        }
        for (int i = 0; i < n; ++i) {
            const ArgKind kind = f->paramKind(size_t(i));
            if (!Functions::accepts(kind, e.args[size_t(i)]->type))
                error(*e.args[size_t(i)], tr("argument %1 of %2 must be %3, got %4")
                                              .arg(i + 1)
                                              .arg(e.name + QStringLiteral("()"), Functions::kindName(kind),
                                                   tn(e.args[size_t(i)]->type)));
        }
        if (e.name == u"array_contains" && isArray(e.args[0]->type)) {
            bool ok = false;
            Casts::common(elementType(e.args[0]->type), e.args[1]->type, &ok);
            if (!ok || e.args[0]->type == DataType::ArrayObject)
                error(*e.args[1], tr("array_contains() looks for a value of the array's element type (%1), got %2")
                                      .arg(e.args[0]->type == DataType::ArrayObject ? tr("objects, which it cannot compare")
                                                                                    : tn(elementType(e.args[0]->type)),
                                           tn(e.args[1]->type)));
        }
        switch (f->rule) {
        case ResultRule::Fixed: return f->result;
        case ResultRule::FirstArg: return e.args[0]->type;
        case ResultRule::ElementOfFirst:
            if (e.args[0]->type == DataType::ArrayObject) {
                error(e, tr("%1 of an array<object> is not a value an expression can hold; explode the array and use "
                            "its fields")
                             .arg(e.name + QStringLiteral("()")));
                return DataType::Null;
            }
            return elementType(e.args[0]->type);
        case ResultRule::CommonOfAll:
        case ResultRule::CommonFromSecond: {
            DataType result = DataType::Null;
            for (size_t i = f->rule == ResultRule::CommonFromSecond ? 1 : 0; i < e.args.size(); ++i) {
                bool ok = false;
                const DataType c = Casts::common(result, e.args[i]->type, &ok);
                if (!ok) {
                    error(*e.args[i], tr("arguments of %1 have different types: %2 and %3")
                                          .arg(e.name + QStringLiteral("()"), tn(result), tn(e.args[i]->type)));
                    return DataType::Null;
                }
                result = c;
            }
            return result;
        }
        }
        return DataType::Null;
    }

    const Schema &m_schema;
};

} // namespace

std::vector<ExprError> TypeChecker::check(Expr &expr, const Schema &schema)
{
    Checker checker(schema);
    checker.visit(expr);
    return std::move(checker.errors);
}

} // namespace sw::core::expr
