// SPDX-License-Identifier: GPL-3.0-or-later
// Dead letters end to end, through a real Kafka protocol (the embedded broker):
// each policy of a source's deadLetters setting (route to the dead edge, to a file,
// a SQLite table or a topic, the default file; skip; stop), and a run over every
// kind of malformed input a producer can send, among good records: every good
// record counted, every bad one a dead letter with its coordinates, its kind, its
// headers and its original bytes.
#include "broker/EmbeddedBroker.h"
#include "control/ControlServer.h"
#include "engine/Executor.h"
#include "format/PipelineFormat.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <librdkafka/rdkafka.h>
#include <sqlite3.h>

#include <map>

using namespace sw;
using namespace sw::runtime;

namespace {

struct Record
{
    std::string value;
    bool null = false; // a tombstone: no value at all
    std::vector<std::pair<std::string, std::string>> headers = {};
    std::string key = "k";
};

void produce(const QString &bootstrap, const QString &topic, const std::vector<Record> &records)
{
    char err[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.toUtf8().constData(), err, sizeof err);
    rd_kafka_conf_set(conf, "message.max.bytes", "8000000", err, sizeof err);
    rd_kafka_t *producer = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    QVERIFY(producer);
    const QByteArray name = topic.toUtf8();
    for (const Record &r : records) {
        rd_kafka_headers_t *headers = rd_kafka_headers_new(r.headers.size());
        for (const auto &[k, v] : r.headers)
            rd_kafka_header_add(headers, k.data(), ssize_t(k.size()), v.data(), ssize_t(v.size()));
        const rd_kafka_resp_err_t e = rd_kafka_producev(
            producer, RD_KAFKA_V_TOPIC(name.constData()), RD_KAFKA_V_PARTITION(0),
            RD_KAFKA_V_KEY(r.key.data(), r.key.size()),
            RD_KAFKA_V_VALUE(r.null ? nullptr : const_cast<char *>(r.value.data()), r.null ? 0 : r.value.size()),
            RD_KAFKA_V_HEADERS(headers), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
        if (e != RD_KAFKA_RESP_ERR_NO_ERROR)
            rd_kafka_headers_destroy(headers);
        QCOMPARE(e, RD_KAFKA_RESP_ERR_NO_ERROR);
    }
    QCOMPARE(rd_kafka_flush(producer, 30000), RD_KAFKA_RESP_ERR_NO_ERROR);
    rd_kafka_destroy(producer);
}

std::string good(int i)
{
    return "{\"user\": \"u" + std::to_string(i % 7) + "\", \"n\": " + std::to_string(i)
           + ", \"ts\": \"2026-11-25T10:00:" + (i % 60 < 10 ? "0" : "") + std::to_string(i % 60) + "Z\"}";
}

QByteArray pipelineText(const QString &bootstrap, const QString &topic, const QString &deadLetters, bool deadEdge)
{
    const QString edge = deadEdge ? QStringLiteral(R"(, {"from": "events", "fromPort": "dead", "to": "dead"})") : QString();
    const QString deadSink = deadEdge
                                 ? QStringLiteral(R"(, {"id": "dead", "type": "sink.file", "position": [0, 0], "config": {"path": "dead-edge.jsonl"}})")
                                 : QString();
    return QStringLiteral(R"j({"format": "streamwright.pipeline/1", "name": "letters",
 "connections": {"local": {"kind": "kafka", "bootstrap": "%1"}},
 "nodes": [
  {"id": "events", "type": "source.kafka", "position": [0, 0], "config": {"connection": "local", "topics": ["%2"],
   "startingOffsets": "earliest", "group": "letters-%2",
   "schema": [{"name": "user", "type": "string"}, {"name": "n", "type": "int"}, {"name": "ts", "type": "timestamp"}],
   "eventTime": {"field": "ts"}%3}},
  {"id": "out", "type": "sink.file", "position": [0, 0], "config": {"path": "out.jsonl"}}%4
 ],
 "edges": [{"from": "events", "to": "out"}%5]})j")
        .arg(bootstrap, topic, deadLetters.isEmpty() ? QString() : QStringLiteral(", \"deadLetters\": ") + deadLetters,
             deadSink, edge)
        .toUtf8();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QList<QJsonObject> jsonLines(const QByteArray &text)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : text.split('\n')) {
        if (!line.isEmpty())
            out << QJsonDocument::fromJson(line).object();
    }
    return out;
}

