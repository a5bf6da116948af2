// SPDX-License-Identifier: GPL-3.0-or-later
#include "expr/Parser.h"
#include "expr/Expression.h"
#include "expr/Printer.h"

#include <QTest>

using namespace sw::core::expr;

class tst_ExpressionParser : public QObject
{
    Q_OBJECT
private slots:
    void canonicalForm_data();
    void canonicalForm();
    void errors_data();
    void errors();
    void positions();
    void deepInputIsRefusedNotACrash_data();
    void deepInputIsRefusedNotACrash();
};

void tst_ExpressionParser::canonicalForm_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical");
    auto row = [](const char *input, const char *canonical) {
        QTest::newRow(input) << QString::fromUtf8(input) << QString::fromUtf8(canonical);
    };
    row("a+b*c", "a + b * c");
    row("(a+b)*c", "(a + b) * c");
    row("a-(b-c)", "a - (b - c)");
    row("(a-b)-c", "a - b - c");
    row("a/b*c", "a / b * c");
    row("a*(b%c)", "a * (b % c)");
    row("a and b or c", "a AND b OR c");
    row("a and (b or c)", "a AND (b OR c)");
    row("(a and b) or c", "a AND b OR c");
    row("not a = b", "NOT a = b");
    row("(not a) = b", "(NOT a) = b");
    row("NOT NOT a", "NOT NOT a");
    row("not (a and b)", "NOT (a AND b)");
    row("-a*b", "-a * b");
    row("-(a*b)", "-(a * b)");
    row("- -a", "-(-a)");
    row("+a", "a");
    row("-5", "-5");
    row("-2.5", "-2.5");
    row("x is not null", "x IS NOT NULL");
    row("x IS NULL = TRUE", "x IS NULL = TRUE");
    row("x not in (1,2, 3)", "x NOT IN (1, 2, 3)");
    row("NOT a IN (1)", "NOT a IN (1)");
    row("s like 'a%'", "s LIKE 'a%'");
    row("s not like 'a' || '%'", "s NOT LIKE 'a' || '%'");
    row("x between 1 and 2 and y", "x BETWEEN 1 AND 2 AND y");
    row("x not between a+1 and b", "x NOT BETWEEN a + 1 AND b");
    row("case when a then 1 else 2 end", "CASE WHEN a THEN 1 ELSE 2 END");
    row("case x when 1 then 'a' when 2 then 'b' end", "CASE x WHEN 1 THEN 'a' WHEN 2 THEN 'b' END");
    row("CASE WHEN a THEN b END || 'x'", "CASE WHEN a THEN b END || 'x'");
    row("cast(x as bigint)", "CAST(x AS int)");
    row("CAST(x AS FLOAT)", "CAST(x AS double)");
    row("LOWER(s)", "lower(s)");
    row("coalesce(a,b ,0)", "coalesce(a, b, 0)");
    row("f()", "f()");
    row("'it\\'s'", "'it\\'s'");
    row("\"double quoted\"", "'double quoted'");
    row("'tab\\there'", "'tab\\there'");
    row("`my col` + 1", "`my col` + 1");
    row("`end`", "`end`");
    row("payload.user.id", "payload.user.id");
    row("`payload`.`user`.id", "payload.user.id");
    row("timestamp", "`timestamp`");
    row("timestamp '2026-11-25 10:00:00'", "TIMESTAMP '2026-11-25T10:00:00.000Z'");
    row("TIMESTAMP '2026-11-25T10:00:00+01:00'", "TIMESTAMP '2026-11-25T09:00:00.000Z'");
    row("1.50", "1.5");
    row("2.0", "2.0");
    row("1e3", "1000.0");
    row(".5", "0.5");
    row("true AND NULL", "TRUE AND NULL");
    row("a <> b", "a != b");
    row("a == b", "a = b");
    row("a || b || c", "a || b || c");
    row("(a || b) = c", "a || b = c");
    row("a || (b = c)", "a || (b = c)");
    row("a = (b = c)", "a = (b = c)");
    row("(a)", "a");
    row("a >= 1 AND a <= 10", "a >= 1 AND a <= 10");
    row("1 + 2 * 3 - 4 / 5 % 6", "1 + 2 * 3 - 4 / 5 % 6");
    row("größe > 1", "`größe` > 1"); // Spark takes only ASCII names unquoted
}

void tst_ExpressionParser::canonicalForm()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    const auto parsed = Parser::parse(input);
    QVERIFY2(!parsed.error, qPrintable(parsed.error ? parsed.error->describe() : QString()));
    QCOMPARE(Printer::print(*parsed.expr), canonical);
    // The canonical text parses back to the same tree, and prints the same.
    const auto reparsed = Parser::parse(canonical);
    QVERIFY(!reparsed.error);
    QVERIFY(sameTree(*parsed.expr, *reparsed.expr));
    QCOMPARE(Printer::print(*reparsed.expr), canonical);
}

