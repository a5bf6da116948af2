// SPDX-License-Identifier: GPL-3.0-or-later
// Micro-batches are planned offset ranges of every partition (Spark's Kafka
// source): the division rule on its own, then a backlog read from `earliest`
// through a tumbling window on 1, 4 and 16 partitions, skewed partitions, an empty
// partition and maxBatchRows below the number of partitions: every run writes the
// same bytes, equal to counts made directly from the events, and drops no row.
#include "batch/RowJson.h"
#include "broker/EmbeddedBroker.h"
#include "engine/Executor.h"
#include "engine/SourcePlan.h"
#include "format/PipelineFormat.h"
#include "model/Timestamps.h"
#include "sources/DemoEvents.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <librdkafka/rdkafka.h>

#include <map>
#include <regex>

using namespace sw;
using namespace sw::runtime;

Q_DECLARE_METATYPE(std::vector<int64_t>)
Q_DECLARE_METATYPE(std::vector<std::vector<int64_t>>)

namespace {
constexpr int64_t kStart = 1795600800000; // 2026-11-25T10:00:00Z

// Events of 10 minutes (about 33 a second); user_id is the record key.
struct Backlog
{
    std::vector<std::string> keys, values;
    std::map<std::pair<int64_t, std::string>, std::pair<int64_t, int64_t>> truth; // (minute, category) -> count, cents
};

Backlog makeBacklog(int events)
{
    Backlog b;
    DemoEvents gen(QStringLiteral("user-events"), 11, kStart, 33.4, 0.0); // disorder up to 2 s, none late
    Batch batch = Batch::empty(gen.schema());
    for (int i = 0; i < events; ++i)
        gen.next(batch);
    batch.rows = size_t(events);
    const auto keys = RowJson::keys(batch.schema);
    const int user = batch.schema.indexOf(QStringLiteral("user_id"));
    const int category = batch.schema.indexOf(QStringLiteral("category"));
    const int price = batch.schema.indexOf(QStringLiteral("price"));
    const int ts = batch.schema.indexOf(QStringLiteral("ts"));
    for (size_t r = 0; r < batch.rows; ++r) {
        std::string value;
        RowJson::append(value, batch, r, keys);
        b.values.push_back(std::move(value));
        b.keys.emplace_back(batch.columns[size_t(user)].strings[r]);
        const int64_t minute = batch.columns[size_t(ts)].ints[r] / 60000 * 60000;
        auto &cell = b.truth[{minute, std::string(batch.columns[size_t(category)].strings[r])}];
        ++cell.first;
        cell.second += int64_t(std::round(batch.columns[size_t(price)].doubles[r] * 100));
    }
    return b;
}

// The partition of a record: by key hash, or (skewed) 90 % to partition 0.
int partitionOf(const std::string &key, size_t index, int partitions, bool skewed, bool lastEmpty)
{
    const int usable = lastEmpty ? partitions - 1 : partitions;
    if (skewed && index % 10 != 0)
        return 0;
    uint32_t h = 2166136261u;
    for (char c : key)
        h = (h ^ uint8_t(c)) * 16777619u;
    return int(h % uint32_t(usable));
}

void produce(const QString &bootstrap, const QString &topic, const Backlog &b, int partitions, bool skewed, bool lastEmpty)
{
    char err[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.toUtf8().constData(), err, sizeof err);
    rd_kafka_conf_set(conf, "linger.ms", "5", err, sizeof err);
    rd_kafka_conf_set(conf, "message.max.bytes", "8000000", err, sizeof err); // the oversized-record test's 3 MB
    rd_kafka_t *producer = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    QVERIFY(producer);
    const QByteArray name = topic.toUtf8();
    for (size_t i = 0; i < b.values.size(); ++i) {
        const std::string &k = b.keys[i], &v = b.values[i];
        QCOMPARE(rd_kafka_producev(producer, RD_KAFKA_V_TOPIC(name.constData()),
                                   RD_KAFKA_V_PARTITION(partitionOf(k, i, partitions, skewed, lastEmpty)),
                                   RD_KAFKA_V_KEY(k.data(), k.size()), RD_KAFKA_V_VALUE(const_cast<char *>(v.data()), v.size()),
                                   RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END),
                 RD_KAFKA_RESP_ERR_NO_ERROR);
    }
    QCOMPARE(rd_kafka_flush(producer, 30000), RD_KAFKA_RESP_ERR_NO_ERROR);
    rd_kafka_destroy(producer);
}

QByteArray pipelineText(const QString &bootstrap, const QString &topic, int maxBatchRows, const char *eventTimeExtra = "")
{
    return QStringLiteral(R"j({"format": "streamwright.pipeline/1", "name": "backlog",
 "connections": {"local": {"kind": "kafka", "bootstrap": "%1"}},
 "nodes": [
  {"id": "events", "type": "source.kafka", "position": [0, 0], "config": {"connection": "local", "topics": ["%2"],
   "startingOffsets": "earliest", "group": "backlog-%2",
   "schema": [{"name": "user_id", "type": "string"}, {"name": "category", "type": "string"},
              {"name": "price", "type": "double"}, {"name": "ts", "type": "timestamp"}],
   "eventTime": {"field": "ts", "watermarkDelay": "10s"%4}}},
  {"id": "per_minute", "type": "window.aggregate", "position": [0, 0], "config": {"window": {"kind": "tumbling", "size": "1m"},
   "groupBy": ["category"], "aggregates": [{"name": "n", "fn": "count"}, {"name": "cents", "fn": "sum", "expr": "CAST(round(price * 100) AS int)"}],
   "outputMode": "append"}},
  {"id": "out", "type": "sink.file", "position": [0, 0], "config": {"path": "out.jsonl"}},
  {"id": "late", "type": "sink.file", "position": [0, 0], "config": {"path": "late.jsonl"}}
 ],
 "edges": [{"from": "events", "to": "per_minute"}, {"from": "per_minute", "to": "out"},
           {"from": "per_minute", "fromPort": "late", "to": "late"}],
 "runtime": {"maxBatchRows": %3}})j")
        .arg(bootstrap, topic)
        .arg(maxBatchRows)
        .arg(QLatin1String(eventTimeExtra))
        .toUtf8();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
// Runs `pipeline` in `dir` until its input has been idle for 1 s; the progress of
// every batch that ran, in order (empty, with the test failed, if it cannot run).
// With `trigger` other than Continuous, until the trigger ends the run;
// `afterOpen` runs once the sources are open (to produce what a run must not see).
std::vector<BatchProgress> runToTheEnd(const QByteArray &pipeline, const QString &dir, Trigger trigger = Trigger::Continuous,
                                       const std::function<void()> &afterOpen = {})
{
    auto loaded = core::PipelineFormat::load(pipeline, dir + QStringLiteral("/backlog.json"));
    if (!loaded.pipeline) {
        QTest::qFail("the test pipeline does not load", __FILE__, __LINE__);
        return {};
    }
    RunOptions options;
    options.untilIdleSeconds = trigger == Trigger::Continuous ? 1 : -1;
    options.trigger = trigger;
    Executor executor(*loaded.pipeline, options);
    QString message;
    if (!executor.open(message)) {
        QTest::qFail(qPrintable(message), __FILE__, __LINE__);
        return {};
    }
    if (afterOpen)
        afterOpen();
    std::vector<BatchProgress> batches;
    for (;;) {
        const auto step = executor.step();
        if (step == Executor::Step::Failed) {
            QTest::qFail(qPrintable(executor.error()), __FILE__, __LINE__);
            return {};
        }
        if (step == Executor::Step::Ran)
            batches.push_back(*executor.lastProgress());
        if (step == Executor::Step::Finished)
            return batches;
    }
}

int64_t rowsRead(const std::vector<BatchProgress> &batches)
{
    int64_t rows = 0;
    for (const auto &b : batches)
        rows += b.numInputRows;
    return rows;
}

// The window rows a run wrote to out.jsonl: (window start, category) -> (n, cents).
std::map<std::pair<int64_t, std::string>, std::pair<int64_t, int64_t>> windowsIn(const QByteArray &output)
{
    std::map<std::pair<int64_t, std::string>, std::pair<int64_t, int64_t>> got;
    for (const QByteArray &line : output.split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject row = QJsonDocument::fromJson(line).object();
        const int64_t start = QDateTime::fromString(row.value(QStringLiteral("window_start")).toString(), Qt::ISODateWithMs)
                                  .toMSecsSinceEpoch();
        got[{start, row.value(QStringLiteral("category")).toString().toStdString()}] = {
            int64_t(row.value(QStringLiteral("n")).toDouble()), int64_t(row.value(QStringLiteral("cents")).toDouble())};
    }
    return got;
}
} // namespace

