// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoCommand.h"

#include "DemoProducer.h"
#include "broker/EmbeddedBroker.h"
#include "engine/Executor.h"
#include "format/PipelineFormat.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <sqlite3.h>

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

QString examplesFolder()
{
    for (const QString &c : {qEnvironmentVariable("STREAMWRIGHT_EXAMPLES"),
                             QCoreApplication::applicationDirPath() + QStringLiteral("/../share/streamwright/examples"),
                             QStringLiteral(STREAMWRIGHT_SOURCE_EXAMPLES)}) {
        if (!c.isEmpty() && QFile::exists(c + QStringLiteral("/trending-products.json")))
            return c;
    }
    return {};
}

// The top products of the latest window in the dashboard table.
QStringList topProducts(const QString &db)
{
    QStringList rows;
    sqlite3 *handle = nullptr;
    if (sqlite3_open_v2(db.toUtf8().constData(), &handle, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(handle);
        return rows;
    }
    sqlite3_stmt *stmt = nullptr;
    const char *sql = "SELECT window_start, product_id, views FROM product_views "
                      "WHERE window_start = (SELECT max(window_start) FROM product_views) ORDER BY views DESC, product_id LIMIT 5";
    if (sqlite3_prepare_v2(handle, sql, -1, &stmt, nullptr) == SQLITE_OK) {
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            rows << QStringLiteral("  %1  %2 views  (minute from %3)")
                        .arg(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 1))))
                        .arg(sqlite3_column_int64(stmt, 2), 6)
                        .arg(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0))).mid(11, 5));
        }
    }
    sqlite3_finalize(stmt);
    sqlite3_close(handle);
    return rows;
}
} // namespace

QString DemoCommand::summary() const
{
    return QStringLiteral("run the trending-products example on the embedded broker");
}

int DemoCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Starts an embedded Kafka broker, writes generated shop events to it, and runs the\n"
        "trending-products example: live metrics, and the most viewed products of the current minute."));
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("Stop after N seconds (default: Ctrl+C)."),
                                     QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption rate(QStringLiteral("rate"), QStringLiteral("Events per second (default 2000)."),
                                  QStringLiteral("N"), QStringLiteral("2000"));
    for (const auto &o : {seconds, rate})
        parser.addOption(o);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("demo"), arguments, out, err))
        return *exit;
    const QString examples = examplesFolder();
    if (examples.isEmpty()) {
        err << "streamwright-cli demo: the example pipelines are not installed (set STREAMWRIGHT_EXAMPLES)\n";
        return kExitProblems;
    }
    auto loaded = core::PipelineFormat::loadFile(examples + QStringLiteral("/trending-products.json"));
    if (!loaded.pipeline) {
        err << "streamwright-cli demo: cannot read the trending-products example\n";
        return kExitProblems;
    }
    QTemporaryDir work; // the example's SQLite dashboard goes here, not next to the installed file
    loaded.pipeline->filePath = work.filePath(QStringLiteral("trending-products.json"));

    std::string error;
    auto broker = runtime::EmbeddedBroker::start(1, error);
    if (!broker || !broker->createTopic(QStringLiteral("user-events"), 4, error)
        || !broker->createTopic(QStringLiteral("purchase-events"), 2, error)) {
        err << "streamwright-cli demo: " << QString::fromStdString(error) << "\n";
        return kExitProblems;
    }
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    std::atomic<bool> stopProducer{false};
    QString producerError;
    DemoProducer::Options options;
    options.bootstrap = broker->bootstrap();
    options.rate = parser.value(rate).toDouble();
    std::thread producer([&] { DemoProducer::run(options, stopProducer, producerError); });

    runtime::RunOptions runOptions;
    runOptions.connectionBootstraps.insert(QStringLiteral("local"), broker->bootstrap());
    QString message;
    int status = kExitOk;
    {
        runtime::Executor executor(*loaded.pipeline, runOptions);
        if (!executor.open(message)) {
            err << "streamwright-cli demo: " << message << "\n";
            status = kExitProblems;
        } else {
            out << "Streamwright demo: trending products on an embedded Kafka broker at " << broker->bootstrap() << "\n"
                << "Events: " << options.rate << "/s of views, clicks and add-to-carts. Ctrl+C stops.\n\n";
            out.flush();
            QElapsedTimer clock, sinceReport;
            clock.start();
            sinceReport.start();
            const qint64 limit = parser.value(seconds).toLongLong() * 1000;
            int64_t rows = 0, lastBatch = -1;
            while (!g_stop && (limit <= 0 || clock.elapsed() < limit)) {
                if (executor.step() == runtime::Executor::Step::Failed) {
                    err << "streamwright-cli demo: " << executor.error() << "\n";
                    status = kExitProblems;
                    break;
                }
                if (executor.batchId() != lastBatch) {
                    lastBatch = executor.batchId();
                    if (const auto last = executor.lastProgress())
                        rows += last->numInputRows;
                }
                if (sinceReport.elapsed() >= 3000) {
                    const runtime::BatchProgress p = executor.lastProgress().value_or(runtime::BatchProgress{});
                    out << QStringLiteral("after %1 s: %2 events/s, consumer lag %3, batch %4 ms, p99 latency %5 ms, "
                                          "late %6\n")
                               .arg(clock.elapsed() / 1000)
                               .arg(qint64(double(rows) * 1000.0 / double(sinceReport.elapsed())))
                               .arg(p.consumerLag)
                               .arg(p.durationMs.total, 0, 'f', 1)
                               .arg(p.e2eLatencyMs ? qint64(p.e2eLatencyMs->p99) : 0)
                               .arg(p.lateRowsDropped);
                    const QStringList top = topProducts(work.filePath(QStringLiteral("trending.db")));
                    if (!top.isEmpty())
                        out << "top products:\n" << top.join(u'\n') << "\n";
                    out << "\n";
                    out.flush();
                    rows = 0;
                    sinceReport.restart();
                }
            }
        }
    }
    stopProducer = true;
    producer.join();
    if (!producerError.isEmpty()) {
        err << "streamwright-cli demo: producer: " << producerError << "\n";
        status = kExitProblems;
    }
    out << "demo stopped\n";
    return status;
}

} // namespace sw::cli
