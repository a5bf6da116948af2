// SPDX-License-Identifier: GPL-3.0-or-later
#include "expr/Evaluator.h"

#include "expr/Casts.h"
#include "expr/Functions.h"
#include "expr/LikePattern.h"

#include <cmath>
#include <limits>

namespace sw::core::expr {

namespace {

int compareDoubles(double a, double b)
{
    const bool an = std::isnan(a), bn = std::isnan(b);
    if (an || bn)
        return an == bn ? 0 : an ? 1 : -1;
    return a < b ? -1 : a > b ? 1 : 0;
}

int64_t wrapAdd(int64_t a, int64_t b) { return int64_t(uint64_t(a) + uint64_t(b)); }
int64_t wrapSub(int64_t a, int64_t b) { return int64_t(uint64_t(a) - uint64_t(b)); }
int64_t wrapMul(int64_t a, int64_t b) { return int64_t(uint64_t(a) * uint64_t(b)); }

// Three-valued booleans: -1 unknown (NULL), 0 false, 1 true.
int truth(const Value &v)
{
    return v.isNull() ? -1 : v.asBool() ? 1 : 0;
}

Value fromTruth(int t)
{
    return t < 0 ? Value::null() : Value::boolean(t == 1);
}

class EvaluatorImpl
{
public:
    EvaluatorImpl(const Schema &schema, const std::vector<Value> &row) : m_schema(schema), m_row(row) {}

    Value eval(const Expr &e)
    {
        switch (e.kind) {
        case ExprKind::Literal: return e.value;
        case ExprKind::Column: {
            const int i = m_schema.indexOf(e.name);
            return i < 0 || size_t(i) >= m_row.size() ? Value::null() : m_row[size_t(i)];
        }
        case ExprKind::Unary: {
            const Value v = eval(*e.args[0]);
            if (v.isNull())
                return v;
            if (e.op == Op::Not)
                return Value::boolean(!v.asBool());
            return v.type() == DataType::Int ? Value::integer(wrapSub(0, v.asInt())) : Value::real(-v.asDouble());
        }
        case ExprKind::Binary: return binary(e);
        case ExprKind::IsNull: return Value::boolean(eval(*e.args[0]).isNull() != e.negated);
        case ExprKind::In: {
            const Value x = eval(*e.args[0]);
            if (x.isNull())
                return Value::null();
            bool sawNull = false;
            for (size_t i = 1; i < e.args.size(); ++i) {
                const auto c = Evaluator::compare(x, eval(*e.args[i]));
                if (!c)
                    sawNull = true;
                else if (*c == 0)
                    return Value::boolean(!e.negated);
            }
            return sawNull ? Value::null() : Value::boolean(e.negated);
        }
        case ExprKind::Like: {
            const Value x = eval(*e.args[0]);
            const Value p = eval(*e.args[1]);
            if (x.isNull() || p.isNull())
                return Value::null();
            return Value::boolean(Evaluator::like(x.asString(), p.asString()) != e.negated);
        }
        case ExprKind::Between: {
            const Value x = eval(*e.args[0]);
            const auto lo = Evaluator::compare(x, eval(*e.args[1]));
            const auto hi = Evaluator::compare(x, eval(*e.args[2]));
            const int a = lo ? (*lo >= 0 ? 1 : 0) : -1;
            const int b = hi ? (*hi <= 0 ? 1 : 0) : -1;
            int t = (a == 0 || b == 0) ? 0 : (a < 0 || b < 0) ? -1 : 1;
            if (e.negated && t >= 0)
                t = 1 - t;
            return fromTruth(t);
        }
        case ExprKind::Case:
        case ExprKind::Cast:
        case ExprKind::Call: return viaArguments(e);
        }
        return Value::null();
    }

private:
    Value viaArguments(const Expr &e)
    {
        std::vector<Value> args;
        args.reserve(e.args.size());
        for (const auto &a : e.args)
            args.push_back(eval(*a));
        return Evaluator::combine(e, args);
    }

