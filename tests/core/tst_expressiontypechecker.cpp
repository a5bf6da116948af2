// SPDX-License-Identifier: GPL-3.0-or-later
#include "expr/Expression.h"
#include "expr/Functions.h"

#include <QFile>

#include <QTest>

using namespace sw::core;
using namespace sw::core::expr;

namespace {
Schema testSchema()
{
    Schema s;
    s.fields = {{QStringLiteral("a"), DataType::Int},          {QStringLiteral("b"), DataType::Int},
                {QStringLiteral("x"), DataType::Double},       {QStringLiteral("amount"), DataType::Double},
                {QStringLiteral("s"), DataType::String},       {QStringLiteral("ts"), DataType::Timestamp},
                {QStringLiteral("flag"), DataType::Boolean},   {QStringLiteral("payload.user.id"), DataType::String},
                {QStringLiteral("tags"), DataType::ArrayString}, {QStringLiteral("lines"), DataType::ArrayObject}};
    return s;
}
} // namespace

class tst_ExpressionTypeChecker : public QObject
{
    Q_OBJECT
private slots:
    void types_data();
    void types();
    void errors_data();
    void errors();
    void reportsEveryError();
    void referencedColumns();
    void everyFunctionIsDocumented();
};

void tst_ExpressionTypeChecker::types_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("type");
    auto row = [](const char *text, const char *type) {
        QTest::newRow(text) << QString::fromUtf8(text) << QString::fromUtf8(type);
    };
    row("a + b", "int");
    row("a + x", "double");
    row("a / b", "double");
    row("a % b", "int");
    row("x % 2", "double");
    row("-a", "int");
    row("s || a", "string");
    row("a > x", "boolean");
    row("a IS NULL", "boolean");
    row("lower(s)", "string");
    row("length(s)", "int");
    row("coalesce(a, x)", "double");
    row("CASE WHEN flag THEN a ELSE x END", "double");
    row("CASE WHEN flag THEN s END", "string");
    row("CAST(s AS int)", "int");
    row("CAST(a AS timestamp)", "timestamp");
    row("date_trunc('hour', ts)", "timestamp");
    row("ts > '2026-01-01'", "boolean");
    row("ts BETWEEN '2026-01-01' AND '2026-12-31T23:59:59Z'", "boolean");
    row("NULL", "null");
    row("a + NULL", "int");
    row("if(flag, s, NULL)", "string");
    row("round(x, 1)", "double");
    row("round(a)", "int");
    row("floor(x)", "int");
    row("payload.user.id", "string");
    row("greatest(a, b)", "int");
    row("least(a, x)", "double");
    row("nullif(s, 'x')", "string");
    row("abs(x)", "double");
    row("unix_millis(ts) / 1000", "double");
    row("a IN (1, 2.5)", "boolean");
    row("s LIKE 'a%' AND NOT flag", "boolean");
    row("split(s, ',')", "array<string>");
    row("element_at(tags, 1)", "string");
    row("element_at(split(s, ','), -1)", "string");
    row("size(lines)", "int");
    row("array_contains(tags, s)", "boolean");
}

void tst_ExpressionTypeChecker::types()
{
    QFETCH(QString, text);
    QFETCH(QString, type);
    const auto checked = Expression::compile(text, testSchema());
    QVERIFY2(checked.ok(), qPrintable(checked.errors.empty() ? QString() : checked.errors.front().describe()));
    QCOMPARE(typeName(checked.type), type);
}

