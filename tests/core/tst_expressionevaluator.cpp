// SPDX-License-Identifier: GPL-3.0-or-later
#include "expr/Evaluator.h"
#include "expr/Expression.h"

#include <QTest>

using namespace sw::core;
using namespace sw::core::expr;

namespace {
// One row every case is evaluated against.
struct TestRow
{
    Schema schema;
    std::vector<Value> values;
};

TestRow testRow()
{
    TestRow r;
    auto add = [&r](const char *name, DataType type, Value v) {
        r.schema.fields.push_back({QString::fromUtf8(name), type});
        r.values.push_back(std::move(v));
    };
    add("a", DataType::Int, Value::integer(7));
    add("b", DataType::Int, Value::integer(2));
    add("x", DataType::Double, Value::real(2.5));
    add("s", DataType::String, Value::string(QStringLiteral("Hello")));
    add("t", DataType::String, Value::string(QStringLiteral("  trim me  ")));
    add("ts", DataType::Timestamp, Value::timestamp(1795601730250)); // 2026-11-25T10:15:30.250Z
    add("flag", DataType::Boolean, Value::boolean(true));
    add("n", DataType::Int, Value::null());
    add("ns", DataType::String, Value::null());
    add("nb", DataType::Boolean, Value::null());
    add("payload.user.id", DataType::String, Value::string(QStringLiteral("u-42")));
    add("tags", DataType::ArrayString, Value::array(DataType::ArrayString, QStringLiteral(R"(["a","b",null])")));
    add("nums", DataType::ArrayInt, Value::array(DataType::ArrayInt, QStringLiteral("[3,1,2]")));
    add("na", DataType::ArrayInt, Value::null());
    add("lines", DataType::ArrayObject, Value::array(DataType::ArrayObject, QStringLiteral(R"([{"sku":"x1","qty":2}])")));
    return r;
}
} // namespace

class tst_ExpressionEvaluator : public QObject
{
    Q_OBJECT
private slots:
    void evaluate_data();
    void evaluate();
    void like_data();
    void like();
};

