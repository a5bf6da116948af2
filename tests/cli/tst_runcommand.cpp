// SPDX-License-Identifier: GPL-3.0-or-later
// End to end, as a user would: `streamwright-cli broker` as a child process,
// records produced with librdkafka (malformed ones too), `streamwright-cli run
// --until-idle`, then the SQLite sink, the dead letters and the Kafka sink (read
// back with a consumer) checked against results computed by hand.
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <QDir>

#include <librdkafka/rdkafka.h>
#include <map>
#include <sqlite3.h>

namespace {
const char *kPipeline = R"j({
  "format": "streamwright.pipeline/1",
  "name": "clicks-per-minute",
  "connections": {"local": {"kind": "embedded"}},
  "nodes": [
    {"id": "clicks", "type": "source.kafka", "position": [0, 0], "config": {
      "connection": "local", "topics": ["clicks"], "startingOffsets": "earliest",
      "schema": [{"name": "user", "type": "string"}, {"name": "page", "type": "string"}, {"name": "ts", "type": "timestamp"}],
      "eventTime": {"field": "ts", "watermarkDelay": "0s"}}},
    {"id": "per_minute", "type": "window.aggregate", "position": [0, 0], "config": {
      "window": {"kind": "tumbling", "size": "1m"}, "groupBy": ["page"],
      "aggregates": [{"name": "views", "fn": "count"}, {"name": "users", "fn": "count_distinct", "expr": "user"}]}},
    {"id": "table", "type": "sink.sqlite", "position": [0, 0], "config": {
      "path": "out.db", "table": "page_views", "key": ["window_start", "page"], "mode": "upsert"}},
    {"id": "topic", "type": "sink.kafka", "position": [0, 0], "config": {"connection": "local", "topic": "page-views", "key": "page"}},
    {"id": "dead", "type": "sink.file", "position": [0, 0], "config": {"path": "dead.jsonl"}}
  ],
  "edges": [
    {"from": "clicks", "to": "per_minute"},
    {"from": "per_minute", "to": "table"},
    {"from": "per_minute", "to": "topic"},
    {"from": "clicks", "fromPort": "dead", "to": "dead"}
  ],
  "runtime": {"maxBatchRows": 1}
})j";

rd_kafka_t *client(rd_kafka_type_t type, const QString &bootstrap)
{
    char err[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.toUtf8().constData(), err, sizeof err);
    rd_kafka_conf_set(conf, "fetch.wait.max.ms", "10", err, sizeof err);
    if (type == RD_KAFKA_CONSUMER)
        rd_kafka_conf_set(conf, "group.id", "test-reader", err, sizeof err);
    return rd_kafka_new(type, conf, err, sizeof err);
}
} // namespace

class tst_RunCommand : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void runsAgainstTheBroker();
    void unreachableSinkFailsClearly();
    void aSecretNeverLeavesTheRun();
    void examplesRunOnDemoData_data();
    void examplesRunOnDemoData();
    void aCheckpointResumesAndResets();
    void aFullDiskOrAnUnwritablePathStopsTheRun_data();
    void aBrokerOutageIsWaitedOutAndShown();
    void requestErrorsAndSlowResponsesLoseNothing();
    void aTransactionalKafkaSinkWritesABatchOnceAcrossACrash();
    void failAfterEndsAWaitForABrokerThatStaysAway();
    void aFullDiskOrAnUnwritablePathStopsTheRun();

private:
    QTemporaryDir m_dir;
    QProcess m_broker;
    QString m_bootstrap;
};

void tst_RunCommand::initTestCase()
{
    m_broker.start(QStringLiteral(STREAMWRIGHT_CLI), {QStringLiteral("broker"), QStringLiteral("--topic"),
                                                      QStringLiteral("clicks:2"), QStringLiteral("--topic"),
                                                      QStringLiteral("page-views:1"), QStringLiteral("--topic"),
                                                      QStringLiteral("secret-clicks:1"), QStringLiteral("--topic"),
                                                      QStringLiteral("secret-views:1"), QStringLiteral("--topic"),
                                                      QStringLiteral("sensor-readings:2")});
    QVERIFY(m_broker.waitForReadyRead(10000));
    const QString first = QString::fromUtf8(m_broker.readLine()).trimmed();
    QVERIFY2(QRegularExpression(QStringLiteral("^bootstrap=127\\.0\\.0\\.1:\\d+$")).match(first).hasMatch(), qPrintable(first));
    m_bootstrap = first.mid(10);
}

void tst_RunCommand::cleanupTestCase()
{
    m_broker.terminate(); // SIGTERM: the broker exits cleanly
    QVERIFY(m_broker.waitForFinished(10000));
    QCOMPARE(m_broker.exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_broker.exitCode(), 0);
}

