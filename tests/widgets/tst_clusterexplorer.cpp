// SPDX-License-Identifier: GPL-3.0-or-later
// The cluster explorer against the embedded broker: topics, browsing from an
// offset with pretty JSON, producing, a group's committed offsets and lag, and
// clear words where the broker lacks an API or cannot be reached; recording
// topics from the explorer (progress, stop) and browsing the recording.
#include "broker/EmbeddedBroker.h"
#include "explorer/ClusterExplorer.h"
#include "recording/Recording.h"

#include <librdkafka/rdkafka.h>

#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace sw;

class tst_ClusterExplorer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void explores();
    void recordsAndBrowsesTheRecording();
    void followsTheRunsEmbeddedBroker();
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
    QVERIFY(m_broker->createTopic(QStringLiteral("worker-heartbeats"), 1, error));
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
    explorer.browse(QStringLiteral("user-events"), 1, runtime::ClusterClient::From::Offset, QStringLiteral("0"), 100);
    QVERIFY(browsed.wait(10000));
    QVERIFY2(explorer.lastError().isEmpty(), qPrintable(explorer.lastError())); // a later success clears the error

    // A topic the group never consumed adds nothing to its lag.
    for (int i = 0; i < 5; ++i) {
        explorer.produce(QStringLiteral("worker-heartbeats"), 0, {}, {}, QStringLiteral("{}"));
        QVERIFY(produced.wait(10000));
    }

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

    // The pipeline's own groups are offered first.
    explorer.setSuggestedGroups({QStringLiteral("streamwright-trending-views")});
    bool offered = false;
    for (auto *box : explorer.findChildren<QComboBox *>())
        offered = offered || box->itemText(0) == QStringLiteral("streamwright-trending-views");
    QVERIFY(offered);
}

void tst_ClusterExplorer::followsTheRunsEmbeddedBroker()
{
    std::string error;
    auto first = runtime::EmbeddedBroker::start(1, error);
    QVERIFY2(first, error.c_str());
    QVERIFY(first->createTopic(QStringLiteral("from-the-first-run"), 1, error));
    widgets::ClusterExplorer explorer;
    runtime::KafkaEndpoint local;
    local.name = QStringLiteral("local");
    local.bootstrap = first->bootstrap();
    local.embedded = true;
    QSignalSpy refreshed(&explorer, &widgets::ClusterExplorer::refreshed);
    explorer.setConnections({{QStringLiteral("local"), local}});
    explorer.connectTo(local);
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(explorer.cluster().topics.front().name, QStringLiteral("from-the-first-run"));
    // The run stops: its broker with it; the explorer says so instead of showing it.
    explorer.setConnections({});
    QVERIFY(explorer.cluster().topics.empty());
    first.reset();
    // The next run's broker (another port): followed.
    auto second = runtime::EmbeddedBroker::start(1, error);
    QVERIFY2(second, error.c_str());
    QVERIFY(second->createTopic(QStringLiteral("from-the-second-run"), 1, error));
    local.bootstrap = second->bootstrap();
    explorer.setConnections({{QStringLiteral("local"), local}});
    QTRY_VERIFY_WITH_TIMEOUT(!explorer.cluster().topics.empty()
                                 && explorer.cluster().topics.front().name == QStringLiteral("from-the-second-run"),
                             15000);
}

