// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecordCommand.h"

#include "recording/KcatLines.h"
#include "recording/Recorder.h"
#include "recording/Recording.h"
#include "recording/Replayer.h"

#include <QCommandLineParser>
#include <QLocale>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace sw::cli {

namespace {
std::atomic<bool> g_stop{false};
void onSignal(int)
{
    g_stop = true;
}

QString number(int64_t n)
{
    return QLocale(QLocale::English).toString(qlonglong(n));
}

QString megabytes(int64_t bytes)
{
    return QString::number(double(bytes) / 1e6, 'f', 1) + QStringLiteral(" MB");
}

// `--property key=value` options as librdkafka properties.
bool properties(const QStringList &items, QJsonObject &out, QString &error)
{
    for (const QString &item : items) {
        const qsizetype eq = item.indexOf(u'=');
        if (eq <= 0) {
            error = QStringLiteral("--property takes KEY=VALUE, not \"%1\"").arg(item);
            return false;
        }
        out.insert(item.left(eq), item.mid(eq + 1));
    }
    return true;
}

// A line that rewrites itself on a terminal; elsewhere nothing until the summary.
class ProgressLine
{
public:
    explicit ProgressLine(QTextStream &err) : m_err(err), m_terminal(isatty(STDERR_FILENO) == 1) {}
    void show(const QString &text)
    {
        if (!m_terminal)
            return;
        m_err << "\r\033[K" << text;
        m_err.flush();
        m_shown = true;
    }
    void end()
    {
        if (m_shown)
            m_err << "\n";
        m_shown = false;
    }

private:
    QTextStream &m_err;
    bool m_terminal;
    bool m_shown = false;
};

std::optional<double> seconds(const QCommandLineParser &parser, const QCommandLineOption &option, QTextStream &err,
                              bool &bad)
{
    if (!parser.isSet(option))
        return std::nullopt;
    bool ok = false;
    const double value = parser.value(option).toDouble(&ok);
    if (!ok || value < 0) {
        err << "streamwright-cli record: --" << option.names().constFirst() << " takes seconds (0 or more), not \""
            << parser.value(option) << "\"\n";
        bad = true;
        return std::nullopt;
    }
    return value;
}
} // namespace

QString RecordCommand::summary() const
{
    return QStringLiteral("record Kafka topics into a recording file (or convert kcat -J lines)");
}

int RecordCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Records every record of the topics' partitions (topic, partition, offset, timestamp and its\n"
        "type, key, value, headers) into FILE.swrec, an SQLite database (docs/recording.md).\n"
        "Without --count, --duration or --until-idle it records until Ctrl+C; the file is complete\n"
        "either way. A progress line shows on a terminal.\n\n"
        "  record --bootstrap B --topic T [--topic T2]... --out FILE.swrec\n"
        "  record --import-kcat LINES.jsonl --out FILE.swrec    (from kcat -C -J output)\n"
        "  record --export-kcat LINES.jsonl FILE.swrec          (to kcat -J lines; - for stdout)"));
    parser.addPositionalArgument(QStringLiteral("RECORDING"), QStringLiteral("The recording to export (--export-kcat)."),
                                 QStringLiteral("[RECORDING]"));
    const QCommandLineOption bootstrap(QStringLiteral("bootstrap"), QStringLiteral("Kafka bootstrap servers, host:port[,...]."),
                                       QStringLiteral("B"));
    const QCommandLineOption topic(QStringLiteral("topic"), QStringLiteral("A topic to record (repeatable)."),
                                   QStringLiteral("T"));
    const QCommandLineOption outFile(QStringLiteral("out"), QStringLiteral("The recording to write."),
                                     QStringLiteral("FILE.swrec"));
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("Where to start in each partition: beginning (default), end, or a time "
                                                 "(ISO-8601)."),
                                  QStringLiteral("WHERE"), QStringLiteral("beginning"));
    const QCommandLineOption untilIdle(QStringLiteral("until-idle"),
                                       QStringLiteral("Stop when nothing arrived for S seconds."), QStringLiteral("S"));
    const QCommandLineOption count(QStringLiteral("count"), QStringLiteral("Stop after N records."), QStringLiteral("N"));
    const QCommandLineOption duration(QStringLiteral("duration"), QStringLiteral("Stop after S seconds."),
                                      QStringLiteral("S"));
    const QCommandLineOption property(QStringLiteral("property"),
                                      QStringLiteral("A librdkafka consumer property, e.g. security.protocol=SSL "
                                                     "(repeatable; ${env:NAME} is expanded)."),
                                      QStringLiteral("KEY=VALUE"));
    const QCommandLineOption force(QStringLiteral("force"), QStringLiteral("Replace the output file if it exists."));
    const QCommandLineOption importKcat(QStringLiteral("import-kcat"),
                                        QStringLiteral("Convert kcat -C -J lines (- for stdin) into --out."),
                                        QStringLiteral("LINES"));
    const QCommandLineOption exportKcat(QStringLiteral("export-kcat"),
                                        QStringLiteral("Write RECORDING as kcat -J lines to LINES (- for stdout)."),
                                        QStringLiteral("LINES"));
    for (const auto &o : {bootstrap, topic, outFile, from, untilIdle, count, duration, property, force, importKcat, exportKcat})
        parser.addOption(o);
    if (const auto exit = parseCommandLine(parser, name(), arguments, out, err))
        return *exit;
    const auto usage = [&](const QString &text) {
        err << "streamwright-cli record: " << text << "\nTry 'streamwright-cli record --help'.\n";
        return kExitUsage;
    };
    std::string error;

    if (parser.isSet(exportKcat)) {
        if (parser.positionalArguments().size() != 1)
            return usage(QStringLiteral("--export-kcat needs the recording to export: record --export-kcat LINES FILE.swrec"));
        runtime::KcatLines::Summary s;
        if (!runtime::KcatLines::exportTo(parser.positionalArguments().constFirst().toStdString(),
                                          parser.value(exportKcat).toStdString(), s, error)) {
            err << "streamwright-cli record: " << QString::fromStdString(error) << "\n";
            return kExitProblems;
        }
        err << "exported " << number(s.records) << " records of " << s.partitions << " partitions\n";
        if (s.notUtf8 > 0)
            err << "warning: " << number(s.notUtf8)
                << " records have a key, value or header that is not UTF-8; kcat's JSON cannot carry it exactly, so "
                   "each of its bytes is written as a \\u00XX escape\n";
        return kExitOk;
    }
    if (!parser.isSet(outFile))
        return usage(QStringLiteral("name the recording to write with --out FILE.swrec"));
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(importKcat)) {
        runtime::KcatLines::Summary s;
        if (!runtime::KcatLines::import(parser.value(importKcat).toStdString(), parser.value(outFile).toStdString(),
                                        parser.isSet(force), s, error)) {
            err << "streamwright-cli record: " << QString::fromStdString(error) << "\n";
            return kExitProblems;
        }
        err << "imported " << number(s.records) << " records of " << s.partitions << " partitions into "
            << parser.value(outFile) << "\n";
        return kExitOk;
    }

    if (!parser.isSet(bootstrap))
        return usage(QStringLiteral("name the cluster with --bootstrap host:port"));
    if (parser.values(topic).isEmpty())
        return usage(QStringLiteral("name at least one --topic to record"));
    runtime::RecorderOptions options;
    options.endpoint.name = QStringLiteral("record");
    options.endpoint.bootstrap = parser.value(bootstrap);
    QString propertyError;
    if (!properties(parser.values(property), options.endpoint.properties, propertyError))
        return usage(propertyError);
    for (const QString &t : parser.values(topic))
        options.topics.push_back(t.toStdString());
    options.from = parser.value(from).toStdString();
    options.out = parser.value(outFile).toStdString();
    options.overwrite = parser.isSet(force);
    bool bad = false;
    options.untilIdleSeconds = seconds(parser, untilIdle, err, bad).value_or(-1);
    options.durationSeconds = seconds(parser, duration, err, bad).value_or(-1);
    if (parser.isSet(count)) {
        bool ok = false;
        options.count = parser.value(count).toLongLong(&ok);
        if (!ok || options.count < 0)
            return usage(QStringLiteral("--count takes a number of records, not \"%1\"").arg(parser.value(count)));
    }
    if (bad)
        return kExitUsage;

    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    ProgressLine line(err);
    const auto progress = [&](const runtime::RecorderProgress &p) {
        QStringList positions;
        for (const auto &part : p.partitions) {
            if (positions.size() < 4)
                positions << QStringLiteral("%1/%2 %3/%4")
                                 .arg(QString::fromStdString(part.topic))
                                 .arg(part.partition)
                                 .arg(part.next >= 0 ? number(part.next) : QStringLiteral("-"))
                                 .arg(part.high >= 0 ? number(part.high) : QStringLiteral("?"));
        }
        if (p.partitions.size() > 4)
            positions << QStringLiteral("+%1 partitions").arg(p.partitions.size() - 4);
        line.show(QStringLiteral("%1 records  %2  %3 records/s  behind %4  %5")
                      .arg(number(p.records), megabytes(p.bytes),
                           number(p.seconds > 0 ? int64_t(double(p.records) / p.seconds) : 0), number(p.behind()),
                           positions.join(QStringLiteral("  "))));
    };
    const auto warning = [&](const std::string &text) {
        line.end();
        err << "warning: " << QString::fromStdString(text) << "\n";
    };
    runtime::RecorderProgress result;
    const bool ok = runtime::Recorder::run(options, g_stop, progress, warning, result, error);
    line.end();
    if (!ok) {
        err << "streamwright-cli record: " << QString::fromStdString(error) << "\n";
        if (result.records > 0)
            err << number(result.records) << " records were written to " << parser.value(outFile) << " before that\n";
        return kExitProblems;
    }
    out << "recorded " << number(result.records) << " records (" << megabytes(result.bytes) << ") of "
        << result.partitions.size() << " partitions in " << QString::number(result.seconds, 'f', 1) << " s into "
        << parser.value(outFile) << " (" << QString::fromStdString(result.stoppedBecause) << ")\n";
    return kExitOk;
}

