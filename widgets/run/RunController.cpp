// SPDX-License-Identifier: GPL-3.0-or-later
#include "run/RunController.h"

#include "format/PipelineFormat.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcessEnvironment>
#include <QTimer>
#include <QUrlQuery>

namespace sw::widgets {

namespace {
constexpr int StopGraceMs = 5000;
}

RunController::RunController(QObject *parent) : QObject(parent)
{
    m_cliPath = defaultCliPath();
    m_network = new QNetworkAccessManager(this);
    m_pollTimer = new QTimer(this);
    m_pollTimer->setInterval(1000);
    connect(m_pollTimer, &QTimer::timeout, this, &RunController::poll);
    m_killTimer = new QTimer(this);
    m_killTimer->setSingleShot(true);
    connect(m_killTimer, &QTimer::timeout, this, [this] {
        if (!m_process)
            return;
        emit logLine(tr("The runtime did not stop within %1 s; terminating it.").arg(StopGraceMs / 1000), true);
        m_process->terminate();
        if (!m_process->waitForFinished(3000))
            m_process->kill();
    });
}

RunController::~RunController()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->terminate();
        if (!m_process->waitForFinished(3000))
            m_process->kill();
        m_process->waitForFinished(1000);
    }
}

QString RunController::defaultCliPath()
{
    const QString fromEnvironment = qEnvironmentVariable("STREAMWRIGHT_CLI");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString beside = QCoreApplication::applicationDirPath() + QStringLiteral("/streamwright-cli");
    if (QFileInfo(beside).isExecutable())
        return beside;
#ifdef STREAMWRIGHT_CLI_BUILD_PATH
    if (QFileInfo(QStringLiteral(STREAMWRIGHT_CLI_BUILD_PATH)).isExecutable())
        return QStringLiteral(STREAMWRIGHT_CLI_BUILD_PATH);
#endif
    return QStringLiteral("streamwright-cli"); // from PATH
}

void RunController::setPollInterval(int ms)
{
    m_pollTimer->setInterval(ms);
}

QString RunController::stateName(State state)
{
    switch (state) {
    case State::Idle: return tr("Not running");
    case State::Starting: return tr("Starting");
    case State::Running: return tr("Running");
    case State::Paused: return tr("Paused");
    case State::Stopping: return tr("Stopping");
    case State::Finished: return tr("Finished");
    case State::Failed: return tr("Failed");
    }
    return {};
}

bool RunController::attach(const QUrl &controlUrl, const QString &token)
{
    if (isActive() || !controlUrl.isValid() || controlUrl.scheme() != QLatin1String("http"))
        return false;
    m_scratch.reset();
    m_attached = true;
    resetFollowing();
    m_controlUrl = controlUrl;
    m_token = token;
    emit logLine(tr("Attaching to the runtime at %1").arg(controlUrl.toString()), false);
    setState(State::Starting);
    QNetworkReply *reply = get(QStringLiteral("/api/pipeline"));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (!m_attached)
            return;
        if (reply->error() != QNetworkReply::NoError) {
            emit logLine(tr("Cannot attach: %1").arg(reply->errorString()), true);
            m_attached = false;
            setState(State::Failed);
            return;
        }
        emit pipelineReceived(reply->readAll());
        m_sincePoll.start();
        m_pollTimer->start();
        followStatus();
        poll();
    });
    return true;
}

void RunController::detach()
{
    if (!m_attached)
        return;
    m_pollTimer->stop();
    m_killTimer->stop();
    m_attached = false;
    emit logLine(tr("Detached; the runtime keeps running."), false);
    setState(State::Idle);
}

