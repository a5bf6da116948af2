// SPDX-License-Identifier: GPL-3.0-or-later
// Window aggregates against results computed by hand.
#include "expr/ColumnarExpression.h"
#include "model/Timestamps.h"
#include "operators/WindowAggregate.h"
#include "validation/PipelineValidator.h"

#include <QJsonDocument>
#include <QTest>

#include <cmath>
#include <map>
#include <optional>

using namespace sw;
using namespace sw::runtime;
using core::DataType;

namespace {

int64_t at(const char *hms)
{
    return *core::Timestamps::parseIso(QStringLiteral("2026-11-25T") + QLatin1String(hms) + u'Z');
}

QString hm(int64_t ms)
{
    QString s = core::Timestamps::toIso(ms).mid(11, 8);
    return s.endsWith(QStringLiteral(":00")) ? s.left(5) : s;
}

struct Row
{
    const char *ts;
    const char *key;
    int value;
};

core::Schema inputSchema()
{
    core::Schema s;
    s.fields = {{QStringLiteral("ts"), DataType::Timestamp}, {QStringLiteral("k"), DataType::String},
                {QStringLiteral("v"), DataType::Int}};
    s.eventTimeField = QStringLiteral("ts");
    return s;
}

Batch batchOf(std::initializer_list<Row> rows)
{
    Batch b = Batch::empty(inputSchema());
    for (const Row &r : rows) {
        b.columns[0].appendInt(at(r.ts));
        b.columns[1].appendString(b.arena().copy(r.key));
        b.columns[2].appendInt(r.value);
    }
    b.rows = rows.size();
    return b;
}

// Records rows as text: "10:00-10:01 a 2 3" (window, keys, aggregates; NULL as "null").
class Recorder : public Emitter
{
public:
    QStringList out, late;
    bool windowed = true; // the first two columns are the window: "start-end"
    void push(int port, Batch &&batch) override
    {
        for (size_t r = 0; r < batch.rows; ++r) {
            QStringList cells;
            for (size_t c = 0; c < batch.columns.size(); ++c) {
                const Column &col = batch.columns[c];
                if (col.isNull(r))
                    cells << QStringLiteral("null");
                else if (col.type == DataType::Timestamp)
                    cells << hm(col.ints[r]);
                else
                    cells << cellValue(col, r).toSql().remove(u'\'');
            }
            if (port == 0 && !windowed)
                out << cells.join(u' ');
            else if (port == 0)
                out << cells.first() + u'-' + cells.mid(1).join(u' ');
            else
                late << cells.join(u' ');
        }
    }
};

// The operator with the output schema the validator derives for this config.
std::unique_ptr<WindowAggregate> make(const char *configJson)
{
    const QJsonObject config = QJsonDocument::fromJson(configJson).object();
    Q_ASSERT(!config.isEmpty());
    core::Schema out;
    out.fields = {{QStringLiteral("window_start"), DataType::Timestamp}, {QStringLiteral("window_end"), DataType::Timestamp}};
    if (config.contains(QStringLiteral("groupBy")))
        out.fields.push_back({QStringLiteral("k"), DataType::String});
    for (const auto &a : config.value(QStringLiteral("aggregates")).toArray()) {
        const QString fn = a.toObject().value(QStringLiteral("fn")).toString();
        const DataType t = fn.startsWith(QStringLiteral("count")) || fn == u"sum" || fn == u"min" || fn == u"max"
                                   || fn == u"first" || fn == u"last"
                               ? DataType::Int
                               : DataType::Double;
        out.fields.push_back({a.toObject().value(QStringLiteral("name")).toString(), t});
    }
    return std::make_unique<WindowAggregate>(core::WindowAggregateSettings::parse(config), inputSchema(), out);
}

// The aggregate node's operator (no window) with the output schema the validator
// derives: the group keys, then the aggregates.
std::unique_ptr<WindowAggregate> makeAggregate(const char *configJson)
{
    const QJsonObject config = QJsonDocument::fromJson(configJson).object();
    Q_ASSERT(!config.isEmpty());
    const core::Schema in = inputSchema();
    core::Schema out;
    for (const auto &g : config.value(QStringLiteral("groupBy")).toArray())
        out.fields.push_back(*in.field(g.toString()));
    for (const auto &a : config.value(QStringLiteral("aggregates")).toArray()) {
        const QString fn = a.toObject().value(QStringLiteral("fn")).toString();
        out.fields.push_back({a.toObject().value(QStringLiteral("name")).toString(), fn == u"avg" ? DataType::Double : DataType::Int});
    }
    return std::make_unique<WindowAggregate>(core::AggregateSettings::parse(config), in, out);
}

QStringList L(std::initializer_list<const char *> items)
{
    QStringList l;
    for (const char *i : items)
        l << QLatin1String(i);
    return l;
}

} // namespace

