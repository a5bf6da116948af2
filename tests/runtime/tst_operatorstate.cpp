// SPDX-License-Identifier: GPL-3.0-or-later
// Operator state: run part of the input, snapshot, restore into a fresh operator,
// run the rest: the output (and the counters, and the final state) are the same as
// an uninterrupted run's, byte for byte, at every split point. Snapshots that do
// not fit (another operator, other settings, truncated or corrupt bytes) are
// refused with a reason and leave the operator as freshly opened.
#include "batch/RowJson.h"
#include "broker/EmbeddedBroker.h"
#include "format/PipelineFormat.h"
#include "operators/Dedupe.h"
#include "operators/LookupJoin.h"
#include "operators/StreamJoin.h"
#include "operators/WindowAggregate.h"
#include "validation/PipelineValidator.h"

#include <QJsonDocument>
#include <QTest>

#include <librdkafka/rdkafka.h>

#include <cmath>
#include <random>

using namespace sw;
using namespace sw::runtime;
using core::DataType;

namespace {

const char *kSchema = R"([{"name": "user", "type": "string"}, {"name": "product", "type": "string"},
 {"name": "amount", "type": "double"}, {"name": "qty", "type": "int"}, {"name": "ts", "type": "timestamp"}])";

// A pipeline around the operator, so that the validator gives the schemas the
// runtime would use.
core::ValidationResult validated(const QString &type, const QString &config, bool twoInputs)
{
    const QString source = QStringLiteral(R"({"id": "%1", "type": "source.kafka", "position": [0, 0], "config": {
        "connection": "local", "topics": ["%1"], "schema": %2, "eventTime": {"field": "ts", "watermarkDelay": "10s"}}})");
    QString nodes = source.arg(QStringLiteral("a"), QLatin1String(kSchema));
    QString edges = twoInputs ? QStringLiteral(R"({"from": "a", "to": "op", "port": "left"}, {"from": "b", "to": "op", "port": "right"})")
                              : QStringLiteral(R"({"from": "a", "to": "op"})");
    if (twoInputs)
        nodes += u',' + source.arg(QStringLiteral("b"), QLatin1String(kSchema));
    const QString text = QStringLiteral(R"({"format": "streamwright.pipeline/1", "name": "state",
        "connections": {"local": {"kind": "embedded"}},
        "nodes": [%1, {"id": "op", "type": "%2", "position": [0, 0], "config": %3},
                  {"id": "out", "type": "sink.preview", "position": [0, 0], "config": {}}],
        "edges": [%4, {"from": "op", "to": "out"}]})")
                             .arg(nodes, type, config, edges);
    const auto loaded = core::PipelineFormat::load(text.toUtf8());
    if (!loaded.pipeline)
        qFatal("test pipeline does not parse");
    auto result = core::PipelineValidator::validate(*loaded.pipeline);
    for (const auto &d : result.diagnostics) {
        if (d.isError())
            qFatal("test pipeline: %s: %s", qPrintable(d.pointer), qPrintable(d.message));
    }
    return result;
}

std::unique_ptr<Operator> makeOperator(const QString &type, const QString &configText, bool twoInputs)
{
    const auto v = validated(type, configText, twoInputs);
    const QJsonObject config = QJsonDocument::fromJson(configText.toUtf8()).object();
    const core::NodeSchemas &s = v.schemas[QStringLiteral("op")];
    if (type == u"window.aggregate")
        return std::make_unique<WindowAggregate>(core::WindowAggregateSettings::parse(config), s.inputs.at(QStringLiteral("in")), s.outputs.at(QStringLiteral("out")));
    if (type == u"dedupe")
        return std::make_unique<Dedupe>(core::DedupeSettings::parse(config), s.inputs.at(QStringLiteral("in")));
    return std::make_unique<StreamJoin>(core::StreamJoinSettings::parse(config), s.inputs.at(QStringLiteral("left")), s.inputs.at(QStringLiteral("right")),
                                        s.outputs.at(QStringLiteral("out")));
}

