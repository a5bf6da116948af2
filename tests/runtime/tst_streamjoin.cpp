// SPDX-License-Identifier: GPL-3.0-or-later
// Stream-stream joins against results computed by hand, for every join type.
#include "expr/ColumnarExpression.h"
#include "model/Timestamps.h"
#include "operators/StreamJoin.h"

#include <QJsonDocument>

#include <string>
#include <QTest>

using namespace sw;
using namespace sw::runtime;
using core::DataType;

namespace {
int64_t at(const char *hm)
{
    return *core::Timestamps::parseIso(QStringLiteral("2026-11-25T") + QLatin1String(hm) + QStringLiteral(":00Z"));
}

core::Schema views()
{
    core::Schema s;
    s.fields = {{QStringLiteral("user"), DataType::String}, {QStringLiteral("ts"), DataType::Timestamp}};
    s.eventTimeField = QStringLiteral("ts");
    return s;
}

core::Schema purchases()
{
    core::Schema s;
    s.fields = {{QStringLiteral("user"), DataType::String}, {QStringLiteral("amount"), DataType::Int},
                {QStringLiteral("ts"), DataType::Timestamp}};
    s.eventTimeField = QStringLiteral("ts");
    return s;
}

core::Schema joined()
{
    core::Schema s;
    s.fields = {{QStringLiteral("user"), DataType::String}, {QStringLiteral("left_ts"), DataType::Timestamp},
                {QStringLiteral("amount"), DataType::Int}, {QStringLiteral("right_ts"), DataType::Timestamp}};
    return s;
}

Batch left(std::initializer_list<std::pair<const char *, const char *>> rows)
{
    Batch b = Batch::empty(views());
    for (const auto &[u, t] : rows) {
        b.columns[0].appendString(b.arena().copy(u));
        b.columns[1].appendInt(at(t));
    }
    b.rows = rows.size();
    return b;
}

Batch right(std::initializer_list<std::tuple<const char *, int, const char *>> rows)
{
    Batch b = Batch::empty(purchases());
    for (const auto &[u, a, t] : rows) {
        b.columns[0].appendString(b.arena().copy(u));
        b.columns[1].appendInt(a);
        b.columns[2].appendInt(at(t));
    }
    b.rows = rows.size();
    return b;
}

class Rows : public Emitter
{
public:
    QStringList rows;
    void push(int, Batch &&b) override
    {
        for (size_t r = 0; r < b.rows; ++r) {
            QStringList cells;
            for (const auto &c : b.columns) {
                if (c.isNull(r))
                    cells << QStringLiteral("-");
                else if (c.type == DataType::Timestamp)
                    cells << core::Timestamps::toIso(c.ints[r]).mid(11, 5);
                else
                    cells << cellValue(c, r).toSql().remove(u'\'');
            }
            rows << cells.join(u' ');
        }
    }
};
} // namespace

class tst_StreamJoin : public QObject
{
    Q_OBJECT
private slots:
    void joinTypes_data();
    void joinTypes();
    void evictsAndCompactsManyRows();
    void aRowOnTheInclusiveBoundStays();
    void conditions_data();
    void conditions();
};

void tst_StreamJoin::conditions_data()
{
    QTest::addColumn<QString>("joinType");
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QStringList>("batch0");
    QTest::addColumn<int>("stored");
    QTest::addColumn<QStringList>("atTheEnd");
    auto rows = [](std::initializer_list<const char *> items) {
        QStringList l;
        for (const char *i : items)
            l << QLatin1String(i);
        return l;
    };
    // About the right side alone: a purchase of 5 is never stored.
    QTest::newRow("inner, right side only") << QStringLiteral("inner") << QStringLiteral("amount > 10")
                                            << rows({"a 10:00 20 10:02"}) << 3 << QStringList{};
    // About both: checked on each pair; the view's outer row does not come out, it matched.
    QTest::newRow("left outer, both sides") << QStringLiteral("left") << QStringLiteral("unix_millis(right_ts) - unix_millis(left_ts) > 60000 AND amount < 100")
                                            << rows({"a 10:00 20 10:02"}) << 5 << rows({"bot 10:00 - -"});
    // About the join key alone (either side's): the bot's view can never match and
    // comes out at once with NULLs; the bot's purchase is never stored.
    QTest::newRow("left outer, key only") << QStringLiteral("left") << QStringLiteral("user <> 'bot'")
                                          << rows({"bot 10:00 - -", "a 10:00 5 10:01", "a 10:00 20 10:02"}) << 3
                                          << QStringList{};
    // A view failing its own side's part, in a right join: dropped, never stored.
    QTest::newRow("right outer, left side only") << QStringLiteral("right") << QStringLiteral("left_ts > TIMESTAMP '2026-11-25T10:00:30Z'")
                                                 << QStringList{} << 3
                                                 << rows({"a - 5 10:01", "a - 20 10:02", "bot - 1 10:01"});
}

