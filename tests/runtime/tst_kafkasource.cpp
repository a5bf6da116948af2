// SPDX-License-Identifier: GPL-3.0-or-later
// source.kafka against the embedded broker: records decoded many at a time keep
// their coordinates, and bad records among good ones become dead letters with
// theirs.
#include "broker/EmbeddedBroker.h"
#include "engine/Executor.h"
#include "engine/Run.h"
#include "format/PipelineFormat.h"
#include "sinks/KafkaSink.h"
#include "sources/KafkaSource.h"
#include "validation/SchemaInference.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

#include <librdkafka/rdkafka.h>

#include <map>

using namespace sw;
using namespace sw::runtime;
using core::DataType;

class tst_KafkaSource : public QObject
{
    Q_OBJECT
private slots:
    void badRecordsAmongGoodOnes();
    void aTransactionalSinkCommitsOneTransactionPerBatch();
    void aPausedRunKeepsMeasuringLag();
};

namespace {
void produce(const QString &bootstrap, const char *topic, int count)
{
    char err[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.toUtf8().constData(), err, sizeof err);
    rd_kafka_t *producer = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    QVERIFY(producer);
    for (int i = 0; i < count; ++i) {
        const std::string v = QStringLiteral(R"({"user": "u%1", "n": %1})").arg(i).toStdString();
        QCOMPARE(rd_kafka_producev(producer, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_PARTITION(i % 2),
                                   RD_KAFKA_V_VALUE(const_cast<char *>(v.data()), v.size()),
                                   RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END),
                 RD_KAFKA_RESP_ERR_NO_ERROR);
    }
    QCOMPARE(rd_kafka_flush(producer, 10000), RD_KAFKA_RESP_ERR_NO_ERROR);
    rd_kafka_destroy(producer);
}
} // namespace

