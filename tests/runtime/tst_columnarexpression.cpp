// SPDX-License-Identifier: GPL-3.0-or-later
// The columnar evaluator must agree with core's reference evaluator on every row.
#include "expr/ColumnarExpression.h"
#include "expr/Evaluator.h"
#include "expr/Expression.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace sw;
using namespace sw::runtime;
using core::DataType;
using core::expr::Value;

namespace {

struct Data
{
    core::Schema schema;
    Batch batch;
    std::vector<std::vector<Value>> rows;
};

// Random rows with NULLs, NaN, extremes, unicode and LIKE metacharacters.
Data randomData(size_t n)
{
    Data d;
    d.schema.fields = {{QStringLiteral("a"), DataType::Int},      {QStringLiteral("b"), DataType::Int},
                       {QStringLiteral("x"), DataType::Double},   {QStringLiteral("y"), DataType::Double},
                       {QStringLiteral("s"), DataType::String},   {QStringLiteral("t"), DataType::String},
                       {QStringLiteral("ts"), DataType::Timestamp}, {QStringLiteral("flag"), DataType::Boolean},
                       {QStringLiteral("other"), DataType::Boolean}};
    d.batch = Batch::empty(d.schema);
    QRandomGenerator rng(20261125);
    const QStringList words = {QStringLiteral("Hello"), QStringLiteral("hello"), QStringLiteral("größe"),
                               QStringLiteral("50%"), QStringLiteral("a_c"), QString(), QStringLiteral("  pad  "),
                               QStringLiteral("view"), QStringLiteral("click"), QStringLiteral("42"),
                               QStringLiteral("4.7"), QStringLiteral("2026-11-25 10:00:00"), QStringLiteral("yes"),
                               QStringLiteral("日本語テキスト")};
    const int64_t ints[] = {0, 1, -1, 2, 7, -7, 100, std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::min()};
    const double doubles[] = {0.0, -0.0, 1.5, -2.5, 2.5, 1e300, -1e-5, std::nan(""), 3.0};
    for (size_t r = 0; r < n; ++r) {
        std::vector<Value> row;
        for (const auto &f : d.schema.fields) {
            const bool null = rng.bounded(8) == 0;
            Value v;
            if (!null) {
                switch (f.type) {
                case DataType::Int: v = Value::integer(ints[rng.bounded(9)]); break;
                case DataType::Double: v = Value::real(doubles[rng.bounded(9)]); break;
                case DataType::String: v = Value::string(words[rng.bounded(int(words.size()))]); break;
                case DataType::Timestamp: v = Value::timestamp(1795601730250 + int64_t(rng.bounded(7200000)) - 3600000); break;
                case DataType::Boolean: v = Value::boolean(rng.bounded(2) == 1); break;
                default: break;
                }
            }
            row.push_back(v);
        }
        for (size_t c = 0; c < row.size(); ++c)
            appendValue(d.batch.columns[c], row[c], d.batch.arena());
        d.rows.push_back(row);
    }
    d.batch.rows = n;
    return d;
}

} // namespace

class tst_ColumnarExpression : public QObject
{
    Q_OBJECT
private slots:
    void matchesReference_data();
    void matchesReference();
    void passesStringsWithoutCopying();
};

