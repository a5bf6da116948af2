// SPDX-License-Identifier: GPL-3.0-or-later
// Checkpoints: a run stopped anywhere (cleanly, or dropped between batches as a
// crash would leave it) and restarted writes exactly what an uninterrupted run
// writes, byte for byte, to a file and a SQLite table; a checkpoint of another
// pipeline is refused with what changed; a damaged one is refused with a message.
#include "checkpoint/CheckpointStore.h"
#include "checkpoint/PipelineFingerprint.h"
#include "engine/Executor.h"
#include "format/PipelineFormat.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace sw;
using namespace sw::runtime;

namespace {

// 30,000 generated shop events (fixed seed and clock), a little out of order and 1 %
// late, through a dedupe and a tumbling and a session window, to a file and a
// SQLite table; batches of 1,000 rows, a snapshot every 3 batches.
QByteArray pipelineText(const char *windowSize = "10s", const char *predicate = "price > 0")
{
    return QStringLiteral(R"j({"format": "streamwright.pipeline/1", "name": "shop", "connections": {},
 "nodes": [
  {"id": "events", "type": "source.generator", "position": [0, 0], "config": {"stream": "user-events", "rate": 0,
   "count": 30000, "seed": 5, "startTime": "2026-11-25T10:00:00Z", "lateFraction": 0.01,
   "eventTime": {"field": "ts", "watermarkDelay": "5s"}}},
  {"id": "paid", "type": "filter", "position": [0, 0], "config": {"predicate": "%2"}},
  {"id": "once", "type": "dedupe", "position": [0, 0], "config": {"key": ["user_id", "product_id", "event_type"], "within": "30s"}},
  {"id": "per_minute", "type": "window.aggregate", "position": [0, 0], "config": {"window": {"kind": "tumbling", "size": "%1"},
   "groupBy": ["category"], "aggregates": [{"name": "n", "fn": "count"}, {"name": "revenue", "fn": "sum", "expr": "price"},
   {"name": "users", "fn": "count_distinct", "expr": "user_id"}], "outputMode": "append"}},
  {"id": "sessions", "type": "window.aggregate", "position": [0, 0], "config": {"window": {"kind": "session", "gap": "5s"},
   "groupBy": ["user_id"], "aggregates": [{"name": "n", "fn": "count"}, {"name": "last_product", "fn": "last", "expr": "product_id"}]}},
  {"id": "file", "type": "sink.file", "position": [0, 0], "config": {"path": "out/per_minute.jsonl"}},
  {"id": "table", "type": "sink.sqlite", "position": [0, 0], "config": {"path": "out/sessions.db", "table": "sessions"}}
 ],
 "edges": [{"from": "events", "to": "paid"}, {"from": "paid", "to": "once"}, {"from": "once", "to": "per_minute"},
           {"from": "once", "to": "sessions"}, {"from": "per_minute", "to": "file"}, {"from": "sessions", "to": "table"}],
 "runtime": {"maxBatchRows": 1000, "checkpoint": {"dir": "state", "everyBatches": 3}}})j")
        .arg(QLatin1String(windowSize), QLatin1String(predicate))
        .toUtf8();
}

// The running totals per category of the same events, in complete mode: every
// batch replaces the file and the table with the whole result.
QByteArray completeText()
{
    return QByteArrayLiteral(R"j({"format": "streamwright.pipeline/1", "name": "shop", "connections": {},
 "nodes": [
  {"id": "events", "type": "source.generator", "position": [0, 0], "config": {"stream": "user-events", "rate": 0,
   "count": 30000, "seed": 5, "startTime": "2026-11-25T10:00:00Z", "lateFraction": 0.01,
   "eventTime": {"field": "ts", "watermarkDelay": "5s"}}},
  {"id": "totals", "type": "aggregate", "position": [0, 0], "config": {"groupBy": ["category"],
   "aggregates": [{"name": "n", "fn": "count"}, {"name": "revenue", "fn": "sum", "expr": "price"}], "outputMode": "complete"}},
  {"id": "file", "type": "sink.file", "position": [0, 0], "config": {"path": "out/per_minute.jsonl"}},
  {"id": "table", "type": "sink.sqlite", "position": [0, 0], "config": {"path": "out/sessions.db", "table": "sessions"}}
 ],
 "edges": [{"from": "events", "to": "totals"}, {"from": "totals", "to": "file"}, {"from": "totals", "to": "table"}],
 "runtime": {"maxBatchRows": 1000, "checkpoint": {"dir": "state", "everyBatches": 3}}})j");
}