class tst_WindowAggregate : public QObject
{
    Q_OBJECT
private slots:
    void tumblingAppend();
    void tumblingUpdate();
    void sliding();
    void sessions();
    void nullsAndEmptyAggregates();
    void groupingEquality();
    void manyGroupsAcrossBatches();
    void lateIsJudgedByTheWindowEnd();
    void aSlidingRowIsLateOnlyForItsClosedWindows();
    void sessionsMergeWhenTheyTouch();
    void completeModeEmitsTheWholeTable();
    void runningAggregatesInUpdateMode();
    void runningAggregatesInCompleteMode();
    void runningAggregatesWithEventTimeInTheKeys_data();
    void runningAggregatesWithEventTimeInTheKeys();
    void runningAggregatesSurviveASnapshot();
};

// Complete mode: the whole result table at the end of every batch that changed it,
// and nothing is ever late or evicted (Spark keeps all state in complete mode).
void tst_WindowAggregate::completeModeEmitsTheWholeTable()
{
    auto op = make(R"j({"window": {"kind": "tumbling", "size": "15s"}, "groupBy": ["k"],
                       "aggregates": [{"name": "n", "fn": "count"}, {"name": "s", "fn": "sum", "expr": "v"}],
                       "outputMode": "complete"})j");
    Recorder r;
    // Batch 0, watermark 0.
    op->process(0, batchOf({{"10:00:01", "a", 1}, {"10:00:20", "b", 5}}), 0, r);
    op->endOfBatch(0, r);
    QCOMPARE(r.out, L({"10:00-10:00:15 a 1 1", "10:00:15-10:00:30 b 1 5"}));
    // Batch 1, watermark 10:00:40: both windows have ended, and a row of the first
    // still counts; the table comes out whole.
    r.out.clear();
    op->process(0, batchOf({{"10:00:02", "a", 2}}), at("10:00:40"), r);
    op->endOfBatch(at("10:00:40"), r);
    QCOMPARE(r.out, L({"10:00-10:00:15 a 2 3", "10:00:15-10:00:30 b 1 5"}));
    QCOMPARE(r.late, QStringList{});
    QCOMPARE(op->counters().lateRowsDropped, 0);
    // Batch 2, no rows (a no-data batch): the table did not change; nothing is written.
    r.out.clear();
    op->endOfBatch(at("10:01:00"), r);
    QCOMPARE(r.out, QStringList{});
    QCOMPARE(op->stateRows(), 2);
}

// The aggregate node, Spark's groupBy without a window: running results per group;
// update mode emits the groups a batch changed.
void tst_WindowAggregate::runningAggregatesInUpdateMode()
{
    auto op = makeAggregate(R"j({"groupBy": ["k"], "aggregates": [{"name": "n", "fn": "count"},
                                {"name": "total", "fn": "sum", "expr": "v"}]})j");
    Recorder r;
    r.windowed = false;
    op->process(0, batchOf({{"10:00:01", "a", 1}, {"10:00:02", "b", 5}, {"10:00:03", "a", 2}}), 0, r);
    op->endOfBatch(0, r);
    QCOMPARE(r.out, L({"a 2 3", "b 1 5"}));
    r.out.clear();
    // Batch 1, watermark far ahead: without event time in the keys nothing is late.
    op->process(0, batchOf({{"09:00:00", "a", 4}}), at("11:00:00"), r);
    op->endOfBatch(at("11:00:00"), r);
    QCOMPARE(r.out, L({"a 3 7"}));
    r.out.clear();
    op->endOfBatch(at("12:00:00"), r);
    QCOMPARE(r.out, QStringList{});
    QCOMPARE(r.late, QStringList{});
    QCOMPARE(op->stateRows(), 2);
}