struct RunResult
{
    std::vector<BatchProgress> batches;
    QString error; // the run failed
};

RunResult run(const QByteArray &pipeline, const QString &dir)
{
    RunResult result;
    auto loaded = core::PipelineFormat::load(pipeline, dir + QStringLiteral("/letters.json"));
    if (!loaded.pipeline) {
        result.error = QStringLiteral("the test pipeline does not load");
        return result;
    }
    RunOptions options;
    options.untilIdleSeconds = 1;
    Executor executor(*loaded.pipeline, options);
    QString message;
    if (!executor.open(message)) {
        result.error = message;
        return result;
    }
    for (;;) {
        const auto step = executor.step();
        if (step == Executor::Step::Failed) {
            result.error = executor.error();
            return result;
        }
        if (step == Executor::Step::Ran)
            result.batches.push_back(*executor.lastProgress());
        if (step == Executor::Step::Finished)
            return result;
    }
}

int64_t rowsRead(const RunResult &r)
{
    int64_t rows = 0;
    for (const auto &b : r.batches)
        rows += b.numInputRows;
    return rows;
}

// Reads every record of `topic` from the beginning.
std::vector<std::string> consumeAll(const QString &bootstrap, const QString &topic, size_t expected)
{
    char err[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.toUtf8().constData(), err, sizeof err);
    rd_kafka_conf_set(conf, "group.id", "tst-deadletters-reader", err, sizeof err);
    rd_kafka_t *consumer = rd_kafka_new(RD_KAFKA_CONSUMER, conf, err, sizeof err);
    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(list, topic.toUtf8().constData(), 0)->offset = RD_KAFKA_OFFSET_BEGINNING;
    rd_kafka_assign(consumer, list);
    rd_kafka_topic_partition_list_destroy(list);
    std::vector<std::string> values;
    QElapsedTimer t;
    t.start();
    while (values.size() < expected && t.elapsed() < 15000) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(consumer, 200);
        if (!m)
            continue;
        if (!m->err)
            values.emplace_back(static_cast<const char *>(m->payload), m->len);
        rd_kafka_message_destroy(m);
    }
    rd_kafka_consumer_close(consumer);
    rd_kafka_destroy(consumer);
    return values;
}

} // namespace

class tst_DeadLetters : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void policies_data();
    void policies();
    void anUnwritableDestinationFailsTheStart();
    void malformedInputAmongGoodRecords();

private:
    std::unique_ptr<EmbeddedBroker> m_broker;
    int m_topics = 0;
    QString newTopic()
    {
        const QString topic = QStringLiteral("letters-%1").arg(++m_topics);
        std::string error;
        if (!m_broker->createTopic(topic, 1, error))
            QTest::qFail(error.c_str(), __FILE__, __LINE__);
        return topic;
    }
};

void tst_DeadLetters::initTestCase()
{
    std::string error;
    m_broker = EmbeddedBroker::start(1, error);
    QVERIFY2(m_broker, error.c_str());
    QVERIFY2(m_broker->createTopic(QStringLiteral("kept-dead-letters"), 1, error), error.c_str());
}

// 20 good records with 3 bad ones among them (offsets 5, 11, 17).
std::vector<Record> someBadRecords()
{
    std::vector<Record> records;
    for (int i = 0; i < 20; ++i)
        records.push_back({good(i)});
    records.insert(records.begin() + 5, {"not json"});
    records.insert(records.begin() + 11, {R"({"user": "u1", "n": "many", "ts": "2026-11-25T10:00:00Z"})"});
    records.insert(records.begin() + 17, {"[1, 2]"});
    return records;
}