core::Pipeline load(const QByteArray &text, const QString &dir)
{
    auto loaded = core::PipelineFormat::load(text, dir + QStringLiteral("/shop.json"));
    if (!loaded.pipeline)
        qFatal("the test pipeline does not load");
    return *loaded.pipeline;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList tableRows(const QString &path)
{
    QStringList rows;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        return rows;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT * FROM sessions", -1, &stmt, nullptr) == SQLITE_OK) {
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            QStringList cells;
            for (int c = 0; c < sqlite3_column_count(stmt); ++c)
                cells << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, c)));
            rows << cells.join(u'|');
        }
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return rows; // in insertion order: a doubled or reordered batch shows
}

struct Output
{
    QByteArray file;
    QStringList table;
};

Output outputOf(const QString &dir)
{
    return {readAll(dir + QStringLiteral("/out/per_minute.jsonl")), tableRows(dir + QStringLiteral("/out/sessions.db"))};
}

// Runs the pipeline in `dir` for at most `batches` batches (-1: to the end of the
// input); `clean`: stop as Ctrl+C does, else just drop the executor between
// batches, as a crash after a commit leaves it. The batches that ran.
int64_t runFor(const QByteArray &text, const QString &dir, int batches, bool clean, QString *report = nullptr)
{
    Executor executor(load(text, dir), RunOptions{});
    QString error;
    if (!executor.open(error)) {
        QTest::qFail(qPrintable(error), __FILE__, __LINE__);
        return -1;
    }
    if (report)
        *report = executor.checkpointReport();
    int64_t ran = 0;
    while (batches < 0 || ran < batches) {
        const auto step = executor.step();
        if (step == Executor::Step::Failed) {
            QTest::qFail(qPrintable(executor.error()), __FILE__, __LINE__);
            return -1;
        }
        if (step == Executor::Step::Finished)
            break;
        if (step == Executor::Step::Ran) {
            ++ran;
            // Every record says where the checkpoint stands, in its JSON too.
            const BatchProgress p = *executor.lastProgress();
            const bool shown = executor.hasCheckpoint()
                                   ? p.checkpoint && p.checkpoint->lastCommittedBatch == p.batchId && p.checkpoint->bytes > 0
                                   : !p.checkpoint;
            if (!shown || BatchProgress::fromJson(p.toJson()) != std::optional(p)) {
                QTest::qFail("the progress record does not show the checkpoint", __FILE__, __LINE__);
                return -1;
            }
        }
    }
    if (clean && !executor.stopCleanly())
        QTest::qFail(qPrintable(executor.error()), __FILE__, __LINE__);
    return ran;
}

} // namespace

class tst_Checkpoint : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void restartsWriteWhatAnUninterruptedRunWrites_data();
    void restartsWriteWhatAnUninterruptedRunWrites();
    void theStoreKeepsTwoSnapshotsAndTheirLogs();
    void anotherPipelinesCheckpointIsRefused_data();
    void anotherPipelinesCheckpointIsRefused();
    void aDamagedCheckpointIsRefused_data();
    void aDamagedCheckpointIsRefused();
    void withoutACheckpointTheRunSaysSo();
    void completeResultsAreReplacedAndSurviveRestarts();

private:
    QTemporaryDir m_reference;
    Output m_expected;
};

void tst_Checkpoint::initTestCase()
{
    QString report;
    QVERIFY(runFor(pipelineText(), m_reference.path(), -1, true, &report) > 10);
    QVERIFY2(report.contains(QStringLiteral("(new)")), qPrintable(report));
    m_expected = outputOf(m_reference.path());
    QVERIFY(m_expected.file.count('\n') > 5);
    QVERIFY(m_expected.table.size() > 100);
}

void tst_Checkpoint::restartsWriteWhatAnUninterruptedRunWrites_data()
{
    QTest::addColumn<std::vector<int>>("stops"); // batches run before each stop
    QTest::addColumn<bool>("clean");
    QTest::newRow("dropped after 1 batch") << std::vector<int>{1} << false;
    QTest::newRow("dropped at a snapshot") << std::vector<int>{3} << false;
    QTest::newRow("dropped between snapshots, twice") << std::vector<int>{4, 5} << false;
    QTest::newRow("dropped every 2 batches") << std::vector<int>{2, 2, 2, 2, 2, 2, 2, 2, 2, 2} << false;
    QTest::newRow("stopped cleanly every 4 batches") << std::vector<int>{4, 4, 4, 4, 4} << true;
    QTest::newRow("stopped cleanly after 1, 2, 7 batches") << std::vector<int>{1, 2, 7} << true;
}

void tst_Checkpoint::restartsWriteWhatAnUninterruptedRunWrites()
{
    QFETCH(std::vector<int>, stops);
    QFETCH(bool, clean);
    QTemporaryDir dir;
    for (int batches : stops)
        QCOMPARE(runFor(pipelineText(), dir.path(), batches, clean), batches);
    QString report;
    runFor(pipelineText(), dir.path(), -1, true, &report);
    QVERIFY2(report.contains(QStringLiteral("resuming after batch")), qPrintable(report));
    const Output got = outputOf(dir.path());
    QCOMPARE(got.file, m_expected.file);
    QCOMPARE(got.table, m_expected.table);
}