// Spark's split of a join condition, batch by batch: batch 0 brings views (a and
// bot at 10:00) and purchases (a 5 and a 20, bot 1), at watermark 0; a last batch
// at watermark 11:00 evicts what is stored.
void tst_StreamJoin::conditions()
{
    QFETCH(QString, joinType);
    QFETCH(QString, condition);
    QFETCH(QStringList, batch0);
    QFETCH(int, stored);
    QFETCH(QStringList, atTheEnd);
    QJsonObject config = QJsonDocument::fromJson(R"({"on": [["user", "user"]],
        "within": {"left": "ts", "right": "ts", "from": "0s", "to": "5m"}})").object();
    config.insert(QStringLiteral("joinType"), joinType);
    config.insert(QStringLiteral("condition"), condition);
    StreamJoin join(core::StreamJoinSettings::parse(config), views(), purchases(), joined());
    Rows out;
    join.process(0, left({{"bot", "10:00"}, {"a", "10:00"}}), 0, out);
    join.process(1, right({{"a", 5, "10:01"}, {"a", 20, "10:02"}, {"bot", 1, "10:01"}}), 0, out);
    join.endOfBatch(0, out);
    QCOMPARE(out.rows, batch0);
    QCOMPARE(join.stateRows(), stored);
    out.rows.clear();
    join.endOfBatch(at("11:00"), out);
    QCOMPARE(out.rows, atTheEnd);
    QCOMPARE(join.stateRows(), 0);
}

// Spark's rule for an inclusive time bound (BETWEEN): the state watermark it
// derives is 1 ms lower, so a row exactly on the bound is kept. Batch by batch:
// the input, the watermark the batch runs with, what it emits.
void tst_StreamJoin::aRowOnTheInclusiveBoundStays()
{
    const QJsonObject config = QJsonDocument::fromJson(R"({"joinType": "left", "on": [["user", "user"]],
        "within": {"left": "ts", "right": "ts", "from": "0s", "to": "5m"}})").object();
    StreamJoin join(core::StreamJoinSettings::parse(config), views(), purchases(), joined());
    Rows out;
    // Batch 0, watermark 0: a view at 10:00 (it matches purchases up to 10:05 inclusive).
    join.process(0, left({{"a", "10:00"}}), 0, out);
    join.endOfBatch(0, out);
    QCOMPARE(out.rows, QStringList{});
    // Batch 1, watermark 10:05: 10:00 + 5m is the watermark itself: still kept.
    join.endOfBatch(at("10:05"), out);
    QCOMPARE(out.rows, QStringList{});
    QCOMPARE(join.stateRows(), 1);
    // Batch 2, watermark 10:05:00.001: past the bound: evicted, emitted without a match.
    join.endOfBatch(at("10:05") + 1, out);
    QCOMPARE(out.rows, QStringList{QStringLiteral("a 10:00 - -")});
    QCOMPARE(join.stateRows(), 0);

    // The right side's bound, `from`, alike: a purchase at 10:10 matches views from
    // 10:05 (10:10 - 5m) on; with from = -5m it waits for views up to 10:15.
    const QJsonObject both = QJsonDocument::fromJson(R"({"joinType": "right", "on": [["user", "user"]],
        "within": {"left": "ts", "right": "ts", "from": "-5m", "to": "5m"}})").object();
    StreamJoin rightJoin(core::StreamJoinSettings::parse(both), views(), purchases(), joined());
    Rows rightOut;
    rightJoin.process(1, right({{"b", 7, "10:10"}}), 0, rightOut);
    rightJoin.endOfBatch(at("10:15"), rightOut);
    QCOMPARE(rightOut.rows, QStringList{});
    rightJoin.endOfBatch(at("10:15") + 1, rightOut);
    QCOMPARE(rightOut.rows, QStringList{QStringLiteral("b - 7 10:10")});
}