void tst_DeadLetters::policies_data()
{
    QTest::addColumn<QString>("deadLetters");
    QTest::addColumn<bool>("deadEdge");
    QTest::addColumn<QString>("keptIn"); // file, sqlite, kafka, or empty: not kept
    QTest::addColumn<QString>("keptPath");
    QTest::addColumn<bool>("stops");
    QTest::newRow("default: the pipeline's file") << QString() << false << "file" << "letters.dead-letters.jsonl" << false;
    QTest::newRow("route to the dead edge") << QString() << true << "file" << "dead-edge.jsonl" << false;
    QTest::newRow("route to a file")
        << QStringLiteral(R"({"to": {"kind": "file", "path": "kept/dead.jsonl"}})") << false << "file" << "kept/dead.jsonl"
        << false;
    QTest::newRow("route to a SQLite table")
        << QStringLiteral(R"({"policy": "route", "to": {"kind": "sqlite", "path": "dead.db", "table": "letters"}})")
        << false << "sqlite" << "dead.db" << false;
    QTest::newRow("route to a topic")
        << QStringLiteral(R"({"to": {"kind": "kafka", "connection": "local", "topic": "kept-dead-letters"}})") << false
        << "kafka" << "" << false;
    QTest::newRow("skip") << QStringLiteral(R"({"policy": "skip"})") << false << "" << "" << false;
    QTest::newRow("stop") << QStringLiteral(R"({"policy": "stop"})") << false << "file" << "letters.dead-letters.jsonl"
                          << true;
}

void tst_DeadLetters::policies()
{
    QFETCH(QString, deadLetters);
    QFETCH(bool, deadEdge);
    QFETCH(QString, keptIn);
    QFETCH(QString, keptPath);
    QFETCH(bool, stops);
    const QString topic = newTopic();
    produce(m_broker->bootstrap(), topic, someBadRecords());
    QTemporaryDir dir;
    const RunResult result = run(pipelineText(m_broker->bootstrap(), topic, deadLetters, deadEdge), dir.path());

    if (stops) {
        // Stopped at the batch of the first one: nothing of that batch reached a sink.
        QVERIFY2(result.error.contains(QStringLiteral("a dead letter stops the run (deadLetters.policy \"stop\"): ")
                                       + topic + QStringLiteral(" partition 0 offset 5: not valid JSON")),
                 qPrintable(result.error));
        QCOMPARE(jsonLines(readAll(dir.filePath(QStringLiteral("out.jsonl")))).size(), 0);
    } else {
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(rowsRead(result), 20);
        QCOMPARE(jsonLines(readAll(dir.filePath(QStringLiteral("out.jsonl")))).size(), 20);
        const BatchProgress &last = result.batches.back();
        QCOMPARE(last.deadLetters, 3);
        QCOMPARE(last.sources.size(), size_t(1));
        const std::map<QString, int64_t> kinds{{QStringLiteral("bad_field"), 1},
                                               {QStringLiteral("not_an_object"), 1},
                                               {QStringLiteral("not_json"), 1}};
        QCOMPARE(last.sources[0].deadLettersByKind, kinds);
        // The counts survive the progress record's JSON and reach Prometheus.
        QString error;
        QCOMPARE(BatchProgress::fromJson(last.toJson(), &error), std::optional<BatchProgress>(last));
        const QByteArray metrics = ControlServer::prometheus(last, QStringLiteral("letters"));
        QVERIFY2(metrics.contains("streamwright_dead_letters_total{pipeline=\"letters\",node=\"events\",kind=\"not_json\"} 1\n"),
                 metrics.constData());
    }
    // Nothing written where the letters do not go.
    if (keptPath != u"letters.dead-letters.jsonl")
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("letters.dead-letters.jsonl"))));

    QList<QJsonObject> letters;
    if (keptIn == u"file") {
        letters = jsonLines(readAll(dir.filePath(keptPath)));
    } else if (keptIn == u"sqlite") {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(dir.filePath(keptPath).toUtf8().constData(), &db), SQLITE_OK);
        sqlite3_stmt *stmt = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, "SELECT node, _offset, _kind, _value FROM letters ORDER BY _offset", -1, &stmt,
                                    nullptr),
                 SQLITE_OK);
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            letters << QJsonObject{
                {QStringLiteral("node"), QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)))},
                {QStringLiteral("_offset"), sqlite3_column_int(stmt, 1)},
                {QStringLiteral("_kind"), QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 2)))},
                {QStringLiteral("_value"), QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 3)))}};
        }
        sqlite3_finalize(stmt);
        sqlite3_close(db);
    } else if (keptIn == u"kafka") {
        for (const std::string &v : consumeAll(m_broker->bootstrap(), QStringLiteral("kept-dead-letters"), 3))
            letters << QJsonDocument::fromJson(QByteArray::fromStdString(v)).object();
    }
    if (keptIn.isEmpty()) {
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("dead-edge.jsonl"))));
        return;
    }
    // Stopping, the batch's letters are kept (all three came in its one batch).
    const qsizetype expected = 3;
    QCOMPARE(letters.size(), expected);
    const int offsets[] = {5, 11, 17};
    const char *kinds[] = {"not_json", "bad_field", "not_an_object"};
    for (qsizetype i = 0; i < expected; ++i) {
        QCOMPARE(letters[i].value(QStringLiteral("_offset")).toInt(), offsets[i]);
        QCOMPARE(letters[i].value(QStringLiteral("_kind")).toString(), QLatin1String(kinds[i]));
        // Kept by a sink of their own, they say which source turned them away; on
        // the dead edge they are the source's own rows.
        QCOMPARE(letters[i].value(QStringLiteral("node")).toString(), deadEdge ? QString() : QStringLiteral("events"));
    }
    QCOMPARE(letters[0].value(QStringLiteral("_value")).toString(), QStringLiteral("not json"));
}

