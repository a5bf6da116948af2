// SPDX-License-Identifier: GPL-3.0-or-later
// Recordings: every field of a record survives the file, record -> replay
// through the embedded broker, and the kcat conversion; damaged and foreign
// files are refused with a message; source.recording plans the same batches on
// every run, also after a restart, and paces slices by the recorded time.
#include "batch/RowJson.h"
#include "broker/EmbeddedBroker.h"
#include "broker/KafkaHandles.h"
#include "recording/KcatLines.h"
#include "recording/Recorder.h"
#include "recording/Recording.h"
#include "recording/Replayer.h"
#include "sources/RecordingSource.h"
#include "validation/SchemaInference.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sqlite3.h>

#include <map>
#include <set>

using namespace sw;
using namespace sw::runtime;
using core::DataType;

namespace {
std::string text(const QString &s)
{
    return s.toStdString();
}

// Records of every shape: keys and none, tombstones, empty and binary values,
// headers with and without values (names repeated), both timestamp types.
std::vector<RecordedRecord> variedRecords()
{
    std::vector<RecordedRecord> out;
    for (int i = 0; i < 50; ++i) {
        RecordedRecord r;
        r.topic = i % 3 == 0 ? "orders" : "clicks";
        r.partition = i % 2;
        r.offset = 100 + i;
        if (i % 5 != 4) {
            r.timestamp = 1'796'000'000'000 + i * 10;
            r.timestampType = i % 7 == 0 ? TimestampType::LogAppend : TimestampType::Create;
        }
        if (i % 4 != 1)
            r.key = "user-" + std::to_string(i % 6);
        if (i % 9 == 8)
            r.value.reset(); // a tombstone
        else if (i % 11 == 10)
            r.value = std::string(); // empty, not NULL
        else if (i % 13 == 12)
            r.value = std::string("\x00\xff\xfe binary\x01", 11);
        else
            r.value = "{\"n\": " + std::to_string(i) + "}";
        if (i % 3 == 1) {
            r.headers = {{"trace", std::string("t-") + std::to_string(i)}, {"empty", std::nullopt}, {"trace", "again"}};
        }
        out.push_back(r);
    }
    return out;
}

bool write(const std::string &path, const std::vector<RecordedRecord> &records, std::string &error, bool finish = true)
{
    RecordingWriter w;
    if (!w.create(path, "test", "beginning", true, error))
        return false;
    std::set<std::pair<std::string, int>> partitions;
    for (const auto &r : records) {
        if (partitions.insert({r.topic, r.partition}).second && !w.addPartition(r.topic, r.partition, error))
            return false;
        if (!w.append(r, error))
            return false;
    }
    return finish ? w.finish(error) : w.flush(error);
}

std::vector<RecordedRecord> readAll(RecordingReader &reader, std::string &error, bool &ok)
{
    std::vector<RecordedRecord> all;
    int64_t next = 1;
    ok = true;
    for (;;) {
        const size_t before = all.size();
        if (!reader.readInOrder(next, 7, all, error)) {
            ok = false;
            return all;
        }
        if (all.size() == before)
            return all;
        next = all.back().seq + 1;
    }
}

void sql(const std::string &path, const char *statement)
{
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    QCOMPARE(sqlite3_exec(db, statement, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
}

// An event per 10 ms of event time on each of three partitions; partition 2
// runs 5 s ahead of the others, so that planning in event time matters.
std::vector<RecordedRecord> events(int perPartition, int64_t start = 1'796'000'000'000)
{
    std::vector<RecordedRecord> out;
    for (int i = 0; i < perPartition; ++i) {
        for (int p = 0; p < 3; ++p) {
            RecordedRecord r;
            r.topic = "events";
            r.partition = p;
            r.offset = i;
            const int64_t ts = start + i * 10 + (p == 2 ? 5000 : 0);
            r.timestamp = ts;
            r.timestampType = TimestampType::Create;
            r.key = "k" + std::to_string(i % 5);
            r.value = i % 50 == 49 ? std::string("not json")
                                   : "{\"user\": \"u" + std::to_string(i % 7) + "\", \"ts\": " + std::to_string(ts) + "}";
            out.push_back(r);
        }
    }
    return out;
}

core::Schema declared()
{
    core::Schema s;
    s.fields = {{QStringLiteral("user"), DataType::String}, {QStringLiteral("ts"), DataType::Timestamp}};
    return s;
}

core::Schema output()
{
    core::Schema s = declared();
    s.fields.append(core::SchemaInference::kafkaMetadataFields());
    s.eventTimeField = QStringLiteral("ts");
    return s;
}

// A batch as text: its plan, every row and every dead letter.
QString describeBatch(const SourcePlan &plan, const SourceBatch &b)
{
    QString out;
    for (const auto &r : plan.ranges)
        out += QStringLiteral("%1/%2 [%3,%4) ").arg(QString::fromStdString(r.topic)).arg(r.partition).arg(r.start).arg(r.end);
    out += u'\n';
    const auto keys = RowJson::keys(output());
    for (size_t row = 0; row < b.rows.rows; ++row) {
        std::string line;
        RowJson::append(line, b.rows, row, keys);
        out += QString::fromStdString(line) + u'\n';
    }
    for (const auto &d : b.deadLetters)
        out += QStringLiteral("dead %1/%2@%3: %4\n").arg(QString::fromStdString(d.topic)).arg(d.partition).arg(d.offset).arg(QString::fromStdString(d.reason));
    return out;
}

core::RecordingSourceSettings sourceSettings()
{
    core::RecordingSourceSettings s;
    s.maxRecordBytes = 1 << 20;
    return s;
}
} // namespace

class tst_Recording : public QObject
{
    Q_OBJECT
private slots:
    void everyFieldSurvivesTheFile();
    void anInterruptedRecordingIsReadable();
    void startsAreLookedUpAsAConsumerWould();
    void refusesWhatIsNotARecording_data();
    void refusesWhatIsNotARecording();
    void aDamagedRecordingIsAnErrorNotACrash();
    void kcatLinesRoundTrip();
    void recordThenReplayKeepsPartitionsKeysHeadersTimestamps();
    void batchesRepeatOnEveryRunAndAfterARestart();
    void batchesDivideABacklogInEventTime();
    void pacedSlicesWaitForTheirTime();
};

void tst_Recording::everyFieldSurvivesTheFile()
{
    QTemporaryDir dir;
    const std::string path = text(dir.filePath(QStringLiteral("a.swrec")));
    const auto records = variedRecords();
    std::string error;
    QVERIFY2(write(path, records, error), error.c_str());
    QVERIFY(!QFile::exists(QString::fromStdString(path + "-journal"))); // one file, nothing beside it

    RecordingReader reader;
    QVERIFY2(reader.open(path, error), error.c_str());
    const RecordingInfo &info = reader.info();
    QCOMPARE(info.formatVersion, 1);
    QVERIFY(info.complete);
    QCOMPARE(info.records, int64_t(records.size()));
    QCOMPARE(info.partitions.size(), size_t(4));
    QCOMPARE(info.topics(), (std::vector<std::string>{"clicks", "orders"}));
    bool ok = false;
    auto all = readAll(reader, error, ok);
    QVERIFY2(ok, error.c_str());
    QCOMPARE(all.size(), records.size());
    for (size_t i = 0; i < all.size(); ++i) {
        QCOMPARE(all[i].seq, int64_t(i + 1));
        RecordedRecord expected = records[i];
        expected.seq = all[i].seq;
        QVERIFY2(all[i] == expected, qPrintable(QStringLiteral("record %1 differs").arg(i)));
    }
    // One partition, in offset order, from an offset.
    std::vector<RecordedRecord> part;
    QVERIFY2(reader.readPartition("clicks", 1, 110, 100, part, error), error.c_str());
    QVERIFY(!part.empty());
    for (size_t i = 0; i < part.size(); ++i) {
        QCOMPARE(part[i].topic, std::string("clicks"));
        QCOMPARE(part[i].partition, 1);
        QVERIFY(part[i].offset >= 110);
        if (i > 0)
            QVERIFY(part[i].offset > part[i - 1].offset);
    }
    // A recording is never written over by accident.
    RecordingWriter again;
    QVERIFY(!again.create(path, "test", "beginning", false, error));
    QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("exists")), error.c_str());
}

