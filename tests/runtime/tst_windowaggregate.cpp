// SPDX-License-Identifier: GPL-3.0-or-later
// Window aggregates against results computed by hand.
#include "expr/ColumnarExpression.h"
#include "model/Timestamps.h"
#include "operators/WindowAggregate.h"
#include "validation/PipelineValidator.h"

#include <QJsonDocument>
#include <QTest>

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
            if (port == 0)
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
    return std::make_unique<WindowAggregate>(config, inputSchema(), out);
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
};

void tst_WindowAggregate::tumblingAppend()
{
    auto op = make(R"j({"window": {"kind": "tumbling", "size": "1m"}, "groupBy": ["k"],
                       "aggregates": [{"name": "n", "fn": "count"}, {"name": "total", "fn": "sum", "expr": "v"}]})j");
    Recorder r;
    // Batch 1 uses watermark 0; rows arrive out of order.
    op->process(0, batchOf({{"10:00:05", "a", 1}, {"10:00:50", "a", 2}, {"10:01:10", "b", 5}, {"10:00:30", "b", 3}}), 0, r);
    op->endOfBatch(0, r);
    QCOMPARE(r.out, QStringList{});
    QCOMPARE(op->stats().stateRows, 3);
    // Batch 2 uses the watermark from batch 1: max 10:01:10 minus a 10 s delay.
    const int64_t w = at("10:01:00");
    op->process(0, batchOf({{"10:00:59", "a", 4}, {"10:01:30", "a", 1}}), w, r);
    op->endOfBatch(w, r);
    QCOMPARE(r.out, (QStringList{QStringLiteral("10:00-10:01 a 2 3"), QStringLiteral("10:00-10:01 b 1 3")}));
    QCOMPARE(r.late, QStringList{QStringLiteral("10:00:59 a 4")});
    QCOMPARE(op->stats().lateRowsDropped, 1);
    QCOMPARE(op->stats().stateRows, 2);
    // End of input: the watermark goes to infinity and closes everything.
    r.out.clear();
    op->endOfBatch(kWatermarkEnd, r);
    QCOMPARE(r.out, (QStringList{QStringLiteral("10:01-10:02 a 1 1"), QStringLiteral("10:01-10:02 b 1 5")}));
    QCOMPARE(op->stats().stateRows, 0);
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
    QCOMPARE(op->stats().stateRows, 0);
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
                                      {"name": "l", "fn": "last", "expr": "v"}]})j");
    Recorder r;
    op->process(0, batchOf({{"10:00:00", "a", 1}, {"10:03:00", "a", 2}, {"10:20:00", "a", 3}, {"10:01:00", "b", 4}}), 0, r);
    op->endOfBatch(0, r);
    QCOMPARE(op->stats().stateRows, 3);
    // 10:16 extends the 10:20 session backwards; 10:11:30 then reaches it, not the first.
    op->process(0, batchOf({{"10:16:00", "a", 5}, {"10:11:30", "a", 6}}), 0, r);
    op->endOfBatch(at("10:08:00"), r); // the first sessions of a and b have ended
    QCOMPARE(r.out, (QStringList{QStringLiteral("10:00-10:08 a 2 1 2 1 2"), QStringLiteral("10:01-10:06 b 1 4 4 4 4")}));
    op->endOfBatch(kWatermarkEnd, r);
    QCOMPARE(r.out.last(), QStringLiteral("10:11:30-10:25 a 3 3 6 3 6"));
    QCOMPARE(op->stats().stateRows, 0);
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

QTEST_GUILESS_MAIN(tst_WindowAggregate)
#include "tst_windowaggregate.moc"