void tst_DeadLetters::anUnwritableDestinationFailsTheStart()
{
    const QString topic = newTopic();
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("not-a-dir")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const RunResult result =
        run(pipelineText(m_broker->bootstrap(), topic,
                         QStringLiteral(R"({"to": {"kind": "file", "path": "not-a-dir/dead.jsonl"}})"), false),
            dir.path());
    QVERIFY2(result.error.startsWith(QStringLiteral("source \"events\": cannot keep its dead letters in ")),
             qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("not-a-dir/dead.jsonl")), qPrintable(result.error));
}

// What a hostile or broken producer sends, among 201 good records.
void tst_DeadLetters::malformedInputAmongGoodRecords()
{
    struct Bad
    {
        const char *what;
        Record record;
        const char *kind;
    };
    std::string garbage;
    for (int i = 0; i < 256; ++i)
        garbage.push_back(char((i * 167 + 13) & 0xff)); // every byte value, 0x00 and 0xff included
    const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
    const std::string nested = R"({"user": )" + deep + R"(, "n": 1, "ts": "2026-11-25T10:00:00Z"})";
    const std::vector<Bad> bads = {
        {"invalid JSON", {R"({"user": "u1", "n": 3,)"}, "not_json"},
        {"a wrong type", {R"({"user": "u1", "n": "three", "ts": "2026-11-25T10:00:00Z"})"}, "bad_field"},
        {"an empty value", {""}, "not_json"},
        {"a tombstone", {"", true}, "not_json"},
        {"a 3 MB value", {"{\"user\": \"" + std::string(3 * 1024 * 1024, 'x') + "\"}"}, "too_large"},
        {"invalid UTF-8 in a string", {"{\"user\": \"u\xff\xfe\", \"n\": 1, \"ts\": \"2026-11-25T10:00:00Z\"}"}, "not_json"},
        {"NaN", {R"({"user": "u1", "n": NaN, "ts": "2026-11-25T10:00:00Z"})"}, "bad_field"},
        {"100,000 levels of nesting in a declared field", {nested}, "bad_field"},
        {"binary garbage with binary headers", {garbage, false, {{"trace", "abc"}, {"blob", std::string("\x00\xff\x80", 3)}}},
         "not_json"},
    };
    std::vector<Record> records;
    std::map<int64_t, size_t> badAt; // offset -> index in bads
    for (int i = 0; i < 200; ++i) {
        records.push_back({good(i)});
        if (i % 20 == 10 && badAt.size() < bads.size()) {
            badAt[int64_t(records.size())] = badAt.size();
            records.push_back(bads[badAt.size() - 1].record);
        }
    }
    records.front().headers = {{"source", "checkout"}}; // a good record's headers change nothing
    // Valid JSON, however deep, in a field the schema does not declare: read past
    // (without recursion), and the record is good.
    records.push_back({R"({"user": "u1", "n": 1000, "ts": "2026-11-25T10:00:00Z", "extra": )" + deep + "}"});
    QCOMPARE(badAt.size(), bads.size());
    const QString topic = newTopic();
    produce(m_broker->bootstrap(), topic, records);
    QTemporaryDir dir;
    const RunResult result = run(pipelineText(m_broker->bootstrap(), topic, QString(), false), dir.path());
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(rowsRead(result), 201);
    const auto rows = jsonLines(readAll(dir.filePath(QStringLiteral("out.jsonl"))));
    QCOMPARE(rows.size(), 201);
    for (int i = 0; i < 200; ++i)
        QCOMPARE(rows[i].value(QStringLiteral("n")).toInt(), i);
    QCOMPARE(rows[200].value(QStringLiteral("n")).toInt(), 1000);

    const auto letters = jsonLines(readAll(dir.filePath(QStringLiteral("letters.dead-letters.jsonl"))));
    QCOMPARE(letters.size(), qsizetype(bads.size()));
    QCOMPARE(result.batches.back().deadLetters, int64_t(bads.size()));
    for (const QJsonObject &letter : letters) {
        const int64_t offset = letter.value(QStringLiteral("_offset")).toInteger();
        QVERIFY2(badAt.count(offset), qPrintable(QString::number(offset)));
        const Bad &bad = bads[badAt[offset]];
        QVERIFY2(letter.value(QStringLiteral("_kind")).toString() == QLatin1String(bad.kind),
                 qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(bad.what), letter.value(QStringLiteral("_reason")).toString())));
        QCOMPARE(letter.value(QStringLiteral("_topic")).toString(), topic);
        QCOMPARE(letter.value(QStringLiteral("_partition")).toInt(), 0);
        QVERIFY2(!letter.value(QStringLiteral("_reason")).toString().isEmpty(), bad.what);
        // The original bytes, whatever they are.
        const QString encoding = letter.value(QStringLiteral("_encoding")).toString();
        const QByteArray value = letter.value(QStringLiteral("_value")).toString().toUtf8();
        const QByteArray bytes = encoding == u"base64" ? QByteArray::fromBase64(value) : value;
        QVERIFY2(bytes.toStdString() == bad.record.value, bad.what);
        if (bad.record.headers.empty()) {
            QVERIFY2(letter.value(QStringLiteral("_headers")).isNull(), bad.what);
        } else {
            QCOMPARE(encoding, QStringLiteral("base64")); // the garbage is not UTF-8
            const QJsonArray headers =
                QJsonDocument::fromJson(letter.value(QStringLiteral("_headers")).toString().toUtf8()).array();
            QCOMPARE(headers.size(), qsizetype(bad.record.headers.size()));
            for (qsizetype h = 0; h < headers.size(); ++h) {
                QCOMPARE(QByteArray::fromBase64(headers[h][0].toString().toUtf8()).toStdString(), bad.record.headers[h].first);
                QCOMPARE(QByteArray::fromBase64(headers[h][1].toString().toUtf8()).toStdString(), bad.record.headers[h].second);
            }
        }
    }
}

QTEST_GUILESS_MAIN(tst_DeadLetters)
#include "tst_deadletters.moc"