void tst_ExpressionTypeChecker::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("message");
    auto row = [](const char *text, int offset, const char *message) {
        QTest::newRow(text) << QString::fromUtf8(text) << offset << QString::fromUtf8(message);
    };
    row("amout + 1", 0, "unknown column 'amout', did you mean 'amount'?");
    row("price > 1", 0, "unknown column 'price'");
    row("lowr(s)", 0, "unknown function 'lowr', did you mean 'lower'?");
    row("s + 1", 0, "operator + needs numbers, got string and int; to join strings use || or concat()");
    row("a AND flag", 0, "AND needs a boolean, got int");
    row("NOT a", 4, "NOT needs a boolean, got int");
    row("lower(a)", 6, "argument 1 of lower() must be a string, got int");
    row("lower(s, s)", 0, "lower() takes 1 argument(s), got 2");
    row("substr(s)", 0, "substr() takes 2 to 3 argument(s), got 1");
    row("s = a", 0, "cannot compare string with int");
    row("ts > 'yesterday'", 5, "'yesterday' is not a timestamp");
    row("CASE WHEN flag THEN s ELSE a END", 27, "CASE results have different types: string and int");
    row("CASE WHEN a THEN 1 END", 10, "WHEN needs a boolean, got int");
    row("CAST(flag AS timestamp)", 0, "cannot cast boolean to timestamp");
    row("s LIKE 1", 7, "LIKE needs strings, got int");
    row("a IN (1, 'x')", 9, "cannot compare int with string in IN");
    row("-s", 0, "unary minus needs a number, got string");
    row("element_at(lines, 1)", 0, "element_at() of an array<object> is not a value an expression can hold; explode the array and use its fields");
    row("array_contains(tags, a)", 21, "array_contains() looks for a value of the array's element type (string), got int");
    row("size(s)", 5, "argument 1 of size() must be an array, got string");
    row("CAST(tags AS int)", 0, "cannot cast array<string> to int");
    row("tags = tags", 0, "arrays are not compared in '='; compare their elements");
    row("s IN (tags)", 6, "arrays are not compared in IN");
    row("ts + 1", 0, "for time arithmetic use unix_millis() and timestamp_millis()");
    row("coalesce(s, a)", 12, "arguments of coalesce() have different types: string and int");
    row("date_trunc('hour', s)", 19, "argument 2 of date_trunc() must be a timestamp, got string");
    row("a BETWEEN 's' AND 2", 0, "cannot compare int with string in BETWEEN");
    row("substr(s, 1.5)", 10, "argument 2 of substr() must be an int, got double");
    row("if(a, 1, 2)", 3, "argument 1 of if() must be a boolean, got int");
    row("payload.user.idd = 'x'", 0, "unknown column 'payload.user.idd', did you mean 'payload.user.id'?");
}

void tst_ExpressionTypeChecker::errors()
{
    QFETCH(QString, text);
    QFETCH(int, offset);
    QFETCH(QString, message);
    const auto checked = Expression::compile(text, testSchema());
    QVERIFY(!checked.ok());
    QCOMPARE_GE(checked.errors.size(), size_t(1));
    const ExprError &e = checked.errors.front();
    QVERIFY2(e.message.contains(message), qPrintable(e.message));
    QCOMPARE(e.offset, offset);
    QCOMPARE_GE(e.length, 1);
}

void tst_ExpressionTypeChecker::reportsEveryError()
{
    const auto checked = Expression::compile(QStringLiteral("x + amout2 + lowr(s)"), testSchema());
    QCOMPARE(checked.errors.size(), size_t(2));
    QCOMPARE(checked.errors[0].offset, 4);
    QCOMPARE(checked.errors[0].length, 6);
    QCOMPARE(checked.errors[1].offset, 13);
}

void tst_ExpressionTypeChecker::referencedColumns()
{
    const auto checked = Expression::compile(QStringLiteral("a + b > a AND lower(s) = payload.user.id"), testSchema());
    QVERIFY(checked.ok());
    QCOMPARE(Expression::referencedColumns(*checked.expr),
             (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("s"), QStringLiteral("payload.user.id")}));
}

void tst_ExpressionTypeChecker::everyFunctionIsDocumented()
{
    QFile doc(QStringLiteral(STREAMWRIGHT_SOURCE_DIR "/docs/expressions.md"));
    QVERIFY(doc.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(doc.readAll());
    for (const auto &f : Functions::all())
        QVERIFY2(text.contains(QStringLiteral("`") + f.name + u'(') || text.contains(QStringLiteral(", ") + f.name + u'('),
                 qPrintable(f.name + QStringLiteral("() is missing from docs/expressions.md")));
}

QTEST_GUILESS_MAIN(tst_ExpressionTypeChecker)
#include "tst_expressiontypechecker.moc"