void RunController::followStatus()
{
    QNetworkReply *reply = get(QStringLiteral("/api/status"));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (!m_attached)
            return;
        if (reply->error() != QNetworkReply::NoError) {
            // Gone: as asked (stopping), or lost.
            if (m_state == State::Stopping || ++m_failedPolls >= 3) {
                m_pollTimer->stop();
                m_attached = false;
                const bool stopped = m_state == State::Stopping;
                emit logLine(stopped ? tr("Stopped.") : tr("Lost the runtime: %1").arg(reply->errorString()), !stopped);
                setState(stopped ? State::Finished : State::Failed);
            }
            return;
        }
        m_failedPolls = 0;
        const QJsonObject status = QJsonDocument::fromJson(reply->readAll()).object();
        announceConnections(status);
        const QString state = status.value(QStringLiteral("state")).toString();
        if (state == QLatin1String("paused"))
            setState(State::Paused);
        else if (state == QLatin1String("running") && m_state != State::Stopping)
            setState(State::Running);
        else if (state == QLatin1String("stopping"))
            setState(State::Stopping);
        else if (state == QLatin1String("finished") || state == QLatin1String("failed")) {
            m_pollTimer->stop();
            m_attached = false;
            if (state == QLatin1String("failed"))
                emit logLine(tr("The runtime failed: %1").arg(status.value(QStringLiteral("error")).toString()), true);
            setState(state == QLatin1String("failed") ? State::Failed : State::Finished);
        }
    });
}

void RunController::announceConnections(const QJsonObject &status)
{
    const QJsonObject connections = status.value(QStringLiteral("connections")).toObject();
    QHash<QString, QString> bootstraps;
    for (auto it = connections.begin(); it != connections.end(); ++it)
        bootstraps.insert(it.key(), it.value().toString());
    if (bootstraps != m_bootstraps) {
        m_bootstraps = bootstraps;
        emit connectionsKnown(bootstraps);
    }
}

bool RunController::isActive() const
{
    return m_state == State::Starting || m_state == State::Running || m_state == State::Paused ||
           m_state == State::Stopping;
}

QString RunController::runFolder() const
{
    return m_scratch ? m_scratch->path() : QString();
}

bool RunController::start(const core::Pipeline &pipeline, double demoRate, const QHash<QString, QString> &environment)
{
    if (isActive())
        return false;
    m_attached = false;
    m_scratch = std::make_unique<QTemporaryDir>();
    const QString baseDir =
        pipeline.filePath.isEmpty() ? m_scratch->path() : QFileInfo(pipeline.filePath).absolutePath();
    m_pipelineFile = m_scratch->filePath(QStringLiteral("pipeline.json"));
    if (const auto error = core::PipelineFormat::saveFile(pipeline, m_pipelineFile)) {
        emit logLine(tr("Cannot write the pipeline for the runtime: %1").arg(*error), true);
        setState(State::Failed);
        return false;
    }
    resetFollowing();
    m_stdout.clear();
    m_stderr.clear();

    m_process = new QProcess(this);
    QStringList arguments{QStringLiteral("run"), m_pipelineFile, QStringLiteral("--base-dir"), baseDir,
                          QStringLiteral("--quiet")};
    if (demoRate > 0)
        arguments << QStringLiteral("--demo-data") << QString::number(demoRate);
    if (!environment.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (auto it = environment.begin(); it != environment.end(); ++it)
            env.insert(it.key(), it.value());
        m_process->setProcessEnvironment(env);
    }
    m_process->setProgram(m_cliPath);
    m_process->setArguments(arguments);
    m_process->setWorkingDirectory(baseDir);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &RunController::readStdout);
    connect(m_process, &QProcess::readyReadStandardError, this, &RunController::readStderr);
    connect(m_process, &QProcess::finished, this, &RunController::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        emit logLine(tr("Cannot start the runtime %1: %2").arg(m_cliPath, m_process->errorString()), true);
        m_process->deleteLater();
        m_process = nullptr;
        setState(State::Failed);
    });
    emit logLine(tr("Starting %1").arg(pipeline.name.isEmpty() ? tr("the pipeline") : pipeline.name), false);
    setState(State::Starting);
    m_process->start();
    return true;
}

void RunController::pause()
{
    if (m_state == State::Running)
        post(QStringLiteral("pause"), State::Paused);
}

void RunController::resume()
{
    if (m_state == State::Paused)
        post(QStringLiteral("resume"), State::Running);
}

void RunController::step()
{
    if (m_state == State::Paused)
        post(QStringLiteral("step"), State::Paused);
}

