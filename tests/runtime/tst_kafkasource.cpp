// SPDX-License-Identifier: GPL-3.0-or-later
// source.kafka against the embedded broker: records decoded many at a time keep
// their coordinates, and bad records among good ones become dead letters with
// theirs.
#include "broker/EmbeddedBroker.h"
#include "sources/KafkaSource.h"
#include "validation/SchemaInference.h"

#include <QJsonDocument>
#include <QTest>

#include <librdkafka/rdkafka.h>

using namespace sw;
using namespace sw::runtime;
using core::DataType;

class tst_KafkaSource : public QObject
{
    Q_OBJECT
private slots:
    void badRecordsAmongGoodOnes();
};

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

QTEST_GUILESS_MAIN(tst_KafkaSource)
#include "tst_kafkasource.moc"