void tst_StreamJoin::joinTypes_data()
{
    QTest::addColumn<QString>("joinType");
    QTest::addColumn<QStringList>("afterBatch1");
    QTest::addColumn<QStringList>("afterBatch2");
    QTest::addColumn<QStringList>("atEnd");
    const QStringList matches1 = {QStringLiteral("a 10:00 5 10:05")};
    const QStringList matches2 = {QStringLiteral("e 10:25 7 10:30"), QStringLiteral("c 10:02 9 10:09")};
    QTest::newRow("inner") << QStringLiteral("inner") << matches1 << matches2 << QStringList{};
    QTest::newRow("left") << QStringLiteral("left") << matches1 << matches2 << QStringList{QStringLiteral("b 10:01 - -")};
    QTest::newRow("right") << QStringLiteral("right") << matches1 << (matches2 + QStringList{QStringLiteral("d - 3 10:03")})
                           << QStringList{QStringLiteral("b - 20 10:20")};
    QTest::newRow("full") << QStringLiteral("full") << matches1 << (matches2 + QStringList{QStringLiteral("d - 3 10:03")})
                          << QStringList{QStringLiteral("b 10:01 - -"), QStringLiteral("b - 20 10:20")};
}

void tst_StreamJoin::joinTypes()
{
    QFETCH(QString, joinType);
    QFETCH(QStringList, afterBatch1);
    QFETCH(QStringList, afterBatch2);
    QFETCH(QStringList, atEnd);
    const QJsonObject config = QJsonDocument::fromJson(QStringLiteral(R"({"joinType": "%1", "on": [["user", "user"]],
        "within": {"left": "ts", "right": "ts", "from": "0s", "to": "10m"}})").arg(joinType).toUtf8()).object();
    StreamJoin join(core::StreamJoinSettings::parse(config), views(), purchases(), joined());
    Rows out;
    // Batch 1, watermark 0: b buys too late, d never viewed, e's purchase comes before its view.
    join.process(0, left({{"a", "10:00"}, {"b", "10:01"}, {"c", "10:02"}}), 0, out);
    join.process(1, right({{"a", 5, "10:05"}, {"b", 20, "10:20"}, {"d", 3, "10:03"}, {"e", 7, "10:30"}}), 0, out);
    join.endOfBatch(0, out);
    QCOMPARE(out.rows, afterBatch1);
    QCOMPARE(join.stateRows(), 7);
    // Batch 2, watermark 10:06: x's view and a's purchase are late; e's view finds the
    // stored purchase; c's purchase finds the stored view; rights up to 10:06 leave.
    out.rows.clear();
    const int64_t w = at("10:06");
    join.process(0, left({{"e", "10:25"}, {"x", "10:06"}}), w, out);
    join.process(1, right({{"c", 9, "10:09"}, {"a", 8, "10:05"}}), w, out); // a's second purchase is late
    join.endOfBatch(w, out);
    QCOMPARE(out.rows, afterBatch2);
    QCOMPARE(join.counters().lateRowsDropped, 2); // one on each side
    // End of input: every row's time has passed.
    out.rows.clear();
    join.endOfBatch(kWatermarkEnd, out);
    QCOMPARE(out.rows, atEnd);
    QCOMPARE(join.stateRows(), 0);
}

void tst_StreamJoin::evictsAndCompactsManyRows()
{
    const QJsonObject config = QJsonDocument::fromJson(R"({"joinType": "inner", "on": [["user", "user"]],
        "within": {"left": "ts", "right": "ts", "from": "0s", "to": "10m"}})").object();
    StreamJoin join(core::StreamJoinSettings::parse(config), views(), purchases(), joined());
    const int64_t start = at("10:00");
    Batch many = Batch::empty(views());
    for (int i = 0; i < 10000; ++i) {
        const std::string user = "u" + std::to_string(i);
        many.columns[0].appendString(many.arena().copy(user));
        many.columns[1].appendInt(start + i * 1000LL);
    }
    many.rows = 10000;
    Rows out;
    join.process(0, many, 0, out);
    join.endOfBatch(0, out);
    QCOMPARE(join.stateRows(), 10000);
    // Views before second 9000 can match nothing any more: evicted, and the store
    // compacted. The view at 9000 s lies exactly on the bound (9000 s + 10 m is the
    // watermark) and stays, as in Spark.
    const int64_t w = start + 9600 * 1000LL;
    join.endOfBatch(w, out);
    QCOMPARE(join.stateRows(), 1000);
    QCOMPARE(join.counters().evictedRows, 9000);
    Batch purchase = Batch::empty(purchases());
    purchase.columns[0].appendString(purchase.arena().copy("u9500"));
    purchase.columns[1].appendInt(42);
    purchase.columns[2].appendInt(start + 9800 * 1000LL);
    purchase.rows = 1;
    join.process(1, purchase, w, out);
    join.endOfBatch(w, out);
    QCOMPARE(out.rows, QStringList{QStringLiteral("u9500 12:38 42 12:43")}); // the stored view, read after compaction
}

QTEST_GUILESS_MAIN(tst_StreamJoin)
#include "tst_streamjoin.moc"