class tst_BatchPlanning : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void dividesLikeSpark_data();
    void dividesLikeSpark();
    void cutsEveryPartitionAtOneEventTime_data();
    void cutsEveryPartitionAtOneEventTime();
    void backlogGivesTheSameResultOnAnyPartitioning_data();
    void backlogGivesTheSameResultOnAnyPartitioning();
    void aPoisonRecordDoesNotSilenceThePipeline_data();
    void aPoisonRecordDoesNotSilenceThePipeline();
    void deadLettersAloneAreABatch();
    void anOversizedRecordIsADeadLetterNotDecoded();
    void aWatermarkNodeAfterAFilter_data();
    void aWatermarkNodeAfterAFilter();
    void availableNowEndsAtWhatWasThereAtTheStart();
    void onceReadsEverythingInOneBatch();
    void noDataBatchesCanBeTurnedOff_data();
    void noDataBatchesCanBeTurnedOff();

private:
    std::unique_ptr<EmbeddedBroker> m_broker;
    QHash<int, QByteArray> m_firstOutput; // events -> sink bytes of the first run
};

void tst_BatchPlanning::initTestCase()
{
    std::string error;
    m_broker = EmbeddedBroker::start(1, error);
    QVERIFY2(m_broker, error.c_str());
}

void tst_BatchPlanning::dividesLikeSpark_data()
{
    QTest::addColumn<std::vector<int64_t>>("waiting");
    QTest::addColumn<int>("maxRows");
    QTest::addColumn<std::vector<int64_t>>("taken");
    using V = std::vector<int64_t>;
    QTest::newRow("under the limit: all") << V{10, 20, 0} << 100 << V{10, 20, 0};
    QTest::newRow("no limit") << V{10, 20} << 0 << V{10, 20};
    QTest::newRow("in proportion") << V{300, 100} << 100 << V{75, 25};
    QTest::newRow("rounded down") << V{50, 50, 50} << 100 << V{33, 33, 33};
    QTest::newRow("small partitions get one") << V{1000, 1, 2} << 10 << V{9, 1, 1};
    QTest::newRow("skewed 90 %") << V{9000, 500, 500} << 1000 << V{900, 50, 50};
    QTest::newRow("an empty partition") << V{0, 40, 60} << 10 << V{0, 4, 6};
    QTest::newRow("limit below the partition count") << V{5, 5, 5, 5} << 2 << V{1, 1, 1, 1};
}