void RunController::stop()
{
    if (m_attached) {
        if (m_state == State::Running || m_state == State::Paused) {
            post(QStringLiteral("stop"), State::Stopping);
            setState(State::Stopping);
        }
        return;
    }
    if (!m_process)
        return;
    if (m_state == State::Starting || m_controlUrl.isEmpty()) {
        m_process->terminate();
    } else if (m_state != State::Stopping) {
        post(QStringLiteral("stop"), State::Stopping);
        setState(State::Stopping);
    }
    m_killTimer->start(StopGraceMs);
}

void RunController::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void RunController::readStdout()
{
    m_stdout += m_process->readAllStandardOutput();
    qsizetype newline;
    while ((newline = m_stdout.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_stdout.left(newline)).trimmed();
        m_stdout.remove(0, newline + 1);
        // The runtime's first line: "control=URL token=T".
        if (m_controlUrl.isEmpty() && line.startsWith(QLatin1String("control="))) {
            for (const QString &part : line.split(QLatin1Char(' '))) {
                if (part.startsWith(QLatin1String("control=")))
                    m_controlUrl = QUrl(part.mid(8));
                else if (part.startsWith(QLatin1String("token=")))
                    m_token = part.mid(6);
            }
            emit logLine(tr("Runtime started; control API at %1").arg(m_controlUrl.toString()), false);
            setState(State::Running);
            m_sincePoll.start();
            m_pollTimer->start();
            poll();
            QNetworkReply *status = get(QStringLiteral("/api/status"));
            connect(status, &QNetworkReply::finished, this, [this, status] {
                status->deleteLater();
                if (status->error() == QNetworkReply::NoError)
                    announceConnections(QJsonDocument::fromJson(status->readAll()).object());
            });
        } else if (!line.isEmpty()) {
            emit logLine(line, false);
        }
    }
}

void RunController::readStderr()
{
    m_stderr += m_process->readAllStandardError();
    qsizetype newline;
    while ((newline = m_stderr.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_stderr.left(newline)).trimmed();
        m_stderr.remove(0, newline + 1);
        if (!line.isEmpty())
            emit logLine(line, line.startsWith(QLatin1String("streamwright-cli")));
    }
}

void RunController::onFinished(int exitCode, QProcess::ExitStatus status)
{
    m_pollTimer->stop();
    m_killTimer->stop();
    readStdout();
    readStderr();
    if (!m_stderr.trimmed().isEmpty())
        emit logLine(QString::fromUtf8(m_stderr).trimmed(), true);
    const bool stopping = m_state == State::Stopping;
    m_process->deleteLater();
    m_process = nullptr;
    if (status == QProcess::CrashExit && !stopping) {
        emit logLine(tr("The runtime crashed. The app is fine; the log above shows what it did last."), true);
        setState(State::Failed);
    } else if (exitCode != 0 && !stopping) {
        emit logLine(tr("The runtime exited with status %1.").arg(exitCode), true);
        setState(State::Failed);
    } else {
        emit logLine(stopping ? tr("Stopped.") : tr("Finished."), false);
        setState(State::Finished);
    }
}

void RunController::resetFollowing()
{
    m_controlUrl.clear();
    m_token.clear();
    m_bootstraps.clear();
    m_latest = {};
    m_edgeRates.clear();
    m_inputRate = m_processedRate = 0;
    m_lastBatchId = -1;
    m_deadLetters = 0;
    m_failedPolls = 0;
    m_loggedDeadLetters.clear();
}

QNetworkRequest RunController::request(const QString &pathAndQuery) const
{
    QNetworkRequest request(m_controlUrl.resolved(QUrl(pathAndQuery)));
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(5000);
    return request;
}

QNetworkReply *RunController::get(const QString &pathAndQuery)
{
    return m_network->get(request(pathAndQuery));
}

