// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/Duration.h"
#include "model/Timestamps.h"

#include <QTest>

using namespace sw::core;

class tst_Duration : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void format_data();
    void format();
    void timestamps_data();
    void timestamps();
};

void tst_Duration::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms"); // -1: invalid
    QTest::newRow("ms") << QStringLiteral("500ms") << qint64(500);
    QTest::newRow("s") << QStringLiteral("10s") << qint64(10'000);
    QTest::newRow("m") << QStringLiteral("5m") << qint64(300'000);
    QTest::newRow("h") << QStringLiteral("1h") << qint64(3'600'000);
    QTest::newRow("d") << QStringLiteral("2d") << qint64(172'800'000);
    QTest::newRow("fraction") << QStringLiteral("1.5m") << qint64(90'000);
    QTest::newRow("zero") << QStringLiteral("0s") << qint64(0);
    QTest::newRow("negative") << QStringLiteral("-5m") << qint64(-300'000);
    QTest::newRow("parsecs") << QStringLiteral("10 parsecs") << qint64(-1);
    QTest::newRow("space") << QStringLiteral("10 s") << qint64(-1);
    QTest::newRow("no unit") << QStringLiteral("10") << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("upper case") << QStringLiteral("10S") << qint64(-1);
    QTest::newRow("sub-millisecond") << QStringLiteral("1.5ms") << qint64(-1);
    QTest::newRow("too large") << QStringLiteral("999999999999d") << qint64(-1);
    QTest::newRow("no digit after the point") << QStringLiteral("1.s") << qint64(-1);
    QTest::newRow("no digit before the point") << QStringLiteral(".5s") << qint64(-1);
    QTest::newRow("exponent") << QStringLiteral("1e3ms") << qint64(-1);
    QTest::newRow("plus sign") << QStringLiteral("+5s") << qint64(-1);
    QTest::newRow("only a sign") << QStringLiteral("-s") << qint64(-1);
    QTest::newRow("trailing newline") << QStringLiteral("5s\n") << qint64(-1);
    QTest::newRow("two units") << QStringLiteral("5ss") << qint64(-1);
}

void tst_Duration::parse()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    const auto parsed = Duration::parseMs(text);
    if (ms == -1)
        QVERIFY(!parsed);
    else
        QCOMPARE(parsed.value_or(-12345), ms);
}

void tst_Duration::format_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("0") << qint64(0) << QStringLiteral("0s");
    QTest::newRow("1500") << qint64(1500) << QStringLiteral("1500ms");
    QTest::newRow("90s") << qint64(90'000) << QStringLiteral("90s");
    QTest::newRow("1h") << qint64(3'600'000) << QStringLiteral("1h");
    QTest::newRow("1d") << qint64(86'400'000) << QStringLiteral("1d");
    QTest::newRow("-5m") << qint64(-300'000) << QStringLiteral("-5m");
}

void tst_Duration::format()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(Duration::format(ms), text);
    QCOMPARE(Duration::parseMs(text).value_or(-1), ms);
}

void tst_Duration::timestamps_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("iso"); // empty: invalid
    QTest::newRow("Z with ms") << QStringLiteral("2026-11-25T10:00:00.123Z") << QStringLiteral("2026-11-25T10:00:00.123Z");
    QTest::newRow("no zone is UTC") << QStringLiteral("2026-11-25T10:00:00") << QStringLiteral("2026-11-25T10:00:00.000Z");
    QTest::newRow("space") << QStringLiteral("2026-11-25 10:00:00") << QStringLiteral("2026-11-25T10:00:00.000Z");
    QTest::newRow("offset") << QStringLiteral("2026-11-25T12:00:00+02:00") << QStringLiteral("2026-11-25T10:00:00.000Z");
    QTest::newRow("date") << QStringLiteral("2026-11-25") << QStringLiteral("2026-11-25T00:00:00.000Z");
    QTest::newRow("garbage") << QStringLiteral("yesterday") << QString();
    QTest::newRow("bad month") << QStringLiteral("2026-13-01") << QString();
}

void tst_Duration::timestamps()
{
    QFETCH(QString, text);
    QFETCH(QString, iso);
    const auto ms = Timestamps::parseIso(text);
    if (iso.isEmpty()) {
        QVERIFY(!ms);
        return;
    }
    QVERIFY(ms);
    QCOMPARE(Timestamps::toIso(*ms), iso);
}

QTEST_GUILESS_MAIN(tst_Duration)
#include "tst_duration.moc"