// ---------------------------------------------------------------------------

QString ReplayCommand::summary() const
{
    return QStringLiteral("produce a recording back to Kafka, keeping keys, headers, timestamps, partitions");
}

int ReplayCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Produces the records of FILE.swrec back to Kafka in recorded order, each to its recorded\n"
        "partition with its key, value, headers and timestamp. Offsets cannot be kept (the broker gives\n"
        "them); the summary says what else could not be."));
    parser.addPositionalArgument(QStringLiteral("RECORDING"), QStringLiteral("The recording (FILE.swrec)."));
    const QCommandLineOption bootstrap(QStringLiteral("bootstrap"), QStringLiteral("Kafka bootstrap servers, host:port[,...]."),
                                       QStringLiteral("B"));
    const QCommandLineOption topicMap(QStringLiteral("topic-map"),
                                      QStringLiteral("Produce the records of topic OLD to NEW (repeatable)."),
                                      QStringLiteral("OLD=NEW"));
    const QCommandLineOption speed(QStringLiteral("speed"),
                                   QStringLiteral("max (default): as fast as possible; X: X times the recorded pace (1: "
                                                  "as recorded)."),
                                   QStringLiteral("X|max"), QStringLiteral("max"));
    const QCommandLineOption property(QStringLiteral("property"),
                                      QStringLiteral("A librdkafka producer property (repeatable; ${env:NAME} is "
                                                     "expanded)."),
                                      QStringLiteral("KEY=VALUE"));
    for (const auto &o : {bootstrap, topicMap, speed, property})
        parser.addOption(o);
    if (const auto exit = parseCommandLine(parser, name(), arguments, out, err))
        return *exit;
    const auto usage = [&](const QString &text) {
        err << "streamwright-cli replay: " << text << "\nTry 'streamwright-cli replay --help'.\n";
        return kExitUsage;
    };
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("name one recording to replay"));
    if (!parser.isSet(bootstrap))
        return usage(QStringLiteral("name the cluster with --bootstrap host:port"));
    runtime::ReplayOptions options;
    options.recording = parser.positionalArguments().constFirst().toStdString();
    options.endpoint.name = QStringLiteral("replay");
    options.endpoint.bootstrap = parser.value(bootstrap);
    QString propertyError;
    if (!properties(parser.values(property), options.endpoint.properties, propertyError))
        return usage(propertyError);
    for (const QString &m : parser.values(topicMap)) {
        const qsizetype eq = m.indexOf(u'=');
        if (eq <= 0 || eq == m.size() - 1)
            return usage(QStringLiteral("--topic-map takes OLD=NEW, not \"%1\"").arg(m));
        options.topicMap[m.left(eq).toStdString()] = m.mid(eq + 1).toStdString();
    }
    if (parser.value(speed) != u"max") {
        bool ok = false;
        options.speed = parser.value(speed).toDouble(&ok);
        if (!ok || options.speed <= 0)
            return usage(QStringLiteral("--speed takes max or a factor above 0 (1: the recorded pace), not \"%1\"")
                             .arg(parser.value(speed)));
    }

    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    ProgressLine line(err);
    const auto progress = [&](const runtime::ReplayProgress &p) {
        QString text = QStringLiteral("%1 of %2 records  %3  %4 records/s")
                           .arg(number(p.records), number(p.total), megabytes(p.bytes),
                                number(p.seconds > 0 ? int64_t(double(p.records) / p.seconds) : 0));
        if (options.speed > 0)
            text += p.behindMs > 1000 ? QStringLiteral("  behind the pace by %1 s").arg(p.behindMs / 1000)
                                      : QStringLiteral("  at pace");
        line.show(text);
    };
    runtime::ReplaySummary summary;
    std::string error;
    const bool ok = runtime::Replayer::run(options, g_stop, progress, summary, error);
    line.end();
    if (!ok) {
        err << "streamwright-cli replay: " << QString::fromStdString(error) << "\n";
        if (summary.progress.records > 0)
            err << number(summary.progress.records) << " records had been produced before that\n";
        return kExitProblems;
    }
    out << (g_stop ? "stopped after " : "replayed ") << number(summary.progress.records) << " of "
        << number(summary.progress.total) << " records in " << QString::number(summary.progress.seconds, 'f', 1)
        << " s to " << options.endpoint.bootstrap << "; kept: partitions, keys, values, headers, timestamps\n";
    for (const std::string &n : summary.notKept)
        out << "not kept: " << QString::fromStdString(n) << "\n";
    return g_stop ? kExitProblems : kExitOk;
}

} // namespace sw::cli