void tst_ColumnarExpression::matchesReference_data()
{
    QTest::addColumn<QString>("text");
    for (const char *e : {
             "a", "x", "s", "ts", "flag", "NULL", "42", "'text'", "TRUE", "2.5",
             "a + b", "a - b", "a * b", "a / b", "a % b", "a + x", "x * y", "x / y", "x % y", "-a", "-x", "a + NULL",
             "a = b", "a != b", "a < x", "x >= y", "s = t", "s < t", "s > 'hello'", "ts > '2026-11-25T10:00:00Z'",
             "flag = other", "x = x", "x > 1e308",
             "flag AND other", "flag OR other", "NOT flag", "flag AND NULL", "NOT (a > b OR x < y)",
             "a IS NULL", "s IS NOT NULL", "a IN (1, 2, 7)", "a NOT IN (1, NULL)", "s IN ('Hello', t)", "x IN (1.5, a)",
             "s LIKE 'H%'", "s LIKE '%l_o'", "s NOT LIKE '50\\%'", "s LIKE t", "s LIKE '_____'", "s LIKE '%ö%'",
             "a BETWEEN b AND 10", "x NOT BETWEEN -1 AND 2", "ts BETWEEN '2026-11-25T09:30:00Z' AND '2026-11-25T10:30:00Z'",
             "CASE WHEN a > 0 THEN 'pos' WHEN a < 0 THEN 'neg' ELSE 'zero' END", "CASE a WHEN 7 THEN x WHEN 1 THEN b END",
             "CASE WHEN flag THEN a ELSE x END",
             "CAST(a AS string)", "CAST(x AS int)", "CAST(s AS int)", "CAST(s AS double)", "CAST(s AS boolean)",
             "CAST(s AS timestamp)", "CAST(ts AS string)", "CAST(flag AS int)", "CAST(a AS timestamp)", "CAST(x AS string)",
             "s || t", "s || a", "concat(s, '-', a, '-', x)",
             "lower(s)", "upper(t)", "length(s)", "substr(s, 2, 3)", "substr(s, a)", "trim(s)", "replace(s, 'l', 'L')",
             "startswith(s, 'He')", "contains(s, t)",
             "coalesce(a, b, 0)", "coalesce(x, a)", "coalesce(s, t, 'none')", "nullif(a, b)", "if(flag, s, t)",
             "greatest(a, b)", "least(x, y, a)", "abs(a)", "abs(x)", "round(x, 1)", "round(a, -1)", "floor(x)", "ceil(y)",
             "sqrt(x)", "power(x, 2)",
             "date_trunc('hour', ts)", "date_trunc('week', ts)", "hour(ts)", "minute(ts)", "unix_millis(ts)",
             "timestamp_millis(unix_millis(ts) + a)",
             "a + b * 2 > x AND s LIKE 'h%' OR ts IS NULL",
             "split(s, 'l')", "size(split(s, 'l'))", "element_at(split(s, 'l'), 1)", "element_at(split(t, ' '), -1)",
             "array_contains(split(s, 'l'), 'He')", "size(split(s, ''))",
         })
        QTest::newRow(e) << QString::fromUtf8(e);
}

void tst_ColumnarExpression::matchesReference()
{
    QFETCH(QString, text);
    static const Data data = randomData(300);
    const auto checked = core::expr::Expression::compile(text, data.schema);
    QVERIFY2(checked.ok(), qPrintable(checked.errors.empty() ? QString() : checked.errors.front().describe()));
    const auto compiled = ColumnarExpression::compile(*checked.expr, data.schema);
    StringArena arena;
    const Column column = compiled->evaluate(data.batch, arena);
    QCOMPARE(column.size(), data.batch.rows);
    for (size_t r = 0; r < data.rows.size(); ++r) {
        const Value expected = core::expr::Evaluator::evaluate(*checked.expr, data.schema, data.rows[r]);
        Value actual = column.type == DataType::Null ? Value::null() : cellValue(column, r);
        if (expected.type() == DataType::Null || actual.type() == DataType::Null) {
            QVERIFY2(expected.isNull() && actual.isNull(),
                     qPrintable(QStringLiteral("row %1: expected %2, got %3").arg(r).arg(expected.toSql(), actual.toSql())));
            continue;
        }
        QVERIFY2(expected == actual,
                 qPrintable(QStringLiteral("row %1: expected %2, got %3").arg(r).arg(expected.toSql(), actual.toSql())));
    }
}

void tst_ColumnarExpression::passesStringsWithoutCopying()
{
    const Data data = randomData(50);
    const auto checked = core::expr::Expression::compile(QStringLiteral("s"), data.schema);
    const auto compiled = ColumnarExpression::compile(*checked.expr, data.schema);
    StringArena arena;
    const Column column = compiled->evaluate(data.batch, arena);
    QCOMPARE(arena.bytes(), size_t(0));
    for (size_t r = 0; r < data.batch.rows; ++r)
        QCOMPARE(column.strings[r].data(), data.batch.columns[4].strings[r].data());
}

QTEST_GUILESS_MAIN(tst_ColumnarExpression)
#include "tst_columnarexpression.moc"
