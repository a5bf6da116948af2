// SPDX-License-Identifier: GPL-3.0-or-later
// The cluster explorer's client against the embedded broker: topics and offsets,
// producing with key and headers, browsing from the beginning, an offset or the
// end, a group's committed offsets and lag, and the APIs the broker lacks.
#include "broker/EmbeddedBroker.h"
#include "cluster/ClusterClient.h"

#include <librdkafka/rdkafka.h>

#include <QTest>

using namespace sw::runtime;

class tst_ClusterClient : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void describesTopicsAndOffsets();
    void browses_data();
    void browses();
    void browsingByTimeSaysWhyNot();
    void groupLagFromCommittedOffsets();
    void listingGroupsSaysWhatToDo();
    void unreachableClusterIsReported();

private:
    std::unique_ptr<EmbeddedBroker> m_broker;
    std::unique_ptr<ClusterClient> m_client;
};

void tst_ClusterClient::initTestCase()
{
    std::string error;
    m_broker = EmbeddedBroker::start(1, error);
    QVERIFY2(m_broker, error.c_str());
    QVERIFY(m_broker->createTopic(QStringLiteral("orders"), 2, error));
    KafkaEndpoint endpoint;
    endpoint.bootstrap = m_broker->bootstrap();
    endpoint.embedded = true;
    m_client = std::make_unique<ClusterClient>(endpoint);
    // 10 orders, 5 in each partition; one header each.
    for (int i = 0; i < 10; ++i) {
        QString produceError;
        QVERIFY2(m_client->produce(QStringLiteral("orders"), QByteArray("user-") + QByteArray::number(i % 3),
                                   QByteArray("{\"order\": ") + QByteArray::number(i) + "}",
                                   {{QStringLiteral("source"), QByteArray("test")}}, &produceError, i % 2),
                 qPrintable(produceError));
    }
}

void tst_ClusterClient::describesTopicsAndOffsets()
{
    const auto cluster = m_client->describe();
    QVERIFY2(cluster.error.isEmpty(), qPrintable(cluster.error));
    QCOMPARE(cluster.brokers.size(), size_t(1));
    QCOMPARE(cluster.brokers[0].host, QStringLiteral("127.0.0.1"));
    const auto orders = std::find_if(cluster.topics.begin(), cluster.topics.end(),
                                     [](const auto &t) { return t.name == QLatin1String("orders"); });
    QVERIFY(orders != cluster.topics.end());
    QCOMPARE(orders->partitions.size(), size_t(2));
    int64_t total = 0;
    for (const auto &p : orders->partitions) {
        QCOMPARE(p.low, int64_t(0));
        total += p.high;
    }
    QCOMPARE(total, int64_t(10));
}

Q_DECLARE_METATYPE(ClusterClient::From)

void tst_ClusterClient::browses_data()
{
    QTest::addColumn<ClusterClient::From>("from");
    QTest::addColumn<qint64>("position");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("expected"); // messages over both partitions
    QTest::newRow("everything from the beginning") << ClusterClient::From::Beginning << qint64(0) << 100 << 10;
    QTest::newRow("two per partition from the beginning") << ClusterClient::From::Beginning << qint64(0) << 2 << 4;
    QTest::newRow("the last one of each partition") << ClusterClient::From::End << qint64(0) << 1 << 2;
    QTest::newRow("from offset 3") << ClusterClient::From::Offset << qint64(3) << 100 << 4;
    QTest::newRow("from offset 9: nothing that far") << ClusterClient::From::Offset << qint64(9) << 100 << 0;
}

void tst_ClusterClient::browses()
{
    QFETCH(ClusterClient::From, from);
    QFETCH(qint64, position);
    QFETCH(int, limit);
    QFETCH(int, expected);
    QString error;
    const auto messages = m_client->browse({QStringLiteral("orders"), -1, from, position, limit}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(int(messages.size()), expected);
    for (const auto &m : messages) {
        QVERIFY(m.key.startsWith("user-"));
        QVERIFY(m.value.startsWith("{\"order\": "));
        QCOMPARE(m.headers.size(), size_t(1));
        QCOMPARE(m.headers[0].second, QByteArray("test"));
        QVERIFY(m.timestampMs > 1700000000000); // the producer's CreateTime
    }
}

void tst_ClusterClient::browsingByTimeSaysWhyNot()
{
    QString error;
    const auto messages = m_client->browse({QStringLiteral("orders"), 0, ClusterClient::From::Time, 0, 10}, &error);
    QVERIFY(messages.empty());
    QVERIFY2(error.contains(QLatin1String("by time")), qPrintable(error));
    QVERIFY(m_client->browse({QStringLiteral("nope"), -1, ClusterClient::From::Beginning, 0, 10}, &error).empty());
    QVERIFY(error.contains(QLatin1String("no topic")));
}

void tst_ClusterClient::groupLagFromCommittedOffsets()
{
    // A consumer of group "billing" that committed offset 1 on partition 0 only.
    char errstr[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", m_broker->bootstrap().toUtf8().constData(), errstr, sizeof errstr);
    rd_kafka_conf_set(conf, "group.id", "billing", errstr, sizeof errstr);
    rd_kafka_t *consumer = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr);
    QVERIFY(consumer);
    rd_kafka_topic_partition_list_t *offsets = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(offsets, "orders", 0)->offset = 1;
    QCOMPARE(rd_kafka_assign(consumer, offsets), RD_KAFKA_RESP_ERR_NO_ERROR);
    QCOMPARE(rd_kafka_commit(consumer, offsets, 0), RD_KAFKA_RESP_ERR_NO_ERROR);
    rd_kafka_topic_partition_list_destroy(offsets);
    rd_kafka_consumer_close(consumer);
    rd_kafka_destroy(consumer);

    QString error;
    const auto rows = m_client->groupLag(QStringLiteral("billing"), {QStringLiteral("orders")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rows.size(), size_t(2));
    QCOMPARE(rows[0].partition, 0);
    QCOMPARE(rows[0].committed, int64_t(1));
    QCOMPARE(rows[0].high, int64_t(5));
    QCOMPARE(rows[0].lag(), int64_t(4));
    QCOMPARE(rows[1].committed, int64_t(-1)); // nothing committed: all of it is lag
    QCOMPARE(rows[1].lag(), rows[1].high);
}

void tst_ClusterClient::listingGroupsSaysWhatToDo()
{
    QString error;
    const QStringList groups = m_client->listGroups(&error);
    // The embedded broker does not implement ListGroups; a real one lists them.
    QVERIFY2(!groups.isEmpty() || error.contains(QLatin1String("type the group name")), qPrintable(error));
}

void tst_ClusterClient::unreachableClusterIsReported()
{
    KafkaEndpoint nowhere;
    nowhere.bootstrap = QStringLiteral("127.0.0.1:1");
    ClusterClient client(nowhere);
    const auto cluster = client.describe(1500);
    QVERIFY(!cluster.error.isEmpty());
    QVERIFY(cluster.error.contains(QLatin1String("127.0.0.1:1")));
}

QTEST_GUILESS_MAIN(tst_ClusterClient)
#include "tst_clusterclient.moc"