void tst_Recording::anInterruptedRecordingIsReadable()
{
    QTemporaryDir dir;
    const std::string path = text(dir.filePath(QStringLiteral("a.swrec")));
    std::string error;
    QVERIFY2(write(path, variedRecords(), error, false), error.c_str()); // flushed, never finished
    RecordingReader reader;
    QVERIFY2(reader.open(path, error), error.c_str());
    QVERIFY(!reader.info().complete);
    QCOMPARE(reader.info().records, int64_t(variedRecords().size()));
}

void tst_Recording::startsAreLookedUpAsAConsumerWould()
{
    // Offsets with gaps (a compacted topic) and timestamps out of order, as Kafka allows.
    QTemporaryDir dir;
    const std::string path = text(dir.filePath(QStringLiteral("gaps.swrec")));
    std::string error;
    {
        RecordingWriter w;
        QVERIFY2(w.create(path, "test", "beginning", false, error), error.c_str());
        QVERIFY(w.addPartition("t", 0, error));
        QVERIFY(w.addPartition("t", 1, error)); // recorded, but nothing arrived
        const std::vector<std::pair<int64_t, int64_t>> offsetAndTime{{3, 1000}, {7, 3000}, {8, 2000}, {12, 4000}};
        for (const auto &[offset, time] : offsetAndTime) {
            RecordedRecord r;
            r.topic = "t";
            r.offset = offset;
            r.timestamp = time;
            r.timestampType = TimestampType::Create;
            QVERIFY(w.append(r, error));
        }
        QVERIFY(w.finish(error));
    }
    RecordingReader reader;
    QVERIFY2(reader.open(path, error), error.c_str());
    QCOMPARE(reader.offsetFromEnd("t", 0, 1, error), std::optional<int64_t>(12));
    QCOMPARE(reader.offsetFromEnd("t", 0, 3, error), std::optional<int64_t>(7));
    QCOMPARE(reader.offsetFromEnd("t", 0, 10, error), std::optional<int64_t>(3)); // fewer: from the first
    QCOMPARE(reader.offsetFromEnd("t", 1, 5, error), std::nullopt);
    QCOMPARE(reader.offsetAtTime("t", 0, 0, error), std::optional<int64_t>(3));
    QCOMPARE(reader.offsetAtTime("t", 0, 1500, error), std::optional<int64_t>(7)); // the first offset at or after, not the nearest time
    QCOMPARE(reader.offsetAtTime("t", 0, 2000, error), std::optional<int64_t>(7));
    QCOMPARE(reader.offsetAtTime("t", 0, 4001, error), std::nullopt);
    QCOMPARE(reader.offsetAtTime("nope", 0, 0, error), std::nullopt);
    QVERIFY2(error.empty(), error.c_str());
}