void tst_BatchPlanning::dividesLikeSpark()
{
    QFETCH(std::vector<int64_t>, waiting);
    QFETCH(int, maxRows);
    QFETCH(std::vector<int64_t>, taken);
    std::vector<OffsetRange> ranges;
    for (size_t p = 0; p < waiting.size(); ++p)
        ranges.push_back({"t", int(p), 1000 + int64_t(p), 1000 + int64_t(p) + waiting[p]});
    limitToRows(ranges, maxRows);
    std::vector<int64_t> got;
    for (size_t p = 0; p < ranges.size(); ++p) {
        QCOMPARE(ranges[p].start, 1000 + int64_t(p)); // ranges start where the partition is
        got.push_back(ranges[p].size());
    }
    QCOMPARE(got, taken);
}

void tst_BatchPlanning::cutsEveryPartitionAtOneEventTime_data()
{
    // Per partition: the event times of the rows read ahead (offsets 0, 1, ...).
    QTest::addColumn<std::vector<std::vector<int64_t>>>("times");
    QTest::addColumn<int>("maxRows");
    QTest::addColumn<std::vector<int64_t>>("taken");
    using T = std::vector<std::vector<int64_t>>;
    using V = std::vector<int64_t>;
    QTest::newRow("level partitions share evenly") << T{{1, 2, 3, 4}, {1, 2, 3, 4}} << 4 << V{2, 2};
    QTest::newRow("the one behind catches up") << T{{10, 11, 12, 13}, {1, 2, 3, 4}} << 4 << V{0, 4};
    QTest::newRow("dense and sparse in time") << T{{1, 2, 3, 4, 5, 6}, {3, 6}} << 4 << V{3, 1};
    QTest::newRow("disorder: cut at the running maximum") << T{{1, 5, 2, 3, 6}, {4, 4}} << 3 << V{1, 2};
    QTest::newRow("ties past the budget: the smallest time still goes") << T{{7, 7, 7}, {7, 7}} << 2 << V{3, 2};
    QTest::newRow("nothing read ahead: no rows") << T{{}, {1, 2, 3}} << 2 << V{0, 2};
}