core::Schema inputSchema(const QString &type, const QString &config, bool twoInputs)
{
    const auto v = validated(type, config, twoInputs);
    return v.schemas[QStringLiteral("a")].outputs.at(QStringLiteral("out"));
}

// Rows as JSON lines, prefixed by the output port.
class Recorder : public Emitter
{
public:
    std::string text;
    void push(int port, Batch &&batch) override
    {
        const auto keys = RowJson::keys(batch.schema);
        for (size_t r = 0; r < batch.rows; ++r) {
            text += std::to_string(port) + ' ';
            RowJson::append(text, batch, r, keys);
            text += '\n';
        }
    }
};

// Shop-like rows: 12 users, 8 products, NULLs, NaN, event time 0.7 s apart, up
// to 5 s out of order, one row in 40 two minutes late.
Batch randomBatch(const core::Schema &schema, std::mt19937_64 &rng, int64_t &clock, size_t rows)
{
    Batch b = Batch::empty(schema);
    for (size_t r = 0; r < rows; ++r) {
        clock += 700;
        const int64_t ts = clock - int64_t(rng() % 5000) - (rng() % 40 == 0 ? 120000 : 0);
        for (qsizetype c = 0; c < schema.fields.size(); ++c) {
            Column &col = b.columns[c];
            const QString &name = schema.fields[c].name;
            const bool null = rng() % 20 == 0;
            if (name == schema.eventTimeField) {
                if (rng() % 100 == 0)
                    col.appendNull();
                else
                    col.appendInt(ts);
            } else if (null) {
                col.appendNull();
            } else if (col.type == DataType::String) {
                const std::string s = (name == u"product" ? "p" : "u") + std::to_string(rng() % (name == u"product" ? 8 : 12));
                col.appendString(b.arena().copy(s));
            } else if (col.type == DataType::Double) {
                col.appendDouble(rng() % 50 == 0 ? std::nan("") : double(rng() % 10000) / 7.0);
            } else if (col.type == DataType::Timestamp) {
                col.appendInt(clock);
            } else {
                col.appendInt(int64_t(rng() % 1000) - 100);
            }
        }
        ++b.rows;
    }
    return b;
}

struct Step
{
    std::vector<std::pair<int, Batch>> inputs;
    int64_t watermark;
};

// 24 batches of 40 rows (on each input), each with the watermark Spark's rule
// gives it: the minimum over inputs of (max event time seen before - 10 s); then
// the end of input.
std::vector<Step> steps(const core::Schema &schema, bool twoInputs)
{
    std::mt19937_64 rng(7);
    int64_t clock = 1795000000000;
    std::vector<Step> out;
    int64_t maxSeen[2] = {std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::min()};
    int64_t watermark = 0;
    const int ports = twoInputs ? 2 : 1;
    for (int i = 0; i < 24; ++i) {
        Step s;
        s.watermark = watermark;
        for (int port = 0; port < ports; ++port) {
            int64_t portClock = clock + port * 3000;
            Batch b = randomBatch(schema, rng, portClock, 40);
            const Column &ts = b.columns[size_t(schema.indexOf(schema.eventTimeField))];
            for (size_t r = 0; r < b.rows; ++r) {
                if (!ts.isNull(r))
                    maxSeen[port] = std::max(maxSeen[port], ts.ints[r]);
            }
            s.inputs.emplace_back(port, std::move(b));
        }
        clock += 40 * 700;
        out.push_back(std::move(s));
        int64_t next = std::numeric_limits<int64_t>::max();
        for (int port = 0; port < ports; ++port)
            next = std::min(next, maxSeen[port] - 10000);
        watermark = std::max(watermark, next);
    }
    out.push_back(Step{{}, kWatermarkEnd});
    return out;
}

void run(Operator &op, const std::vector<Step> &all, size_t from, size_t to, Recorder &out)
{
    for (size_t i = from; i < to; ++i) {
        for (const auto &[port, batch] : all[i].inputs)
            op.process(port, batch, all[i].watermark, out);
        op.endOfBatch(all[i].watermark, out);
        if (i + 1 == all.size())
            op.finish(out);
    }
}