    Value binary(const Expr &e)
    {
        if (e.op == Op::And || e.op == Op::Or) {
            const int l = truth(eval(*e.args[0]));
            const int r = truth(eval(*e.args[1]));
            if (e.op == Op::And)
                return fromTruth(l == 0 || r == 0 ? 0 : (l < 0 || r < 0) ? -1 : 1);
            return fromTruth(l == 1 || r == 1 ? 1 : (l < 0 || r < 0) ? -1 : 0);
        }
        const Value l = eval(*e.args[0]);
        const Value r = eval(*e.args[1]);
        if (l.isNull() || r.isNull())
            return Value::null();
        switch (e.op) {
        case Op::Concat: return Evaluator::combine(e, {l, r});
        case Op::Eq:
        case Op::Ne:
        case Op::Lt:
        case Op::Le:
        case Op::Gt:
        case Op::Ge: {
            const int c = *Evaluator::compare(l, r);
            switch (e.op) {
            case Op::Eq: return Value::boolean(c == 0);
            case Op::Ne: return Value::boolean(c != 0);
            case Op::Lt: return Value::boolean(c < 0);
            case Op::Le: return Value::boolean(c <= 0);
            case Op::Gt: return Value::boolean(c > 0);
            default: return Value::boolean(c >= 0);
            }
        }
        default: break;
        }
        if (e.type == DataType::Int) {
            const int64_t a = l.asInt(), b = r.asInt();
            switch (e.op) {
            case Op::Add: return Value::integer(wrapAdd(a, b));
            case Op::Sub: return Value::integer(wrapSub(a, b));
            case Op::Mul: return Value::integer(wrapMul(a, b));
            case Op::Mod:
                if (b == 0)
                    return Value::null();
                return Value::integer(b == -1 ? 0 : a % b);
            default: return Value::null();
            }
        }
        const double a = l.toDouble(), b = r.toDouble();
        switch (e.op) {
        case Op::Add: return Value::real(a + b);
        case Op::Sub: return Value::real(a - b);
        case Op::Mul: return Value::real(a * b);
        case Op::Div: return b == 0 ? Value::null() : Value::real(a / b);
        case Op::Mod: return b == 0 ? Value::null() : Value::real(std::fmod(a, b));
        default: return Value::null();
        }
    }

    const Schema &m_schema;
    const std::vector<Value> &m_row;
};

} // namespace

Value Evaluator::evaluate(const Expr &expr, const Schema &schema, const std::vector<Value> &row)
{
    return EvaluatorImpl(schema, row).eval(expr);
}

Value Evaluator::combine(const Expr &e, const std::vector<Value> &v)
{
    switch (e.kind) {
    case ExprKind::Cast: return Casts::cast(v[0], e.castType);
    case ExprKind::Binary: // ||
        return v[0].isNull() || v[1].isNull() ? Value::null() : Value::string(Casts::toText(v[0]) + Casts::toText(v[1]));
    case ExprKind::Case: {
        size_t i = e.hasOperand ? 1 : 0;
        const size_t pairsEnd = v.size() - (e.hasElse ? 1 : 0);
        for (; i + 1 < pairsEnd; i += 2) {
            bool match;
            if (e.hasOperand) {
                const auto c = compare(v[0], v[i]);
                match = c && *c == 0;
            } else {
                match = truth(v[i]) == 1; // a NULL condition is not true
            }
            if (match)
                return Casts::cast(v[i + 1], e.type);
        }
        return e.hasElse ? Casts::cast(v.back(), e.type) : Value::null();
    }
    case ExprKind::Call:
        if (e.function->nullPropagating) {
            for (const auto &a : v) {
                if (a.isNull())
                    return Value::null();
            }
        }
        return e.function->eval(v, e.type);
    default: return Value::null();
    }
}

std::optional<int> Evaluator::compare(const Value &a, const Value &b)
{
    if (a.isNull() || b.isNull())
        return std::nullopt;
    if (a.type() == DataType::Int && b.type() == DataType::Int)
        return a.asInt() < b.asInt() ? -1 : a.asInt() > b.asInt() ? 1 : 0;
    if (isNumeric(a.type()) && isNumeric(b.type()))
        return compareDoubles(a.toDouble(), b.toDouble());
    if (a.type() == DataType::String && b.type() == DataType::String)
        return a.asString().compare(b.asString()) < 0 ? -1 : a.asString() == b.asString() ? 0 : 1;
    if (a.type() == DataType::Timestamp && b.type() == DataType::String) {
        const Value bt = Casts::cast(b, DataType::Timestamp);
        return bt.isNull() ? std::nullopt : compare(a, bt);
    }
    if (a.type() == DataType::String && b.type() == DataType::Timestamp) {
        const auto c = compare(b, a);
        return c ? std::optional<int>(-*c) : std::nullopt;
    }
    return a.asInt() < b.asInt() ? -1 : a.asInt() > b.asInt() ? 1 : 0; // boolean, timestamp
}

bool Evaluator::like(const QString &text, const QString &pattern)
{
    return LikePattern(pattern.toUcs4()).matches(text.toUcs4());
}

} // namespace sw::core::expr