void tst_Recording::refusesWhatIsNotARecording_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("cannot open");
    QTest::newRow("empty file") << QStringLiteral("empty") << QStringLiteral("not an SQLite database");
    QTest::newRow("a text file") << QStringLiteral("text") << QStringLiteral("not an SQLite database");
    QTest::newRow("another application's database") << QStringLiteral("foreign") << QStringLiteral("another application");
    QTest::newRow("a newer format") << QStringLiteral("newer") << QStringLiteral("newer Streamwright");
    QTest::newRow("a version that is no number") << QStringLiteral("version") << QStringLiteral("is not a version");
    QTest::newRow("truncated") << QStringLiteral("truncated") << QStringLiteral("truncated");
    QTest::newRow("its tables dropped") << QStringLiteral("dropped") << QStringLiteral("not as format");
    QTest::newRow("records of an unlisted partition") << QStringLiteral("unlisted") << QStringLiteral("inconsistent");
}

void tst_Recording::refusesWhatIsNotARecording()
{
    QFETCH(QString, damage);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const std::string path = text(dir.filePath(QStringLiteral("a.swrec")));
    std::string error;
    if (damage != u"missing" && damage != u"empty" && damage != u"text" && damage != u"foreign")
        QVERIFY2(write(path, variedRecords(), error), error.c_str());
    if (damage == u"empty" || damage == u"text") {
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::WriteOnly));
        if (damage == u"text")
            f.write(QByteArray("{\"topic\": \"t\"}\n").repeated(20));
    } else if (damage == u"foreign") {
        sql(path, "CREATE TABLE t(x); INSERT INTO t VALUES (1);");
    } else if (damage == u"newer") {
        sql(path, "UPDATE recording SET value = '2' WHERE name = 'format_version'");
    } else if (damage == u"version") {
        sql(path, "UPDATE recording SET value = 'two' WHERE name = 'format_version'");
    } else if (damage == u"truncated") {
        QFile f(QString::fromStdString(path));
        QVERIFY(f.resize(f.size() / 2));
    } else if (damage == u"dropped") {
        sql(path, "DROP TABLE headers");
    } else if (damage == u"unlisted") {
        sql(path, "DELETE FROM partitions WHERE topic = 'orders'");
    }
    RecordingReader reader;
    QVERIFY(!reader.open(path, error));
    QVERIFY2(QString::fromStdString(error).contains(message), error.c_str());
    QVERIFY2(QString::fromStdString(error).startsWith(QString::fromStdString(path)), error.c_str()); // names the file
}

