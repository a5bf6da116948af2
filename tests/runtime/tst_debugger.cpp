// SPDX-License-Identifier: GPL-3.0-or-later
// The step debugger over a recording, through the client API as the app uses
// it: steps, the rows of every edge and the state after each batch, going back
// and forward again to the same batches, breakpoints with a condition, and the
// sinks written once whatever the stepping.
#include "client/RuntimeClient.h"
#include "control/ControlServer.h"
#include "engine/Executor.h"
#include "engine/Run.h"
#include "format/PipelineFormat.h"
#include "ClickRecording.h"

#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <set>

using namespace sw;
using namespace sw::runtime;

namespace {
// Three partitions of clicks, 10 ms apart in event time; partition 2 5 s ahead.

QString pipelineJson(const QString &sink)
{
    return QStringLiteral(R"j({"format": "streamwright.pipeline/1", "name": "debugged",
     "nodes": [
      {"id": "clicks", "type": "source.recording", "position": [0, 0], "config": {"path": "clicks.swrec",
       "schema": [{"name": "user", "type": "string"}, {"name": "amount", "type": "int"}, {"name": "ts", "type": "timestamp"}],
       "eventTime": {"field": "ts", "watermarkDelay": "1s"}}},
      {"id": "per_second", "type": "window.aggregate", "position": [0, 0], "config": {"window": {"kind": "tumbling",
       "size": "1s"}, "groupBy": ["user"], "aggregates": [{"name": "n", "fn": "count"}, {"name": "total", "fn": "sum",
       "expr": "amount"}], "outputMode": "append"}},
      {"id": "out", "type": "sink.file", "position": [0, 0], "config": {"path": "%1", "format": "jsonl"}}
     ],
     "edges": [{"from": "clicks", "to": "per_second"}, {"from": "per_second", "to": "out"}],
     "runtime": {"maxBatchRows": 200}})j")
        .arg(sink);
}

core::Pipeline pipeline(const QTemporaryDir &dir, const QString &sink)
{
    const QString file = dir.filePath(QStringLiteral("debugged.json"));
    auto loaded = core::PipelineFormat::load(pipelineJson(sink).toUtf8(), file);
    return *loaded.pipeline;
}

// A client call made synchronous: the answer, or why there is none.
template <typename T, typename Call>
std::optional<T> await(Call call, QString &error)
{
    std::optional<T> result;
    bool answered = false;
    QEventLoop loop;
    call([&](std::optional<T> value, const QString &why) {
        result = std::move(value);
        error = why;
        answered = true;
        loop.quit();
    });
    if (!answered) {
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return result;
}

// A debugging session: the run, its control API and a client of it.
struct Session
{
    Executor executor;
    Run run{executor};
    ControlServer server{executor, run, QStringLiteral("debugged")};
    RuntimeClient client;
    QString error;

    Session(const core::Pipeline &p, RunOptions options) : executor(p, [&] {
        options.debug = true;
        return options;
    }())
    {
    }
    bool open()
    {
        if (!executor.open(error))
            return false;
        const quint16 port = server.listen(QHostAddress::LocalHost, 0);
        client.setEndpoint(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), server.token());
        run.pause();
        run.start();
        return true;
    }
    RuntimeClient::DebugInfo info()
    {
        return await<RuntimeClient::DebugInfo>([&](auto answer) { client.fetchDebugInfo(answer); }, error).value_or(
            RuntimeClient::DebugInfo{});
    }
    // Steps until the run is at the end of `batch`.
    bool stepTo(int64_t batch)
    {
        for (int guard = 0; guard < 200 && info().batch < batch; ++guard) {
            const int64_t before = info().batch;
            await<RunStatus>([&](auto answer) { client.send(RuntimeClient::Command::Step, answer); }, error);
            for (int wait = 0; wait < 200 && info().batch == before; ++wait)
                QTest::qWait(10);
        }
        return info().batch == batch;
    }
    std::optional<RuntimeClient::DebugBatch> batch(int64_t id)
    {
        return await<RuntimeClient::DebugBatch>([&](auto answer) { client.fetchDebugBatch(id, answer); }, error);
    }
    std::optional<RuntimeClient::DebugInfo> seek(int64_t id)
    {
        return await<RuntimeClient::DebugInfo>([&](auto answer) { client.seek(id, answer); }, error);
    }
    ~Session()
    {
        run.stop();
        run.wait();
    }
};

// What a kept batch shows, as one comparable value.
QJsonObject shown(const RuntimeClient::DebugBatch &b)
{
    QJsonObject edges;
    for (const auto &[edge, rows] : b.edges)
        edges.insert(edge, rows);
    return QJsonObject{{QStringLiteral("batch"), double(b.batch)},   {QStringLiteral("watermark"), double(b.watermark)},
                       {QStringLiteral("edges"), edges},             {QStringLiteral("state"), b.state},
                       {QStringLiteral("plans"), b.plans},           {QStringLiteral("nodes"), b.nodes}};
}
} // namespace

