// SPDX-License-Identifier: GPL-3.0-or-later
// Running from the app: a runtime process driven through the control API, edge
// rates from its progress, pause/step/resume/stop, and failures reported, never
// crashing the app.
#include "ExamplePipelines.h"
#include "format/PipelineFormat.h"
#include "run/RunController.h"

#include <QRegularExpression>

#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace sw;
using State = widgets::RunController::State;

class tst_RunController : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void runPauseStepResumeStop();
    void refusedPipelineFails();
    void crashedRuntimeIsReported();
    void missingRuntimeIsReported();
    void attachToARuntimeStartedElsewhere();

private:
    void collectErrors(widgets::RunController &run, QStringList &errors)
    {
        connect(&run, &widgets::RunController::logLine, this, [&errors](const QString &line, bool isError) {
            if (isError)
                errors << line;
        });
    }
    static bool waitForState(widgets::RunController &run, State state, int ms = 20000)
    {
        return QTest::qWaitFor([&] { return run.state() == state; }, ms);
    }
};

void tst_RunController::initTestCase()
{
    qputenv("STREAMWRIGHT_CLI", STREAMWRIGHT_CLI_PATH);
}

void tst_RunController::runPauseStepResumeStop()
{
    widgets::RunController run;
    run.setPollInterval(300);
    QStringList log;
    connect(&run, &widgets::RunController::logLine, this, [&log](const QString &line, bool) { log << line; });
    QSignalSpy states(&run, &widgets::RunController::stateChanged);
    QSignalSpy rates(&run, &widgets::RunController::edgeRatesChanged);

    core::Pipeline pipeline = sw::testing::examplePipeline();
    QTemporaryDir folder;
    pipeline.filePath = folder.filePath(QStringLiteral("trending-products.json")); // its SQLite file goes there
    QVERIFY(run.start(pipeline, 2000));
    QCOMPARE(run.state(), State::Starting);
    QVERIFY2(waitForState(run, State::Running), qPrintable(log.join(u'\n')));
    QVERIFY(run.controlUrl().isValid());
    QVERIFY(!run.token().isEmpty());

    // Rows flow: the source's edge reports a rate near what the demo producer writes.
    QVERIFY2(QTest::qWaitFor([&] { return run.edgeRates().value(QStringLiteral("views.out")) > 0; }, 20000),
             qPrintable(log.join(u'\n')));
    QTest::qWait(1500);
    const double viewsRate = run.edgeRates().value(QStringLiteral("views.out"));
    QVERIFY2(viewsRate > 500 && viewsRate < 6000, qPrintable(QString::number(viewsRate)));
    QVERIFY(run.edgeRates().value(QStringLiteral("only_views.out")) > 0);
    QVERIFY(run.edgeRates().value(QStringLiteral("only_views.out")) < viewsRate); // the filter drops clicks
    QVERIFY(run.latestProgress());

    run.pause();
    QVERIFY(waitForState(run, State::Paused));
    QTest::qWait(800);
    const int64_t pausedAt = run.latestProgress()->batchId;
    QTest::qWait(800);
    QCOMPARE(run.latestProgress()->batchId, pausedAt);
    run.step();
    QVERIFY(QTest::qWaitFor(
        [&] { return run.latestProgress()->batchId == pausedAt + 1; }, 5000));
    run.resume();
    QVERIFY(waitForState(run, State::Running));

    run.stop();
    QVERIFY(waitForState(run, State::Finished));
    QVERIFY(!run.isActive());
    QVERIFY(QFileInfo::exists(folder.filePath(QStringLiteral("trending.db"))));
    QVERIFY(log.contains(QStringLiteral("Stopped.")));
    // Pause, step and resume are in the log; the runtime's terminal-only start
    // line (Ctrl+C) is not, nor twice the control API.
    const QString text = log.join(u'\n');
    QVERIFY2(text.contains(QLatin1String("Paused after batch")) && log.contains(QStringLiteral("Stepped one batch."))
                 && log.contains(QStringLiteral("Resumed.")),
             qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("Ctrl+C")), qPrintable(text));
    QCOMPARE(text.count(QLatin1String("control API")), 1);
}

void tst_RunController::refusedPipelineFails()
{
    widgets::RunController run;
    QStringList errors;
    collectErrors(run, errors);
    core::Pipeline pipeline = sw::testing::examplePipeline();
    QTemporaryDir folder;
    pipeline.filePath = folder.filePath(QStringLiteral("p.json")); // not next to the example in the source tree
    pipeline.nodes.back().config.insert(QStringLiteral("path"), QStringLiteral("/proc/no/such/folder/out.db"));
    QVERIFY(run.start(pipeline));
    QVERIFY(waitForState(run, State::Failed));
    QVERIFY2(errors.join(u'\n').contains(QLatin1String("out.db")), qPrintable(errors.join(u'\n')));
    QVERIFY(errors.join(u'\n').contains(QLatin1String("exited with status")));
}