void tst_BatchPlanning::cutsEveryPartitionAtOneEventTime()
{
    QFETCH(std::vector<std::vector<int64_t>>, times);
    QFETCH(int, maxRows);
    QFETCH(std::vector<int64_t>, taken);
    std::vector<OffsetRange> ranges;
    std::vector<ReadAhead> ahead;
    for (size_t p = 0; p < times.size(); ++p) {
        ranges.push_back({"t", int(p), 0, 100});
        ReadAhead a;
        int64_t runningMax = INT64_MIN;
        for (size_t r = 0; r < times[p].size(); ++r) {
            a.offsets.push_back(int64_t(r));
            runningMax = std::max(runningMax, times[p][r]);
            a.runningMax.push_back(runningMax);
        }
        a.end = int64_t(times[p].size());
        ahead.push_back(a);
    }
    alignInEventTime(ranges, maxRows, ahead);
    std::vector<int64_t> got;
    for (const auto &r : ranges)
        got.push_back(r.size());
    QCOMPARE(got, taken);
}

void tst_BatchPlanning::backlogGivesTheSameResultOnAnyPartitioning_data()
{
    QTest::addColumn<int>("events");
    QTest::addColumn<int>("partitions");
    QTest::addColumn<bool>("skewed");
    QTest::addColumn<bool>("lastEmpty");
    QTest::addColumn<int>("maxBatchRows");
    QTest::newRow("1 partition") << 20000 << 1 << false << false << 500;
    QTest::newRow("4 partitions") << 20000 << 4 << false << false << 500;
    QTest::newRow("16 partitions") << 20000 << 16 << false << false << 500;
    QTest::newRow("4 partitions, 90 % in one") << 20000 << 4 << true << false << 500;
    QTest::newRow("5 partitions, one empty") << 20000 << 5 << false << true << 500;
    QTest::newRow("4 partitions, whole backlog in one batch") << 20000 << 4 << false << false << 100000;
    QTest::newRow("16 partitions, maxBatchRows 8") << 3000 << 16 << false << false << 8;
    QTest::newRow("1 partition, maxBatchRows 8") << 3000 << 1 << false << false << 8;
}

void tst_BatchPlanning::backlogGivesTheSameResultOnAnyPartitioning()
{
    QFETCH(int, events);
    QFETCH(int, partitions);
    QFETCH(bool, skewed);
    QFETCH(bool, lastEmpty);
    QFETCH(int, maxBatchRows);
    const Backlog backlog = makeBacklog(events);
    const QString topic = QStringLiteral("events-%1")
                              .arg(QString::fromLatin1(QTest::currentDataTag()))
                              .replace(QRegularExpression(QStringLiteral("[^a-z0-9-]")), QStringLiteral("-"));
    std::string error;
    QVERIFY2(m_broker->createTopic(topic, partitions, error), error.c_str());
    produce(m_broker->bootstrap(), topic, backlog, partitions, skewed, lastEmpty);

    QTemporaryDir dir;
    const auto batches = runToTheEnd(pipelineText(m_broker->bootstrap(), topic, maxBatchRows), dir.path());
    for (const BatchProgress &p : batches) {
        // The batch's plan is in its progress, per partition, as Spark's is.
        const QJsonObject source = p.toJson().value(QStringLiteral("sources")).toArray().at(0).toObject();
        QCOMPARE(source.value(QStringLiteral("endOffset")).toObject().value(topic).toObject().size(), partitions);
    }
    QVERIFY(!batches.empty());
    QCOMPARE(rowsRead(batches), int64_t(events));
    QCOMPARE(batches.back().lateRowsDropped, 0);
    QCOMPARE(readAll(dir.filePath(QStringLiteral("late.jsonl"))), QByteArray());

    const QByteArray output = readAll(dir.filePath(QStringLiteral("out.jsonl")));
    QCOMPARE(windowsIn(output), backlog.truth);
    // Byte for byte the same as the first run of the same events.
    if (!m_firstOutput.contains(events))
        m_firstOutput.insert(events, output);
    QCOMPARE(output, m_firstOutput.value(events));
}