void tst_WindowAggregate::runningAggregatesInCompleteMode()
{
    auto op = makeAggregate(R"j({"groupBy": ["k"], "aggregates": [{"name": "total", "fn": "sum", "expr": "v"}],
                                "outputMode": "complete"})j");
    Recorder r;
    r.windowed = false;
    op->process(0, batchOf({{"10:00:01", "b", 1}, {"10:00:02", "a", 5}}), 0, r);
    op->endOfBatch(0, r);
    QCOMPARE(r.out, L({"a 5", "b 1"})); // ordered by group key
    r.out.clear();
    op->process(0, batchOf({{"10:00:03", "a", 1}}), 0, r);
    op->endOfBatch(0, r);
    QCOMPARE(r.out, L({"a 6", "b 1"}));
}

void tst_WindowAggregate::runningAggregatesWithEventTimeInTheKeys_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QStringList>("batch0");
    QTest::addColumn<QStringList>("batch1");
    QTest::addColumn<QStringList>("batch2");
    // Append: a group comes out once, when the watermark has passed its event time.
    QTest::newRow("append") << QStringLiteral("append") << QStringList{} << L({"10:00:01 a 2 3"}) << L({"10:00:05 b 2 4"});
    // Update: every batch's changed groups; then the passed ones are evicted.
    QTest::newRow("update") << QStringLiteral("update") << L({"10:00:01 a 2 3", "10:00:05 b 1 1"}) << L({"10:00:05 b 2 4"})
                            << QStringList{};
}

// With the event-time field among the group keys, a group is a window that ends at
// its event time (Spark): a row at or behind the watermark is late, and a group the
// watermark has passed is final, emitted (append) and evicted.
void tst_WindowAggregate::runningAggregatesWithEventTimeInTheKeys()
{
    QFETCH(QString, mode);
    QFETCH(QStringList, batch0);
    QFETCH(QStringList, batch1);
    QFETCH(QStringList, batch2);
    const QByteArray config = QStringLiteral(R"j({"groupBy": ["ts", "k"], "aggregates": [{"name": "n", "fn": "count"},
        {"name": "total", "fn": "sum", "expr": "v"}], "outputMode": "%1"})j").arg(mode).toUtf8();
    auto op = makeAggregate(config.constData());
    Recorder r;
    r.windowed = false;
    // Batch 0, watermark 0.
    op->process(0, batchOf({{"10:00:01", "a", 1}, {"10:00:01", "a", 2}, {"10:00:05", "b", 1}}), 0, r);
    op->endOfBatch(0, r);
    QCOMPARE(r.out, batch0);
    // Batch 1, watermark 10:00:03: the row at 10:00:02 is late; the group at
    // 10:00:01 is final.
    r.out.clear();
    op->process(0, batchOf({{"10:00:02", "a", 7}, {"10:00:05", "b", 3}}), at("10:00:03"), r);
    op->endOfBatch(at("10:00:03"), r);
    QCOMPARE(r.out, batch1);
    QCOMPARE(r.late, L({"10:00:02 a 7"}));
    QCOMPARE(op->counters().lateRowsDropped, 1);
    QCOMPARE(op->stateRows(), 1);
    // Batch 2, no data, watermark 10:00:10: the last group is final.
    r.out.clear();
    op->endOfBatch(at("10:00:10"), r);
    QCOMPARE(r.out, batch2);
    QCOMPARE(op->stateRows(), 0);
}

void tst_WindowAggregate::runningAggregatesSurviveASnapshot()
{
    const char *config = R"j({"groupBy": ["k"], "aggregates": [{"name": "n", "fn": "count"},
                             {"name": "total", "fn": "sum", "expr": "v"}]})j";
    auto first = makeAggregate(config);
    Recorder r;
    r.windowed = false;
    first->process(0, batchOf({{"10:00:01", "a", 1}, {"10:00:02", "b", 5}}), 0, r);
    first->endOfBatch(0, r);
    StateWriter out;
    first->snapshot(out);
    const std::string state = out.take();
    auto second = makeAggregate(config);
    StateReader in(state);
    second->restore(in);
    QVERIFY2(in.ok(), in.error().c_str());
    r.out.clear();
    second->process(0, batchOf({{"10:00:03", "a", 2}}), 0, r);
    second->endOfBatch(0, r);
    QCOMPARE(r.out, L({"a 2 3"}));
    // A window aggregate's state is not an aggregate's.
    auto window = make(R"j({"window": {"kind": "tumbling", "size": "15s"}, "groupBy": ["k"],
                           "aggregates": [{"name": "n", "fn": "count"}, {"name": "total", "fn": "sum", "expr": "v"}]})j");
    StateReader wrong(state);
    window->restore(wrong);
    QVERIFY(!wrong.ok());
}