void tst_KafkaSource::badRecordsAmongGoodOnes()
{
    std::string error;
    auto broker = EmbeddedBroker::start(1, error);
    QVERIFY2(broker, error.c_str());
    QVERIFY2(broker->createTopic(QStringLiteral("events"), 1, error), error.c_str());

    // 600 records, one partition; every 7th is broken in one of several ways.
    const char *broken[] = {"not json", R"({"user": "x", "n": "seven"})", R"({"user": "a"}{"user": "b"})", "",
                            R"({"user": "unterminated)", "[1, 2]", R"({1: 2})"};
    std::vector<std::string> values;
    for (int i = 0; i < 600; ++i)
        values.push_back(i % 7 == 3 ? std::string(broken[(i / 7) % std::size(broken)])
                                    : QStringLiteral(R"({"user": "u%1", "n": %1})").arg(i).toStdString());
    char err[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", broker->bootstrap().toUtf8().constData(), err, sizeof err);
    rd_kafka_conf_set(conf, "linger.ms", "20", err, sizeof err);
    rd_kafka_t *producer = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    QVERIFY(producer);
    for (size_t i = 0; i < values.size(); ++i) { // every other record without a key
        const std::string &v = values[i];
        const char *key = i % 2 ? nullptr : "k";
        const size_t keyLength = key ? 1 : 0;
        QCOMPARE(rd_kafka_producev(producer, RD_KAFKA_V_TOPIC("events"), RD_KAFKA_V_PARTITION(0),
                                   RD_KAFKA_V_VALUE(const_cast<char *>(v.data()), v.size()),
                                   RD_KAFKA_V_KEY(key, keyLength),
                                   RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END),
                 RD_KAFKA_RESP_ERR_NO_ERROR);
    }
    QCOMPARE(rd_kafka_flush(producer, 10000), RD_KAFKA_RESP_ERR_NO_ERROR);
    rd_kafka_destroy(producer);

    core::Schema declared;
    declared.fields = {{QStringLiteral("user"), DataType::String}, {QStringLiteral("n"), DataType::Int}};
    core::Schema output = declared;
    for (const auto &f : core::SchemaInference::kafkaMetadataFields())
        output.fields.push_back(f);
    const QJsonObject config = QJsonDocument::fromJson(R"({"topics": ["events"], "startingOffsets": "earliest"})").object();
    KafkaSource source(KafkaEndpoint{QStringLiteral("local"), broker->bootstrap(), true, {}}, core::KafkaSourceSettings::parse(config),
                       QStringLiteral("tst-kafkasource"), declared, output);
    QVERIFY2(source.open(error), error.c_str());

    QStringList rows, expectedRows, dead, expectedDead;
    for (int i = 0; i < 600; ++i) {
        if (i % 7 == 3)
            expectedDead << QStringLiteral("events/0@%1 %2 %3")
                                .arg(i)
                                .arg(i % 2 ? QStringLiteral("no key") : QStringLiteral("k"))
                                .arg(QString::fromStdString(values[size_t(i)]));
        else
            expectedRows << QStringLiteral("u%1 %1 %2 events 0 %1").arg(i).arg(i % 2 ? QStringLiteral("null") : QStringLiteral("k"));
    }
    QElapsedTimer waited;
    waited.start();
    while (rows.size() + dead.size() < 600 && waited.elapsed() < 30000) {
        const SourcePlan plan = source.plan(250); // several chunks and batches
        if (plan.empty()) {
            QTest::qWait(20);
            continue;
        }
        SourceBatch b = source.read(plan);
        QVERIFY2(b.error.empty(), b.error.c_str());
        const Batch &r = b.rows;
        for (size_t i = 0; i < r.rows; ++i) {
            rows << QStringLiteral("%1 %2 %3 %4 %5 %6")
                        .arg(QLatin1String(r.columns[0].strings[i]))
                        .arg(r.columns[1].ints[i])
                        .arg(r.columns[2].isNull(i) ? QStringLiteral("null") : QString(QLatin1String(r.columns[2].strings[i])),
                             QLatin1String(r.columns[3].strings[i]))
                        .arg(r.columns[4].ints[i])
                        .arg(r.columns[5].ints[i]);
            QVERIFY(r.columns[6].ints[i] > 0); // the record timestamp
        }
        for (const DeadLetter &d : b.deadLetters) {
            dead << QStringLiteral("%1/%2@%3 %4 %5")
                        .arg(QString::fromStdString(d.topic))
                        .arg(d.partition)
                        .arg(d.offset)
                        .arg(d.hasKey ? QString::fromStdString(d.key) : QStringLiteral("no key"))
                        .arg(QString::fromStdString(d.value));
            QVERIFY(!d.reason.empty());
        }
        for (const auto &c : r.columns)
            QCOMPARE(c.size(), r.rows);
    }
    QCOMPARE(rows, expectedRows);
    QCOMPARE(dead, expectedDead);
}

// sink.kafka with "transactional": against the embedded broker, which accepts the
// transaction calls but writes no markers (EMBEDDED-BROKER.md): what can be
// checked here is that the calls succeed, one transaction per batch that wrote
// rows, and that every record says its batch.
void tst_KafkaSource::aTransactionalSinkCommitsOneTransactionPerBatch()
{
    std::string error;
    auto broker = EmbeddedBroker::start(1, error);
    QVERIFY2(broker, error.c_str());
    QVERIFY2(broker->createTopic(QStringLiteral("results"), 2, error), error.c_str());
    const QByteArray text = QStringLiteral(R"j({"format": "streamwright.pipeline/1", "name": "tx",
     "connections": {"local": {"kind": "kafka", "bootstrap": "%1"}},
     "nodes": [
      {"id": "events", "type": "source.generator", "position": [0, 0], "config": {"stream": "user-events", "rate": 0,
       "count": 3000, "seed": 9, "startTime": "2026-11-25T10:00:00Z"}},
      {"id": "out", "type": "sink.kafka", "position": [0, 0], "config": {"connection": "local", "topic": "results",
       "key": "user_id", "transactional": true}}
     ],
     "edges": [{"from": "events", "to": "out"}], "runtime": {"maxBatchRows": 500}})j")
                                 .arg(broker->bootstrap())
                                 .toUtf8();
    auto loaded = core::PipelineFormat::load(text, QStringLiteral("/tmp/tx.json"));
    QVERIFY(loaded.pipeline);
    int64_t batchesWithRows = 0;
    {
        Executor executor(*loaded.pipeline, RunOptions{});
        QString message;
        QVERIFY2(executor.open(message), qPrintable(message));
        for (;;) {
            const auto step = executor.step();
            QVERIFY2(step != Executor::Step::Failed, qPrintable(executor.error()));
            if (step == Executor::Step::Finished)
                break;
            if (step == Executor::Step::Ran && executor.lastProgress()->numInputRows > 0)
                ++batchesWithRows;
        }
        const auto *sink = dynamic_cast<const KafkaSink *>(executor.nodes().back().sink.get());
        QVERIFY(sink);
        QCOMPARE(batchesWithRows, 6); // 3,000 rows in batches of 500
        QCOMPARE(sink->committedTransactions(), batchesWithRows);
    }
    // Read back: 3,000 records, 500 under each batch id, read_committed.
    char err[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", broker->bootstrap().toUtf8().constData(), err, sizeof err);
    rd_kafka_conf_set(conf, "group.id", "tx-reader", err, sizeof err);
    rd_kafka_conf_set(conf, "isolation.level", "read_committed", err, sizeof err);
    rd_kafka_t *consumer = rd_kafka_new(RD_KAFKA_CONSUMER, conf, err, sizeof err);
    rd_kafka_topic_partition_list_t *parts = rd_kafka_topic_partition_list_new(2);
    for (int p = 0; p < 2; ++p)
        rd_kafka_topic_partition_list_add(parts, "results", p)->offset = RD_KAFKA_OFFSET_BEGINNING;
    rd_kafka_assign(consumer, parts);
    rd_kafka_topic_partition_list_destroy(parts);
    std::map<std::string, int> perBatch;
    int records = 0;
    QElapsedTimer t;
    t.start();
    while (records < 3000 && t.elapsed() < 20000) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(consumer, 200);
        if (!m)
            continue;
        if (!m->err) {
            ++records;
            rd_kafka_headers_t *headers = nullptr;
            const void *value = nullptr;
            size_t size = 0;
            if (rd_kafka_message_headers(m, &headers) == RD_KAFKA_RESP_ERR_NO_ERROR
                && rd_kafka_header_get_last(headers, "streamwright-batch", &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR)
                ++perBatch[std::string(static_cast<const char *>(value), size)];
        }
        rd_kafka_message_destroy(m);
    }
    rd_kafka_consumer_close(consumer);
    rd_kafka_destroy(consumer);
    QCOMPARE(records, 3000);
    QCOMPARE(perBatch.size(), size_t(6));
    for (const auto &[batch, count] : perBatch)
        QVERIFY2(count == 500, batch.c_str());
}

// A paused run reads nothing, but the topic grows: its lag (the figures, the
// alerts' Burrow status) is asked of the cluster every 2 s, as it was not
// ("lag 0 (OK)" while 60,000 messages waited).
void tst_KafkaSource::aPausedRunKeepsMeasuringLag()
{
    std::string error;
    auto broker = EmbeddedBroker::start(1, error);
    QVERIFY2(broker, error.c_str());
    QVERIFY2(broker->createTopic(QStringLiteral("clicks"), 2, error), error.c_str());
    produce(broker->bootstrap(), "clicks", 100);
    const QByteArray text = QStringLiteral(R"j({"format": "streamwright.pipeline/1", "name": "paused",
     "connections": {"local": {"kind": "kafka", "bootstrap": "%1"}},
     "nodes": [
      {"id": "clicks", "type": "source.kafka", "position": [0, 0], "config": {"connection": "local", "topics": ["clicks"],
       "startingOffsets": "earliest", "schema": [{"name": "user", "type": "string"}, {"name": "n", "type": "int"}]}},
      {"id": "peek", "type": "sink.preview", "position": [0, 0], "config": {}}
     ],
     "edges": [{"from": "clicks", "to": "peek"}], "runtime": {"trigger": "100ms"}})j")
                                 .arg(broker->bootstrap())
                                 .toUtf8();
    auto loaded = core::PipelineFormat::load(text, QStringLiteral("/tmp/paused.json"));
    QVERIFY(loaded.pipeline);
    Executor executor(*loaded.pipeline, RunOptions{});
    QString message;
    QVERIFY2(executor.open(message), qPrintable(message));
    Run run(executor);
    run.start();
    const auto lag = [&]() -> int64_t {
        const auto p = executor.lastProgress();
        return p ? p->consumerLag : -1;
    };
    const auto read = [&]() -> int64_t {
        int64_t rows = 0;
        for (const auto &p : executor.recentProgress())
            rows += p.numInputRows;
        return rows;
    };
    QTRY_COMPARE_WITH_TIMEOUT(read(), int64_t(100), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(lag(), int64_t(0), 10000);
    run.pause();
    QTest::qWait(300); // a batch under way finishes
    const int64_t batch = executor.batchId();
    produce(broker->bootstrap(), "clicks", 40);
    QTRY_COMPARE_WITH_TIMEOUT(lag(), int64_t(40), 8000);
    QCOMPARE(executor.batchId(), batch); // measured, not read
    QCOMPARE(read(), int64_t(100));
    const auto latest = executor.lastProgress();
    int64_t partitions = 0;
    for (const auto &p : latest->sources.front().partitions)
        partitions += p.lag.value_or(0);
    QCOMPARE(partitions, int64_t(40)); // per partition too (the monitor's lag lines)
    run.resume();
    QTRY_COMPARE_WITH_TIMEOUT(read(), int64_t(140), 20000);
    run.stop();
    run.wait();
}

QTEST_GUILESS_MAIN(tst_KafkaSource)
#include "tst_kafkasource.moc"