void tst_ExpressionParser::errors_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("message");
    auto row = [](const char *input, int offset, const char *message) {
        QTest::newRow(input) << QString::fromUtf8(input) << offset << QString::fromUtf8(message);
    };
    row("", 0, "the expression is empty");
    row("a +", 3, "ends too early");
    row("(a + b", 6, "expected ')' to close '('");
    row("a b", 2, "unexpected 'b' after the end");
    row("'abc", 0, "string literal is not closed");
    row("a $ b", 2, "unexpected character '$'");
    row("CAST(a AS banana)", 10, "unknown type 'banana'");
    row("CAST(a, int)", 6, "expected AS");
    row("CASE a END", 7, "CASE needs at least one WHEN");
    row("CASE WHEN a THEN b", 18, "expected END to close CASE");
    row("a IN ()", 6, "IN needs at least one value");
    row("a BETWEEN 1", 11, "expected AND in BETWEEN");
    row("f(a,)", 4, "unexpected ')'");
    row("a IS b", 5, "expected NULL after IS");
    row("99999999999999999999", 0, "too large");
    row("12abc", 0, "not a number");
    row("TIMESTAMP 'yesterday'", 10, "'yesterday' is not a timestamp");
    row("a.", 2, "a field name is expected after '.'");
    row("`unclosed", 0, "quoted name is not closed");
    row("AND a", 0, "unexpected keyword AND");
    row("a = = b", 4, "unexpected '='");
    row("lower(s", 7, "expected ')' to close the arguments of lower()");
}

void tst_ExpressionParser::errors()
{
    QFETCH(QString, input);
    QFETCH(int, offset);
    QFETCH(QString, message);
    const auto parsed = Parser::parse(input);
    QVERIFY(!parsed.expr);
    QVERIFY(parsed.error);
    QCOMPARE(parsed.error->offset, offset);
    QVERIFY2(parsed.error->message.contains(message), qPrintable(parsed.error->message));
    QVERIFY(parsed.error->describe().startsWith(QStringLiteral("at column %1: ").arg(offset + 1)));
}

void tst_ExpressionParser::positions()
{
    const auto parsed = Parser::parse(QStringLiteral("price * quantity > 100"));
    QVERIFY(parsed.expr);
    const Expr &cmp = *parsed.expr;
    QCOMPARE(cmp.pos, 0);
    QCOMPARE(cmp.len, 22);
    const Expr &mul = *cmp.args[0];
    QCOMPARE(mul.pos, 0);
    QCOMPARE(mul.len, 16);
    QCOMPARE(mul.args[1]->pos, 8);
    QCOMPARE(mul.args[1]->len, 8);
    QCOMPARE(cmp.args[1]->pos, 19);
}

QTEST_GUILESS_MAIN(tst_ExpressionParser)
#include "tst_expressionparser.moc"

void tst_ExpressionParser::deepInputIsRefusedNotACrash_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("accepted");
    auto repeat = [](const char *piece, int n) { return QString::fromLatin1(piece).repeated(n); };
    QTest::newRow("1,000 nested parentheses") << repeat("(", 1000) + QStringLiteral("x") + repeat(")", 1000) + QStringLiteral(" > 0") << true;
    QTest::newRow("a sum of 1,000 terms") << repeat("x + ", 999) + QStringLiteral("x > 0") << true;
    QTest::newRow("1,000 nested abs(") << repeat("abs(", 1000) + QStringLiteral("x") + repeat(")", 1000) + QStringLiteral(" > 0") << true;
    QTest::newRow("7,000 nested parentheses") << repeat("(", 7000) + QStringLiteral("x") + repeat(")", 7000) + QStringLiteral(" > 0") << false;
    QTest::newRow("100,000 NOT") << repeat("NOT ", 100000) + QStringLiteral("x > 0") << false;
    QTest::newRow("100,000 unary minus") << repeat("-", 100000) + QStringLiteral("x > 0") << false;
    QTest::newRow("10,000 nested abs(") << repeat("abs(", 10000) + QStringLiteral("x") + repeat(")", 10000) + QStringLiteral(" > 0") << false;
    QTest::newRow("a sum of 20,000 terms") << repeat("1 + ", 19999) + QStringLiteral("1 > 0") << false;
    QTest::newRow("a sum of 200,000 terms") << repeat("1 + ", 199999) + QStringLiteral("1 > 0") << false;
    QTest::newRow("1,500 parentheses around a 1,500-term sum")
        << repeat("(", 1500) + repeat("x + ", 1499) + QStringLiteral("x") + repeat(")", 1500) + QStringLiteral(" > 0") << false;
}

void tst_ExpressionParser::deepInputIsRefusedNotACrash()
{
    QFETCH(QString, input);
    QFETCH(bool, accepted);
    sw::core::Schema schema;
    schema.fields = {{QStringLiteral("x"), sw::core::DataType::Int}};
    const auto compiled = Expression::compile(input, schema); // parser and type checker
    if (accepted) {
        QVERIFY2(compiled.ok(), qPrintable(compiled.errors.empty() ? QString() : compiled.errors.front().message));
        QVERIFY(!Printer::print(*compiled.expr).isEmpty());
    } else {
        QVERIFY(!compiled.ok());
        QVERIFY(!compiled.errors.empty());
        QVERIFY2(compiled.errors.front().message.contains(QStringLiteral("nests more than 1024 levels")),
                 qPrintable(compiled.errors.front().message));
    }
}
