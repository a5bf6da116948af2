// SPDX-License-Identifier: GPL-3.0-or-later
// The executor end to end on generated input: sinks' output, the watermark rule,
// end-of-input flush, late rows, metrics, and determinism across runs.
#include "engine/Executor.h"
#include "engine/Run.h"
#include "format/PipelineFormat.h"
#include "sources/DemoEvents.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace sw;
using namespace sw::runtime;

namespace {
const char *kPipeline = R"j({"format": "streamwright.pipeline/1", "name": "gen", "connections": {},
"nodes": [
 {"id": "events", "type": "source.generator", "position": [0, 0], "config": {"stream": "user-events", "rate": 0,
  "count": 50000, "seed": 7, "startTime": "2026-11-25T10:00:00Z", "lateFraction": 0.02,
  "eventTime": {"field": "ts", "watermarkDelay": "10s"}}},
 {"id": "views", "type": "filter", "position": [0, 0], "config": {"predicate": "event_type = 'view'"}},
 {"id": "per_minute", "type": "window.aggregate", "position": [0, 0], "config": {"window": {"kind": "tumbling", "size": "1m"},
  "groupBy": ["category"], "aggregates": [{"name": "views", "fn": "count"}]}},
 {"id": "out", "type": "sink.file", "position": [0, 0], "config": {"path": "out.jsonl"}},
 {"id": "late", "type": "sink.file", "position": [0, 0], "config": {"path": "late.jsonl"}}
],
"edges": [{"from": "events", "to": "views"}, {"from": "views", "to": "per_minute"}, {"from": "per_minute", "to": "out"},
          {"from": "per_minute", "fromPort": "late", "to": "late"}],
"runtime": {"maxBatchRows": 5000}})j";

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Runs the pipeline in `dir` to the end; returns the progress records.
QList<QJsonObject> runIn(const QString &dir, const QByteArray &text = kPipeline)
{
    auto loaded = core::PipelineFormat::load(text, dir + QStringLiteral("/gen.json"));
    Q_ASSERT(loaded.pipeline);
    RunOptions options;
    options.metricsPath = dir + QStringLiteral("/metrics.jsonl");
    Executor executor(*loaded.pipeline, options);
    QString error;
    if (!executor.open(error))
        qFatal("%s", qPrintable(error));
    while (executor.step() != Executor::Step::Finished) {
    }
    QList<QJsonObject> progress;
    for (const QByteArray &line : readAll(options.metricsPath).split('\n')) {
        if (!line.isEmpty())
            progress << QJsonDocument::fromJson(line).object();
    }
    return progress;
}
} // namespace

class tst_Executor : public QObject
{
    Q_OBJECT
private slots:
    void windowsAccountForEveryView();
    void deterministic();
    void watermarkFollowsSparksRule();
    void reportsRuntimeErrors();
    void runPausesStepsAndStops();
};

void tst_Executor::windowsAccountForEveryView()
{
    QTemporaryDir dir;
    runIn(dir.path());
    // Count the views the generator made, independently.
    DemoEvents events(QStringLiteral("user-events"), 7, 1795600800000, 0, 0.02);
    Batch batch = Batch::empty(events.schema());
    for (int i = 0; i < 50000; ++i)
        events.next(batch);
    int64_t views = 0;
    for (size_t r = 0; r < batch.rows; ++r)
        views += batch.columns[3].strings[r] == "view";
    int64_t counted = 0;
    for (const QByteArray &line : readAll(dir.filePath(QStringLiteral("out.jsonl"))).split('\n')) {
        if (!line.isEmpty())
            counted += QJsonDocument::fromJson(line).object().value(QStringLiteral("views")).toInteger();
    }
    const int64_t late = readAll(dir.filePath(QStringLiteral("late.jsonl"))).count('\n');
    QVERIFY(late > 0); // 2 % arrive 30 to 120 s late, behind a 10 s watermark delay
    QCOMPARE(counted + late, views);
}

void tst_Executor::deterministic()
{
    QTemporaryDir a, b;
    const QList<QJsonObject> progress = runIn(a.path());
    runIn(b.path());
    const QByteArray out = readAll(a.filePath(QStringLiteral("out.jsonl")));
    QVERIFY(out.size() > 1000);
    // Each sink's rows written, per batch and since the start; a sink's rows out
    // are the rows it wrote (alert rules on rows_out of a sink read them).
    int64_t written = 0;
    for (const QJsonObject &p : progress) {
        const QJsonObject sink = p.value(QStringLiteral("sinks")).toArray().at(0).toObject();
        QCOMPARE(sink.value(QStringLiteral("node")).toString(), QStringLiteral("out"));
        written += sink.value(QStringLiteral("numOutputRows")).toInteger();
        QCOMPARE(sink.value(QStringLiteral("numOutputRowsTotal")).toInteger(), written);
        QCOMPARE(p.value(QStringLiteral("nodes")).toObject().value(QStringLiteral("out")).toObject().value(QStringLiteral("rowsOut")).toInteger(),
                 sink.value(QStringLiteral("numOutputRows")).toInteger());
    }
    QCOMPARE(written, qint64(out.count('\n')));
    QCOMPARE(readAll(b.filePath(QStringLiteral("out.jsonl"))), out);
    QCOMPARE(readAll(b.filePath(QStringLiteral("late.jsonl"))), readAll(a.filePath(QStringLiteral("late.jsonl"))));
    // Output lines are ISO timestamps, keys in schema order.
    QVERIFY(out.startsWith(R"({"window_start":"2026-11-25T09:58:00.000Z","window_end":"2026-11-25T09:59:00.000Z",)"));
}