void tst_Recording::aDamagedRecordingIsAnErrorNotACrash()
{
    QTemporaryDir dir;
    const std::string path = text(dir.filePath(QStringLiteral("a.swrec")));
    std::string error;
    std::vector<RecordedRecord> many;
    for (int round = 0; round < 40; ++round) {
        for (RecordedRecord r : variedRecords()) {
            r.offset += round * 1000;
            many.push_back(r);
        }
    }
    QVERIFY2(write(path, many, error), error.c_str());
    // Pages in the middle overwritten: whatever they held (records, an index,
    // headers), open() or a read says the file is damaged.
    QFile f(QString::fromStdString(path));
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 size = f.size();
    for (qint64 at = size / 4; at < size - 4096; at += size / 6) {
        f.seek(at);
        f.write(QByteArray(4096, '\xa5'));
    }
    f.close();
    RecordingReader reader;
    bool ok = reader.open(path, error);
    if (ok) {
        readAll(reader, error, ok);
        for (const auto &p : reader.info().partitions) {
            std::vector<RecordedRecord> part;
            ok = ok && reader.readPartition(p.topic, p.partition, 0, 100000, part, error);
        }
    }
    QVERIFY(!ok);
    QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("damaged"))
                 || QString::fromStdString(error).contains(QStringLiteral("malformed")),
             error.c_str());
}

void tst_Recording::kcatLinesRoundTrip()
{
    QTemporaryDir dir;
    const std::string a = text(dir.filePath(QStringLiteral("a.swrec"))), b = text(dir.filePath(QStringLiteral("b.swrec")));
    const std::string lines = text(dir.filePath(QStringLiteral("a.jsonl"))), again = text(dir.filePath(QStringLiteral("b.jsonl")));
    std::vector<RecordedRecord> records = variedRecords();
    std::string error;
    QVERIFY2(write(a, records, error), error.c_str());
    KcatLines::Summary exported, imported, reexported;
    QVERIFY2(KcatLines::exportTo(a, lines, exported, error), error.c_str());
    QCOMPARE(exported.records, int64_t(records.size()));
    QCOMPARE(exported.notUtf8, int64_t(std::count_if(records.begin(), records.end(), [](const RecordedRecord &r) {
                 return r.value && r.value->size() == 11; // the binary ones
             })));
    QFile f(QString::fromStdString(lines));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> first = f.readAll().split('\n');
    QVERIFY2(first[0].startsWith(R"({"topic":"orders","partition":0,"offset":100,"tstype":"logappend","ts":1796000000000,"key":"user-0","payload":"{\"n\": 0}"})"),
             first[0].constData());

    QVERIFY2(KcatLines::import(lines, b, false, imported, error), error.c_str());
    QCOMPARE(imported.records, int64_t(records.size()));
    RecordingReader reader;
    QVERIFY2(reader.open(b, error), error.c_str());
    bool ok = false;
    const auto back = readAll(reader, error, ok);
    QVERIFY2(ok, error.c_str());
    QCOMPARE(back.size(), records.size());
    for (size_t i = 0; i < back.size(); ++i) {
        RecordedRecord expected = records[i];
        expected.seq = back[i].seq;
        if (expected.value && expected.value->size() == 11)
            continue; // not UTF-8: kcat's format cannot carry it (said on export)
        QVERIFY2(back[i] == expected, qPrintable(QStringLiteral("record %1 differs after kcat lines").arg(i)));
    }
    // And once more out: the same lines.
    QVERIFY2(KcatLines::exportTo(b, again, reexported, error), error.c_str());
    QFile g(QString::fromStdString(again));
    QVERIFY(g.open(QIODevice::ReadOnly));
    const QList<QByteArray> second = g.readAll().split('\n');
    QCOMPARE(second.size(), first.size());
    for (qsizetype i = 0; i < first.size(); ++i) {
        if (!first[i].contains("\\u00"))
            QCOMPARE(second[i], first[i]);
    }

    // A line kcat could not have written is refused by its number.
    QFile bad(dir.filePath(QStringLiteral("bad.jsonl")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(first[0] + "\n" + R"({"topic":"t","partition":-1,"offset":0,"payload":"x"})" + "\n");
    bad.close();
    QVERIFY(!KcatLines::import(text(bad.fileName()), text(dir.filePath(QStringLiteral("c.swrec"))), false, imported, error));
    QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("bad.jsonl:2: \"partition\"")), error.c_str());
}