void tst_RunCommand::runsAgainstTheBroker()
{
    rd_kafka_t *producer = client(RD_KAFKA_PRODUCER, m_bootstrap);
    const char *records[] = {
        R"({"user": "a", "page": "home", "ts": "2026-11-25T10:00:05Z"})",
        R"({"user": "b", "page": "home", "ts": "2026-11-25T10:00:30Z"})",
        R"({"user": "a", "page": "cart", "ts": "2026-11-25T10:00:40Z"})",
        "not json at all",
        R"({"user": "a", "page": "home", "ts": "2026-11-25T10:01:10Z"})",
        R"({"user": "c", "page": "home", "ts": "yesterday"})",
        // Late: its window [09:59, 10:00) ended before the watermark (10:00:40 at
        // least by now); lateness is judged by the window's end, as in Spark.
        R"({"user": "a", "page": "home", "ts": "2026-11-25T09:59:30Z"})",
    };
    for (const char *r : records) {
        // One partition, so the order (and with it lateness) is what the test says.
        QCOMPARE(rd_kafka_producev(producer, RD_KAFKA_V_TOPIC("clicks"), RD_KAFKA_V_PARTITION(0),
                                   RD_KAFKA_V_VALUE(const_cast<char *>(r), strlen(r)), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                   RD_KAFKA_V_END),
                 RD_KAFKA_RESP_ERR_NO_ERROR);
        rd_kafka_flush(producer, 5000); // separate produce requests keep the order across batches
    }
    rd_kafka_destroy(producer);

    QFile file(m_dir.filePath(QStringLiteral("pipeline.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kPipeline);
    file.close();
    QProcess run;
    run.setWorkingDirectory(m_dir.path());
    run.start(QStringLiteral(STREAMWRIGHT_CLI),
              {QStringLiteral("run"), QStringLiteral("pipeline.json"), QStringLiteral("--connection"),
               QStringLiteral("local=") + m_bootstrap, QStringLiteral("--until-idle"), QStringLiteral("1.5"),
               QStringLiteral("--metrics"), QStringLiteral("metrics.jsonl")});
    QVERIFY(run.waitForFinished(60000));
    const QString err = QString::fromUtf8(run.readAllStandardError());
    QVERIFY2(run.exitCode() == 0, qPrintable(err));
    QVERIFY(err.contains(QStringLiteral("finished after batch")));

    // SQLite: [10:00, 10:01) home 2 views by 2 users, cart 1; [10:01, 10:02) home 1.
    QProcess sqlite;
    sqlite.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import sqlite3; c = sqlite3.connect('%1'); "
                                 "[print('|'.join(map(str, r))) for r in c.execute("
                                 "'select window_start, page, views, users from page_views order by 1, 2')]")
                      .arg(m_dir.filePath(QStringLiteral("out.db")))});
    QVERIFY(sqlite.waitForFinished(10000));
    QCOMPARE(QString::fromUtf8(sqlite.readAllStandardOutput()),
             QStringLiteral("2026-11-25T10:00:00.000Z|cart|1|1\n2026-11-25T10:00:00.000Z|home|2|2\n"
                            "2026-11-25T10:01:00.000Z|home|1|1\n"));

    // Dead letters: both malformed records, with reasons and coordinates.
    QFile dead(m_dir.filePath(QStringLiteral("dead.jsonl")));
    QVERIFY(dead.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = dead.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject notJson = QJsonDocument::fromJson(lines[0]).object();
    QVERIFY(notJson.value(QStringLiteral("_reason")).toString().startsWith(QStringLiteral("not valid JSON")));
    QCOMPARE(notJson.value(QStringLiteral("_topic")).toString(), QStringLiteral("clicks"));
    QCOMPARE(notJson.value(QStringLiteral("_offset")).toInt(), 3);
    QCOMPARE(notJson.value(QStringLiteral("_value")).toString(), QStringLiteral("not json at all"));
    QVERIFY(notJson.value(QStringLiteral("_key")).isNull()); // produced without a key, as decoded rows show it
    QCOMPARE(QJsonDocument::fromJson(lines[1]).object().value(QStringLiteral("_reason")).toString(),
             QStringLiteral("field 'ts': 'yesterday' is not an ISO-8601 timestamp"));

    // The late row was counted.
    QFile metrics(m_dir.filePath(QStringLiteral("metrics.jsonl")));
    QVERIFY(metrics.open(QIODevice::ReadOnly));
    const QList<QByteArray> batches = metrics.readAll().trimmed().split('\n');
    const QJsonObject last = QJsonDocument::fromJson(batches.last()).object();
    QCOMPARE(last.value(QStringLiteral("lateRowsDropped")).toInt(), 1);
    QCOMPARE(last.value(QStringLiteral("deadLetters")).toInt(), 2);

    // Kafka sink, read back: three windows, keyed by page, JSON values.
    rd_kafka_t *consumer = client(RD_KAFKA_CONSUMER, m_bootstrap);
    rd_kafka_topic_partition_list_t *parts = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(parts, "page-views", 0)->offset = RD_KAFKA_OFFSET_BEGINNING;
    rd_kafka_assign(consumer, parts);
    rd_kafka_topic_partition_list_destroy(parts);
    QStringList got;
    for (int i = 0; i < 100 && got.size() < 3; ++i) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(consumer, 100);
        if (!m)
            continue;
        if (!m->err) {
            const QJsonObject v = QJsonDocument::fromJson(QByteArray(static_cast<char *>(m->payload), int(m->len))).object();
            got << QString::fromUtf8(static_cast<char *>(m->key), int(m->key_len)) + u' '
                       + v.value(QStringLiteral("window_start")).toString() + u' '
                       + QString::number(v.value(QStringLiteral("views")).toInt());
        }
        rd_kafka_message_destroy(m);
    }
    rd_kafka_consumer_close(consumer);
    rd_kafka_destroy(consumer);
    QCOMPARE(got, (QStringList{QStringLiteral("cart 2026-11-25T10:00:00.000Z 1"), QStringLiteral("home 2026-11-25T10:00:00.000Z 2"),
                               QStringLiteral("home 2026-11-25T10:01:00.000Z 1")}));
}