// One event a producer stamped with the year 9999 among 3,000 good ones (issue:
// it moved the watermark to the end of time and every later row was dropped as
// late). With eventTime.maxAhead (default 1d) it is a dead letter that says why,
// and every good row is counted; with maxAhead null it behaves as in Spark.
void tst_BatchPlanning::aPoisonRecordDoesNotSilenceThePipeline_data()
{
    QTest::addColumn<QString>("maxAhead");
    QTest::addColumn<bool>("guarded");
    QTest::newRow("default maxAhead (1d)") << QString() << true;
    QTest::newRow("maxAhead 2h") << QStringLiteral(R"(, "maxAhead": "2h")") << true;
    QTest::newRow("maxAhead null: as Spark") << QStringLiteral(R"(, "maxAhead": null)") << false;
}

void tst_BatchPlanning::aPoisonRecordDoesNotSilenceThePipeline()
{
    QFETCH(QString, maxAhead);
    QFETCH(bool, guarded);
    Backlog backlog = makeBacklog(3000);
    std::string poison = backlog.values[1500];
    poison = std::regex_replace(poison, std::regex(R"("ts":"[^"]*")"), R"("ts":"9999-01-01T00:00:00.000Z")");
    QVERIFY(poison.find("9999-01-01") != std::string::npos);
    backlog.values.insert(backlog.values.begin() + 1500, poison);
    backlog.keys.insert(backlog.keys.begin() + 1500, backlog.keys[1500]);
    const QString topic = QStringLiteral("poison-%1")
                              .arg(QString::fromLatin1(QTest::currentDataTag()))
                              .replace(QRegularExpression(QStringLiteral("[^a-z0-9-]")), QStringLiteral("-"));
    std::string error;
    QVERIFY2(m_broker->createTopic(topic, 2, error), error.c_str());
    produce(m_broker->bootstrap(), topic, backlog, 2, false, false);

    QTemporaryDir dir;
    const auto batches = runToTheEnd(pipelineText(m_broker->bootstrap(), topic, 500, maxAhead.toUtf8().constData()), dir.path());
    QVERIFY(!batches.empty());
    const int64_t read = rowsRead(batches), late = batches.back().lateRowsDropped, dead = batches.back().deadLetters;
    const QByteArray letters = readAll(dir.filePath(QStringLiteral("backlog.dead-letters.jsonl")));
    if (!guarded) {
        QCOMPARE(dead, 0);
        QCOMPARE(read, 3001);
        // Rows after the poison were late: its event time holds its partition back
        // (the planner cuts every partition at one event time, and the poison's is
        // the end of time) while the other partition moves the watermark on; then
        // the watermark goes to the year 9999. 263 of the 1,500 rows after it, by
        // the window-end rule (607 when a row's own time decided).
        QVERIFY2(late > 200, qPrintable(QString::number(late)));
        return;
    }
    QCOMPARE(read, 3000);
    QCOMPARE(late, 0);
    QCOMPARE(dead, 1);
    QCOMPARE(letters.count('\n'), 1);
    const QJsonObject letter = QJsonDocument::fromJson(letters).object();
    const QString reason = letter.value(QStringLiteral("_reason")).toString();
    QVERIFY2(reason.startsWith(QStringLiteral("event time 9999-01-01T00:00:00.000Z is more than ")), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral(" ahead of the record's Kafka timestamp 20")), qPrintable(reason));
    QVERIFY2(reason.endsWith(QStringLiteral(": not used for the watermark (eventTime.maxAhead)")), qPrintable(reason));
    QCOMPARE(letter.value(QStringLiteral("_value")).toString().toStdString(), poison); // the original bytes

    QCOMPARE(windowsIn(readAll(dir.filePath(QStringLiteral("out.jsonl")))), backlog.truth); // every good row, in its window
}

// Records that are all dead letters: the batch that turned them away is recorded
// (its count in the progress) and counts as activity for --until-idle.
void tst_BatchPlanning::deadLettersAloneAreABatch()
{
    Backlog junk;
    for (const char *value : {"not json", "{\"ts\": NaN}", "{\"price\": tru}", "[1]", "{\"ts\": 99999999999999999}"}) {
        junk.values.emplace_back(value);
        junk.keys.emplace_back("k");
    }
    const QString topic = QStringLiteral("only-dead-letters");
    std::string error;
    QVERIFY2(m_broker->createTopic(topic, 1, error), error.c_str());
    produce(m_broker->bootstrap(), topic, junk, 1, false, false);
    QTemporaryDir dir;
    bool sawThem = false;
    for (const BatchProgress &p : runToTheEnd(pipelineText(m_broker->bootstrap(), topic, 500), dir.path()))
        sawThem = sawThem || (p.numInputRows == 0 && p.deadLetters == 5 && !p.watermarkIsEnd()); // not only the final batch
    QVERIFY(sawThem);
    const QList<QByteArray> letters = readAll(dir.filePath(QStringLiteral("backlog.dead-letters.jsonl"))).trimmed().split('\n');
    QCOMPARE(letters.size(), 5);
    QVERIFY(letters[1].contains("'NaN' is not a JSON number"));
    QVERIFY(letters[2].contains("'tru' is not JSON"));
    QVERIFY(letters[4].contains("out of range for a timestamp"));
}

// A 3 MB value among good records (the embedded broker keeps up to 5 MB): a dead
// letter with its size, kept whole; every good record counted.
void tst_BatchPlanning::anOversizedRecordIsADeadLetterNotDecoded()
{
    Backlog backlog = makeBacklog(400);
    const std::string huge = "{\"user_id\": \"" + std::string(3 * 1024 * 1024, 'x') + "\"}";
    backlog.values.insert(backlog.values.begin() + 200, huge);
    backlog.keys.insert(backlog.keys.begin() + 200, "k");
    const QString topic = QStringLiteral("oversized");
    std::string error;
    QVERIFY2(m_broker->createTopic(topic, 1, error), error.c_str());
    produce(m_broker->bootstrap(), topic, backlog, 1, false, false);
    QTemporaryDir dir;
    const int64_t rows = rowsRead(runToTheEnd(pipelineText(m_broker->bootstrap(), topic, 100000), dir.path()));
    QCOMPARE(rows, 400);
    const QJsonObject letter =
        QJsonDocument::fromJson(readAll(dir.filePath(QStringLiteral("backlog.dead-letters.jsonl"))).trimmed()).object();
    QCOMPARE(letter.value(QStringLiteral("_reason")).toString(),
             QStringLiteral("the record's value is %1 bytes, more than maxRecordBytes (1048576): not decoded").arg(huge.size()));
    QCOMPARE(letter.value(QStringLiteral("_value")).toString().size(), qsizetype(huge.size()));
    QCOMPARE(letter.value(QStringLiteral("_offset")).toInt(), 200);
}

void tst_BatchPlanning::aWatermarkNodeAfterAFilter_data()
{
    QTest::addColumn<bool>("afterTheFilter");
    QTest::addColumn<QStringList>("windows");
    QTest::addColumn<int>("late");
    QTest::newRow("watermark node after the filter")
        << true << QStringList{QStringLiteral("10:00:00 1"), QStringLiteral("10:00:20 1"), QStringLiteral("10:00:30 1")} << 0;
    // Before the filter, the row the filter drops still moves the watermark, and
    // the rows after it are late.
    QTest::newRow("watermark node before the filter") << false << QStringList{QStringLiteral("10:00:00 1")} << 2;
}

// Spark's withWatermark anywhere: a row a filter drops before the watermark node
// does not move the watermark. One batch per record (maxBatchRows 1); the second
// record, an hour ahead, is dropped by the filter.
void tst_BatchPlanning::aWatermarkNodeAfterAFilter()
{
    QFETCH(bool, afterTheFilter);
    QFETCH(QStringList, windows);
    QFETCH(int, late);
    Backlog records;
    for (const char *line : {R"({"user_id": "u1", "category": "a", "price": 1, "ts": "2026-11-25T10:00:05Z"})",
                             R"({"user_id": "u9", "category": "x", "price": 1, "ts": "2026-11-25T11:00:00Z"})",
                             R"({"user_id": "u2", "category": "a", "price": 1, "ts": "2026-11-25T10:00:20Z"})",
                             R"({"user_id": "u3", "category": "a", "price": 1, "ts": "2026-11-25T10:00:30Z"})"}) {
        records.values.emplace_back(line);
        records.keys.emplace_back("k");
    }
    const QString topic = QStringLiteral("watermark-node-%1").arg(QLatin1String(afterTheFilter ? "after" : "before"));
    std::string error;
    QVERIFY2(m_broker->createTopic(topic, 1, error), error.c_str());
    produce(m_broker->bootstrap(), topic, records, 1, false, false);
    // events -> f -> wm -> w, or events -> wm -> f -> w
    const QString edges = afterTheFilter
                              ? QStringLiteral(R"({"from": "events", "to": "f"}, {"from": "f", "to": "wm"}, {"from": "wm", "to": "w"})")
                              : QStringLiteral(R"({"from": "events", "to": "wm"}, {"from": "wm", "to": "f"}, {"from": "f", "to": "w"})");
    const QByteArray text = QStringLiteral(R"j({"format": "streamwright.pipeline/1", "name": "backlog",
 "connections": {"local": {"kind": "kafka", "bootstrap": "%1"}},
 "nodes": [
  {"id": "events", "type": "source.kafka", "position": [0, 0], "config": {"connection": "local", "topics": ["%2"],
   "startingOffsets": "earliest", "schema": [{"name": "user_id", "type": "string"}, {"name": "category", "type": "string"},
   {"name": "ts", "type": "timestamp"}]}},
  {"id": "f", "type": "filter", "position": [0, 0], "config": {"predicate": "category <> 'x'"}},
  {"id": "wm", "type": "watermark", "position": [0, 0], "config": {"field": "ts", "watermarkDelay": "5s"}},
  {"id": "w", "type": "window.aggregate", "position": [0, 0], "config": {"window": {"kind": "tumbling", "size": "10s"},
   "aggregates": [{"name": "n", "fn": "count"}]}},
  {"id": "out", "type": "sink.file", "position": [0, 0], "config": {"path": "out.jsonl"}},
  {"id": "late", "type": "sink.file", "position": [0, 0], "config": {"path": "late.jsonl"}}
 ],
 "edges": [%3, {"from": "w", "to": "out"}, {"from": "w", "fromPort": "late", "to": "late"}],
 "runtime": {"maxBatchRows": 1}})j")
                                 .arg(m_broker->bootstrap(), topic, edges)
                                 .toUtf8();
    QTemporaryDir dir;
    const auto batches = runToTheEnd(text, dir.path());
    QCOMPARE(rowsRead(batches), 4);
    // Batch by batch: after the filter, the hour-ahead row never moves the watermark.
    int64_t highest = 0;
    for (const BatchProgress &b : batches)
        highest = b.watermarkIsEnd() ? highest : std::max(highest, b.watermark);
    QCOMPARE(core::Timestamps::toIso(highest),
             afterTheFilter ? QStringLiteral("2026-11-25T10:00:25.000Z") : QStringLiteral("2026-11-25T10:59:55.000Z"));
    QStringList got;
    for (const QByteArray &line : readAll(dir.filePath(QStringLiteral("out.jsonl"))).split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject row = QJsonDocument::fromJson(line).object();
        got << row.value(QStringLiteral("window_start")).toString().mid(11, 8) + u' '
                   + QString::number(row.value(QStringLiteral("n")).toInt());
    }
    QCOMPARE(got, windows);
    QCOMPARE(readAll(dir.filePath(QStringLiteral("late.jsonl"))).count('\n'), late);
}

