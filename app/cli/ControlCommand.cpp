// SPDX-License-Identifier: GPL-3.0-or-later
#include "ControlCommand.h"
#include <QNetworkRequest>
#include <QNetworkReply>
#include <QNetworkAccessManager>

#include "RunCommand.h"
#include "client/RuntimeClient.h"
#include "model/Timestamps.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonDocument>

namespace sw::cli {

namespace {
QString statusLine(const runtime::RunStatus &s)
{
    QString line = QStringLiteral("%1: %2, batch %3").arg(s.pipeline, runtime::RunStatus::stateName(s.state)).arg(s.batchId);
    if (s.watermark == runtime::BatchProgress::kWatermarkEnd)
        line += QStringLiteral(", watermark end");
    else if (s.watermark > 0)
        line += QStringLiteral(", watermark ") + core::Timestamps::toIso(s.watermark);
    if (!s.error.isEmpty())
        line += QStringLiteral(", error: ") + s.error;
    if (!s.problem.isEmpty())
        line += QStringLiteral(", since %1: %2").arg(core::Timestamps::toIso(s.problemSinceMs), s.problem);
    return line;
}

// Waits for the one answer of an asynchronous client call.
template <typename T, typename Call>
std::optional<T> await(Call call, QString &error)
{
    QEventLoop loop;
    std::optional<T> result;
    call([&](std::optional<T> value, const QString &why) {
        result = std::move(value);
        error = why;
        loop.quit();
    });
    loop.exec();
    return result;
}
} // namespace

QString ControlCommand::summary() const
{
    return QStringLiteral("show or steer a running pipeline through its control API");
}

int ControlCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Shows or steers a run through its control API (the URL and token `streamwright-cli run` prints first).\n"
        "ACTION: status, progress, pause, resume, step or stop; for a run --debug also:\n"
        "  debug                        where the run is, what it can go back to, breakpoints\n"
        "  batch [N]                    batch N as kept (default: the current one), as JSON\n"
        "  seek N                       back (or forward) to the end of batch N (-1: the start)\n"
        "  breakpoint NODE [CONDITION]  pause after a batch in which NODE sees a row for which\n"
        "                               CONDITION holds (any row without one); adds to the others\n"
        "  clear-breakpoints"));
    const QCommandLineOption api(QStringLiteral("api"), QStringLiteral("The run's control API, e.g. http://127.0.0.1:8080."),
                                 QStringLiteral("URL"));
    const QCommandLineOption token(QStringLiteral("token"),
                                   QStringLiteral("The run's token (default: $STREAMWRIGHT_TOKEN); pause, resume, step "
                                                  "and stop need it."),
                                   QStringLiteral("TOKEN"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the API's JSON instead of a line."));
    parser.addOptions({api, token, json});
    parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("status, progress, pause, resume, step or stop"));
    parser.addPositionalArgument(QStringLiteral("ARGS"), QStringLiteral("for batch, seek and breakpoint"), QStringLiteral("[ARGS...]"));
    if (const auto code = parseCommandLine(parser, name(), arguments, out, err))
        return *code;
    const QStringList actions = parser.positionalArguments();
    static const QStringList known{QStringLiteral("status"), QStringLiteral("progress"), QStringLiteral("pause"),
                                   QStringLiteral("resume"), QStringLiteral("step"), QStringLiteral("stop"),
                                   QStringLiteral("debug"), QStringLiteral("batch"), QStringLiteral("seek"),
                                   QStringLiteral("breakpoint"), QStringLiteral("clear-breakpoints")};
    static const QStringList withArguments{QStringLiteral("batch"), QStringLiteral("seek"), QStringLiteral("breakpoint")};
    if (actions.isEmpty() || !known.contains(actions.front())
        || (actions.size() > 1 && !withArguments.contains(actions.front()))) {
        err << "streamwright-cli control: give one ACTION: " << known.join(QStringLiteral(", ")) << "\n";
        return kExitUsage;
    }
    const QUrl url(parser.value(api));
    if (!parser.isSet(api) || !url.isValid() || url.scheme() != u"http" || url.host().isEmpty()) {
        err << "streamwright-cli control: --api takes the run's control URL, e.g. http://127.0.0.1:8080\n";
        return kExitUsage;
    }
    const QString secret = parser.isSet(token) ? parser.value(token) : qEnvironmentVariable("STREAMWRIGHT_TOKEN");
    runtime::RuntimeClient client;
    client.setEndpoint(url, secret);
    const QString action = actions.front();
    QString error;
    auto fail = [&] {
        err << "streamwright-cli control: " << url.toString() << ": " << error << "\n";
        return kExitProblems;
    };
    const QStringList args = actions.mid(1);
    using Debug = runtime::RuntimeClient::DebugInfo;
    const auto debugLine = [&](const Debug &d) {
        if (!d.debugging)
            return QStringLiteral("the run is not being debugged (run --debug)");
        QString line = QStringLiteral("at the end of batch %1; batches %2 to %3 kept%4")
                           .arg(d.batch)
                           .arg(d.first)
                           .arg(d.last)
                           .arg(d.atEndOfInput ? QStringLiteral("; at the end of the input") : QString());
        if (d.lastHitBatch)
            line += QStringLiteral("; a breakpoint hit in batch %1").arg(*d.lastHitBatch);
        for (const auto &b : d.breakpoints)
            line += QStringLiteral("\n  breakpoint %1%2").arg(b.node, b.condition.isEmpty() ? QString() : u' ' + b.condition);
        return line;
    };
    const auto needToken = [&] {
        if (!secret.isEmpty())
            return false;
        err << "streamwright-cli control: " << action << " needs the run's token: --token or STREAMWRIGHT_TOKEN\n";
        return true;
    };
    if (action == u"debug" || action == u"seek" || action == u"breakpoint" || action == u"clear-breakpoints") {
        std::optional<Debug> info;
        if (action == u"debug") {
            info = await<Debug>([&](auto answer) { client.fetchDebugInfo(answer); }, error);
        } else if (action == u"seek") {
            bool ok = false;
            const qlonglong batch = args.value(0).toLongLong(&ok);
            if (args.size() != 1 || !ok) {
                err << "streamwright-cli control: seek takes a batch id (-1: the start)\n";
                return kExitUsage;
            }
            if (needToken())
                return kExitUsage;
            info = await<Debug>([&](auto answer) { client.seek(batch, answer); }, error);
        } else {
            if (needToken())
                return kExitUsage;
            if (action == u"breakpoint" && args.isEmpty()) {
                err << "streamwright-cli control: breakpoint takes a node id and, optionally, a condition\n";
                return kExitUsage;
            }
            std::vector<runtime::RuntimeClient::Breakpoint> breakpoints;
            if (action == u"breakpoint") {
                const auto current = await<Debug>([&](auto answer) { client.fetchDebugInfo(answer); }, error);
                if (!current)
                    return fail();
                breakpoints = current->breakpoints;
                breakpoints.push_back({args.front(), args.mid(1).join(u' ')});
            }
            info = await<Debug>([&](auto answer) { client.setBreakpoints(breakpoints, answer); }, error);
        }
        if (!info)
            return fail();
        out << debugLine(*info) << "\n";
        return kExitOk;
    }
    if (action == u"batch") {
        bool ok = true;
        qlonglong batch = -2;
        if (!args.isEmpty())
            batch = args.front().toLongLong(&ok);
        if (!ok || args.size() > 1) {
            err << "streamwright-cli control: batch takes a batch id\n";
            return kExitUsage;
        }
        if (batch == -2) {
            const auto info = await<Debug>([&](auto answer) { client.fetchDebugInfo(answer); }, error);
            if (!info)
                return fail();
            batch = info->batch;
        }
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(url.toString() + QStringLiteral("/api/debug/batch?batch=%1").arg(batch)));
        if (!secret.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + secret.toUtf8());
        QNetworkReply *reply = network.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            error = QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toString(reply->errorString());
            return fail();
        }
        out << QJsonDocument::fromJson(body).toJson(QJsonDocument::Indented);
        return kExitOk;
    }
    if (action == u"progress") {
        const auto update = await<runtime::RuntimeClient::ProgressUpdate>(
            // Records after the largest batch id: none, so only the latest comes.
            [&](auto answer) { client.fetchProgressSince(std::numeric_limits<int64_t>::max() - 1, answer); }, error);
        if (!update)
            return fail();
        if (!update->latest) {
            out << "no batch has run yet\n";
            return kExitOk;
        }
        if (parser.isSet(json))
            out << QJsonDocument(update->latest->toJson()).toJson(QJsonDocument::Compact) << "\n";
        else
            out << progressLine(*update->latest, update->latest->inputRowsPerSecond) << "\n";
        return kExitOk;
    }
    std::optional<runtime::RunStatus> status;
    if (action == u"status") {
        status = await<runtime::RunStatus>([&](auto answer) { client.fetchStatus(answer); }, error);
    } else {
        using C = runtime::RuntimeClient::Command;
        const C command = action == u"pause" ? C::Pause : action == u"resume" ? C::Resume : action == u"step" ? C::Step : C::Stop;
        if (secret.isEmpty()) {
            err << "streamwright-cli control: " << action << " needs the run's token: --token or STREAMWRIGHT_TOKEN\n";
            return kExitUsage;
        }
        status = await<runtime::RunStatus>([&](auto answer) { client.send(command, answer); }, error);
    }
    if (!status)
        return fail();
    if (parser.isSet(json))
        out << QJsonDocument(status->toJson()).toJson(QJsonDocument::Compact) << "\n";
    else
        out << statusLine(*status) << "\n";
    return status->state == runtime::RunStatus::State::Failed ? kExitProblems : kExitOk;
}

} // namespace sw::cli