void tst_ClusterExplorer::recordsAndBrowsesTheRecording()
{
    std::string error;
    QVERIFY(m_broker->createTopic(QStringLiteral("orders"), 2, error));
    widgets::ClusterExplorer explorer;
    runtime::KafkaEndpoint local;
    local.name = QStringLiteral("local");
    local.bootstrap = m_broker->bootstrap();
    local.embedded = true;
    QSignalSpy refreshed(&explorer, &widgets::ClusterExplorer::refreshed);
    explorer.connectTo(local);
    QVERIFY(refreshed.wait(10000));
    QSignalSpy produced(&explorer, &widgets::ClusterExplorer::produced);
    for (int i = 0; i < 6; ++i) {
        explorer.produce(QStringLiteral("orders"), i % 2, QStringLiteral("o-%1").arg(i), QStringLiteral("trace=t%1").arg(i),
                         QStringLiteral("{\"order\": %1}").arg(i));
        QVERIFY(produced.wait(10000));
        QVERIFY(produced.last().at(0).toBool());
    }
    QVERIFY(refreshed.wait(10000)); // the topic list, with "orders", reaches the Record tab

    // Through the Record tab's form: check the topic, name the file, stop after 4
    // records, press Record.
    QTemporaryDir dir;
    auto *topics = explorer.findChild<QListWidget *>(QStringLiteral("recordTopics"));
    QVERIFY(topics);
    const QList<QListWidgetItem *> found = topics->findItems(QStringLiteral("orders"), Qt::MatchExactly);
    QCOMPARE(found.size(), 1);
    found.front()->setCheckState(Qt::Checked);
    explorer.findChild<QComboBox *>(QStringLiteral("recordStop"))->setCurrentIndex(2); // after records
    explorer.findChild<QSpinBox *>(QStringLiteral("recordStopValue"))->setValue(4);
    const QString firstPath = dir.filePath(QStringLiteral("four.swrec"));
    explorer.findChild<QLineEdit *>(QStringLiteral("recordFile"))->setText(firstPath);
    auto *recordButton = explorer.findChild<QPushButton *>(QStringLiteral("recordButton"));
    QSignalSpy finished(&explorer, &widgets::ClusterExplorer::recordingFinished);
    recordButton->click();
    QVERIFY(explorer.isRecording());
    QCOMPARE(recordButton->text(), QStringLiteral("Stop"));
    QVERIFY(finished.wait(20000));
    QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
    QVERIFY2(finished.last().at(1).toString().contains(QLatin1String("Recorded 4 records")), qPrintable(finished.last().at(1).toString()));
    QVERIFY(!explorer.isRecording());
    QCOMPARE(recordButton->text(), QStringLiteral("Record"));
    runtime::RecordingReader reader;
    QVERIFY2(reader.open(firstPath.toStdString(), error), error.c_str());
    QCOMPARE(reader.info().records, int64_t(4));
    QVERIFY(reader.info().complete);

    // Until stopped: progress comes while it runs, Stop (the same button) ends it
    // with every record and a complete file.
    runtime::RecorderOptions options;
    options.topics = {"orders"};
    options.out = dir.filePath(QStringLiteral("all.swrec")).toStdString();
    QSignalSpy progress(&explorer, &widgets::ClusterExplorer::recordingProgress);
    explorer.startRecording(options);
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(0).toLongLong() == 6, 20000);
    QVERIFY2(explorer.recordingStatus().contains(QLatin1String("6 records")), qPrintable(explorer.recordingStatus()));
    explorer.startRecording(options); // one at a time
    QVERIFY(explorer.lastError().contains(QLatin1String("stop it first")));
    recordButton->click();
    QVERIFY(finished.wait(20000));
    QVERIFY(finished.last().at(0).toBool());
    QVERIFY2(finished.last().at(1).toString().contains(QLatin1String("(stopped)")), qPrintable(finished.last().at(1).toString()));

    // Browse the recording as a cluster: its topic and offsets, messages with
    // keys and headers, from a time (which the embedded broker cannot do).
    auto *tabs = explorer.findChild<QTabWidget *>();
    QSignalSpy browsed(&explorer, &widgets::ClusterExplorer::browsed);
    explorer.findChild<QPushButton *>(QStringLiteral("browseRecording"))->click();
    QVERIFY(refreshed.wait(10000));
    QVERIFY(browsed.wait(10000)); // a recording opens on its first messages
    QCOMPARE(explorer.messageCount(), 6);
    QCOMPARE(explorer.openedRecording(), QString::fromStdString(options.out));
    QCOMPARE(explorer.cluster().topics.size(), size_t(1));
    QCOMPARE(explorer.cluster().topics.front().name, QStringLiteral("orders"));
    QCOMPARE(explorer.cluster().topics.front().partitions.size(), size_t(2));
    QCOMPARE(explorer.cluster().topics.front().partitions.at(1).high, int64_t(3));
    QVERIFY(!tabs->isTabEnabled(1)); // nothing is produced to a recording
    QVERIFY(!tabs->isTabEnabled(2));
    QVERIFY(!recordButton->isEnabled());
    explorer.browse(QStringLiteral("orders"), -1, runtime::ClusterClient::From::Time, QStringLiteral("2000-01-01T00:00:00Z"), 100);
    QVERIFY(browsed.wait(10000));
    QCOMPARE(explorer.messageCount(), 6);
    explorer.browse(QStringLiteral("orders"), 1, runtime::ClusterClient::From::End, {}, 2);
    QVERIFY(browsed.wait(10000));
    QCOMPARE(explorer.messageCount(), 2);
    const QString text = explorer.messageText(1);
    QVERIFY2(text.contains(QLatin1String("partition 1, offset 2, key o-5")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("trace: t5")));
    explorer.browse(QStringLiteral("orders"), 0, runtime::ClusterClient::From::Offset, QStringLiteral("1"), 100);
    QVERIFY(browsed.wait(10000));
    QCOMPARE(explorer.messageCount(), 2);
    explorer.browse(QStringLiteral("missing"), -1, runtime::ClusterClient::From::Beginning, {}, 10);
    QVERIFY(browsed.wait(10000));
    QVERIFY(explorer.lastError().contains(QLatin1String("no topic \"missing\"")));

    // Something that is not a recording is refused with words; Connect goes back.
    const QString notARecording = dir.filePath(QStringLiteral("notes.swrec"));
    QFile file(notARecording);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("just some text, long enough to be read as a header of a database that it is not............");
    file.close();
    explorer.openRecording(notARecording);
    QVERIFY2(explorer.lastError().contains(QLatin1String("not a Streamwright recording")), qPrintable(explorer.lastError()));
    QCOMPARE(explorer.openedRecording(), QString::fromStdString(options.out)); // still showing the last good one
    explorer.connectTo(local);
    QVERIFY(refreshed.wait(10000));
    QVERIFY(explorer.openedRecording().isEmpty());
    QVERIFY(tabs->isTabEnabled(1));
    QVERIFY(recordButton->isEnabled());
    QCOMPARE(explorer.cluster().brokers.size(), size_t(1));
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