void tst_ExpressionEvaluator::evaluate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // the result as a SQL literal
    auto row = [](const char *text, const char *expected) {
        QTest::newRow(text) << QString::fromUtf8(text) << QString::fromUtf8(expected);
    };
    // Arithmetic (Spark: int / int is double; division by zero is NULL; int overflow wraps)
    row("a + b", "9");
    row("a - b * 3", "1");
    row("(a - b) * 3", "15");
    row("a / b", "3.5");
    row("a % b", "1");
    row("-a % b", "-1");
    row("a / 0", "NULL");
    row("a % 0", "NULL");
    row("x / 0.0", "NULL");
    row("x * 2", "5.0");
    row("a + x", "9.5");
    row("a + n", "NULL");
    row("9223372036854775807 + 1", "-9223372036854775808");
    row("-(-a)", "7");
    row("1e3 + 1", "1001.0");
    row("1 + 2 * 3", "7");
    row("2 * 3 % 4", "2");
    row("10 - 4 - 3", "3");
    // Comparisons
    row("a > b", "TRUE");
    row("a = 7.0", "TRUE");
    row("a <> 7", "FALSE");
    row("a != 8", "TRUE");
    row("s = 'Hello'", "TRUE");
    row("s < 'World'", "TRUE");
    row("'a' < 'B'", "FALSE");
    row("n = n", "NULL");
    row("n IS NULL", "TRUE");
    row("n IS NOT NULL", "FALSE");
    row("a IS NULL", "FALSE");
    row("ts > '2026-11-25T10:00:00Z'", "TRUE");
    row("ts = TIMESTAMP '2026-11-25T10:15:30.250Z'", "TRUE");
    row("flag = TRUE", "TRUE");
    row("FALSE < TRUE", "TRUE");
    row("CAST('NaN' AS double) = CAST('NaN' AS double)", "TRUE");
    row("CAST('NaN' AS double) > 1e308", "TRUE");
    row("'a' || 'b' = 'ab'", "TRUE");
    // Three-valued logic
    row("nb AND FALSE", "FALSE");
    row("nb AND TRUE", "NULL");
    row("nb OR TRUE", "TRUE");
    row("nb OR FALSE", "NULL");
    row("NOT nb", "NULL");
    row("NOT flag", "FALSE");
    row("nb AND nb", "NULL");
    row("n > 1 OR a > 1", "TRUE");
    row("n > 1 AND a > 1", "NULL");
    row("NOT FALSE AND FALSE", "FALSE");
    row("NOT (FALSE AND FALSE)", "TRUE");
    row("TRUE OR FALSE AND FALSE", "TRUE");
    // IN
    row("a IN (1, 7, 9)", "TRUE");
    row("a IN (1, 2)", "FALSE");
    row("a IN (1, NULL)", "NULL");
    row("a IN (7, NULL)", "TRUE");
    row("a NOT IN (1, 2)", "TRUE");
    row("a NOT IN (1, NULL)", "NULL");
    row("a NOT IN (7, NULL)", "FALSE");
    row("n IN (1, 2)", "NULL");
    row("s IN ('Hello', 'World')", "TRUE");
    row("a IN (7.0)", "TRUE");
    // LIKE
    row("s LIKE 'H%'", "TRUE");
    row("s LIKE 'h%'", "FALSE");
    row("s NOT LIKE '%x%'", "TRUE");
    row("ns LIKE '%'", "NULL");
    row("s LIKE ns", "NULL");
    // BETWEEN
    row("a BETWEEN 1 AND 10", "TRUE");
    row("a BETWEEN 8 AND 10", "FALSE");
    row("a NOT BETWEEN 8 AND 10", "TRUE");
    row("a BETWEEN n AND 10", "NULL");
    row("a BETWEEN n AND 5", "FALSE");
    row("a NOT BETWEEN n AND 5", "TRUE");
    row("x BETWEEN 2 AND 3", "TRUE");
    row("ts BETWEEN '2026-11-25' AND '2026-11-26'", "TRUE");
    // CASE
    row("CASE WHEN a > 5 THEN 'big' ELSE 'small' END", "'big'");
    row("CASE WHEN a > 50 THEN 'big' END", "NULL");
    row("CASE a WHEN 1 THEN 'one' WHEN 7 THEN 'seven' END", "'seven'");
    row("CASE WHEN nb THEN 1 ELSE 2 END", "2");
    row("CASE WHEN a > 1 THEN 1 ELSE 2.5 END", "1.0");
    row("CASE n WHEN NULL THEN 'x' ELSE 'y' END", "'y'");
    // CAST (Spark's non-ANSI rules: failures give NULL)
    row("CAST('42' AS int)", "42");
    row("CAST(' 42 ' AS int)", "42");
    row("CAST('4.7' AS int)", "4");
    row("CAST('abc' AS int)", "NULL");
    row("CAST(x AS int)", "2");
    row("CAST(-2.5 AS int)", "-2");
    row("CAST(1e300 AS int)", "9223372036854775807");
    row("CAST(a AS string)", "'7'");
    row("CAST(x AS string)", "'2.5'");
    row("CAST(2.0 AS string)", "'2.0'");
    row("CAST(1e10 AS string)", "'1.0E10'");
    row("CAST(0.0001 AS string)", "'1.0E-4'");
    row("CAST('yes' AS boolean)", "TRUE");
    row("CAST('maybe' AS boolean)", "NULL");
    row("CAST(0 AS boolean)", "FALSE");
    row("CAST(flag AS int)", "1");
    row("CAST('2026-11-25 10:00:00' AS timestamp)", "TIMESTAMP '2026-11-25T10:00:00.000Z'");
    row("CAST('not a time' AS timestamp)", "NULL");
    row("CAST(ts AS string)", "'2026-11-25 10:15:30.25'");
    row("CAST(ts AS int)", "1795601730");
    row("CAST(n AS string)", "NULL");
    row("CAST('1.5' AS double)", "1.5");
    row("CAST(60 AS timestamp)", "TIMESTAMP '1970-01-01T00:01:00.000Z'");
    // Outside 0001-01-01 .. 9999-12-31 (where seconds * 1000 would overflow, too): NULL
    row("CAST(9223372036854775807 AS timestamp)", "NULL");
    row("CAST(253402300800 AS timestamp)", "NULL");
    row("CAST(253402300799 AS timestamp)", "TIMESTAMP '9999-12-31T23:59:59.000Z'");
    row("CAST(1e300 AS timestamp)", "NULL");
    row("CAST('0000-12-31T00:00:00Z' AS timestamp)", "NULL");
    // Concatenation
    row("s || ' ' || 'World'", "'Hello World'");
    row("s || n", "NULL");
    row("concat(s, '-', a)", "'Hello-7'");
    row("concat(s, ns)", "NULL");
    row("a || b", "'72'");
    // String functions
    row("lower(s)", "'hello'");
    row("upper(s)", "'HELLO'");
    row("length(s)", "5");
    row("length('größe')", "5");
    row("length(ns)", "NULL");
    row("substr(s, 2)", "'ello'");
    row("substr(s, 2, 3)", "'ell'");
    row("substr(s, -3)", "'llo'");
    row("substr(s, 0, 2)", "'He'");
    row("substr(s, 10)", "''");
    row("substr(s, 2, -1)", "''");
    row("substring(s, 1, 1)", "'H'");
    row("trim(t)", "'trim me'");
    row("ltrim(t)", "'trim me  '");
    row("rtrim(t)", "'  trim me'");
    row("replace(s, 'l', 'L')", "'HeLLo'");
    row("startswith(s, 'He')", "TRUE");
    row("endswith(s, 'x')", "FALSE");
    row("contains(s, 'ell')", "TRUE");
    // Conditional functions
    row("coalesce(n, a)", "7");
    row("coalesce(n, x)", "2.5");
    row("coalesce(ns, 'none')", "'none'");
    row("coalesce(n, n)", "NULL");
    row("nullif(a, 7)", "NULL");
    row("nullif(a, 8)", "7");
    row("if(a > 5, 'yes', 'no')", "'yes'");
    row("if(nb, 1, 2)", "2");
    row("greatest(a, b, 9)", "9");
    row("greatest(a, x)", "7.0");
    row("least(a, n, b)", "2");
    row("least(n, n)", "NULL");
    // Numeric functions
    row("abs(-a)", "7");
    row("abs(-2.5)", "2.5");
    row("round(2.5)", "3.0");
    row("round(-2.5)", "-3.0");
    row("round(3.14159, 2)", "3.14");
    row("round(a)", "7");
    row("round(1250, -2)", "1300");
    row("round(-1250, -2)", "-1300");
    row("floor(CAST('NaN' AS double))", "0"); // as Java's (long) cast, which Spark's floor and ceil end with
    row("ceil(1e300)", "9223372036854775807");
    row("floor(-1e300)", "-9223372036854775808");
    row("round(-1249, -2)", "-1200");
    row("round(9223372036854775807, -1)", "-9223372036854775806"); // past int64 it wraps, as Spark's longValue()
    row("round(9223372036854775807, -19)", "0");
    row("round(-9223372036854775807, -300)", "0");
    row("substr('abc', 9223372036854775807, 9223372036854775807)", "''");
    row("substr('abcdef', 2, 9223372036854775807)", "'bcdef'");
    row("floor(x)", "2");
    row("ceil(x)", "3");
    row("floor(-2.5)", "-3");
    row("sqrt(16)", "4.0");
    row("power(2, 10)", "1024.0");
    // Time functions (UTC)
    row("date_trunc('hour', ts)", "TIMESTAMP '2026-11-25T10:00:00.000Z'");
    row("date_trunc('MINUTE', ts)", "TIMESTAMP '2026-11-25T10:15:00.000Z'");
    row("date_trunc('second', ts)", "TIMESTAMP '2026-11-25T10:15:30.000Z'");
    row("date_trunc('day', ts)", "TIMESTAMP '2026-11-25T00:00:00.000Z'");
    row("date_trunc('week', ts)", "TIMESTAMP '2026-11-23T00:00:00.000Z'");
    row("date_trunc('month', ts)", "TIMESTAMP '2026-11-01T00:00:00.000Z'");
    row("date_trunc('quarter', ts)", "TIMESTAMP '2026-10-01T00:00:00.000Z'");
    row("date_trunc('year', ts)", "TIMESTAMP '2026-01-01T00:00:00.000Z'");
    row("date_trunc('fortnight', ts)", "NULL");
    row("date_trunc('hour', TIMESTAMP '1969-12-31T23:30:00Z')", "TIMESTAMP '1969-12-31T23:00:00.000Z'");
    row("year(ts)", "2026");
    row("month(ts)", "11");
    row("day(ts)", "25");
    row("hour(ts)", "10");
    row("minute(ts)", "15");
    row("second(ts)", "30");
    row("unix_millis(ts)", "1795601730250");
    row("timestamp_millis(unix_millis(ts) + 60000)", "TIMESTAMP '2026-11-25T10:16:30.250Z'");
    row("timestamp_millis(0)", "TIMESTAMP '1970-01-01T00:00:00.000Z'");
    // Arrays (Spark's functions, without ANSI mode)
    row("size(tags)", "3");
    row("size(lines)", "1");
    row("size(na)", "-1");
    row("element_at(tags, 1)", "'a'");
    row("element_at(tags, -1)", "NULL");
    row("element_at(nums, -1)", "2");
    row("element_at(nums, 4)", "NULL");
    row("element_at(nums, 0)", "NULL");
    row("element_at(na, 1)", "NULL");
    row("array_contains(nums, 2)", "TRUE");
    row("array_contains(nums, 2.0)", "TRUE");
    row("array_contains(nums, 9)", "FALSE");
    row("array_contains(tags, 'b')", "TRUE");
    row("array_contains(tags, 'z')", "NULL"); // not found, but a NULL might be it
    row("array_contains(na, 1)", "NULL");
    row("split('a,b,,c,', ',')", R"(["a","b","","c",""])");
    row("split('abc', '')", R"(["a","b","c"])");
    row("split(s, 'l+')", R"(["He","o"])");
    row("element_at(split('2026-11-25', '-'), 2)", "'11'");
    row("size(split(ns, ','))", "-1");
    row("CAST(nums AS string)", "'[3,1,2]'");
    // Nested JSON fields
    row("payload.user.id", "'u-42'");
    row("`payload`.`user`.id = 'u-42'", "TRUE");
}

