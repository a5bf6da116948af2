// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunCommand.h"

#include "engine/Executor.h"
#include "format/PipelineFormat.h"
#include "model/Timestamps.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>

#include <atomic>
#include <csignal>

namespace sw::cli {

namespace {
std::atomic<bool> g_stop{false};

void onSignal(int)
{
    g_stop = true;
}

QString progressLine(const QJsonObject &p, double rowsPerSecond)
{
    const QJsonObject latency = p.value(QStringLiteral("e2eLatencyMs")).toObject();
    const QJsonValue wm = p.value(QStringLiteral("eventTime")).toObject().value(QStringLiteral("watermark"));
    const QString watermark = wm.isString() ? wm.toString()
                              : wm.toDouble() > 0 ? core::Timestamps::toIso(int64_t(wm.toDouble())).mid(11, 8)
                                                  : QStringLiteral("-");
    return QStringLiteral("batch %1 | %2 rows/s | lag %3 | batch %4 ms | p99 latency %5 ms | watermark %6 | late %7 | dead %8")
        .arg(qint64(p.value(QStringLiteral("batchId")).toDouble()))
        .arg(qint64(rowsPerSecond))
        .arg(qint64(p.value(QStringLiteral("consumerLag")).toDouble()))
        .arg(p.value(QStringLiteral("durationMs")).toObject().value(QStringLiteral("total")).toDouble(), 0, 'f', 1)
        .arg(latency.isEmpty() ? QStringLiteral("-") : QString::number(qint64(latency.value(QStringLiteral("p99")).toDouble())))
        .arg(watermark)
        .arg(qint64(p.value(QStringLiteral("lateRowsDropped")).toDouble()))
        .arg(qint64(p.value(QStringLiteral("deadLetters")).toDouble()));
}
} // namespace

QString RunCommand::summary() const
{
    return QStringLiteral("run a pipeline headless");
}

int RunCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs a pipeline until it is stopped (SIGINT/SIGTERM finish the current batch and exit),\n"
        "its bounded input ends, or --until-idle says the input is over.\n"
        "Exit status: 0 finished or stopped, 1 the pipeline failed, 2 usage error."));
    const QCommandLineOption connection(QStringLiteral("connection"),
                                        QStringLiteral("Point connection NAME at another cluster (repeatable)."),
                                        QStringLiteral("NAME=BOOTSTRAP"));
    const QCommandLineOption untilIdle(QStringLiteral("until-idle"),
                                       QStringLiteral("End the input when no source had a record for S seconds: close every "
                                                      "window, flush the sinks, exit 0."),
                                       QStringLiteral("S"));
    const QCommandLineOption metrics(QStringLiteral("metrics"), QStringLiteral("Write one JSON object per batch."),
                                     QStringLiteral("FILE.jsonl"));
    const QCommandLineOption quiet({QStringLiteral("q"), QStringLiteral("quiet")}, QStringLiteral("No progress lines."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    for (const auto &o : {connection, untilIdle, metrics, quiet, help})
        parser.addOption(o);
    parser.addPositionalArgument(QStringLiteral("PIPELINE"), QStringLiteral("The pipeline file."));
    if (!parser.parse(arguments)) {
        err << "streamwright-cli run: " << parser.errorText() << "\n";
        return kExitUsage;
    }
    if (parser.isSet(help)) {
        out << parser.helpText().replace(arguments.value(0), QStringLiteral("streamwright-cli run"));
        return kExitOk;
    }
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

    const QString file = parser.positionalArguments().front();
    auto loaded = core::PipelineFormat::loadFile(file);
    if (!loaded.pipeline) {
        for (const auto &d : loaded.diagnostics)
            err << file << (d.line > 0 ? QStringLiteral(":%1:%2").arg(d.line).arg(d.column) : u':' + d.pointer) << ": "
                << d.message << "\n";
        return kExitProblems;
    }
    for (const QString &name : options.connectionBootstraps.keys()) {
        if (!loaded.pipeline->connections.contains(name)) {
            err << "streamwright-cli run: --connection " << name << ": the pipeline has no connection of that name\n";
            return kExitUsage;
        }
    }
    runtime::Executor executor(*loaded.pipeline, options);
    QString error;
    if (!executor.open(error)) {
        err << "streamwright-cli run: " << error << "\n";
        return kExitProblems;
    }
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    err << "running " << loaded.pipeline->name << " (Ctrl+C stops after the current batch)\n";
    err.flush();
    QElapsedTimer sinceLine;
    sinceLine.start();
    int64_t rowsSinceLine = 0, lastBatch = -1;
    for (;;) {
        if (g_stop) {
            err << "stopped after batch " << executor.batchId() << "\n";
            return kExitOk;
        }
        const auto step = executor.step();
        if (executor.batchId() != lastBatch) {
            lastBatch = executor.batchId();
            rowsSinceLine += int64_t(executor.lastProgress().value(QStringLiteral("numInputRows")).toDouble());
        }
        if (step == runtime::Executor::Step::Failed) {
            err << "streamwright-cli run: " << executor.error() << "\n";
            return kExitProblems;
        }
        if (step == runtime::Executor::Step::Finished) {
            err << "finished after batch " << executor.batchId() << ": input ended, every window emitted, sinks flushed\n";
            return kExitOk;
        }
        if (!parser.isSet(quiet) && sinceLine.elapsed() >= 1000 && lastBatch >= 0) {
            err << progressLine(executor.lastProgress(), double(rowsSinceLine) * 1000.0 / double(sinceLine.elapsed()))
                << "\n";
            err.flush();
            sinceLine.restart();
            rowsSinceLine = 0;
        }
    }
}

} // namespace sw::cli