std::string snapshotOf(const Operator &op)
{
    StateWriter w;
    op.snapshot(w);
    return w.take();
}

OperatorCounters sum(const OperatorCounters &a, const OperatorCounters &b)
{
    return {a.lateRowsDropped + b.lateRowsDropped, a.evictedRows + b.evictedRows, a.lookupMisses + b.lookupMisses};
}

const char *kAllAggregates = R"("aggregates": [{"name": "n", "fn": "count"}, {"name": "total", "fn": "sum", "expr": "amount"},
  {"name": "units", "fn": "sum", "expr": "qty"}, {"name": "mean", "fn": "avg", "expr": "amount"},
  {"name": "lowest", "fn": "min", "expr": "product"}, {"name": "highest", "fn": "max", "expr": "amount"},
  {"name": "first_product", "fn": "first", "expr": "product"}, {"name": "last_qty", "fn": "last", "expr": "qty"},
  {"name": "products", "fn": "count_distinct", "expr": "product"}])";

} // namespace

class tst_OperatorState : public QObject
{
    Q_OBJECT
private slots:
    void restoredRunEqualsUninterrupted_data();
    void restoredRunEqualsUninterrupted();
    void refusesStateThatDoesNotFit_data();
    void refusesStateThatDoesNotFit();
    void truncatedOrCorruptStateNeverCrashes();
    void lookupTopicContinuesFromItsSavedOffsets();
};

void tst_OperatorState::restoredRunEqualsUninterrupted_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("config");
    QTest::addColumn<bool>("twoInputs");
    const QString all = QLatin1String(kAllAggregates);
    QTest::newRow("tumbling, append") << QStringLiteral("window.aggregate")
        << QStringLiteral(R"({"window": {"kind": "tumbling", "size": "1m"}, "groupBy": ["user"], %1, "outputMode": "append"})").arg(all) << false;
    QTest::newRow("tumbling, update") << QStringLiteral("window.aggregate")
        << QStringLiteral(R"({"window": {"kind": "tumbling", "size": "1m"}, "groupBy": ["user", "product"], %1, "outputMode": "update"})").arg(all) << false;
    QTest::newRow("tumbling, no grouping") << QStringLiteral("window.aggregate")
        << QStringLiteral(R"({"window": {"kind": "tumbling", "size": "30s"}, "groupBy": [], %1})").arg(all) << false;
    QTest::newRow("sliding") << QStringLiteral("window.aggregate")
        << QStringLiteral(R"({"window": {"kind": "sliding", "size": "1m", "slide": "20s"}, "groupBy": ["product", "qty"], %1})").arg(all) << false;
    QTest::newRow("session") << QStringLiteral("window.aggregate")
        << QStringLiteral(R"({"window": {"kind": "session", "gap": "8s"}, "groupBy": ["user"], %1})").arg(all) << false;
    QTest::newRow("session, update") << QStringLiteral("window.aggregate")
        << QStringLiteral(R"({"window": {"kind": "session", "gap": "8s"}, "groupBy": ["user", "product"], %1, "outputMode": "update"})").arg(all) << false;
    QTest::newRow("dedupe") << QStringLiteral("dedupe") << QStringLiteral(R"({"key": ["user", "product"], "within": "1m"})") << false;
    for (const char *type : {"inner", "left", "right", "full"}) {
        QTest::newRow((std::string("stream join, ") + type).c_str())
            << QStringLiteral("join.stream")
            << QStringLiteral(R"({"on": [["user", "user"]], "joinType": "%1", "within": {"left": "ts", "right": "ts", "from": "0s", "to": "20s"}})")
                   .arg(QLatin1String(type))
            << true;
    }
}