void RunController::poll()
{
    if (m_attached)
        followStatus();
    if (m_pollPending || m_controlUrl.isEmpty())
        return;
    m_pollPending = true;
    QNetworkReply *reply = get(QStringLiteral("/api/progress?since=%1").arg(qint64(m_lastBatchId)));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_pollPending = false;
        if (reply->error() != QNetworkReply::NoError)
            return; // the process' exit (or the next poll) tells what happened
        const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
        const QJsonArray recent = o.value(QStringLiteral("recent")).toArray();
        const double seconds = std::max(0.001, double(m_sincePoll.restart()) / 1000.0);
        QHash<QString, double> rows;
        double inputRows = 0, batchMs = 0;
        for (const auto &p : recent) {
            const QJsonObject progress = p.toObject();
            inputRows += progress.value(QStringLiteral("numInputRows")).toDouble();
            batchMs += progress.value(QStringLiteral("durationMs")).toObject().value(QStringLiteral("total")).toDouble();
            m_lastBatchId = std::max(m_lastBatchId, progress.value(QStringLiteral("batchId")).toDouble());
            const QJsonObject nodes = progress.value(QStringLiteral("nodes")).toObject();
            for (auto node = nodes.begin(); node != nodes.end(); ++node) {
                const QJsonObject ports = node.value().toObject().value(QStringLiteral("rowsOutByPort")).toObject();
                for (auto port = ports.begin(); port != ports.end(); ++port)
                    rows[node.key() + QLatin1Char('.') + port.key()] += port.value().toDouble();
            }
        }
        m_inputRate = inputRows / seconds;
        m_processedRate = batchMs > 0 ? inputRows * 1000.0 / batchMs : 0;
        m_edgeRates.clear();
        for (auto it = rows.begin(); it != rows.end(); ++it)
            m_edgeRates.insert(it.key(), it.value() / seconds);
        const QJsonObject latest = o.value(QStringLiteral("latest")).toObject();
        if (!latest.isEmpty())
            m_latest = latest;
        emit edgeRatesChanged();
        emit progressed(m_latest, recent);

        QNetworkReply *alerts = get(QStringLiteral("/api/alerts"));
        connect(alerts, &QNetworkReply::finished, this, [this, alerts] {
            alerts->deleteLater();
            if (alerts->error() == QNetworkReply::NoError)
                emit alertsUpdated(QJsonDocument::fromJson(alerts->readAll()).object());
        });

        const double dead = m_latest.value(QStringLiteral("deadLetters")).toDouble();
        if (dead > m_deadLetters) {
            emit logLine(tr("%n new dead letter(s): records that could not be decoded", nullptr,
                            int(dead - m_deadLetters)),
                         true);
            m_deadLetters = dead;
            fetchDeadLetters();
        }
    });
}

void RunController::fetchDeadLetters()
{
    QNetworkReply *reply = get(QStringLiteral("/api/samples"));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QJsonObject edges =
            QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("edges")).toObject();
        for (auto it = edges.begin(); it != edges.end(); ++it) {
            if (!it.key().endsWith(QLatin1String(".dead")))
                continue;
            const QString node = it.key().chopped(5);
            for (const auto &row : it.value().toArray()) {
                const QJsonObject letter = row.toObject();
                const QString line =
                    tr("Dead letter in %1 (%2 partition %3 offset %4): %5")
                        .arg(node, letter.value(QStringLiteral("_topic")).toString())
                        .arg(qint64(letter.value(QStringLiteral("_partition")).toDouble()))
                        .arg(qint64(letter.value(QStringLiteral("_offset")).toDouble()))
                        .arg(letter.value(QStringLiteral("_reason")).toString());
                if (!m_loggedDeadLetters.contains(line)) {
                    m_loggedDeadLetters.insert(line);
                    emit logLine(line, true);
                }
            }
        }
    });
}

void RunController::post(const QString &action, State onSuccess)
{
    QNetworkRequest control = request(QStringLiteral("/api/") + action);
    control.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = m_network->post(control, QByteArray());
    connect(reply, &QNetworkReply::finished, this, [this, reply, action, onSuccess] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            // (A local runtime may already be gone when its stop is answered: not news.)
            if (m_attached || (m_process && action != QLatin1String("stop")))
                emit logLine(tr("The runtime refused %1: %2").arg(action, reply->errorString()), true);
            if (m_attached && m_state == State::Stopping)
                setState(State::Running); // it did not stop; the next status says exactly how it is
            return;
        }
        if ((m_process || m_attached) && m_state != State::Stopping)
            setState(onSuccess);
    });
}

} // namespace sw::widgets