// A password given as ${env:NAME} is resolved at run time only: it appears in no
// output of the run (standard output and error, the metrics file, what the sinks
// wrote, dead letters, and every endpoint of the control API).
void tst_RunCommand::aSecretNeverLeavesTheRun()
{
    const QByteArray secret = "s3cr3t-planted-4711";
    QByteArray pipeline(kPipeline);
    pipeline.replace(R"("connections": {"local": {"kind": "embedded"}})",
                     R"("connections": {"local": {"kind": "kafka", "bootstrap": "BOOTSTRAP",
                        "properties": {"sasl.username": "svc", "sasl.password": "${env:SW_TEST_SECRET}"}}})");
    pipeline.replace("BOOTSTRAP", m_bootstrap.toUtf8());
    pipeline.replace(R"("name": "clicks-per-minute")", R"("name": "secret-run")");
    pipeline.replace(R"("topics": ["clicks"])", R"("topics": ["secret-clicks"])"); // its own topics: others' records
    pipeline.replace(R"("topic": "page-views")", R"("topic": "secret-views")");  // are in the shared ones
    QVERIFY(pipeline.contains("${env:SW_TEST_SECRET}"));
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("pipeline.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(pipeline);
    file.close();
    rd_kafka_t *producer = client(RD_KAFKA_PRODUCER, m_bootstrap);
    for (const char *r : {R"({"user": "s", "page": "secret", "ts": "2026-11-25T11:00:05Z"})", "broken"})
        rd_kafka_producev(producer, RD_KAFKA_V_TOPIC("secret-clicks"), RD_KAFKA_V_VALUE(const_cast<char *>(r), strlen(r)),
                          RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
    rd_kafka_flush(producer, 5000);
    rd_kafka_destroy(producer);

    QProcess run;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SW_TEST_SECRET"), QString::fromUtf8(secret));
    run.setProcessEnvironment(env);
    run.setWorkingDirectory(dir.path());
    run.start(QStringLiteral(STREAMWRIGHT_CLI), {QStringLiteral("run"), QStringLiteral("pipeline.json"),
                                                 QStringLiteral("--metrics"), QStringLiteral("metrics.jsonl")});
    QVERIFY(run.waitForReadyRead(10000));
    const QByteArray firstLine = run.readLine();
    const auto control = QRegularExpression(QStringLiteral("^control=(\\S+) token=(\\S+)$")).match(QString::fromUtf8(firstLine).trimmed());
    QVERIFY(control.hasMatch());
    QByteArray outputs = firstLine;
    auto get = [&](const QString &path) {
        QProcess curl;
        curl.start(QStringLiteral("curl"), {QStringLiteral("-s"), control.captured(1) + path});
        curl.waitForFinished(10000);
        return curl.readAllStandardOutput();
    };
    QTRY_VERIFY_WITH_TIMEOUT(get(QStringLiteral("/api/progress")).contains("\"deadLetters\":1"), 15000);
    for (const char *path : {"/api/pipeline", "/api/status", "/api/progress?recent=1", "/api/samples", "/api/alerts", "/metrics"})
        outputs += get(QLatin1String(path));
    QVERIFY(outputs.contains("${env:SW_TEST_SECRET}")); // the pipeline as written: the reference, not the value
    QProcess stop;
    stop.start(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("-X"), QStringLiteral("POST"), QStringLiteral("-H"),
                                        QStringLiteral("Authorization: Bearer ") + control.captured(2),
                                        control.captured(1) + QStringLiteral("/api/stop")});
    QVERIFY(stop.waitForFinished(10000));
    QVERIFY(run.state() == QProcess::NotRunning || run.waitForFinished(20000));
    outputs += run.readAllStandardOutput() + run.readAllStandardError();
    for (const QString &name : QDir(dir.path()).entryList(QDir::Files)) {
        QFile written(dir.filePath(name));
        QVERIFY(written.open(QIODevice::ReadOnly));
        outputs += written.readAll();
    }
    QVERIFY(outputs.contains("secret")); // the run did write (the page is called "secret")
    QVERIFY2(!outputs.contains(secret), "the password was written by the run");
}

