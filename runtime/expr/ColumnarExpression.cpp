// SPDX-License-Identifier: GPL-3.0-or-later
#include "expr/ColumnarExpression.h"

#include "batch/Bytes.h"
#include "expr/Casts.h"
#include "expr/Evaluator.h"
#include "expr/Functions.h"
#include "expr/LikePattern.h"

#include <cmath>
#include <limits>
#include <optional>
#include <string>

namespace sw::runtime {

using core::expr::Expr;
using core::expr::ExprKind;
using core::expr::Op;
using core::expr::Value;
using ExprNode = std::unique_ptr<ColumnarExpression>;

Value cellValue(const Column &c, size_t i)
{
    if (c.isNull(i))
        return Value::null();
    switch (c.type) {
    case DataType::Boolean: return Value::boolean(c.ints[i] != 0);
    case DataType::Int: return Value::integer(c.ints[i]);
    case DataType::Timestamp: return Value::timestamp(c.ints[i]);
    case DataType::Double: return Value::real(c.doubles[i]);
    case DataType::String: return Value::string(QString::fromUtf8(c.strings[i].data(), qsizetype(c.strings[i].size())));
    case DataType::ArrayString:
    case DataType::ArrayInt:
    case DataType::ArrayDouble:
    case DataType::ArrayObject:
        return Value::array(c.type, QString::fromUtf8(c.strings[i].data(), qsizetype(c.strings[i].size())));
    case DataType::Null: break;
    }
    return Value::null();
}

void appendValue(Column &c, const Value &v, StringArena &arena)
{
    if (v.isNull()) {
        c.appendNull();
        return;
    }
    const Value cast = v.type() == c.type ? v : core::expr::Casts::cast(v, c.type);
    switch (c.type) {
    case DataType::Boolean:
    case DataType::Int:
    case DataType::Timestamp: c.appendInt(cast.type() == DataType::Boolean ? (cast.asBool() ? 1 : 0) : cast.asInt()); break;
    case DataType::Double: c.appendDouble(cast.asDouble()); break;
    case DataType::String:
    case DataType::ArrayString:
    case DataType::ArrayInt:
    case DataType::ArrayDouble:
    case DataType::ArrayObject: {
        if (cast.isNull()) { // an array that does not convert
            c.appendNull();
            break;
        }
        const QByteArray utf8 = cast.asString().toUtf8();
        c.appendString(arena.copy(std::string_view(utf8.constData(), size_t(utf8.size()))));
        break;
    }
    case DataType::Null: c.appendNull(); break;
    }
}

namespace {

double asDouble(const Column &c, size_t i)
{
    return c.type == DataType::Double ? c.doubles[i] : double(c.ints[i]);
}

int compareDoubles(double a, double b)
{
    const bool an = std::isnan(a), bn = std::isnan(b);
    if (an || bn)
        return an == bn ? 0 : an ? 1 : -1;
    return a < b ? -1 : a > b ? 1 : 0;
}

// Same ordering as the reference evaluator; both cells must be non-NULL.
int compareCells(const Column &a, size_t i, const Column &b, size_t j)
{
    if (a.type == DataType::String && b.type == DataType::String) {
        const int c = a.strings[i].compare(b.strings[j]);
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    if (a.type == DataType::Double || b.type == DataType::Double)
        return compareDoubles(asDouble(a, i), asDouble(b, j));
    return a.ints[i] < b.ints[j] ? -1 : a.ints[i] > b.ints[j] ? 1 : 0;
}

class Literal : public ColumnarExpression
{
public:
    explicit Literal(const Value &v) : ColumnarExpression(v.type()), m_value(v)
    {
        if (v.type() == DataType::String || core::isArray(v.type()))
            m_utf8 = v.asString().toStdString();
    }
    Column evaluate(const Batch &batch, StringArena &arena) const override
    {
        Column c(m_type);
        const size_t n = batch.rows;
        if (m_value.isNull()) {
            c.resizeNull(n);
            return c;
        }
        c.valid.assign(n, 1);
        switch (m_type) {
        case DataType::Double: c.doubles.assign(n, m_value.asDouble()); break;
        case DataType::String:
        case DataType::ArrayString:
        case DataType::ArrayInt:
        case DataType::ArrayDouble:
        case DataType::ArrayObject: c.strings.assign(n, arena.copy(m_utf8)); break;
        case DataType::Boolean: c.ints.assign(n, m_value.asBool() ? 1 : 0); break;
        default: c.ints.assign(n, m_value.asInt()); break;
        }
        return c;
    }
    const Value &value() const { return m_value; }
    std::string_view utf8() const { return m_utf8; }

private:
    Value m_value;
    std::string m_utf8;
};

class ColumnRef : public ColumnarExpression
{
public:
    ColumnRef(DataType type, int index) : ColumnarExpression(type), m_index(index) {}
    Column evaluate(const Batch &batch, StringArena &) const override { return batch.columns[size_t(m_index)]; }
    int columnIndex() const override { return m_index; }
    int index() const { return m_index; }

private:
    int m_index;
};

class Unary : public ColumnarExpression
{
public:
    Unary(DataType type, Op op, ExprNode operand) : ColumnarExpression(type), m_op(op), m_operand(std::move(operand)) {}
    Column evaluate(const Batch &batch, StringArena &arena) const override
    {
        Column c = m_operand->evaluate(batch, arena);
        if (m_op == Op::Not) {
            for (auto &v : c.ints)
                v = v ? 0 : 1;
        } else if (c.type == DataType::Double) {
            for (auto &v : c.doubles)
                v = -v;
        } else {
            for (auto &v : c.ints)
                v = int64_t(0 - uint64_t(v));
        }
        c.type = m_type == DataType::Null ? c.type : m_type;
        return c;
    }

private:
    Op m_op;
    ExprNode m_operand;
};

class Logical : public ColumnarExpression
{
public:
    Logical(Op op, ExprNode l, ExprNode r)
        : ColumnarExpression(DataType::Boolean), m_and(op == Op::And), m_l(std::move(l)), m_r(std::move(r))
    {
    }
    Column evaluate(const Batch &batch, StringArena &arena) const override
    {
        const Column a = m_l->evaluate(batch, arena);
        const Column b = m_r->evaluate(batch, arena);
        Column c(DataType::Boolean);
        c.valid.resize(batch.rows);
        c.ints.resize(batch.rows);
        for (size_t i = 0; i < batch.rows; ++i) {
            const int x = a.valid[i] ? int(a.ints[i] != 0) : -1;
            const int y = b.valid[i] ? int(b.ints[i] != 0) : -1;
            int t;
            if (m_and)
                t = (x == 0 || y == 0) ? 0 : (x < 0 || y < 0) ? -1 : 1;
            else
                t = (x == 1 || y == 1) ? 1 : (x < 0 || y < 0) ? -1 : 0;
            c.valid[i] = t >= 0;
            c.ints[i] = t == 1;
        }
        return c;
    }

private:
    bool m_and;
    ExprNode m_l, m_r;
};

class Comparison : public ColumnarExpression
{
public:
    Comparison(Op op, ExprNode l, ExprNode r)
        : ColumnarExpression(DataType::Boolean), m_op(op), m_l(std::move(l)), m_r(std::move(r))
    {
    }
    Column evaluate(const Batch &batch, StringArena &arena) const override
    {
        Column c(DataType::Boolean);
        c.valid.resize(batch.rows);
        c.ints.resize(batch.rows);
        // The common filter shape, column = 'literal', straight off the batch.
        const auto *column = dynamic_cast<const ColumnRef *>(m_l.get());
        const auto *literal = dynamic_cast<const Literal *>(m_r.get());
        if (column && literal && literal->value().type() == DataType::String
            && batch.columns[size_t(column->index())].type == DataType::String && (m_op == Op::Eq || m_op == Op::Ne)) {
            const Column &a = batch.columns[size_t(column->index())];
            const std::string_view wanted = literal->utf8();
            for (size_t i = 0; i < batch.rows; ++i) {
                c.valid[i] = a.valid[i];
                c.ints[i] = sameBytes(a.strings[i], wanted) == (m_op == Op::Eq);
            }
            return c;
        }
        const Column a = m_l->evaluate(batch, arena);
        const Column b = m_r->evaluate(batch, arena);
        if (a.type == DataType::Null || b.type == DataType::Null)
            return nulls(c);
        for (size_t i = 0; i < batch.rows; ++i) {
            if (!a.valid[i] || !b.valid[i]) {
                c.valid[i] = 0;
                continue;
            }
            const int k = compareCells(a, i, b, i);
            c.valid[i] = 1;
            switch (m_op) {
            case Op::Eq: c.ints[i] = k == 0; break;
            case Op::Ne: c.ints[i] = k != 0; break;
            case Op::Lt: c.ints[i] = k < 0; break;
            case Op::Le: c.ints[i] = k <= 0; break;
            case Op::Gt: c.ints[i] = k > 0; break;
            default: c.ints[i] = k >= 0; break;
            }
        }
        return c;
    }

private:
    static Column nulls(Column &c)
    {
        std::fill(c.valid.begin(), c.valid.end(), 0);
        return c;
    }
    Op m_op;
    ExprNode m_l, m_r;
};

class Arithmetic : public ColumnarExpression
{
public:
    Arithmetic(DataType type, Op op, ExprNode l, ExprNode r)
        : ColumnarExpression(type), m_op(op), m_l(std::move(l)), m_r(std::move(r))
    {
    }
    Column evaluate(const Batch &batch, StringArena &arena) const override
    {
        const Column a = m_l->evaluate(batch, arena);
        const Column b = m_r->evaluate(batch, arena);
        const size_t n = batch.rows;
        Column c(m_type == DataType::Null ? DataType::Int : m_type);
        c.resizeNull(n);
        if (m_type == DataType::Null || a.type == DataType::Null || b.type == DataType::Null)
            return c;
        if (m_type == DataType::Int) {
            for (size_t i = 0; i < n; ++i) {
                if (!a.valid[i] || !b.valid[i])
                    continue;
                const uint64_t x = uint64_t(a.ints[i]), y = uint64_t(b.ints[i]);
                c.valid[i] = 1;
                switch (m_op) {
                case Op::Add: c.ints[i] = int64_t(x + y); break;
                case Op::Sub: c.ints[i] = int64_t(x - y); break;
                case Op::Mul: c.ints[i] = int64_t(x * y); break;
                default: // Mod
                    if (b.ints[i] == 0)
                        c.valid[i] = 0;
                    else
                        c.ints[i] = b.ints[i] == -1 ? 0 : a.ints[i] % b.ints[i];
                }
            }
            return c;
        }
        for (size_t i = 0; i < n; ++i) {
            if (!a.valid[i] || !b.valid[i])
                continue;
            const double x = asDouble(a, i), y = asDouble(b, i);
            c.valid[i] = 1;
            switch (m_op) {
            case Op::Add: c.doubles[i] = x + y; break;
            case Op::Sub: c.doubles[i] = x - y; break;
            case Op::Mul: c.doubles[i] = x * y; break;
            case Op::Div:
                if (y == 0)
                    c.valid[i] = 0;
                else
                    c.doubles[i] = x / y;
                break;
            default:
                if (y == 0)
                    c.valid[i] = 0;
                else
                    c.doubles[i] = std::fmod(x, y);
            }
        }
        return c;
    }

private:
    Op m_op;
    ExprNode m_l, m_r;
};

class IsNull : public ColumnarExpression
{
public:
    IsNull(bool negated, ExprNode x) : ColumnarExpression(DataType::Boolean), m_negated(negated), m_x(std::move(x)) {}
    Column evaluate(const Batch &batch, StringArena &arena) const override
    {
        const Column a = m_x->evaluate(batch, arena);
        Column c(DataType::Boolean);
        c.valid.assign(batch.rows, 1);
        c.ints.resize(batch.rows);
        for (size_t i = 0; i < batch.rows; ++i)
            c.ints[i] = (a.valid[i] == 0) != m_negated;
        return c;
    }

private:
    bool m_negated;
    ExprNode m_x;
};

class In : public ColumnarExpression
{
public:
    In(bool negated, ExprNode x, std::vector<ExprNode> items)
        : ColumnarExpression(DataType::Boolean), m_negated(negated), m_x(std::move(x)), m_items(std::move(items))
    {
    }
    Column evaluate(const Batch &batch, StringArena &arena) const override
    {
        const Column x = m_x->evaluate(batch, arena);
        std::vector<Column> items;
        items.reserve(m_items.size());
        for (const auto &item : m_items)
            items.push_back(item->evaluate(batch, arena));
        Column c(DataType::Boolean);
        c.valid.assign(batch.rows, 1);
        c.ints.assign(batch.rows, 0);
        for (size_t i = 0; i < batch.rows; ++i) {
            if (!x.valid[i] || x.type == DataType::Null) {
                c.valid[i] = 0;
                continue;
            }
            bool found = false, sawNull = false;
            for (const Column &item : items) {
                if (!item.valid[i] || item.type == DataType::Null)
                    sawNull = true;
                else if (compareCells(x, i, item, i) == 0) {
                    found = true;
                    break;
                }
            }
            if (found)
                c.ints[i] = !m_negated;
            else if (sawNull)
                c.valid[i] = 0;
            else
                c.ints[i] = m_negated;
        }
        return c;
    }

private:
    bool m_negated;
    ExprNode m_x;
    std::vector<ExprNode> m_items;
};

// UTF-8 to code points, into a reused buffer.
void decodeUtf8(std::string_view s, std::vector<char32_t> &out)
{
    out.clear();
    for (size_t i = 0; i < s.size();) {
        const auto b = uint8_t(s[i]);
        const int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? b : b & (0xFF >> (len + 1));
        for (int k = 1; k < len && i + size_t(k) < s.size(); ++k)
            cp = (cp << 6) | (uint8_t(s[i + size_t(k)]) & 0x3F);
        i += size_t(len);
        out.push_back(cp);
    }
}

class Like : public ColumnarExpression
{
public:
    Like(bool negated, ExprNode x, ExprNode pattern)
        : ColumnarExpression(DataType::Boolean), m_negated(negated), m_x(std::move(x)), m_pattern(std::move(pattern))
    {
        // A literal pattern (the usual case) is prepared once, not per row.
        if (const auto *literal = dynamic_cast<const Literal *>(m_pattern.get());
            literal && literal->value().type() == DataType::String)
            m_fixed.emplace(literal->value().asString().toUcs4());
    }
    Column evaluate(const Batch &batch, StringArena &arena) const override
    {
        const Column x = m_x->evaluate(batch, arena);
        const Column p = m_pattern->evaluate(batch, arena);
        Column c(DataType::Boolean);
        c.valid.assign(batch.rows, 0);
        c.ints.assign(batch.rows, 0);
        if (x.type != DataType::String || p.type != DataType::String)
            return c;
        std::vector<char32_t> text, pattern;
        for (size_t i = 0; i < batch.rows; ++i) {
            if (!x.valid[i] || !p.valid[i])
                continue;
            c.valid[i] = 1;
            decodeUtf8(x.strings[i], text);
            bool match;
            if (m_fixed) {
                match = m_fixed->matches(text);
            } else {
                decodeUtf8(p.strings[i], pattern);
                match = core::expr::LikePattern(pattern).matches(text);
            }
            c.ints[i] = match != m_negated;
        }
        return c;
    }

private:
    bool m_negated;
    ExprNode m_x, m_pattern;
    std::optional<core::expr::LikePattern> m_fixed;
};

class Between : public ColumnarExpression
{
public:
    Between(bool negated, ExprNode x, ExprNode lo, ExprNode hi)
        : ColumnarExpression(DataType::Boolean), m_negated(negated), m_x(std::move(x)), m_lo(std::move(lo)),
          m_hi(std::move(hi))
    {
    }
    Column evaluate(const Batch &batch, StringArena &arena) const override
    {
        const Column x = m_x->evaluate(batch, arena);
        const Column lo = m_lo->evaluate(batch, arena);
        const Column hi = m_hi->evaluate(batch, arena);
        Column c(DataType::Boolean);
        c.valid.assign(batch.rows, 0);
        c.ints.assign(batch.rows, 0);
        for (size_t i = 0; i < batch.rows; ++i) {
            const bool xv = x.valid[i] && x.type != DataType::Null;
            const int a = xv && lo.valid[i] && lo.type != DataType::Null ? int(compareCells(x, i, lo, i) >= 0) : -1;
            const int b = xv && hi.valid[i] && hi.type != DataType::Null ? int(compareCells(x, i, hi, i) <= 0) : -1;
            int t = (a == 0 || b == 0) ? 0 : (a < 0 || b < 0) ? -1 : 1;
            if (m_negated && t >= 0)
                t = 1 - t;
            c.valid[i] = t >= 0;
            c.ints[i] = t == 1;
        }
        return c;
    }

private:
    bool m_negated;
    ExprNode m_x, m_lo, m_hi;
};

// Everything that produces or consumes values through core's scalar semantics:
// function calls, casts, ||, CASE. One loop, a reused argument vector.
class Scalar : public ColumnarExpression
{
public:
    Scalar(const Expr &expr, std::vector<ExprNode> args) : ColumnarExpression(expr.type), m_expr(expr), m_args(std::move(args)) {}
    Column evaluate(const Batch &batch, StringArena &arena) const override
    {
        std::vector<Column> args;
        args.reserve(m_args.size());
        for (const auto &a : m_args)
            args.push_back(a->evaluate(batch, arena));
        Column c(m_type == DataType::Null ? DataType::String : m_type);
        c.reserve(batch.rows);
        std::vector<Value> values(args.size());
        for (size_t i = 0; i < batch.rows; ++i) {
            for (size_t k = 0; k < args.size(); ++k)
                values[k] = args[k].type == DataType::Null ? Value::null() : cellValue(args[k], i);
            appendValue(c, core::expr::Evaluator::combine(m_expr, values), arena);
        }
        return c;
    }

private:
    const Expr &m_expr;
    std::vector<ExprNode> m_args;
};

} // namespace

std::unique_ptr<ColumnarExpression> ColumnarExpression::compile(const Expr &e, const core::Schema &schema)
{
    std::vector<ExprNode> args;
    for (const auto &a : e.args)
        args.push_back(compile(*a, schema));
    switch (e.kind) {
    case ExprKind::Literal: return std::make_unique<Literal>(e.value);
    case ExprKind::Column: {
        const int index = schema.indexOf(e.name);
        if (index < 0)
            return std::make_unique<Literal>(Value::null());
        return std::make_unique<ColumnRef>(schema.fields[size_t(index)].type, index);
    }
    case ExprKind::Unary: return std::make_unique<Unary>(e.type, e.op, std::move(args[0]));
    case ExprKind::Binary:
        switch (e.op) {
        case Op::And:
        case Op::Or: return std::make_unique<Logical>(e.op, std::move(args[0]), std::move(args[1]));
        case Op::Eq:
        case Op::Ne:
        case Op::Lt:
        case Op::Le:
        case Op::Gt:
        case Op::Ge: return std::make_unique<Comparison>(e.op, std::move(args[0]), std::move(args[1]));
        case Op::Concat: return std::make_unique<Scalar>(e, std::move(args));
        default: return std::make_unique<Arithmetic>(e.type, e.op, std::move(args[0]), std::move(args[1]));
        }
    case ExprKind::IsNull: return std::make_unique<IsNull>(e.negated, std::move(args[0]));
    case ExprKind::In: {
        ExprNode x = std::move(args[0]);
        args.erase(args.begin());
        return std::make_unique<In>(e.negated, std::move(x), std::move(args));
    }
    case ExprKind::Like: return std::make_unique<Like>(e.negated, std::move(args[0]), std::move(args[1]));
    case ExprKind::Between:
        return std::make_unique<Between>(e.negated, std::move(args[0]), std::move(args[1]), std::move(args[2]));
    case ExprKind::Case:
    case ExprKind::Cast:
    case ExprKind::Call: return std::make_unique<Scalar>(e, std::move(args));
    }
    return std::make_unique<Literal>(Value::null());
}

} // namespace sw::runtime