void tst_RunController::crashedRuntimeIsReported()
{
    widgets::RunController run;
    QStringList errors;
    collectErrors(run, errors);
    core::Pipeline pipeline = sw::testing::examplePipeline();
    QTemporaryDir folder;
    pipeline.filePath = folder.filePath(QStringLiteral("p.json"));
    // A crash must look like one, also in the sanitizer build (whose handler would
    // turn SIGSEGV into a report and exit status 1).
    qputenv("ASAN_OPTIONS", "handle_segv=0");
    QVERIFY(run.start(pipeline, 100));
    QVERIFY(waitForState(run, State::Running));
    // Find the runtime's process through its control port and kill it hard.
    const QString port = QString::number(run.controlUrl().port());
    QProcess pkill;
    pkill.start(QStringLiteral("pkill"), {QStringLiteral("-SEGV"), QStringLiteral("-f"), QStringLiteral("streamwright-cli run .*") + QRegularExpression::escape(run.runFolder())});
    QVERIFY(pkill.waitForFinished());
    QVERIFY(waitForState(run, State::Failed));
    QVERIFY2(errors.join(u'\n').contains(QLatin1String("crashed")), qPrintable(errors.join(u'\n')));
}

void tst_RunController::missingRuntimeIsReported()
{
    widgets::RunController run;
    run.setCliPath(QStringLiteral("/nonexistent/streamwright-cli"));
    QSignalSpy lines(&run, &widgets::RunController::logLine);
    run.start(sw::testing::examplePipeline());
    QVERIFY(waitForState(run, State::Failed, 5000));
    bool mentioned = false;
    for (const auto &args : lines)
        mentioned = mentioned || args.at(0).toString().contains(QLatin1String("/nonexistent/streamwright-cli"));
    QVERIFY(mentioned);
}

void tst_RunController::attachToARuntimeStartedElsewhere()
{
    // A runtime started by someone else (here: a child process), as on a server.
    QTemporaryDir folder;
    QFile file(folder.filePath(QStringLiteral("live.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"j({"format": "streamwright.pipeline/1", "name": "live", "connections": {},
"nodes": [
 {"id": "events", "type": "source.generator", "position": [0, 0], "config": {"stream": "user-events", "rate": 1000}},
 {"id": "clicks", "type": "filter", "position": [200, 0], "config": {"predicate": "event_type = 'click'"}},
 {"id": "preview", "type": "sink.preview", "position": [400, 0], "config": {"rows": 10}}
],
"edges": [{"from": "events", "to": "clicks"}, {"from": "clicks", "to": "preview"}]})j");
    file.close();
    QProcess runtime;
    runtime.setWorkingDirectory(folder.path());
    runtime.start(QStringLiteral(STREAMWRIGHT_CLI_PATH),
                  {QStringLiteral("run"), QStringLiteral("live.json"), QStringLiteral("--quiet"),
                   QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    QVERIFY(runtime.waitForReadyRead(10000));
    const auto match = QRegularExpression(QStringLiteral("^control=(\\S+) token=(\\S+)$"))
                           .match(QString::fromUtf8(runtime.readLine()).trimmed());
    QVERIFY(match.hasMatch());

    widgets::RunController run;
    run.setPollInterval(300);
    QSignalSpy pipelines(&run, &widgets::RunController::pipelineReceived);
    QVERIFY(!run.attach(QUrl(QStringLiteral("ftp://nowhere")), QString())); // not a control URL
    QVERIFY(run.attach(QUrl(match.captured(1)), match.captured(2)));
    QVERIFY(run.isAttached());
    QVERIFY(waitForState(run, State::Running));
    QCOMPARE(pipelines.size(), 1);
    const auto loaded = core::PipelineFormat::load(pipelines.at(0).at(0).toByteArray());
    QVERIFY(loaded.pipeline);
    QCOMPARE(loaded.pipeline->name, QStringLiteral("live"));
    QVERIFY(QTest::qWaitFor([&] { return run.edgeRates().value(QStringLiteral("events.out")) > 0; }, 10000));
    QVERIFY(run.edgeRates().value(QStringLiteral("clicks.out")) < run.edgeRates().value(QStringLiteral("events.out")));

    run.pause();
    QVERIFY(waitForState(run, State::Paused));
    run.resume();
    QVERIFY(waitForState(run, State::Running));
    // Detaching leaves the runtime running; attaching again follows it again.
    run.detach();
    QCOMPARE(run.state(), State::Idle);
    QTest::qWait(500);
    QCOMPARE(runtime.state(), QProcess::Running);
    QVERIFY(run.attach(QUrl(match.captured(1)), match.captured(2)));
    QVERIFY(waitForState(run, State::Running));
    // A wrong token cannot control it.
    widgets::RunController intruder;
    QStringList refused;
    connect(&intruder, &widgets::RunController::logLine, this, [&refused](const QString &line, bool) { refused << line; });
    QVERIFY(intruder.attach(QUrl(match.captured(1)), QStringLiteral("wrong")));
    QVERIFY(waitForState(intruder, State::Running)); // loopback: watching needs no token...
    intruder.stop();
    QVERIFY(QTest::qWaitFor([&] { return refused.join(u'\n').contains(QLatin1String("refused stop")); }, 5000));
    intruder.detach();
    QCOMPARE(runtime.state(), QProcess::Running); // ...but control does
    // Stopping through the API ends the remote run.
    run.stop();
    QVERIFY(waitForState(run, State::Finished));
    QTRY_VERIFY2_WITH_TIMEOUT(runtime.state() == QProcess::NotRunning, runtime.readAllStandardError().constData(), 10000);
    QCOMPARE(runtime.exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_RunController)
#include "tst_runcontroller.moc"