void tst_RunCommand::unreachableSinkFailsClearly()
{
    QFile file(m_dir.filePath(QStringLiteral("bad.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(kPipeline).replace(R"("path": "out.db")", R"("path": "/proc/none/out.db")"));
    file.close();
    QProcess run;
    run.setWorkingDirectory(m_dir.path());
    run.start(QStringLiteral(STREAMWRIGHT_CLI), {QStringLiteral("run"), QStringLiteral("bad.json"), QStringLiteral("--connection"),
                                                 QStringLiteral("local=") + m_bootstrap, QStringLiteral("--until-idle"),
                                                 QStringLiteral("1")});
    QVERIFY(run.waitForFinished(60000));
    QCOMPARE(run.exitCode(), 1);
    QVERIFY2(QString::fromUtf8(run.readAllStandardError()).contains(QStringLiteral("sink \"table\": cannot open SQLite database /proc/none/out.db")),
             "clear message");
}

void tst_RunCommand::examplesRunOnDemoData_data()
{
    QTest::addColumn<QString>("example");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("table");
    QTest::newRow("trending products") << QStringLiteral("trending-products") << QStringLiteral("trending.db")
                                       << QStringLiteral("product_views");
    QTest::newRow("click to purchase") << QStringLiteral("conversion-funnel") << QStringLiteral("conversions.db")
                                       << QStringLiteral("conversions_per_category");
    QTest::newRow("order enrichment") << QStringLiteral("order-enrichment") << QStringLiteral("orders.db")
                                      << QStringLiteral("orders_enriched");
    QTest::newRow("order lines per category (explode)") << QStringLiteral("order-lines-per-category")
                                                        << QStringLiteral("order-lines.db")
                                                        << QStringLiteral("revenue_per_category");
    QTest::newRow("running totals per customer") << QStringLiteral("running-totals") << QStringLiteral("totals.db")
                                                 << QStringLiteral("customer_totals");
    QTest::newRow("IoT sensor sessions (nested JSON)") << QStringLiteral("iot-sensor-averages")
                                                       << QStringLiteral("sensor-sessions.db") << QStringLiteral("device_sessions");
}

void tst_RunCommand::examplesRunOnDemoData()
{
    QFETCH(QString, example);
    QFETCH(QString, database);
    QFETCH(QString, table);
    static bool produced = false;
    if (!produced) { // 24000 user events and 2000 purchases, most converting a recent click
        QProcess demo;
        demo.start(QStringLiteral(STREAMWRIGHT_CLI), {QStringLiteral("produce-demo"), QStringLiteral("--bootstrap"), m_bootstrap,
                                                      QStringLiteral("--rate"), QStringLiteral("0"), QStringLiteral("--count"),
                                                      QStringLiteral("24000"), QStringLiteral("--orders"),
                                                      QStringLiteral("--sensors")});
        QVERIFY(demo.waitForFinished(60000));
        QCOMPARE(demo.exitCode(), 0);
        produced = true;
    }
    const QString dir = m_dir.filePath(example);
    QVERIFY(QDir().mkpath(dir + QStringLiteral("/data")));
    const QString examples = QStringLiteral(STREAMWRIGHT_SOURCE_DIR "/resources/examples/");
    QVERIFY(QFile::copy(examples + example + QStringLiteral(".json"), dir + QStringLiteral("/pipeline.json")));
    QVERIFY(QFile::copy(examples + QStringLiteral("data/products.csv"), dir + QStringLiteral("/data/products.csv")));
    QProcess run;
    run.setWorkingDirectory(dir);
    run.start(QStringLiteral(STREAMWRIGHT_CLI), {QStringLiteral("run"), QStringLiteral("pipeline.json"), QStringLiteral("--connection"),
                                                 QStringLiteral("local=") + m_bootstrap, QStringLiteral("--until-idle"),
                                                 QStringLiteral("1.5"), QStringLiteral("--quiet"),
                                                 // the end of input closes every window (with the examples'
                                                 // checkpoints, open windows would wait for a later run)
                                                 QStringLiteral("--no-checkpoint")});
    QVERIFY(run.waitForFinished(120000));
    QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open_v2((dir + u'/' + database).toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt *stmt = nullptr;
    QCOMPARE(sqlite3_prepare_v2(db, QStringLiteral("SELECT count(*) FROM %1").arg(table).toUtf8().constData(), -1, &stmt, nullptr),
             SQLITE_OK);
    QCOMPARE(sqlite3_step(stmt), SQLITE_ROW);
    const int64_t rows = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    QVERIFY2(rows > 0, qPrintable(example + QStringLiteral(": no rows")));
    if (example == u"order-enrichment")
        QCOMPARE(rows, 2000); // every order, enriched (left join, upsert by order_id)
}

// What `run` says about its checkpoint, and what --reset-checkpoint and
// --no-checkpoint do, on a generated stream (a broker is not needed).
void tst_RunCommand::aCheckpointResumesAndResets()
{
    const QString dir = m_dir.filePath(QStringLiteral("checkpointed"));
    QVERIFY(QDir().mkpath(dir));
    QFile f(dir + QStringLiteral("/gen.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"j({"format": "streamwright.pipeline/1", "name": "gen", "connections": {},
     "nodes": [
      {"id": "events", "type": "source.generator", "position": [0, 0], "config": {"stream": "user-events", "rate": 0,
       "count": 5000, "seed": 3, "startTime": "2026-11-25T10:00:00Z", "eventTime": {"field": "ts", "watermarkDelay": "5s"}}},
      {"id": "per_minute", "type": "window.aggregate", "position": [0, 0], "config": {"window": {"kind": "tumbling", "size": "10s"},
       "groupBy": ["category"], "aggregates": [{"name": "n", "fn": "count"}]}},
      {"id": "out", "type": "sink.file", "position": [0, 0], "config": {"path": "out.jsonl"}}
     ],
     "edges": [{"from": "events", "to": "per_minute"}, {"from": "per_minute", "to": "out"}],
     "runtime": {"maxBatchRows": 1000, "checkpoint": {"dir": "state"}}})j");
    f.close();
    auto cli = [&](const QStringList &extra) {
        QProcess run;
        run.setWorkingDirectory(dir);
        run.start(QStringLiteral(STREAMWRIGHT_CLI), QStringList{QStringLiteral("run"), QStringLiteral("gen.json"),
                                                                QStringLiteral("--until-idle"), QStringLiteral("0.5"),
                                                                QStringLiteral("-q")} + extra);
        run.waitForFinished(60000);
        return std::pair{run.exitCode(), QString::fromUtf8(run.readAllStandardError())};
    };
    auto [code, err] = cli({});
    QCOMPARE(code, 0);
    QVERIFY2(err.contains(QStringLiteral("/state/checkpoint.db (new): exactly-once")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("open windows wait in the checkpoint")), qPrintable(err));
    const QByteArray first = [&] {
        QFile out(dir + QStringLiteral("/out.jsonl"));
        return out.open(QIODevice::ReadOnly) ? out.readAll() : QByteArray();
    }();
    QVERIFY(!first.isEmpty());
    std::tie(code, err) = cli({});
    QCOMPARE(code, 0);
    QVERIFY2(err.contains(QStringLiteral("resuming after batch")), qPrintable(err));
    QFile again(dir + QStringLiteral("/out.jsonl"));
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), first); // the input was all read: nothing new, nothing doubled
    std::tie(code, err) = cli({QStringLiteral("--reset-checkpoint")});
    QCOMPARE(code, 0);
    QVERIFY2(err.contains(QStringLiteral("checkpoint.db deleted; starting over")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("(new)")), qPrintable(err));
    std::tie(code, err) = cli({QStringLiteral("--no-checkpoint")});
    QCOMPARE(code, 0);
    QVERIFY2(err.contains(QStringLiteral("checkpoint: off (--no-checkpoint)")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("input ended, every window emitted")), qPrintable(err));
    std::tie(code, err) = cli({QStringLiteral("--no-checkpoint"), QStringLiteral("--reset-checkpoint")});
    QCOMPARE(code, 2);
}

void tst_RunCommand::aFullDiskOrAnUnwritablePathStopsTheRun_data()
{
    QTest::addColumn<QString>("runtime"); // the pipeline's runtime section
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    QTest::newRow("metrics on a full disk") << QStringLiteral(R"({"maxBatchRows": 500})")
                                            << QStringList{QStringLiteral("--metrics"), QStringLiteral("/dev/full")}
                                            << QStringLiteral("cannot write metrics to /dev/full: No space left on device");
    QTest::newRow("a checkpoint where none can be") << QStringLiteral(R"({"checkpoint": {"dir": "/proc/none/state"}})")
                                                    << QStringList{}
                                                    << QStringLiteral("checkpoint /proc/none/state/checkpoint.db: cannot create");
    QTest::newRow("a sink on a full disk") << QStringLiteral(R"({"maxBatchRows": 500})") << QStringList{}
                                           << QStringLiteral("sink \"out\": cannot write /dev/full");
}

void tst_RunCommand::aFullDiskOrAnUnwritablePathStopsTheRun()
{
    QFETCH(QString, runtime);
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    const QString dir = m_dir.filePath(QStringLiteral("full-%1").arg(QLatin1String(QTest::currentDataTag())).replace(u' ', u'-'));
    QVERIFY(QDir().mkpath(dir));
    QFile f(dir + QStringLiteral("/p.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    const bool sinkOnFullDisk = message.startsWith(QStringLiteral("sink"));
    f.write(QStringLiteral(R"j({"format": "streamwright.pipeline/1", "name": "full", "connections": {},
     "nodes": [
      {"id": "events", "type": "source.generator", "position": [0, 0], "config": {"stream": "user-events", "rate": 0,
       "count": 3000, "startTime": "2026-11-25T10:00:00Z"}},
      {"id": "out", "type": "sink.file", "position": [0, 0], "config": {"path": "%1"}}
     ],
     "edges": [{"from": "events", "to": "out"}],
     "runtime": %2})j")
                .arg(sinkOnFullDisk ? QStringLiteral("/dev/full") : QStringLiteral("out.jsonl"), runtime)
                .toUtf8());
    f.close();
    QProcess run;
    run.setWorkingDirectory(dir);
    run.start(QStringLiteral(STREAMWRIGHT_CLI), QStringList{QStringLiteral("run"), QStringLiteral("p.json"),
                                                            QStringLiteral("--until-idle"), QStringLiteral("0.5"),
                                                            QStringLiteral("-q")} + options);
    QVERIFY(run.waitForFinished(60000));
    const QString err = QString::fromUtf8(run.readAllStandardError());
    QCOMPARE(run.exitCode(), 1);
    QVERIFY2(err.contains(message), qPrintable(err));
}

namespace {
// A broker of its own, faults sent to its standard input.
struct OutageBroker
{
    QProcess process;
    QString bootstrap;
    bool start()
    {
        process.start(QStringLiteral(STREAMWRIGHT_CLI), {QStringLiteral("broker"), QStringLiteral("--topic"),
                                                         QStringLiteral("orders:2")});
        if (!process.waitForReadyRead(10000))
            return false;
        bootstrap = QString::fromUtf8(process.readLine()).trimmed().mid(10);
        return !bootstrap.isEmpty();
    }
    QString send(const char *command)
    {
        process.write(QByteArray(command) + '\n');
        process.waitForBytesWritten(5000);
        QElapsedTimer t;
        t.start();
        while (!process.canReadLine() && t.elapsed() < 5000)
            process.waitForReadyRead(200);
        return QString::fromUtf8(process.readLine()).trimmed();
    }
    void produce(int from, int count)
    {
        rd_kafka_t *producer = client(RD_KAFKA_PRODUCER, bootstrap);
        for (int i = from; i < from + count; ++i) {
            const std::string v = "{\"n\": " + std::to_string(i) + "}";
            rd_kafka_producev(producer, RD_KAFKA_V_TOPIC("orders"), RD_KAFKA_V_PARTITION(i % 2),
                              RD_KAFKA_V_VALUE(const_cast<char *>(v.data()), v.size()),
                              RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
        }
        rd_kafka_flush(producer, 10000);
        rd_kafka_destroy(producer);
    }
    ~OutageBroker()
    {
        process.terminate();
        process.waitForFinished(10000);
    }
};

QString writeOrdersPipeline(const QString &dir, const QString &bootstrap)
{
    QDir().mkpath(dir);
    QFile f(dir + QStringLiteral("/orders.json"));
    f.open(QIODevice::WriteOnly);
    f.write(QStringLiteral(R"j({"format": "streamwright.pipeline/1", "name": "orders",
     "connections": {"local": {"kind": "kafka", "bootstrap": "%1"}},
     "nodes": [
      {"id": "orders", "type": "source.kafka", "position": [0, 0], "config": {"connection": "local", "topics": ["orders"],
       "startingOffsets": "earliest", "schema": [{"name": "n", "type": "int"}],
       "properties": {"reconnect.backoff.max.ms": "500", "socket.connection.setup.timeout.ms": "1000"}}},
      {"id": "out", "type": "sink.file", "position": [0, 0], "config": {"path": "out.jsonl"}}
     ],
     "edges": [{"from": "orders", "to": "out"}], "runtime": {"trigger": "50ms"}})j")
                .arg(bootstrap)
                .toUtf8());
    return f.fileName();
}
} // namespace

// The broker goes away for longer than --until-idle: the run waits (it does not
// take the silence for the end of the input), says it is degraded in its status,
// with why and since when, and reads on with nothing lost when the broker is back.
void tst_RunCommand::aBrokerOutageIsWaitedOutAndShown()
{
    OutageBroker broker;
    QVERIFY(broker.start());
    broker.produce(0, 500);
    const QString dir = m_dir.filePath(QStringLiteral("outage"));
    const QString file = writeOrdersPipeline(dir, broker.bootstrap);
    QProcess run;
    run.setWorkingDirectory(dir);
    run.start(QStringLiteral(STREAMWRIGHT_CLI), {QStringLiteral("run"), file, QStringLiteral("--until-idle"),
                                                 QStringLiteral("2"), QStringLiteral("-q")});
    QVERIFY(run.waitForReadyRead(10000));
    const QString control = QString::fromUtf8(run.readLine()).trimmed().section(u' ', 0, 0).mid(8);
    auto lines = [&] {
        QFile out(dir + QStringLiteral("/out.jsonl"));
        return out.open(QIODevice::ReadOnly) ? out.readAll().count('\n') : 0;
    };
    QTRY_COMPARE_WITH_TIMEOUT(lines(), 500, 15000);
    QVERIFY2(broker.send("down").contains(QStringLiteral("every broker is down")), "the broker takes the fault");
    QNetworkAccessManager net;
    auto status = [&] {
        QNetworkReply *reply = net.get(QNetworkRequest(QUrl(control + QStringLiteral("/api/status"))));
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(5000);
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll()).object();
    };
    QTRY_COMPARE_WITH_TIMEOUT(status().value(QStringLiteral("state")).toString(), QStringLiteral("degraded"), 20000);
    const QJsonObject degraded = status();
    QVERIFY2(degraded.value(QStringLiteral("problem")).toString().startsWith(QStringLiteral("source \"orders\": Kafka local (")),
             qPrintable(degraded.value(QStringLiteral("problem")).toString()));
    QVERIFY(!degraded.value(QStringLiteral("problemSince")).toString().isEmpty());
    QTest::qWait(4000); // twice --until-idle: still waiting
    QCOMPARE(run.state(), QProcess::Running);
    QVERIFY(broker.send("up").contains(QStringLiteral("every broker is up")));
    broker.produce(500, 500);
    QVERIFY(run.waitForFinished(60000));
    const QString err = QString::fromUtf8(run.readAllStandardError());
    QVERIFY2(run.exitCode() == 0, qPrintable(err));
    QCOMPARE(lines(), 1000); // nothing lost, nothing doubled
    QVERIFY2(err.contains(QStringLiteral("reachable again after")), qPrintable(err));
    // Said once, in words; librdkafka's own lines with a prefix, not as "%3|...".
    QCOMPARE(err.count(QStringLiteral("cannot be reached")), 1);
    QVERIFY2(!err.contains(QStringLiteral("%3|")), qPrintable(err));
    QVERIFY2(err.count(QStringLiteral("Kafka client error: FAIL")) <= 1, qPrintable(err));
}

// Fetch and offset-commit requests that fail, and a slow broker: the source
// retries, and every record arrives once.
void tst_RunCommand::requestErrorsAndSlowResponsesLoseNothing()
{
    OutageBroker broker;
    QVERIFY(broker.start());
    broker.produce(0, 500);
    const QString dir = m_dir.filePath(QStringLiteral("request-errors"));
    const QString file = writeOrdersPipeline(dir, broker.bootstrap);
    QVERIFY(broker.send("fail fetch 5 not-leader").contains(QStringLiteral("the next 5 fetch request(s) fail")));
    QVERIFY(broker.send("fail offset-commit 3").contains(QStringLiteral("offset-commit")));
    QVERIFY(broker.send("rtt 50").contains(QStringLiteral("50 ms late")));
    QProcess run;
    run.setWorkingDirectory(dir);
    run.start(QStringLiteral(STREAMWRIGHT_CLI), {QStringLiteral("run"), file, QStringLiteral("--until-idle"),
                                                 QStringLiteral("2"), QStringLiteral("-q")});
    auto lines = [&] {
        QFile out(dir + QStringLiteral("/out.jsonl"));
        return out.open(QIODevice::ReadOnly) ? out.readAll().count('\n') : 0;
    };
    QTRY_COMPARE_WITH_TIMEOUT(lines(), 500, 30000);
    QVERIFY(broker.send("fail fetch 3 request-timed-out").contains(QStringLiteral("fetch")));
    broker.produce(500, 500);
    QVERIFY(run.waitForFinished(60000));
    QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
    QCOMPARE(lines(), 1000);
}

void tst_RunCommand::failAfterEndsAWaitForABrokerThatStaysAway()
{
    OutageBroker broker;
    QVERIFY(broker.start());
    broker.produce(0, 100);
    const QString dir = m_dir.filePath(QStringLiteral("outage-fail"));
    const QString file = writeOrdersPipeline(dir, broker.bootstrap);
    QProcess run;
    run.setWorkingDirectory(dir);
    run.start(QStringLiteral(STREAMWRIGHT_CLI), {QStringLiteral("run"), file, QStringLiteral("--until-idle"),
                                                 QStringLiteral("30"), QStringLiteral("--fail-after"), QStringLiteral("3"),
                                                 QStringLiteral("-q")});
    QVERIFY(run.waitForReadyRead(10000));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(dir + QStringLiteral("/out.jsonl")).size() > 0, 15000);
    broker.send("down");
    QVERIFY(run.waitForFinished(40000));
    const QString err = QString::fromUtf8(run.readAllStandardError());
    QCOMPARE(run.exitCode(), 1);
    QVERIFY2(err.contains(QStringLiteral("(--fail-after)")) && err.contains(QStringLiteral("unreachable for")), qPrintable(err));
}

// The run dies (as kill -9) after batch 2's Kafka transaction was committed and
// before the checkpoint committed the batch; the restart runs batch 2 again and
// the sink, reading back what the topic holds from it, does not write it twice.
void tst_RunCommand::aTransactionalKafkaSinkWritesABatchOnceAcrossACrash()
{
    const QString dir = m_dir.filePath(QStringLiteral("transactional"));
    QVERIFY(QDir().mkpath(dir));
    QFile f(dir + QStringLiteral("/tx.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral(R"j({"format": "streamwright.pipeline/1", "name": "tx",
     "connections": {"local": {"kind": "kafka", "bootstrap": "%1"}},
     "nodes": [
      {"id": "events", "type": "source.generator", "position": [0, 0], "config": {"stream": "user-events", "rate": 0,
       "count": 3000, "seed": 4, "startTime": "2026-11-25T10:00:00Z"}},
      {"id": "out", "type": "sink.kafka", "position": [0, 0], "config": {"connection": "local", "topic": "tx-results",
       "key": "user_id", "transactional": true}}
     ],
     "edges": [{"from": "events", "to": "out"}],
     "runtime": {"maxBatchRows": 500, "checkpoint": {"dir": "state", "everyBatches": 2}}})j")
                .arg(m_bootstrap)
                .toUtf8());
    f.close();
    auto run = [&](const QByteArray &fault) {
        QProcess p;
        p.setWorkingDirectory(dir);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!fault.isEmpty())
            env.insert(QStringLiteral("STREAMWRIGHT_CHECKPOINT_FAULT"), QString::fromLatin1(fault));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(STREAMWRIGHT_CLI), {QStringLiteral("run"), QStringLiteral("tx.json"), QStringLiteral("--until-idle"),
                                                   QStringLiteral("0.5"), QStringLiteral("-q")});
        p.waitForFinished(60000);
        return std::pair{p.exitStatus() == QProcess::CrashExit ? -9 : p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
    };
    auto [code, err] = run("sinks:2");
    QVERIFY2(code == -9 && err.contains(QStringLiteral("dying at sinks of batch 2")), qPrintable(err));
    std::tie(code, err) = run({});
    QVERIFY2(code == 0, qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("batch 2 was not committed: running it again")), qPrintable(err));

    rd_kafka_t *consumer = client(RD_KAFKA_CONSUMER, m_bootstrap);
    rd_kafka_topic_partition_list_t *parts = rd_kafka_topic_partition_list_new(4);
    for (int p = 0; p < 4; ++p)
        rd_kafka_topic_partition_list_add(parts, "tx-results", p)->offset = RD_KAFKA_OFFSET_BEGINNING;
    rd_kafka_assign(consumer, parts);
    rd_kafka_topic_partition_list_destroy(parts);
    std::map<std::string, int> perBatch;
    int records = 0;
    for (int idle = 0; idle < 15;) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(consumer, 200);
        if (!m) {
            ++idle;
            continue;
        }
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
    QCOMPARE(records, 3000); // not 3,500: batch 2 once
    QCOMPARE(perBatch.size(), size_t(6));
    for (const auto &[batch, count] : perBatch)
        QVERIFY2(count == 500, batch.c_str());
}

QTEST_GUILESS_MAIN(tst_RunCommand)
#include "tst_runcommand.moc"