void tst_OperatorState::restoredRunEqualsUninterrupted()
{
    QFETCH(QString, type);
    QFETCH(QString, config);
    QFETCH(bool, twoInputs);
    const std::vector<Step> all = steps(inputSchema(type, config, twoInputs), twoInputs);

    auto whole = makeOperator(type, config, twoInputs);
    OperatorContext wholeContext;
    std::string error;
    QVERIFY(whole->open(wholeContext, error));
    QVERIFY(whole->isStateful());
    Recorder expected;
    run(*whole, all, 0, all.size() - 1, expected);
    const std::string finalState = snapshotOf(*whole);
    run(*whole, all, all.size() - 1, all.size(), expected);
    QVERIFY2(std::count(expected.text.begin(), expected.text.end(), '\n') > 20, expected.text.c_str()); // a case that says something
    QVERIFY(wholeContext.counters().lateRowsDropped > 0);

    for (size_t split : {size_t(1), size_t(5), all.size() / 2, all.size() - 2, all.size() - 1}) {
        auto first = makeOperator(type, config, twoInputs);
        OperatorContext firstContext;
        QVERIFY(first->open(firstContext, error));
        Recorder out;
        run(*first, all, 0, split, out);
        const std::string saved = snapshotOf(*first);
        QVERIFY(!saved.empty());

        auto second = makeOperator(type, config, twoInputs);
        OperatorContext secondContext;
        QVERIFY(second->open(secondContext, error));
        StateReader reader(saved);
        second->restore(reader);
        QVERIFY2(reader.ok(), reader.error().c_str());
        QVERIFY(reader.atEnd());
        QCOMPARE(snapshotOf(*second), saved); // restoring loses and adds nothing
        QCOMPARE(second->stateRows(), first->stateRows());
        if (split < all.size() - 1) {
            run(*second, all, split, all.size() - 1, out);
            QCOMPARE(snapshotOf(*second), finalState);
        }
        run(*second, all, all.size() - 1, all.size(), out);
        if (out.text != expected.text) {
            qWarning("split at batch %zu: output differs", split);
            QCOMPARE(QString::fromStdString(out.text), QString::fromStdString(expected.text));
        }
        const OperatorCounters total = sum(firstContext.counters(), secondContext.counters());
        QCOMPARE(total.lateRowsDropped, wholeContext.counters().lateRowsDropped);
        QCOMPARE(total.evictedRows, wholeContext.counters().evictedRows);
    }
}

void tst_OperatorState::refusesStateThatDoesNotFit_data()
{
    QTest::addColumn<QString>("writerType");
    QTest::addColumn<QString>("writerConfig");
    QTest::addColumn<QString>("readerType");
    QTest::addColumn<QString>("readerConfig");
    QTest::addColumn<QString>("reason");
    const QString tumbling = QStringLiteral(R"({"window": {"kind": "tumbling", "size": "1m"}, "groupBy": ["user"], "aggregates": [{"name": "n", "fn": "count"}]})");
    QTest::newRow("another window size") << QStringLiteral("window.aggregate") << tumbling << QStringLiteral("window.aggregate")
        << QStringLiteral(R"({"window": {"kind": "tumbling", "size": "2m"}, "groupBy": ["user"], "aggregates": [{"name": "n", "fn": "count"}]})")
        << QStringLiteral("another window size (ms) (60000, now 120000)");
    QTest::newRow("another aggregate") << QStringLiteral("window.aggregate") << tumbling << QStringLiteral("window.aggregate")
        << QStringLiteral(R"({"window": {"kind": "tumbling", "size": "1m"}, "groupBy": ["user"], "aggregates": [{"name": "n", "fn": "sum", "expr": "qty"}]})")
        << QStringLiteral("another aggregate function");
    QTest::newRow("another grouping") << QStringLiteral("window.aggregate") << tumbling << QStringLiteral("window.aggregate")
        << QStringLiteral(R"({"window": {"kind": "tumbling", "size": "1m"}, "groupBy": ["qty"], "aggregates": [{"name": "n", "fn": "count"}]})")
        << QStringLiteral("another groupBy field type");
    QTest::newRow("another operator") << QStringLiteral("window.aggregate") << tumbling << QStringLiteral("dedupe")
        << QStringLiteral(R"({"key": ["user"], "within": "1m"})") << QStringLiteral("of a window.aggregate operator, not of a dedupe");
    QTest::newRow("another dedupe bound") << QStringLiteral("dedupe") << QStringLiteral(R"({"key": ["user"], "within": "1m"})")
        << QStringLiteral("dedupe") << QStringLiteral(R"({"key": ["user"], "within": "5m"})") << QStringLiteral("another bound \"within\"");
}