void tst_Recording::recordThenReplayKeepsPartitionsKeysHeadersTimestamps()
{
    std::string error;
    auto broker = EmbeddedBroker::start(1, error);
    QVERIFY2(broker, error.c_str());
    QVERIFY2(broker->createTopic(QStringLiteral("source"), 3, error), error.c_str());
    QVERIFY2(broker->createTopic(QStringLiteral("copy"), 3, error), error.c_str());
    char err[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", broker->bootstrap().toUtf8().constData(), err, sizeof err);
    KafkaClient producer(rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err));
    QVERIFY(producer);
    const int kRecords = 300;
    for (int i = 0; i < kRecords; ++i) {
        const std::string key = "user-" + std::to_string(i % 9), value = "{\"i\": " + std::to_string(i) + "}";
        rd_kafka_headers_t *headers = rd_kafka_headers_new(2);
        rd_kafka_header_add(headers, "trace", -1, ("t" + std::to_string(i)).c_str(), -1);
        if (i % 4 == 0)
            rd_kafka_header_add(headers, "flag", -1, nullptr, 0);
        const bool tombstone = i % 10 == 9, keyless = i % 6 == 5;
        QCOMPARE(rd_kafka_producev(producer.get(), RD_KAFKA_V_TOPIC("source"), RD_KAFKA_V_PARTITION(i % 3),
                                   RD_KAFKA_V_KEY(keyless ? nullptr : key.data(), keyless ? 0 : key.size()),
                                   RD_KAFKA_V_VALUE(tombstone ? nullptr : const_cast<char *>(value.data()),
                                                    tombstone ? 0 : value.size()),
                                   RD_KAFKA_V_TIMESTAMP(1'700'000'000'000 + i * 1000), RD_KAFKA_V_HEADERS(headers),
                                   RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END),
                 RD_KAFKA_RESP_ERR_NO_ERROR);
    }
    QCOMPARE(rd_kafka_flush(producer.get(), 10000), RD_KAFKA_RESP_ERR_NO_ERROR);

    QTemporaryDir dir;
    RecorderOptions options;
    options.endpoint.bootstrap = broker->bootstrap();
    options.topics = {"source"};
    options.count = kRecords;
    options.durationSeconds = 30; // a safety net: the count ends it
    options.out = text(dir.filePath(QStringLiteral("r.swrec")));
    std::atomic<bool> stop{false};
    int progressCalls = 0;
    RecorderProgress result;
    QVERIFY2(Recorder::run(options, stop, [&](const RecorderProgress &) { ++progressCalls; }, nullptr, result, error),
             error.c_str());
    QCOMPARE(result.records, int64_t(kRecords));
    QVERIFY(progressCalls >= 1);
    QVERIFY2(result.stoppedBecause.find("300 records") != std::string::npos, result.stoppedBecause.c_str());

    RecordingReader reader;
    QVERIFY2(reader.open(options.out, error), error.c_str());
    QCOMPARE(reader.info().partitions.size(), size_t(3));
    bool ok = false;
    const auto recorded = readAll(reader, error, ok);
    QVERIFY2(ok, error.c_str());
    QCOMPARE(recorded.size(), size_t(kRecords));
    std::map<int, std::vector<RecordedRecord>> byPartition;
    for (const auto &r : recorded)
        byPartition[r.partition].push_back(r);
    for (const auto &[partition, list] : byPartition) {
        for (size_t k = 0; k < list.size(); ++k) {
            const RecordedRecord &r = list[k];
            const int i = int(k) * 3 + partition; // produced round robin over the partitions
            QCOMPARE(r.offset, int64_t(k));
            QCOMPARE(r.timestamp.value_or(-1), int64_t(1'700'000'000'000 + i * 1000));
            QCOMPARE(r.timestampType, TimestampType::Create);
            QCOMPARE(r.key.has_value(), i % 6 != 5);
            QCOMPARE(r.value.has_value(), i % 10 != 9);
            QCOMPARE(r.headers.size(), size_t(i % 4 == 0 ? 2 : 1));
            QCOMPARE(r.headers[0].value.value_or(""), "t" + std::to_string(i));
            if (r.headers.size() == 2)
                QVERIFY(!r.headers[1].value); // a header without a value stays one
        }
    }

    ReplayOptions replay;
    replay.endpoint.bootstrap = broker->bootstrap();
    replay.recording = options.out;
    replay.topicMap["source"] = "copy";
    ReplaySummary summary;
    QVERIFY2(Replayer::run(replay, stop, nullptr, summary, error), error.c_str());
    QCOMPARE(summary.progress.records, int64_t(kRecords));
    QVERIFY(!summary.notKept.empty() && summary.notKept.front().find("offsets") != std::string::npos);

    // Recording the copy gives the same records, partition by partition.
    RecorderOptions copyOptions = options;
    copyOptions.topics = {"copy"};
    copyOptions.out = text(dir.filePath(QStringLiteral("copy.swrec")));
    QVERIFY2(Recorder::run(copyOptions, stop, nullptr, nullptr, result, error), error.c_str());
    RecordingReader copyReader;
    QVERIFY2(copyReader.open(copyOptions.out, error), error.c_str());
    for (const auto &[partition, list] : byPartition) {
        std::vector<RecordedRecord> copied;
        QVERIFY2(copyReader.readPartition("copy", partition, 0, 100000, copied, error), error.c_str());
        QCOMPARE(copied.size(), list.size());
        for (size_t k = 0; k < list.size(); ++k) {
            RecordedRecord expected = list[k];
            expected.topic = "copy";
            expected.seq = copied[k].seq;
            QVERIFY2(copied[k] == expected, qPrintable(QStringLiteral("partition %1 record %2").arg(partition).arg(k)));
        }
    }

    // Too few partitions to keep every record in its own: refused, by name.
    QVERIFY2(broker->createTopic(QStringLiteral("narrow"), 2, error), error.c_str());
    replay.topicMap["source"] = "narrow";
    QVERIFY(!Replayer::run(replay, stop, nullptr, summary, error));
    QVERIFY2(error.find("narrow has 2 partitions, the recording needs 3") != std::string::npos, error.c_str());
}