// Spark's rules, batch by batch as its suites write them: each batch's input, the
// watermark it runs with, and what it emits.

// A (row, window) pair is late when the window's end is at or behind the
// watermark, not when the row's event time is.
void tst_WindowAggregate::lateIsJudgedByTheWindowEnd()
{
    auto op = make(R"j({"window": {"kind": "tumbling", "size": "15s"}, "groupBy": ["k"],
                       "aggregates": [{"name": "n", "fn": "count"}]})j");
    Recorder r;
    // Batch 0, watermark 0.
    op->process(0, batchOf({{"10:00:12", "a", 1}}), 0, r);
    op->endOfBatch(0, r);
    QCOMPARE(r.out, QStringList{});
    // Batch 1, watermark 10:00:11: a row at 10:00:10 is behind the watermark, but
    // its window [10:00:00, 10:00:15) is open: it counts (Spark keeps it too).
    op->process(0, batchOf({{"10:00:10", "a", 1}, {"10:00:02", "a", 1}}), at("10:00:11"), r);
    op->endOfBatch(at("10:00:11"), r);
    QCOMPARE(r.out, QStringList{});
    QCOMPARE(r.late, QStringList{});
    // Batch 2, watermark 10:00:15: the window has ended; a row for it is late.
    op->process(0, batchOf({{"10:00:14", "a", 1}, {"10:00:16", "a", 1}}), at("10:00:15"), r);
    op->endOfBatch(at("10:00:15"), r);
    QCOMPARE(r.out, QStringList{QStringLiteral("10:00-10:00:15 a 3")});
    QCOMPARE(r.late, QStringList{QStringLiteral("10:00:14 a 1")});
    QCOMPARE(op->counters().lateRowsDropped, 1);
}

// A row too late for its oldest sliding windows still counts in the newer ones
// that are open; it goes to the late output once, and each late pair is counted.
void tst_WindowAggregate::aSlidingRowIsLateOnlyForItsClosedWindows()
{
    auto op = make(R"j({"window": {"kind": "sliding", "size": "10s", "slide": "5s"}, "groupBy": ["k"],
                       "aggregates": [{"name": "n", "fn": "count"}]})j");
    Recorder r;
    // Batch 0, watermark 10:00:10: 10:00:07 lies in [10:00:00, 10:00:10) (ended) and
    // [10:00:05, 10:00:15) (open); 10:00:02 only in ended ones.
    op->process(0, batchOf({{"10:00:07", "a", 1}, {"10:00:02", "a", 1}, {"10:00:12", "a", 1}}), at("10:00:10"), r);
    op->endOfBatch(at("10:00:10"), r);
    QCOMPARE(r.out, QStringList{});
    QCOMPARE(r.late, (QStringList{QStringLiteral("10:00:07 a 1"), QStringLiteral("10:00:02 a 1")}));
    QCOMPARE(op->counters().lateRowsDropped, 3); // one pair of 10:00:07, both of 10:00:02
    // Batch 1, watermark 10:00:15: [10:00:05, 10:00:15) is final: 10:00:07 and 10:00:12.
    op->endOfBatch(at("10:00:15"), r);
    QCOMPARE(r.out, QStringList{QStringLiteral("10:00:05-10:00:15 a 2")});
    // End of input: [10:00:10, 10:00:20) holds 10:00:12.
    r.out.clear();
    op->endOfBatch(kWatermarkEnd, r);
    QCOMPARE(r.out, QStringList{QStringLiteral("10:00:10-10:00:20 a 1")});
}