void tst_OperatorState::refusesStateThatDoesNotFit()
{
    QFETCH(QString, writerType);
    QFETCH(QString, writerConfig);
    QFETCH(QString, readerType);
    QFETCH(QString, readerConfig);
    QFETCH(QString, reason);
    const auto all = steps(inputSchema(writerType, writerConfig, false), false);
    auto writer = makeOperator(writerType, writerConfig, false);
    OperatorContext context;
    std::string error;
    QVERIFY(writer->open(context, error));
    Recorder ignored;
    run(*writer, all, 0, 10, ignored);
    QVERIFY(writer->stateRows() > 0);
    const std::string saved = snapshotOf(*writer);

    auto reader = makeOperator(readerType, readerConfig, false);
    OperatorContext readerContext;
    QVERIFY(reader->open(readerContext, error));
    const std::string fresh = snapshotOf(*reader);
    StateReader in(saved);
    reader->restore(in);
    QVERIFY(!in.ok());
    QVERIFY2(QString::fromStdString(in.error()).contains(reason), in.error().c_str());
    QCOMPARE(snapshotOf(*reader), fresh); // left as freshly opened
}

void tst_OperatorState::truncatedOrCorruptStateNeverCrashes()
{
    const QString type = QStringLiteral("window.aggregate");
    const QString config = QStringLiteral(R"({"window": {"kind": "session", "gap": "8s"}, "groupBy": ["user"], %1})").arg(QLatin1String(kAllAggregates));
    const auto all = steps(inputSchema(type, config, false), false);
    auto writer = makeOperator(type, config, false);
    OperatorContext context;
    std::string error;
    QVERIFY(writer->open(context, error));
    Recorder ignored;
    run(*writer, all, 0, 12, ignored);
    const std::string saved = snapshotOf(*writer);
    QVERIFY(saved.size() > 200);

    auto reader = makeOperator(type, config, false);
    OperatorContext readerContext;
    QVERIFY(reader->open(readerContext, error));
    const std::string fresh = snapshotOf(*reader);
    for (size_t cut = 0; cut < saved.size(); cut += 1 + cut / 16) {
        StateReader in(std::string_view(saved).substr(0, cut));
        reader->restore(in);
        QVERIFY2(!in.ok(), qPrintable(QStringLiteral("cut at %1 of %2 bytes").arg(cut).arg(saved.size())));
        QCOMPARE(snapshotOf(*reader), fresh);
    }
    // Flipped bytes: refused or read as other values, never a crash or a huge allocation.
    std::mt19937_64 rng(3);
    for (int i = 0; i < 300; ++i) {
        std::string damaged = saved;
        for (int flips = 0; flips < 3; ++flips)
            damaged[rng() % damaged.size()] ^= char(1 << (rng() % 8));
        auto target = makeOperator(type, config, false);
        OperatorContext targetContext;
        QVERIFY(target->open(targetContext, error));
        StateReader in(damaged);
        target->restore(in);
        Recorder out;
        run(*target, all, 12, all.size(), out); // and it still runs
    }
    // A count that claims more items than the bytes could hold is refused before allocating.
    StateWriter huge;
    huge.section("dedupe", 1);
    huge.u64(1);
    huge.i64(60000);
    huge.u64(uint64_t(1) << 60);
    auto dedupe = makeOperator(QStringLiteral("dedupe"), QStringLiteral(R"({"key": ["user"], "within": "1m"})"), false);
    QVERIFY(dedupe->open(context, error));
    StateReader in(huge.data());
    dedupe->restore(in);
    QVERIFY2(QString::fromStdString(in.error()).contains(u"corrupt"), in.error().c_str());
}