void tst_Recording::batchesRepeatOnEveryRunAndAfterARestart()
{
    QTemporaryDir dir;
    const std::string path = text(dir.filePath(QStringLiteral("e.swrec")));
    std::string error;
    QVERIFY2(write(path, events(400), error), error.c_str());

    const auto run = [&](std::vector<OffsetRange> startAt, int batches, std::vector<OffsetRange> *positionsAfter = nullptr) {
        RecordingSource source(QString::fromStdString(path), sourceSettings(), 0, declared(), output());
        if (!startAt.empty())
            source.startAt(startAt);
        std::string e;
        if (!source.open(e))
            return QStringList{QString::fromStdString("open: " + e)};
        QStringList out;
        for (int b = 0; b < batches && !source.exhausted(); ++b) {
            const SourcePlan plan = source.plan(100);
            const SourceBatch batch = source.read(plan);
            if (!batch.error.empty())
                return out << QString::fromStdString("read: " + batch.error);
            out << describeBatch(plan, batch);
            if (positionsAfter && b == batches - 1)
                *positionsAfter = source.positions();
        }
        return out;
    };
    const QStringList first = run({}, 1000), second = run({}, 1000);
    QVERIFY(first.size() > 10);
    QCOMPARE(second, first);
    int rows = 0, dead = 0;
    for (const QString &b : first) {
        rows += int(b.count(QStringLiteral("\"_topic\"")));
        dead += int(b.count(QStringLiteral("\ndead ")));
    }
    QCOMPARE(rows + dead, 1200); // every record once
    QCOMPARE(dead, 3 * 8);        // the ones that are not JSON, as dead letters

    // Stopped after 5 batches and started again from its positions: the same batches.
    std::vector<OffsetRange> positions;
    const QStringList head = run({}, 5, &positions);
    QCOMPARE(head, first.mid(0, 5));
    const QStringList tail = run(positions, 1000);
    QCOMPARE(tail, first.mid(5));
}

