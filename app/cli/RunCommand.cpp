// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunCommand.h"

#include "DemoProducer.h"
#include "broker/EmbeddedBroker.h"
#include "alerts/AlertEvaluator.h"
#include "control/ControlServer.h"
#include "engine/Executor.h"
#include "format/PipelineFormat.h"
#include "model/Timestamps.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTimer>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QScopeGuard>
#include <QJsonArray>

#include <atomic>
#include <csignal>
#include <thread>

namespace sw::cli {

namespace {
std::atomic<bool> g_stop{false};

void onSignal(int)
{
    g_stop = true;
}

} // namespace

QString progressLine(const runtime::BatchProgress &p, double rowsPerSecond)
{
    const QString watermark = p.watermarkIsEnd()  ? QStringLiteral("end")
                              : p.watermark > 0 ? core::Timestamps::toIso(p.watermark).mid(11, 8)
                                                : QStringLiteral("-");
    return QStringLiteral("batch %1 | %2 rows/s | lag %3 | batch %4 ms | p99 latency %5 ms | watermark %6 | late %7 | dead %8")
        .arg(p.batchId)
        .arg(qint64(rowsPerSecond))
        .arg(p.consumerLag)
        .arg(p.durationMs.total, 0, 'f', 1)
        .arg(p.e2eLatencyMs ? QString::number(qint64(p.e2eLatencyMs->p99)) : QStringLiteral("-"))
        .arg(watermark)
        .arg(p.lateRowsDropped)
        .arg(p.deadLetters);
}
QString RunCommand::summary() const
{
    return QStringLiteral("run a pipeline headless");
}

int RunCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs a pipeline until it is stopped (SIGINT/SIGTERM finish the current batch and exit),\n"
        "its bounded input ends, --until-idle says the input is over, or (--available-now, --once)\n"
        "what was available at the start is processed.\n"
        "Exit status: 0 finished or stopped, 1 the pipeline failed, 2 usage error."));
    const QCommandLineOption connection(QStringLiteral("connection"),
                                        QStringLiteral("Point connection NAME at another cluster (repeatable)."),
                                        QStringLiteral("NAME=BOOTSTRAP"));
    const QCommandLineOption untilIdle(QStringLiteral("until-idle"),
                                       QStringLiteral("End the input when no source had a record for S seconds: close every "
                                                      "window, flush the sinks, exit 0. With a checkpoint, stop there "
                                                      "instead (Spark's AvailableNow): open windows wait in it."),
                                       QStringLiteral("S"));
    const QCommandLineOption metrics(QStringLiteral("metrics"), QStringLiteral("Write one JSON object per batch."),
                                     QStringLiteral("FILE.jsonl"));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Serve the control API here (default: 127.0.0.1 and a free port)."),
                                    QStringLiteral("HOST:PORT"));
    const QCommandLineOption quiet({QStringLiteral("q"), QStringLiteral("quiet")}, QStringLiteral("No progress lines."));
    const QCommandLineOption baseDir(QStringLiteral("base-dir"),
                                     QStringLiteral("Resolve the pipeline's relative paths against DIR instead of the "
                                                    "file's folder (the app runs an unsaved copy this way)."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption failAfter(QStringLiteral("fail-after"),
                                       QStringLiteral("Fail (exit 1, with the reason) when a source has been unable to reach "
                                                      "its cluster for S seconds (default: wait for it)."),
                                       QStringLiteral("S"));
    const QCommandLineOption noCheckpoint(QStringLiteral("no-checkpoint"),
                                          QStringLiteral("Run without the pipeline's checkpoint (at-least-once; state "
                                                         "is lost when the run stops); the checkpoint is left as it is."));
    const QCommandLineOption resetCheckpoint(QStringLiteral("reset-checkpoint"),
                                             QStringLiteral("Delete the pipeline's checkpoint first: start over from the "
                                                            "sources' startingOffsets with no state."));
    const QCommandLineOption demoData(QStringLiteral("demo-data"),
                                      QStringLiteral("Write the demo events (user-events, purchase-events, orders, sensor-readings) into each "
                                                     "embedded broker of the pipeline at N events/s while it runs."),
                                      QStringLiteral("N"));
    const QCommandLineOption availableNow(
        QStringLiteral("available-now"),
        QStringLiteral("Spark's Trigger.AvailableNow: fix every partition's end at its latest offset now, process up "
                       "to it in batches of runtime.maxBatchRows, run the due no-data batches, commit, exit 0."));
    const QCommandLineOption once(QStringLiteral("once"),
                                  QStringLiteral("Spark's Trigger.Once: one batch of everything available now (however "
                                                 "many rows), no no-data batch; commit, exit 0."));
    const QCommandLineOption debug(
        QStringLiteral("debug"),
        QStringLiteral("The step debugger, over recordings (source.recording): starts paused; every batch's rows and "
                       "state are kept to go back to (control step, resume, seek N, breakpoint NODE [CONDITION]); no "
                       "checkpoint; the run stays at the end of its input until stopped."));
    for (const auto &o : {connection, untilIdle, metrics, listen, quiet, baseDir, demoData, noCheckpoint, resetCheckpoint,
                          failAfter, availableNow, once, debug})
        parser.addOption(o);
    parser.addPositionalArgument(QStringLiteral("PIPELINE"), QStringLiteral("The pipeline file."));
    if (const auto exit = parseCommandLine(parser, QStringLiteral("run"), arguments, out, err))
        return *exit;
    if (parser.positionalArguments().size() != 1) {
        err << "Usage: streamwright-cli run PIPELINE.json [--connection NAME=BOOTSTRAP]... [--until-idle S] "
               "[--metrics FILE.jsonl]\n";
        return kExitUsage;
    }
    runtime::RunOptions options;
    for (const QString &c : parser.values(connection)) {
        const int eq = int(c.indexOf(u'='));
        if (eq <= 0 || eq == c.size() - 1) {
            err << "streamwright-cli run: --connection takes NAME=BOOTSTRAP, not '" << c << "'\n";
            return kExitUsage;
        }
        options.connectionBootstraps.insert(c.left(eq), c.mid(eq + 1));
    }
    if (parser.isSet(untilIdle)) {
        bool ok = false;
        options.untilIdleSeconds = parser.value(untilIdle).toDouble(&ok);
        if (!ok || options.untilIdleSeconds < 0) {
            err << "streamwright-cli run: --until-idle takes a number of seconds\n";
            return kExitUsage;
        }
    }
    options.metricsPath = parser.value(metrics);
    if (parser.isSet(failAfter)) {
        bool ok = false;
        options.failAfterSeconds = parser.value(failAfter).toDouble(&ok);
        if (!ok || options.failAfterSeconds < 0) {
            err << "streamwright-cli run: --fail-after takes a number of seconds\n";
            return kExitUsage;
        }
    }
    if (parser.isSet(availableNow) && parser.isSet(once)) {
        err << "streamwright-cli run: --available-now and --once exclude each other\n";
        return kExitUsage;
    }
    if (parser.isSet(availableNow))
        options.trigger = runtime::Trigger::AvailableNow;
    if (parser.isSet(once))
        options.trigger = runtime::Trigger::Once;
    options.noCheckpoint = parser.isSet(noCheckpoint);
    options.debug = parser.isSet(debug);
    if (options.debug && (parser.isSet(availableNow) || parser.isSet(once) || parser.isSet(resetCheckpoint))) {
        err << "streamwright-cli run: --debug runs without a checkpoint and stays at the end of the input; it does not "
               "go with --available-now, --once or --reset-checkpoint\n";
        return kExitUsage;
    }
    if (options.noCheckpoint && parser.isSet(resetCheckpoint)) {
        err << "streamwright-cli run: --no-checkpoint and --reset-checkpoint exclude each other\n";
        return kExitUsage;
    }

    const QString file = parser.positionalArguments().front();
    auto loaded = core::PipelineFormat::loadFile(file);
    if (!loaded.pipeline) {
        for (const auto &d : loaded.diagnostics)
            err << file << (d.line > 0 ? QStringLiteral(":%1:%2").arg(d.line).arg(d.column) : u':' + d.pointer) << ": "
                << d.message << "\n";
        return kExitProblems;
    }
    if (parser.isSet(baseDir)) {
        const QDir dir(parser.value(baseDir));
        if (!dir.exists()) {
            err << "streamwright-cli run: --base-dir " << parser.value(baseDir) << ": no such folder\n";
            return kExitUsage;
        }
        loaded.pipeline->filePath = dir.absoluteFilePath(QFileInfo(file).fileName());
    }
    if (parser.isSet(resetCheckpoint)) {
        const QString dir = runtime::Executor::checkpointDir(*loaded.pipeline);
        std::string why;
        if (dir.isEmpty()) {
            err << "streamwright-cli run: --reset-checkpoint: the pipeline has no runtime.checkpoint.dir\n";
            return kExitUsage;
        }
        if (!runtime::CheckpointStore::reset(dir, why)) {
            err << "streamwright-cli run: --reset-checkpoint: " << QString::fromStdString(why) << "\n";
            return kExitProblems;
        }
        err << "checkpoint: " << runtime::CheckpointStore::databasePath(dir) << " deleted; starting over\n";
    }
    for (const QString &name : options.connectionBootstraps.keys()) {
        if (!loaded.pipeline->connections.contains(name)) {
            err << "streamwright-cli run: --connection " << name << ": the pipeline has no connection of that name\n";
            return kExitUsage;
        }
    }
    // Demo data: the run's embedded brokers are started here, not by the executor,
    // so a producer can fill them before and while the pipeline reads.
    std::vector<std::unique_ptr<runtime::EmbeddedBroker>> demoBrokers;
    std::vector<std::thread> demoProducers;
    std::atomic<bool> stopDemo{false};
    QString demoError;
    auto stopDemoProducers = qScopeGuard([&] {
        stopDemo = true;
        for (auto &t : demoProducers)
            t.join();
    });
    if (parser.isSet(demoData)) {
        bool ok = false;
        const double rate = parser.value(demoData).toDouble(&ok);
        if (!ok || rate < 0) {
            err << "streamwright-cli run: --demo-data takes events per second\n";
            return kExitUsage;
        }
        for (auto it = loaded.pipeline->connections.cbegin(); it != loaded.pipeline->connections.cend(); ++it) {
            if (it.value().value(QStringLiteral("kind")).toString() != u"embedded"
                || options.connectionBootstraps.contains(it.key()))
                continue;
            std::string brokerError;
            auto broker = runtime::EmbeddedBroker::start(it.value().value(QStringLiteral("brokers")).toInt(1), brokerError);
            if (!broker || !broker->createTopic(QStringLiteral("user-events"), 4, brokerError)
                || !broker->createTopic(QStringLiteral("purchase-events"), 2, brokerError)
                || !broker->createTopic(QStringLiteral("orders"), 2, brokerError)
                || !broker->createTopic(QStringLiteral("sensor-readings"), 2, brokerError)) {
                err << "streamwright-cli run: embedded broker " << it.key() << ": " << QString::fromStdString(brokerError) << "\n";
                return kExitProblems;
            }
            options.connectionBootstraps.insert(it.key(), broker->bootstrap());
            options.ephemeralConnections.insert(it.key());
            DemoProducer::Options demo;
            demo.bootstrap = broker->bootstrap();
            demo.rate = rate;
            demo.orders = true;
            demo.sensors = true;
            demoProducers.emplace_back([demo, &stopDemo, &demoError] { DemoProducer::run(demo, stopDemo, demoError); });
            demoBrokers.push_back(std::move(broker));
        }
    }
    QHostAddress address(QHostAddress::LocalHost);
    quint16 port = 0;
    if (parser.isSet(listen)) {
        const QString value = parser.value(listen);
        const int colon = int(value.lastIndexOf(u':'));
        bool ok = colon > 0;
        port = ok ? value.mid(colon + 1).toUShort(&ok) : 0;
        if (!ok || !address.setAddress(value.left(colon).remove(u'[').remove(u']'))) {
            err << "streamwright-cli run: --listen takes HOST:PORT, e.g. 127.0.0.1:8080, not '" << value << "'\n";
            return kExitUsage;
        }
    }
    runtime::Executor executor(*loaded.pipeline, options);
    QString error;
    if (!executor.open(error)) {
        err << "streamwright-cli run: " << error << "\n";
        return kExitProblems;
    }
    runtime::Run run(executor);
    runtime::ControlServer server(executor, run, loaded.pipeline->name);
    // Alerts are evaluated here, by the runtime, so a headless run alerts too.
    runtime::AlertEvaluator alerts(runtime::AlertRule::fromJson(loaded.pipeline->alerts));
    server.setAlerts(&alerts);
    server.setPipelineFile(core::PipelineFormat::save(*loaded.pipeline));
    server.setConnectionBootstraps(options.connectionBootstraps);
    QNetworkAccessManager webhooks;
    const quint16 listening = server.listen(address, port);
    if (listening == 0) {
        err << "streamwright-cli run: cannot listen on " << address.toString() << ":" << port << "\n";
        return kExitProblems;
    }
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + address.toString() + u']' : address.toString();
    out << "control=http://" << host << ":" << listening << " token=" << server.token() << "\n";
    out.flush();
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    err << executor.checkpointReport() << "\n";
    err << "running " << loaded.pipeline->name << "; control API on http://" << host << ":" << listening
        << " (Ctrl+C stops after the current batch)\n";
    err.flush();

    // The batch loop runs on its own thread; this one serves HTTP and prints progress.
    std::atomic<int64_t> rowsSinceLine{0};
    if (options.debug) {
        run.pause(); // at the start: set breakpoints, then step or resume
        err << "debugging: paused at the start; streamwright-cli control step|resume|seek N|breakpoint NODE [CONDITION] "
               "--api URL\n";
        err.flush();
    }
    run.start([&] {
        if (const auto last = executor.lastProgress())
            rowsSinceLine += last->numInputRows;
    });
    QElapsedTimer sinceLine;
    sinceLine.start();
    int64_t alertedBatch = -1;
    qint64 lastAlertTick = 0;
    auto act = [&](const std::vector<runtime::AlertEvent> &events) {
        for (const runtime::AlertEvent &e : events) {
            const runtime::AlertRule &rule = alerts.rules()[size_t(e.rule)];
            err << (e.firing ? "ALERT " : "alert ") << e.message << "\n";
            err.flush();
            if (!e.firing)
                continue;
            if (!rule.command.isEmpty()) {
                // The rule's command, with the alert in its environment.
                QProcess process;
                QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
                env.insert(QStringLiteral("STREAMWRIGHT_ALERT_SEVERITY"), rule.severity);
                env.insert(QStringLiteral("STREAMWRIGHT_ALERT_METRIC"), rule.metric);
                env.insert(QStringLiteral("STREAMWRIGHT_ALERT_NODE"), rule.node);
                env.insert(QStringLiteral("STREAMWRIGHT_ALERT_VALUE"), QString::number(e.value));
                env.insert(QStringLiteral("STREAMWRIGHT_ALERT_MESSAGE"), e.message);
                env.insert(QStringLiteral("STREAMWRIGHT_PIPELINE"), loaded.pipeline->name);
                process.setProcessEnvironment(env);
                process.setProgram(QStringLiteral("/bin/sh"));
                process.setArguments({QStringLiteral("-c"), rule.command});
                if (!process.startDetached())
                    err << "streamwright-cli run: alert command failed to start: " << rule.command << "\n";
            }
            if (!rule.webhook.isEmpty()) {
                QNetworkRequest request{QUrl(rule.webhook)};
                request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
                request.setTransferTimeout(5000);
                QJsonObject body = e.toJson(rule);
                body.insert(QStringLiteral("pipeline"), loaded.pipeline->name);
                QNetworkReply *reply = webhooks.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
                QObject::connect(reply, &QNetworkReply::finished, reply, [reply, &err, url = rule.webhook] {
                    if (reply->error() != QNetworkReply::NoError)
                        err << "streamwright-cli run: alert webhook " << url << ": " << reply->errorString() << "\n";
                    reply->deleteLater();
                });
            }
        }
    };
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        if (g_stop)
            run.stop();
        // Only once the loop has ended, not as soon as a stop is asked: until then the
        // API answers (the stop request itself, and "stopping" to clients polling).
        if (run.isOver()) {
            QCoreApplication::quit();
            return;
        }
        // Alerts are evaluated once a second over the batches of that second (a
        // batch alone is too short: a no-data batch follows most batches).
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (!alerts.rules().empty() && now - lastAlertTick >= 1000) {
            const std::vector<runtime::BatchProgress> records = executor.progressSince(alertedBatch);
            const double seconds = lastAlertTick > 0 ? double(now - lastAlertTick) / 1000.0 : 1.0;
            lastAlertTick = now;
            const auto down = executor.unreachable();
            const auto last = executor.lastProgress();
            if (records.empty() && down && last) {
                // No batch runs while a cluster is away: the alerts see the latest
                // record with the source's state now.
                runtime::BatchProgress now_ = *last;
                now_.timestampMs = now;
                for (auto &s : now_.sources) {
                    if (s.node == down->first) {
                        s.unreachable = QString::fromStdString(down->second.reason);
                        s.unreachableSinceMs = down->second.sinceMs;
                    }
                }
                act(alerts.onProgress(now_, now));
            } else if (records.empty()) {
                act(alerts.onTick(now, last ? &*last : nullptr)); // paused or stuck: time passes, lag grows
            } else {
                alertedBatch = records.back().batchId;
                act(alerts.onProgress(*runtime::AlertEvaluator::foldInterval(records, seconds), now));
            }
        }
        const auto latest = executor.lastProgress();
        if (!parser.isSet(quiet) && sinceLine.elapsed() >= 1000 && latest) {
            err << progressLine(*latest, double(rowsSinceLine.exchange(0)) * 1000.0 / double(sinceLine.elapsed()))
                << (run.paused() ? " | paused" : "") << "\n";
            err.flush();
            sinceLine.restart();
        }
    });
    tick.start(50);
    QCoreApplication::exec();
    const runtime::Run::State ended = run.state();
    run.stop();
    run.wait();
    if (ended == runtime::Run::State::Failed) {
        err << "streamwright-cli run: " << executor.error() << "\n";
        return kExitProblems;
    }
    if (ended == runtime::Run::State::Finished && options.trigger != runtime::Trigger::Continuous) {
        err << "finished after batch " << executor.batchId() << " ("
            << (options.trigger == runtime::Trigger::Once ? "--once" : "--available-now")
            << "): what was available at the start is processed, sinks flushed";
        if (executor.hasCheckpoint())
            err << " and committed; open windows wait in the checkpoint\n";
        else if (executor.stateRowsAtStop() > 0)
            err << "; " << executor.stateRowsAtStop()
                << " open window(s), group(s) or join row(s) are lost: the pipeline has no checkpoint to keep them\n";
        else
            err << "\n";
        return kExitOk;
    }
    if (ended == runtime::Run::State::Finished && executor.hasCheckpoint()) {
        err << "finished after batch " << executor.batchId()
            << ": the available input is processed and committed, sinks flushed; open windows wait in the checkpoint\n";
        return kExitOk;
    }
    if (ended == runtime::Run::State::Finished) {
        err << "finished after batch " << executor.batchId() << ": input ended, every window emitted, sinks flushed\n";
        return kExitOk;
    }
    err << "stopped after batch " << executor.batchId()
        << (executor.hasCheckpoint() ? "; the checkpoint has its state, a restart goes on from there" : "") << "\n";
    return kExitOk;
}

} // namespace sw::cli
