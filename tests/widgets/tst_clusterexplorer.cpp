// SPDX-License-Identifier: GPL-3.0-or-later
// The cluster explorer against the embedded broker: topics, browsing from an
// offset with pretty JSON, producing, a group's committed offsets and lag, and
// clear words where the broker lacks an API or cannot be reached.
#include "broker/EmbeddedBroker.h"
#include "explorer/ClusterExplorer.h"

#include <librdkafka/rdkafka.h>

#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace sw;

class tst_ClusterExplorer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void explores();
    void unreachableIsSaid();

private:
    std::unique_ptr<runtime::EmbeddedBroker> m_broker;
};

void tst_ClusterExplorer::initTestCase()
{
    std::string error;
    m_broker = runtime::EmbeddedBroker::start(1, error);
    QVERIFY2(m_broker, error.c_str());
    QVERIFY(m_broker->createTopic(QStringLiteral("user-events"), 2, error));
}

void tst_ClusterExplorer::explores()
{
    widgets::ClusterExplorer explorer;
    runtime::KafkaEndpoint local;
    local.name = QStringLiteral("local");
    local.bootstrap = m_broker->bootstrap();
    local.embedded = true;
    runtime::KafkaEndpoint prod;
    prod.name = QStringLiteral("prod");
    prod.bootstrap = QStringLiteral("127.0.0.1:1");
    explorer.setConnections({{QStringLiteral("prod"), prod}}); // before a run
    explorer.setConnections({{QStringLiteral("prod"), prod}, {QStringLiteral("local"), local}}); // while it runs
    QSignalSpy refreshed(&explorer, &widgets::ClusterExplorer::refreshed);
    // The running embedded broker is offered at once (the user chose nothing
    // yet): pressing Connect reaches it.
    auto *connectButton = explorer.findChild<QPushButton *>(QString(), Qt::FindDirectChildrenOnly);
    QVERIFY(connectButton);
    QCOMPARE(connectButton->text(), QStringLiteral("Connect"));
    connectButton->click();
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(explorer.cluster().brokers.size(), size_t(1));
    QCOMPARE(explorer.cluster().topics.front().name, QStringLiteral("user-events"));

    // Produce three events through the form's path, into partition 1.
    QSignalSpy produced(&explorer, &widgets::ClusterExplorer::produced);
    for (int i = 0; i < 3; ++i) {
        explorer.produce(QStringLiteral("user-events"), 1, QStringLiteral("u-%1").arg(i), QStringLiteral("origin=explorer"),
                         QStringLiteral("{\"user_id\": \"u-%1\", \"price\": %2}").arg(i).arg(10 + i));
        QVERIFY(produced.wait(10000));
        QVERIFY(produced.last().at(0).toBool());
    }
    // Producing refreshes the offsets. Each produce starts a refresh, and the first
    // to finish after the third may be the second's: wait for the offsets to show it.
    QTRY_COMPARE_WITH_TIMEOUT(explorer.cluster().topics.front().partitions.at(1).high, int64_t(3), 10000);
    // Bad headers are refused before anything is sent.
    explorer.produce(QStringLiteral("user-events"), -1, {}, QStringLiteral("no-equals"), QStringLiteral("{}"));
    QVERIFY(explorer.lastError().contains(QLatin1String("name=value")));

    QSignalSpy browsed(&explorer, &widgets::ClusterExplorer::browsed);
    explorer.browse(QStringLiteral("user-events"), 1, runtime::ClusterClient::From::Offset, QStringLiteral("1"), 100);
    QVERIFY(browsed.wait(10000));
    QCOMPARE(explorer.messageCount(), 2);
    const QString text = explorer.messageText(0);
    QVERIFY2(text.contains(QLatin1String("offset 1")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("key u-1")));
    QVERIFY(text.contains(QLatin1String("origin: explorer")));
    QVERIFY(text.contains(QLatin1String("    \"price\": 11"))); // pretty-printed JSON
    explorer.browse(QStringLiteral("user-events"), -1, runtime::ClusterClient::From::Offset, QStringLiteral("x"), 10);
    QVERIFY(explorer.lastError().contains(QLatin1String("not an offset")));

    // A group that committed offset 2 on partition 1: lag 1 there.
    char errstr[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", m_broker->bootstrap().toUtf8().constData(), errstr, sizeof errstr);
    rd_kafka_conf_set(conf, "group.id", "dashboard", errstr, sizeof errstr);
    rd_kafka_t *consumer = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr);
    rd_kafka_topic_partition_list_t *offsets = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(offsets, "user-events", 1)->offset = 2;
    rd_kafka_assign(consumer, offsets);
    QCOMPARE(rd_kafka_commit(consumer, offsets, 0), RD_KAFKA_RESP_ERR_NO_ERROR);
    rd_kafka_topic_partition_list_destroy(offsets);
    rd_kafka_consumer_close(consumer);
    rd_kafka_destroy(consumer);
    QSignalSpy groupShown(&explorer, &widgets::ClusterExplorer::groupShown);
    explorer.showGroupLag(QStringLiteral("dashboard"));
    QVERIFY(groupShown.wait(10000));
    QCOMPARE(explorer.groupRowCount(), 2);
    QCOMPARE(explorer.groupTotalLag(), qint64(1)); // partition 0 is empty, partition 1: 3 - 2
    QCOMPARE(explorer.groupStatus(0), QStringLiteral("OK"));         // partition 0: nothing to read
    QCOMPARE(explorer.groupStatus(1), QStringLiteral("OK"));         // one commit says nothing yet
    QCOMPARE(explorer.groupChartPoints(), 1);
    explorer.showGroupLag(QStringLiteral("dashboard"));
    QVERIFY(groupShown.wait(10000));
    QCOMPARE(explorer.groupChartPoints(), 2); // the group's lag over time

    // Listing groups: the embedded broker cannot; the explorer says to type the name.
    QSignalSpy listed(&explorer, &widgets::ClusterExplorer::groupsListed);
    explorer.listGroups();
    QVERIFY(listed.wait(10000));
    QVERIFY(!listed.last().at(0).toStringList().isEmpty() || explorer.lastError().contains(QLatin1String("type the group name")));
}

void tst_ClusterExplorer::unreachableIsSaid()
{
    widgets::ClusterExplorer explorer;
    QSignalSpy failed(&explorer, &widgets::ClusterExplorer::failed);
    runtime::KafkaEndpoint nowhere;
    nowhere.bootstrap = QStringLiteral("127.0.0.1:1");
    explorer.connectTo(nowhere);
    QVERIFY(failed.wait(15000));
    QVERIFY(failed.last().at(0).toString().contains(QLatin1String("127.0.0.1:1")));
    explorer.browse(QStringLiteral("t"), -1, runtime::ClusterClient::From::Beginning, {}, 10); // still no cluster
    QVERIFY(failed.wait(15000));
}

QTEST_MAIN(tst_ClusterExplorer)
#include "tst_clusterexplorer.moc"