// An event at t opens [t, t + gap); two sessions merge when the later one's start
// is at or before the earlier one's end. A row is late when its own session
// [t, t + gap) has ended by the watermark.
void tst_WindowAggregate::sessionsMergeWhenTheyTouch()
{
    auto op = make(R"j({"window": {"kind": "session", "gap": "5m"}, "groupBy": ["k"],
                       "aggregates": [{"name": "n", "fn": "count"}]})j");
    Recorder r;
    // Batch 0, watermark 0: b's events are exactly a gap apart (touching), c's one
    // millisecond more.
    op->process(0, batchOf({{"10:00:00", "b", 1}, {"10:05:00", "b", 1}, {"10:00:00", "c", 1}, {"10:05:00.001", "c", 1}}),
                0, r);
    op->endOfBatch(0, r);
    QCOMPARE(op->stateRows(), 3); // b: one session; c: two
    // Batch 1, watermark 10:04: an event at 09:59:30 is behind it, but its session
    // [09:59:30, 10:04:30) is open: it joins c's first session (not the second,
    // which starts at 10:05:00.001). 09:58 is late: [09:58, 10:03) has ended.
    op->process(0, batchOf({{"09:59:30", "c", 1}, {"09:58:00", "d", 1}}), at("10:04:00"), r);
    op->endOfBatch(at("10:04:00"), r);
    QCOMPARE(r.late, QStringList{QStringLiteral("09:58 d 1")});
    op->endOfBatch(kWatermarkEnd, r);
    // (Times print to the second: c's second session is [10:05:00.001, 10:10:00.001).)
    QCOMPARE(r.out, (QStringList{QStringLiteral("09:59:30-10:05 c 2"), QStringLiteral("10:00-10:10 b 2"),
                                 QStringLiteral("10:05-10:10 c 1")}));
}

void tst_WindowAggregate::tumblingAppend()
{
    auto op = make(R"j({"window": {"kind": "tumbling", "size": "1m"}, "groupBy": ["k"],
                       "aggregates": [{"name": "n", "fn": "count"}, {"name": "total", "fn": "sum", "expr": "v"}]})j");
    Recorder r;
    // Batch 1 uses watermark 0; rows arrive out of order.
    op->process(0, batchOf({{"10:00:05", "a", 1}, {"10:00:50", "a", 2}, {"10:01:10", "b", 5}, {"10:00:30", "b", 3}}), 0, r);
    op->endOfBatch(0, r);
    QCOMPARE(r.out, QStringList{});
    QCOMPARE(op->stateRows(), 3);
    // Batch 2 uses the watermark from batch 1: max 10:01:10 minus a 10 s delay.
    const int64_t w = at("10:01:00");
    op->process(0, batchOf({{"10:00:59", "a", 4}, {"10:01:30", "a", 1}}), w, r);
    op->endOfBatch(w, r);
    QCOMPARE(r.out, (QStringList{QStringLiteral("10:00-10:01 a 2 3"), QStringLiteral("10:00-10:01 b 1 3")}));
    QCOMPARE(r.late, QStringList{QStringLiteral("10:00:59 a 4")});
    QCOMPARE(op->counters().lateRowsDropped, 1);
    QCOMPARE(op->stateRows(), 2);
    // End of input: the watermark goes to infinity and closes everything.
    r.out.clear();
    op->endOfBatch(kWatermarkEnd, r);
    QCOMPARE(r.out, (QStringList{QStringLiteral("10:01-10:02 a 1 1"), QStringLiteral("10:01-10:02 b 1 5")}));
    QCOMPARE(op->stateRows(), 0);
}

void tst_WindowAggregate::tumblingUpdate()
{
    auto op = make(R"j({"window": {"kind": "tumbling", "size": "1m"}, "groupBy": ["k"], "outputMode": "update",
                       "aggregates": [{"name": "n", "fn": "count"}, {"name": "total", "fn": "sum", "expr": "v"}]})j");
    Recorder r;
    op->process(0, batchOf({{"10:00:05", "a", 1}, {"10:00:50", "a", 2}, {"10:01:10", "b", 5}, {"10:00:30", "b", 3}}), 0, r);
    op->endOfBatch(0, r);
    QCOMPARE(r.out, (QStringList{QStringLiteral("10:00-10:01 a 2 3"), QStringLiteral("10:00-10:01 b 1 3"),
                                 QStringLiteral("10:01-10:02 b 1 5")}));
    r.out.clear();
    const int64_t w = at("10:01:00");
    op->process(0, batchOf({{"10:00:59", "a", 4}, {"10:01:30", "a", 1}}), w, r);
    op->endOfBatch(w, r);
    QCOMPARE(r.out, QStringList{QStringLiteral("10:01-10:02 a 1 1")}); // only what changed
    r.out.clear();
    op->endOfBatch(w, r); // a batch without input changes nothing
    QCOMPARE(r.out, QStringList{});
    op->endOfBatch(kWatermarkEnd, r);
    QCOMPARE(r.out, QStringList{});
    QCOMPARE(op->stateRows(), 0);
}

