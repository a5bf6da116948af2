// SPDX-License-Identifier: GPL-3.0-or-later
#include "ControlCommand.h"

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
        "ACTION: status, progress, pause, resume, step or stop."));
    const QCommandLineOption api(QStringLiteral("api"), QStringLiteral("The run's control API, e.g. http://127.0.0.1:8080."),
                                 QStringLiteral("URL"));
    const QCommandLineOption token(QStringLiteral("token"),
                                   QStringLiteral("The run's token (default: $STREAMWRIGHT_TOKEN); pause, resume, step "
                                                  "and stop need it."),
                                   QStringLiteral("TOKEN"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the API's JSON instead of a line."));
    parser.addOptions({api, token, json});
    parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("status, progress, pause, resume, step or stop"));
    if (const auto code = parseCommandLine(parser, name(), arguments, out, err))
        return *code;
    const QStringList actions = parser.positionalArguments();
    static const QStringList known{QStringLiteral("status"), QStringLiteral("progress"), QStringLiteral("pause"),
                                   QStringLiteral("resume"), QStringLiteral("step"), QStringLiteral("stop")};
    if (actions.size() != 1 || !known.contains(actions.front())) {
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