void tst_ExpressionEvaluator::evaluate()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const TestRow r = testRow();
    const auto checked = Expression::compile(text, r.schema);
    QVERIFY2(checked.ok(), qPrintable(checked.errors.empty() ? QString() : checked.errors.front().describe()));
    const Value v = Evaluator::evaluate(*checked.expr, r.schema, r.values);
    QCOMPARE(v.toSql(), expected);
    // The value has the type the checker promised (or is NULL).
    QVERIFY(v.isNull() || v.type() == checked.type);
}

void tst_ExpressionEvaluator::like_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("matches");
    auto row = [](const char *text, const char *pattern, bool matches) {
        QTest::newRow(QByteArray(text) + " LIKE " + pattern)
            << QString::fromUtf8(text) << QString::fromUtf8(pattern) << matches;
    };
    row("Hello", "%llo", true);
    row("Hello", "H_llo", true);
    row("Hello", "H_lo", false);
    row("", "%", true);
    row("", "_", false);
    row("abc", "%b%c", true);
    row("abcbc", "%bc", true);
    row("abcbd", "%bc", false);
    row("50%", "50\\%", true);
    row("500", "50\\%", false);
    row("a_c", "a\\_c", true);
    row("abc", "a\\_c", false);
    row("a\\b", "a\\\\b", true);
    row("mississippi", "m%iss%pi", true);
    row("mississippi", "m%iss%x", false);
}

void tst_ExpressionEvaluator::like()
{
    QFETCH(QString, text);
    QFETCH(QString, pattern);
    QFETCH(bool, matches);
    QCOMPARE(Evaluator::like(text, pattern), matches);
}

QTEST_GUILESS_MAIN(tst_ExpressionEvaluator)
#include "tst_expressionevaluator.moc"