void tst_Recording::batchesDivideABacklogInEventTime()
{
    // Partition 2 is 5 s ahead in event time: a batch of 100 rows takes the rows
    // of all three partitions up to one event time, not a third of each, so the
    // other partitions are never behind the watermark partition 2 sets.
    QTemporaryDir dir;
    const std::string path = text(dir.filePath(QStringLiteral("e.swrec")));
    std::string error;
    QVERIFY2(write(path, events(2000), error), error.c_str());
    RecordingSource source(QString::fromStdString(path), sourceSettings(), 0, declared(), output());
    QVERIFY2(source.open(error), error.c_str());
    const SourcePlan plan = source.plan(300);
    QCOMPARE(plan.ranges.size(), size_t(3));
    QCOMPARE(plan.ranges[2].size(), 0); // 5 s ahead: nothing of it before the others catch up
    QVERIFY(plan.ranges[0].size() > 100 && plan.ranges[1].size() > 100);
    QCOMPARE(plan.ranges[0].size(), plan.ranges[1].size()); // the same event times: cut at the same offsets
    // 300 decoded rows; the ranges also cover the dead letters among them (one in 50).
    QVERIFY2(plan.rows() <= 300 + 300 / 50 + 2, qPrintable(QString::number(plan.rows())));
}

void tst_Recording::pacedSlicesWaitForTheirTime()
{
    // 3 s of recorded time, an event every 10 ms per partition; at speed 10 and a
    // 100 ms trigger each slice is 1 s of recorded time and is due every 100 ms.
    QTemporaryDir dir;
    const std::string path = text(dir.filePath(QStringLiteral("e.swrec")));
    std::string error;
    auto records = events(300);
    for (auto &r : records) // no partition ahead here: the pace follows each record's Kafka timestamp
        r.timestamp = 1'796'000'000'000 + r.offset * 10;
    QVERIFY2(write(path, records, error), error.c_str());
    core::RecordingSourceSettings settings = sourceSettings();
    settings.paced = true;
    settings.speed = 10;
    RecordingSource source(QString::fromStdString(path), settings, 100, declared(), output());
    QVERIFY2(source.open(error), error.c_str());
    QElapsedTimer clock;
    clock.start();
    QVERIFY(source.plan(100000).empty()); // the first slice is due after 100 ms
    QVERIFY(source.msUntilInput() > 0 && source.msUntilInput() <= 100);
    std::vector<int64_t> sliceRows;
    while (!source.exhausted() && clock.elapsed() < 5000) {
        QThread::msleep(std::max(1, source.msUntilInput()));
        const SourcePlan plan = source.plan(100000);
        if (plan.empty())
            continue;
        const SourceBatch batch = source.read(plan);
        QVERIFY2(batch.error.empty(), batch.error.c_str());
        sliceRows.push_back(plan.rows());
    }
    QVERIFY(source.exhausted());
    // Three slices of 100 records per partition; none earlier than due.
    QCOMPARE(sliceRows, (std::vector<int64_t>{300, 300, 300}));
    QVERIFY2(clock.elapsed() >= 300, qPrintable(QString::number(clock.elapsed())));
}

QTEST_MAIN(tst_Recording)
#include "tst_recording.moc"