void tst_OperatorState::lookupTopicContinuesFromItsSavedOffsets()
{
    std::string error;
    auto broker = EmbeddedBroker::start(1, error);
    QVERIFY(broker);
    QVERIFY(broker->createTopic(QStringLiteral("products"), 2, error));
    char err[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", broker->bootstrap().toUtf8().constData(), err, sizeof err);
    rd_kafka_t *producer = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    auto send = [&](const std::string &key, const std::string &value) {
        rd_kafka_producev(producer, RD_KAFKA_V_TOPIC("products"), RD_KAFKA_V_KEY(const_cast<char *>(key.data()), key.size()),
                          RD_KAFKA_V_VALUE(value.empty() ? nullptr : const_cast<char *>(value.data()), value.size()),
                          RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
        rd_kafka_flush(producer, 5000);
    };
    auto product = [](int n, const char *name, double price) {
        return QStringLiteral(R"({"product_id": "p%1", "name": "%2", "price": %3})").arg(n).arg(QLatin1String(name)).arg(price).toStdString();
    };
    for (int n = 0; n < 6; ++n)
        send("p" + std::to_string(n), product(n, "first", n));

    core::Schema stream, table, output;
    stream.fields = {{QStringLiteral("product_id"), DataType::String}, {QStringLiteral("qty"), DataType::Int}};
    table.fields = {{QStringLiteral("product_id"), DataType::String}, {QStringLiteral("name"), DataType::String},
                    {QStringLiteral("price"), DataType::Double}};
    output.fields = {{QStringLiteral("product_id"), DataType::String}, {QStringLiteral("qty"), DataType::Int},
                     {QStringLiteral("name"), DataType::String}, {QStringLiteral("price"), DataType::Double}};
    const QJsonObject config = QJsonDocument::fromJson(R"({"joinType": "left", "on": [["product_id", "product_id"]],
        "table": {"kind": "kafka", "connection": "local", "topic": "products"}})").object();
    const KafkaEndpoint endpoint{QStringLiteral("local"), broker->bootstrap(), true, {}};
    Batch orders = Batch::empty(stream);
    for (int n = 0; n < 8; ++n) {
        orders.columns[0].appendString(orders.arena().copy("p" + std::to_string(n)));
        orders.columns[1].appendInt(n);
    }
    orders.rows = 8;

    LookupJoin first(core::LookupJoinSettings::parse(config), endpoint, stream, table, output);
    OperatorContext firstContext;
    QVERIFY2(first.open(firstContext, error), error.c_str());
    QVERIFY(first.isStateful());
    Recorder before;
    first.process(0, orders, 0, before);
    const std::string saved = snapshotOf(first);

    // The table moves on after the snapshot: an update, a new key, a tombstone.
    send("p1", product(1, "second", 10));
    send("p7", product(7, "new", 70));
    send("p2", "");
    // (The three keys lie on two partitions: wait until all three have arrived.)
    auto current = [](const std::string &text) {
        return text.find("\"name\":\"new\"") != std::string::npos && text.find("\"name\":\"second\"") != std::string::npos
               && text.find("\"qty\":2,\"name\":null") != std::string::npos;
    };
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
        Recorder out;
        first.process(0, orders, 0, out);
        return current(out.text);
    }()), 10000);
    Recorder expected;
    first.process(0, orders, 0, expected);

    // A fresh join reads the whole topic at open; restored, it is back at the
    // snapshot's table and reads the same updates from there.
    LookupJoin second(core::LookupJoinSettings::parse(config), endpoint, stream, table, output);
    OperatorContext secondContext;
    QVERIFY2(second.open(secondContext, error), error.c_str());
    StateReader in(saved);
    second.restore(in);
    QVERIFY2(in.ok(), in.error().c_str());
    QCOMPARE(snapshotOf(second), saved);
    LookupJoin *target = &second;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
        Recorder out;
        target->process(0, orders, 0, out);
        return out.text == expected.text;
    }()), 10000);
    QVERIFY(before.text != expected.text);
    rd_kafka_destroy(producer);
}

QTEST_MAIN(tst_OperatorState)
#include "tst_operatorstate.moc"