// A complete-mode result: the file and the table hold the whole table of the
// last batch (not every batch's appended), and restarts anywhere leave the same.
void tst_Checkpoint::completeResultsAreReplacedAndSurviveRestarts()
{
    QTemporaryDir reference;
    QVERIFY(runFor(completeText(), reference.path(), -1, true) > 20);
    const Output expected = outputOf(reference.path());
    const QList<QByteArray> lines = expected.file.trimmed().split('\n');
    QCOMPARE(lines.size(), qsizetype(expected.table.size()));
    QVERIFY(lines.size() >= 4 && lines.size() <= 10); // one row per category
    int64_t counted = 0;
    for (const QByteArray &line : lines)
        counted += QJsonDocument::fromJson(line).object().value(QStringLiteral("n")).toInteger();
    QCOMPARE(counted, 30000);
    QVERIFY(!QFile::exists(reference.filePath(QStringLiteral("out/per_minute.jsonl.tmp"))));

    QTemporaryDir dir;
    for (const auto &[batches, clean] : {std::pair{2, false}, std::pair{3, false}, std::pair{5, true}, std::pair{4, false}})
        QCOMPARE(runFor(completeText(), dir.path(), batches, clean), batches);
    runFor(completeText(), dir.path(), -1, true);
    const Output got = outputOf(dir.path());
    QCOMPARE(got.file, expected.file);
    QCOMPARE(got.table, expected.table);
}

void tst_Checkpoint::theStoreKeepsTwoSnapshotsAndTheirLogs()
{
    QTemporaryDir dir;
    runFor(pipelineText(), dir.path(), 10, false);
    CheckpointStore store;
    std::string error;
    QVERIFY2(store.open(dir.filePath(QStringLiteral("state")), error), error.c_str());
    const auto last = store.lastCommit(error);
    QVERIFY(last);
    QCOMPARE(last->batchId, 9);
    const auto snapshot = store.lastSnapshotCommit(error);
    QVERIFY(snapshot);
    QCOMPARE(snapshot->batchId, 8); // batches 2, 5, 8 had snapshots (every 3 after the start at -1)
    QVERIFY(store.stateAt(5, error).size() > 1);
    QVERIFY(store.stateAt(2, error).empty()); // older than the second newest: deleted
    const auto logged = store.offsetsAfter(-2, error);
    QVERIFY(!logged.empty());
    QCOMPARE(logged.front().batchId, 5);
    QCOMPARE(logged.back().batchId, 9);
    // A no-data batch (the watermark moved) reads nothing; the others 1,000 rows.
    int noData = 0;
    for (const auto &entry : logged) {
        noData += entry.noData ? 1 : 0;
        QCOMPARE(entry.plans.empty(), entry.noData);
    }
    QVERIFY(noData > 0 && noData < int(logged.size()));
    auto withRows = std::find_if(logged.rbegin(), logged.rend(), [](const auto &e) { return !e.noData; });
    const SourcePlan &plan = withRows->plans.at(QStringLiteral("events"));
    QCOMPARE(plan.ranges.size(), size_t(1));
    QCOMPARE(plan.ranges[0].size(), 1000);
    QCOMPARE(last->positions.at(QStringLiteral("events")).front().start, plan.ranges[0].end);
    // The file sink's committed length is its length.
    QCOMPARE(QByteArray::fromStdString(last->sinks.at(QStringLiteral("file"))).toLongLong(),
             QFileInfo(dir.filePath(QStringLiteral("out/per_minute.jsonl"))).size());
}

void tst_Checkpoint::anotherPipelinesCheckpointIsRefused_data()
{
    QTest::addColumn<QByteArray>("changed");
    QTest::addColumn<QString>("message"); // empty: accepted
    QTest::newRow("a filter's predicate") << pipelineText("10s", "price >= 0") << QString();
    QTest::newRow("a window's size") << pipelineText("1m")
                                     << QStringLiteral("node \"per_minute\" (window.aggregate): window.size was 10s, is 1m");
    QByteArray groupBy = pipelineText();
    groupBy.replace(R"("groupBy": ["category"])", R"("groupBy": ["product_id"])");
    QTest::newRow("a window's groupBy")
        << groupBy << QStringLiteral("node \"per_minute\" (window.aggregate): groupBy was [\"category\"], is [\"product_id\"]");
    QByteArray renamed = pipelineText();
    renamed.replace("\"sessions\"", "\"visits\"");
    QTest::newRow("a stateful node renamed") << renamed << QStringLiteral("node \"sessions\" (window.aggregate) is gone");
    QByteArray seed = pipelineText();
    seed.replace("\"seed\": 5", "\"seed\": 6");
    QTest::newRow("what a source reads") << seed << QStringLiteral("node \"events\" (source.generator): seed was 5, is 6");
    QByteArray sink = pipelineText();
    sink.replace("out/per_minute.jsonl", "out/minutes.jsonl");
    QTest::newRow("a sink's path") << sink << QString();
}