// Trigger.AvailableNow: 3,000 events are in the topic when the run starts, 1,000
// more arrive after; the run reads the 3,000 in batches of at most 500 rows, runs
// the no-data batch the last one made due, and ends. The 1,000 are never read.
void tst_BatchPlanning::availableNowEndsAtWhatWasThereAtTheStart()
{
    const Backlog backlog = makeBacklog(3000), later = makeBacklog(4000);
    const QString topic = QStringLiteral("available-now");
    std::string error;
    QVERIFY2(m_broker->createTopic(topic, 2, error), error.c_str());
    produce(m_broker->bootstrap(), topic, backlog, 2, false, false);
    Backlog extra;
    extra.keys.assign(later.keys.begin() + 3000, later.keys.end());
    extra.values.assign(later.values.begin() + 3000, later.values.end());
    QTemporaryDir dir;
    const auto batches = runToTheEnd(pipelineText(m_broker->bootstrap(), topic, 500), dir.path(), Trigger::AvailableNow,
                                     [&] { produce(m_broker->bootstrap(), topic, extra, 2, false, false); });
    QVERIFY(batches.size() >= 7);
    QCOMPARE(rowsRead(batches), 3000);
    for (const BatchProgress &b : batches)
        QVERIFY2(b.numInputRows <= 500, qPrintable(QString::number(b.numInputRows)));
    // The last data batch moved the watermark: one no-data batch ran with it.
    QCOMPARE(batches.back().numInputRows, 0);
    QVERIFY(batches[batches.size() - 2].numInputRows > 0);
    QVERIFY(!batches.back().watermarkIsEnd());
    // What came out: the windows the final watermark closed, exactly as counted.
    const int64_t watermark = batches.back().watermark;
    auto truth = backlog.truth;
    std::erase_if(truth, [&](const auto &cell) { return cell.first.first + 60000 > watermark; });
    QVERIFY(!truth.empty());
    QCOMPARE(windowsIn(readAll(dir.filePath(QStringLiteral("out.jsonl")))), truth);
}