void tst_WindowAggregate::sliding()
{
    auto op = make(R"j({"window": {"kind": "sliding", "size": "2m", "slide": "1m"}, "groupBy": ["k"],
                       "aggregates": [{"name": "n", "fn": "count"}]})j");
    Recorder r;
    op->process(0, batchOf({{"10:00:30", "a", 1}, {"10:01:30", "a", 1}, {"10:01:00", "b", 1}}), 0, r);
    op->endOfBatch(at("10:01:00"), r); // windows ending by 10:01 are final
    QCOMPARE(r.out, QStringList{QStringLiteral("09:59-10:01 a 1")});
    op->endOfBatch(kWatermarkEnd, r);
    QCOMPARE(r.out, (QStringList{QStringLiteral("09:59-10:01 a 1"), QStringLiteral("10:00-10:02 a 2"),
                                 QStringLiteral("10:00-10:02 b 1"), QStringLiteral("10:01-10:03 a 1"),
                                 QStringLiteral("10:01-10:03 b 1")}));
}

void tst_WindowAggregate::sessions()
{
    auto op = make(R"j({"window": {"kind": "session", "gap": "5m"}, "groupBy": ["k"],
                       "aggregates": [{"name": "n", "fn": "count"}, {"name": "lo", "fn": "min", "expr": "v"},
                                      {"name": "hi", "fn": "max", "expr": "v"}, {"name": "f", "fn": "first", "expr": "v"},
                                      {"name": "l", "fn": "last", "expr": "v"},
                                      {"name": "d", "fn": "count_distinct", "expr": "v % 3"}]})j");
    Recorder r;
    op->process(0, batchOf({{"10:00:00", "a", 1}, {"10:03:00", "a", 2}, {"10:20:00", "a", 3}, {"10:01:00", "b", 4}}), 0, r);
    op->endOfBatch(0, r);
    QCOMPARE(op->stateRows(), 3);
    // 10:16 extends the 10:20 session backwards; 10:11:30 then reaches it, not the first.
    op->process(0, batchOf({{"10:16:00", "a", 5}, {"10:11:30", "a", 6}}), 0, r);
    op->endOfBatch(at("10:08:00"), r); // the first sessions of a and b have ended
    QCOMPARE(r.out, (QStringList{QStringLiteral("10:00-10:08 a 2 1 2 1 2 2"), QStringLiteral("10:01-10:06 b 1 4 4 4 4 1")}));
    op->endOfBatch(kWatermarkEnd, r);
    // The sessions merged their distinct sets: 3, 5 and 6 are 0, 2 and 0 mod 3.
    QCOMPARE(r.out.last(), QStringLiteral("10:11:30-10:25 a 3 3 6 3 6 2"));
    QCOMPARE(op->stateRows(), 0);
}

void tst_WindowAggregate::nullsAndEmptyAggregates()
{
    auto op = make(R"j({"window": {"kind": "tumbling", "size": "1h"},
                       "aggregates": [{"name": "n", "fn": "count", "expr": "nullif(v, 0)"},
                                      {"name": "s", "fn": "sum", "expr": "nullif(v, 0)"},
                                      {"name": "d", "fn": "count_distinct", "expr": "k"},
                                      {"name": "m", "fn": "avg", "expr": "v"}]})j");
    Recorder r;
    op->process(0, batchOf({{"10:00:00", "a", 0}, {"10:10:00", "b", 0}, {"10:20:00", "a", 0}}), 0, r);
    op->endOfBatch(kWatermarkEnd, r);
    QCOMPARE(r.out, QStringList{QStringLiteral("10:00-11:00 0 null 2 0.0")});
}