void tst_Checkpoint::anotherPipelinesCheckpointIsRefused()
{
    QFETCH(QByteArray, changed);
    QFETCH(QString, message);
    QTemporaryDir dir;
    runFor(pipelineText(), dir.path(), 4, true);
    Executor executor(load(changed, dir.path()), RunOptions{});
    QString error;
    const bool opened = executor.open(error);
    if (message.isEmpty()) {
        QVERIFY2(opened, qPrintable(error));
        QVERIFY2(executor.checkpointReport().contains(QStringLiteral("resuming after batch 3")),
                 qPrintable(executor.checkpointReport()));
        return;
    }
    QVERIFY(!opened);
    QVERIFY2(error.contains(QStringLiteral("was written by another version of this pipeline")), qPrintable(error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("streamwright-cli run --reset-checkpoint")), qPrintable(error));
}

void tst_Checkpoint::aDamagedCheckpointIsRefused_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("message");
    QTest::newRow("not a database") << QStringLiteral("garbage") << QStringLiteral("start over with streamwright-cli run --reset-checkpoint");
    QTest::newRow("cut in half") << QStringLiteral("truncate") << QStringLiteral("checkpoint ");
    QTest::newRow("another database") << QStringLiteral("foreign") << QStringLiteral("not a Streamwright checkpoint");
    QTest::newRow("a damaged snapshot") << QStringLiteral("state") << QStringLiteral("cannot be restored");
}

void tst_Checkpoint::aDamagedCheckpointIsRefused()
{
    QFETCH(QString, damage);
    QFETCH(QString, message);
    QTemporaryDir dir;
    runFor(pipelineText(), dir.path(), 4, true);
    const QString db = CheckpointStore::databasePath(dir.filePath(QStringLiteral("state")));
    if (damage == u"garbage" || damage == u"foreign" || damage == u"truncate") {
        // Fold the write-ahead log in first, so that the file is the whole checkpoint.
        sqlite3 *handle = nullptr;
        QCOMPARE(sqlite3_open(db.toUtf8().constData(), &handle), SQLITE_OK);
        sqlite3_exec(handle, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;", nullptr, nullptr, nullptr);
        sqlite3_close(handle);
        QFile::remove(db + QStringLiteral("-wal"));
        QFile::remove(db + QStringLiteral("-shm"));
    }
    if (damage == u"garbage") {
        QFile f(db);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QByteArray(8192, '\x5a'));
    } else if (damage == u"truncate") {
        QFile f(db);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(f.size() / 2));
    } else if (damage == u"foreign") {
        QFile::remove(db);
        sqlite3 *handle = nullptr;
        QCOMPARE(sqlite3_open(db.toUtf8().constData(), &handle), SQLITE_OK);
        QCOMPARE(sqlite3_exec(handle, "CREATE TABLE t(x); INSERT INTO t VALUES (1);", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(handle);
    } else {
        sqlite3 *handle = nullptr;
        QCOMPARE(sqlite3_open(db.toUtf8().constData(), &handle), SQLITE_OK);
        QCOMPARE(sqlite3_exec(handle, "UPDATE state SET data = substr(data, 1, 7) WHERE node = 'per_minute'", nullptr,
                              nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(handle);
    }
    Executor executor(load(pipelineText(), dir.path()), RunOptions{});
    QString error;
    QVERIFY(!executor.open(error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("checkpoint")), qPrintable(error));
}

void tst_Checkpoint::withoutACheckpointTheRunSaysSo()
{
    QTemporaryDir dir;
    QByteArray text = pipelineText();
    text.replace(R"(, "checkpoint": {"dir": "state", "everyBatches": 3})", "");
    QString report;
    runFor(text, dir.path(), 2, true, &report);
    QVERIFY2(report.startsWith(QStringLiteral("checkpoint: none")), qPrintable(report));
    QVERIFY(!QDir(dir.filePath(QStringLiteral("state"))).exists());
    RunOptions off;
    off.noCheckpoint = true;
    Executor executor(load(pipelineText(), dir.path()), off);
    QString error;
    QVERIFY2(executor.open(error), qPrintable(error));
    QVERIFY(executor.checkpointReport().startsWith(QStringLiteral("checkpoint: off (--no-checkpoint)")));
    QVERIFY(!executor.hasCheckpoint());
}

QTEST_GUILESS_MAIN(tst_Checkpoint)
#include "tst_checkpoint.moc"