// Trigger.Once: everything available in one batch, whatever maxBatchRows says, and
// no no-data batch after it.
void tst_BatchPlanning::onceReadsEverythingInOneBatch()
{
    const Backlog backlog = makeBacklog(3000);
    const QString topic = QStringLiteral("once");
    std::string error;
    QVERIFY2(m_broker->createTopic(topic, 2, error), error.c_str());
    produce(m_broker->bootstrap(), topic, backlog, 2, false, false);
    QTemporaryDir dir;
    const auto batches = runToTheEnd(pipelineText(m_broker->bootstrap(), topic, 500), dir.path(), Trigger::Once);
    QCOMPARE(batches.size(), size_t(1));
    QCOMPARE(batches.front().numInputRows, 3000);
    QCOMPARE(readAll(dir.filePath(QStringLiteral("out.jsonl"))), QByteArray()); // the watermark of batch 0 closes nothing
}

void tst_BatchPlanning::noDataBatchesCanBeTurnedOff_data()
{
    QTest::addColumn<bool>("noDataBatches");
    QTest::newRow("on (Spark's default)") << true;
    QTest::newRow("off") << false;
}

// Batch by batch: with no-data batches, a batch that moved the watermark is
// followed by one without input that emits what it closed; without them, closed
// windows wait for the next data batch. The result is the same.
void tst_BatchPlanning::noDataBatchesCanBeTurnedOff()
{
    QFETCH(bool, noDataBatches);
    const Backlog backlog = makeBacklog(3000);
    const QString topic = QStringLiteral("no-data-%1").arg(QLatin1String(noDataBatches ? "on" : "off"));
    std::string error;
    QVERIFY2(m_broker->createTopic(topic, 1, error), error.c_str());
    produce(m_broker->bootstrap(), topic, backlog, 1, false, false);
    QTemporaryDir dir;
    QByteArray text = pipelineText(m_broker->bootstrap(), topic, 500);
    text.replace("\"maxBatchRows\": 500", noDataBatches ? "\"maxBatchRows\": 500" : "\"maxBatchRows\": 500, \"noDataBatches\": false");
    const auto batches = runToTheEnd(text, dir.path());
    QCOMPARE(rowsRead(batches), 3000);
    int64_t noData = 0, watermark = 0;
    for (size_t i = 0; i + 1 < batches.size(); ++i) { // the last is the end of input's
        const BatchProgress &b = batches[i];
        if (b.numInputRows == 0) {
            ++noData;
            QVERIFY(b.watermark > watermark); // it runs because the watermark moved
        }
        watermark = b.watermark;
    }
    QCOMPARE(noData > 0, noDataBatches);
    QCOMPARE(windowsIn(readAll(dir.filePath(QStringLiteral("out.jsonl")))), backlog.truth);
}

QTEST_GUILESS_MAIN(tst_BatchPlanning)
#include "tst_batchplanning.moc"