void tst_Executor::watermarkFollowsSparksRule()
{
    QTemporaryDir dir;
    const QList<QJsonObject> progress = runIn(dir.path());
    QVERIFY(progress.size() >= 11); // 10 input batches, no-data batches, the final one
    double previous = 0;
    int noDataBatches = 0;
    for (const QJsonObject &p : progress) {
        const QJsonValue wm = p.value(QStringLiteral("eventTime")).toObject().value(QStringLiteral("watermark"));
        if (wm.isString()) {
            QCOMPARE(wm.toString(), QStringLiteral("end"));
            QCOMPARE(&p, &progress.last());
            continue;
        }
        QVERIFY(wm.toDouble() >= previous); // never goes down
        previous = wm.toDouble();
        noDataBatches += p.value(QStringLiteral("numInputRows")).toInteger() == 0;
        QCOMPARE(p.value(QStringLiteral("batchId")).toInteger(), qint64(&p - &progress.first()));
    }
    QVERIFY(noDataBatches >= 1);
    // The first batch runs with watermark 0: nothing is late yet.
    QCOMPARE(progress.first().value(QStringLiteral("eventTime")).toObject().value(QStringLiteral("watermark")).toDouble(), 0.0);
    QCOMPARE(progress.first().value(QStringLiteral("lateRowsDropped")).toInteger(), 0);
    QCOMPARE(progress.first().value(QStringLiteral("numInputRows")).toInteger(), 5000);
    QVERIFY(progress.first().value(QStringLiteral("e2eLatencyMs")).toObject().contains(QStringLiteral("p99")));
}

void tst_Executor::reportsRuntimeErrors()
{
    QTemporaryDir dir;
    QByteArray text(kPipeline);
    text.replace(R"("path": "out.jsonl")", R"("path": "/proc/no/such/dir/out.jsonl")");
    auto loaded = core::PipelineFormat::load(text, dir.filePath(QStringLiteral("gen.json")));
    Executor executor(*loaded.pipeline, {});
    QString error;
    QVERIFY(!executor.open(error));
    QVERIFY2(error.startsWith(QStringLiteral("sink \"out\": cannot open /proc/no/such/dir/out.jsonl")), qPrintable(error));
}

// Pause and step live in the run: between batches, exactly one batch per step.
void tst_Executor::runPausesStepsAndStops()
{
    QByteArray live(kPipeline);
    live.replace("\"rate\": 0,\n  \"count\": 50000", "\"rate\": 5000,\n  \"count\": 0");
    QVERIFY(live != QByteArray(kPipeline)); // paced and unbounded
    QTemporaryDir dir;
    auto loaded = core::PipelineFormat::load(live, dir.filePath(QStringLiteral("gen.json")));
    QVERIFY(loaded.pipeline);
    Executor executor(*loaded.pipeline, RunOptions{});
    QString error;
    QVERIFY2(executor.open(error), qPrintable(error));
    Run run(executor);
    std::atomic<int> batches{0};
    run.start([&] { ++batches; });
    QTRY_VERIFY_WITH_TIMEOUT(batches > 3, 5000);
    QCOMPARE(run.state(), Run::State::Running);
    run.pause();
    QCOMPARE(run.state(), Run::State::Paused);
    QTest::qWait(300); // a batch under way finishes
    const int64_t pausedAt = executor.batchId();
    QTest::qWait(300);
    QCOMPARE(executor.batchId(), pausedAt);
    run.step();
    QTRY_COMPARE_WITH_TIMEOUT(executor.batchId(), pausedAt + 1, 5000);
    run.step();
    run.step();
    QTRY_COMPARE_WITH_TIMEOUT(executor.batchId(), pausedAt + 3, 5000);
    QTest::qWait(300);
    QCOMPARE(executor.batchId(), pausedAt + 3); // exactly one batch per step
    run.resume();
    QTRY_VERIFY_WITH_TIMEOUT(executor.batchId() > pausedAt + 6, 5000);
    run.stop();
    run.wait();
    QVERIFY(run.isOver());
    QCOMPARE(run.state(), Run::State::Stopping);

    // Bounded input: the loop ends by itself, finished.
    auto bounded = core::PipelineFormat::load(kPipeline, dir.filePath(QStringLiteral("bounded.json")));
    Executor finite(*bounded.pipeline, RunOptions{});
    QVERIFY2(finite.open(error), qPrintable(error));
    Run toTheEnd(finite);
    toTheEnd.start();
    QTRY_VERIFY_WITH_TIMEOUT(toTheEnd.isOver(), 20000);
    QCOMPARE(toTheEnd.state(), Run::State::Finished);
}

QTEST_GUILESS_MAIN(tst_Executor)
#include "tst_executor.moc"