class tst_Debugger : public QObject
{
    Q_OBJECT
private slots:
    void stepBackAndForwardShowTheSameBatches();
    void aBreakpointStopsWhereItsConditionHolds();
    void badBreakpointsAreRefused();
    void onlySourcesThatCanGoBack();
};

void tst_Debugger::stepBackAndForwardShowTheSameBatches()
{
    QTemporaryDir dir;
    sw::testing::writeClickRecording(dir.filePath(QStringLiteral("clicks.swrec")), 600, 5000);
    // The sink's bytes without the debugger, for the end.
    QString plainOut = dir.filePath(QStringLiteral("plain.jsonl"));
    {
        Executor plain(pipeline(dir, QStringLiteral("plain.jsonl")), RunOptions{});
        QString error;
        QVERIFY2(plain.open(error), qPrintable(error));
        for (int i = 0; i < 100 && plain.step() != Executor::Step::Finished; ++i) {
        }
        // Debugging stays at the end of the input instead of emitting what windows
        // hold, so compare up to there: the plain run's final batch emits the rest.
    }

    Session s(pipeline(dir, QStringLiteral("debugged.jsonl")), RunOptions{});
    QVERIFY2(s.open(), qPrintable(s.error));
    QCOMPARE(s.info().batch, int64_t(-1));
    QVERIFY(s.info().debugging);
    QVERIFY2(s.stepTo(4), qPrintable(s.error));
    std::map<int64_t, QJsonObject> first;
    for (int64_t b = 0; b <= 4; ++b) {
        const auto kept = s.batch(b);
        QVERIFY2(kept, qPrintable(s.error));
        first[b] = shown(*kept);
    }
    // What a batch shows: the rows every edge carried, and the window state.
    const auto four = s.batch(4);
    QVERIFY(four->edgeRows.at(QStringLiteral("clicks.out")) > 0);
    QCOMPARE(four->edgeRows.at(QStringLiteral("clicks.out")), int64_t(four->edges.at(QStringLiteral("clicks.out")).size()));
    const QJsonArray tables = four->state.value(QStringLiteral("per_second")).toObject().value(QStringLiteral("tables")).toArray();
    QCOMPARE(tables.size(), 1);
    QCOMPARE(tables[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("windows"));
    const QJsonArray windows = tables[0].toObject().value(QStringLiteral("rows")).toArray();
    QVERIFY(!windows.isEmpty());
    QVERIFY(windows[0].toObject().contains(QStringLiteral("window_start")));
    QVERIFY(windows[0].toObject().contains(QStringLiteral("total")));
    QCOMPARE(four->plans.value(QStringLiteral("clicks")).toArray().size(), 3); // every partition's range

    // Back to batch 1: the same as it was; then forward to the same batches.
    const auto back = s.seek(1);
    QVERIFY2(back, qPrintable(s.error));
    QCOMPARE(back->batch, int64_t(1));
    QCOMPARE(back->last, int64_t(4));
    QCOMPARE(shown(*s.batch(1)), first[1]);
    QVERIFY2(s.stepTo(4), qPrintable(s.error));
    for (int64_t b = 2; b <= 4; ++b)
        QCOMPARE(shown(*s.batch(b)), first[b]);
    // Back to the start, and all the way to the end of the recording.
    QVERIFY2(s.seek(-1), qPrintable(s.error));
    QCOMPARE(s.info().batch, int64_t(-1));
    await<RunStatus>([&](auto answer) { s.client.send(RuntimeClient::Command::Resume, answer); }, s.error);
    for (int wait = 0; wait < 500 && !s.info().atEndOfInput; ++wait)
        QTest::qWait(10);
    QVERIFY(s.info().atEndOfInput);
    QVERIFY(!s.seek(s.info().last + 5)); // not run yet
    QVERIFY2(s.error.contains(QStringLiteral("not kept")), qPrintable(s.error));
    s.run.stop();
    s.run.wait();
    // Written once, whatever the stepping: the plain run's rows, but for the last
    // windows the plain run emitted at its end.
    QFile debugged(dir.filePath(QStringLiteral("debugged.jsonl"))), plain(plainOut);
    QVERIFY(debugged.open(QIODevice::ReadOnly) && plain.open(QIODevice::ReadOnly));
    const QByteArray d = debugged.readAll(), p = plain.readAll();
    QVERIFY(!d.isEmpty());
    QVERIFY2(p.startsWith(d), "the debugged run's sink differs from the plain run's");
}

void tst_Debugger::aBreakpointStopsWhereItsConditionHolds()
{
    QTemporaryDir dir;
    sw::testing::writeClickRecording(dir.filePath(QStringLiteral("clicks.swrec")), 600, 5000);
    Session s(pipeline(dir, QStringLiteral("out.jsonl")), RunOptions{});
    QVERIFY2(s.open(), qPrintable(s.error));
    // The window node sees partition 1's offset 300 in some batch: stop there.
    const auto set = await<RuntimeClient::DebugInfo>(
        [&](auto answer) {
            s.client.setBreakpoints({{QStringLiteral("per_second"), QStringLiteral("_partition = 1 AND _offset >= 300")}},
                                    answer);
        },
        s.error);
    QVERIFY2(set, qPrintable(s.error));
    QCOMPARE(set->breakpoints.size(), size_t(1));
    await<RunStatus>([&](auto answer) { s.client.send(RuntimeClient::Command::Resume, answer); }, s.error);
    for (int wait = 0; wait < 500 && !s.info().lastHitBatch; ++wait)
        QTest::qWait(10);
    const auto info = s.info();
    QVERIFY(info.lastHitBatch);
    QTest::qWait(100);
    QCOMPARE(s.info().batch, *info.lastHitBatch); // paused right after it
    QVERIFY(s.info().status && s.info().status->state == RunStatus::State::Paused);
    const auto reached = [&](int64_t batch) {
        const auto kept = s.batch(batch);
        const auto edge = kept->edges.find(QStringLiteral("clicks.out"));
        if (edge == kept->edges.end())
            return false; // a no-data batch
        for (const QJsonValue &row : edge->second) {
            const QJsonObject o = row.toObject();
            if (o.value(QStringLiteral("_partition")).toInt() == 1 && o.value(QStringLiteral("_offset")).toInt() >= 300)
                return true;
        }
        return false;
    };
    QVERIFY(reached(*info.lastHitBatch));
    QVERIFY(!reached(*info.lastHitBatch - 1));

    // Going back before it and on again stops there again.
    QVERIFY2(s.seek(*info.lastHitBatch - 2), qPrintable(s.error));
    await<RunStatus>([&](auto answer) { s.client.send(RuntimeClient::Command::Resume, answer); }, s.error);
    for (int wait = 0; wait < 300 && s.info().batch < *info.lastHitBatch; ++wait)
        QTest::qWait(10);
    QTest::qWait(100);
    QCOMPARE(s.info().batch, *info.lastHitBatch);
}

void tst_Debugger::badBreakpointsAreRefused()
{
    QTemporaryDir dir;
    sw::testing::writeClickRecording(dir.filePath(QStringLiteral("clicks.swrec")), 600, 5000);
    Session s(pipeline(dir, QStringLiteral("out.jsonl")), RunOptions{});
    QVERIFY2(s.open(), qPrintable(s.error));
    const auto set = [&](const QString &node, const QString &condition) {
        return await<RuntimeClient::DebugInfo>([&](auto answer) { s.client.setBreakpoints({{node, condition}}, answer); },
                                               s.error);
    };
    QVERIFY(!set(QStringLiteral("nowhere"), QString()));
    QVERIFY2(s.error.contains(QStringLiteral("no node \"nowhere\"")), qPrintable(s.error));
    QVERIFY(!set(QStringLiteral("per_second"), QStringLiteral("amout > 1000")));
    QVERIFY2(s.error.contains(QStringLiteral("amout")), qPrintable(s.error));
    QVERIFY(!set(QStringLiteral("per_second"), QStringLiteral("amount + 1")));
    QVERIFY2(s.error.contains(QStringLiteral("true or false")), qPrintable(s.error));
    QVERIFY(set(QStringLiteral("out"), QStringLiteral("total > 1000"))); // a sink's input: the window's rows
}

void tst_Debugger::onlySourcesThatCanGoBack()
{
    QTemporaryDir dir;
    auto loaded = core::PipelineFormat::load(QByteArray(R"j({"format": "streamwright.pipeline/1", "name": "live",
     "nodes": [
      {"id": "events", "type": "source.generator", "position": [0, 0], "config": {"stream": "user-events", "rate": 0, "count": 100}},
      {"id": "out", "type": "sink.preview", "position": [0, 0], "config": {}}
     ],
     "edges": [{"from": "events", "to": "out"}]})j"),
                                             dir.filePath(QStringLiteral("live.json")));
    QVERIFY(loaded.pipeline);
    RunOptions options;
    options.debug = true;
    Executor executor(*loaded.pipeline, options);
    QString error;
    QVERIFY(!executor.open(error));
    QVERIFY2(error.contains(QStringLiteral("cannot go back")) && error.contains(QStringLiteral("source.recording")),
             qPrintable(error));
}

QTEST_MAIN(tst_Debugger)
#include "tst_debugger.moc"