// SQL grouping equality: NULLs form one group, -0.0 = 0.0, NaN = NaN; a key of
// two columns is equal only when both are.
void tst_WindowAggregate::groupingEquality()
{
    core::Schema in;
    in.fields = {{QStringLiteral("ts"), DataType::Timestamp}, {QStringLiteral("d"), DataType::Double},
                 {QStringLiteral("s"), DataType::String}};
    in.eventTimeField = QStringLiteral("ts");
    core::Schema out;
    out.fields = {{QStringLiteral("window_start"), DataType::Timestamp}, {QStringLiteral("window_end"), DataType::Timestamp},
                  {QStringLiteral("d"), DataType::Double}, {QStringLiteral("s"), DataType::String},
                  {QStringLiteral("n"), DataType::Int}};
    const QJsonObject config = QJsonDocument::fromJson(R"j({"window": {"kind": "tumbling", "size": "1h"},
        "groupBy": ["d", "s"], "aggregates": [{"name": "n", "fn": "count"}]})j").object();
    WindowAggregate op(core::WindowAggregateSettings::parse(config), in, out);
    const double nan = std::nan("");
    struct Cell
    {
        std::optional<double> d;
        const char *s;
    };
    const Cell cells[] = {{0.0, "x"},     {-0.0, "x"},    {nan, "x"},        {-nan, "x"},     {std::nullopt, "x"},
                          {std::nullopt, "x"}, {std::nullopt, nullptr}, {std::nullopt, nullptr}, {1.5, nullptr},
                          {1.5, "y"},     {0.0, "y"}};
    Batch b = Batch::empty(in);
    for (const Cell &c : cells) {
        b.columns[0].appendInt(at("10:00:00"));
        c.d ? b.columns[1].appendDouble(*c.d) : b.columns[1].appendNull();
        c.s ? b.columns[2].appendString(b.arena().copy(c.s)) : b.columns[2].appendNull();
        ++b.rows;
    }
    Recorder r;
    op.process(0, b, 0, r);
    op.endOfBatch(kWatermarkEnd, r);
    QStringList rows = r.out;
    rows.sort();
    QCOMPARE(rows, (QStringList{QStringLiteral("10:00-11:00 0.0 x 2"), QStringLiteral("10:00-11:00 0.0 y 1"),
                                QStringLiteral("10:00-11:00 1.5 null 1"), QStringLiteral("10:00-11:00 1.5 y 1"),
                                QStringLiteral("10:00-11:00 CAST(NaN AS double) x 2"), QStringLiteral("10:00-11:00 null null 2"),
                                QStringLiteral("10:00-11:00 null x 2")}));
}

// Thousands of groups over several batches (the table grows, final windows are
// removed and the rest re-slotted) give the counts and sums of a plain map.
void tst_WindowAggregate::manyGroupsAcrossBatches()
{
    auto op = make(R"j({"window": {"kind": "tumbling", "size": "1m"}, "groupBy": ["k"],
                       "aggregates": [{"name": "n", "fn": "count"}, {"name": "total", "fn": "sum", "expr": "v"}]})j");
    std::map<std::pair<int64_t, std::string>, std::pair<int64_t, int64_t>> expected;
    Recorder r;
    const int64_t base = at("10:00:00");
    uint64_t seed = 7;
    int64_t watermark = 0, maxTime = 0;
    for (int batch = 0; batch < 6; ++batch) {
        Batch b = Batch::empty(inputSchema());
        for (int i = 0; i < 5000; ++i) {
            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
            const int64_t ts = base + batch * 40'000 + int64_t((seed >> 33) % 40'000);
            const std::string key = "key-" + std::to_string((seed >> 20) % 3000);
            const int value = int((seed >> 40) % 100);
            b.columns[0].appendInt(ts);
            b.columns[1].appendString(b.arena().copy(key));
            b.columns[2].appendInt(value);
            ++b.rows;
            maxTime = std::max(maxTime, ts);
            if (ts > watermark) {
                auto &e = expected[{ts / 60'000 * 60'000, key}];
                ++e.first;
                e.second += value;
            }
        }
        op->process(0, b, watermark, r);
        op->endOfBatch(watermark, r);
        watermark = maxTime - 10'000;
    }
    op->endOfBatch(kWatermarkEnd, r);
    QStringList wanted;
    for (const auto &[k, v] : expected)
        wanted << QStringLiteral("%1-%2 %3 %4 %5")
                      .arg(hm(k.first), hm(k.first + 60'000), QString::fromStdString(k.second))
                      .arg(v.first)
                      .arg(v.second);
    QStringList got = r.out;
    wanted.sort();
    got.sort();
    QCOMPARE(got.size(), wanted.size());
    QCOMPARE(got, wanted);
}

QTEST_GUILESS_MAIN(tst_WindowAggregate)
#include "tst_windowaggregate.moc"
