// SPDX-License-Identifier: GPL-3.0-or-later
#include "run/RunController.h"

#include "format/PipelineFormat.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcessEnvironment>
#include <QTimer>

namespace sw::widgets {

namespace {
constexpr int StopGraceMs = 5000;
}

RunController::RunController(QObject *parent) : QObject(parent)
{
    m_cliPath = defaultCliPath();
    m_client = new runtime::RuntimeClient(this);
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
    m_debugging = false;
    resetFollowing();
    m_client->setEndpoint(controlUrl, token);
    emit logLine(tr("Attaching to the runtime at %1").arg(controlUrl.toString()), false);
    setState(State::Starting);
    m_client->fetchPipeline([this](std::optional<QByteArray> pipeline, const QString &error) {
        if (!m_attached)
            return;
        if (!pipeline) {
            emit logLine(tr("Cannot attach: %1").arg(error), true);
            m_attached = false;
            setState(State::Failed);
            return;
        }
        emit pipelineReceived(*pipeline);
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
    m_client->fetchStatus([this](std::optional<runtime::RunStatus> status, const QString &error) {
        if (!m_attached)
            return;
        if (!status) {
            // Gone: as asked (stopping), or lost.
            if (m_state == State::Stopping || ++m_failedPolls >= 3) {
                m_pollTimer->stop();
                m_attached = false;
                const bool stopped = m_state == State::Stopping;
                emit logLine(stopped ? tr("Stopped.") : tr("Lost the runtime: %1").arg(error), !stopped);
                setState(stopped ? State::Finished : State::Failed);
            }
            return;
        }
        m_failedPolls = 0;
        announceConnections(*status);
        using Remote = runtime::RunStatus::State;
        switch (status->state) {
        case Remote::Paused: setState(State::Paused); break;
        case Remote::Degraded:
            if (status->problem != m_announcedProblem) {
                emit logLine(tr("The runtime cannot read its input: %1").arg(status->problem), true);
                emit sourceUnreachable(status->problemNode, status->problem);
            }
            m_announcedProblem = status->problem;
            if (m_state != State::Stopping)
                setState(State::Running);
            break;
        case Remote::Running:
            if (!m_announcedProblem.isEmpty()) {
                emit logLine(tr("The runtime reads its input again."), false);
                emit sourceUnreachable({}, {});
            }
            m_announcedProblem.clear();
            if (m_state != State::Stopping)
                setState(State::Running);
            break;
        case Remote::Stopping: setState(State::Stopping); break;
        case Remote::Finished:
        case Remote::Failed:
            m_pollTimer->stop();
            m_attached = false;
            if (status->state == Remote::Failed)
                emit logLine(tr("The runtime failed: %1").arg(status->error), true);
            setState(status->state == Remote::Failed ? State::Failed : State::Finished);
            break;
        }
    });
}

void RunController::announceConnections(const runtime::RunStatus &status)
{
    if (status.connections != m_bootstraps) {
        m_bootstraps = status.connections;
        emit connectionsKnown(m_bootstraps);
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

bool RunController::start(const core::Pipeline &pipeline, double demoRate, const QHash<QString, QString> &environment,
                          bool debug)
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
    m_debugging = debug;
    if (debug)
        arguments << QStringLiteral("--debug");
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
        post(runtime::RuntimeClient::Command::Pause, State::Paused);
}

void RunController::resume()
{
    if (m_state == State::Paused)
        post(runtime::RuntimeClient::Command::Resume, State::Running);
}

void RunController::step()
{
    if (m_state == State::Paused)
        post(runtime::RuntimeClient::Command::Step, State::Paused);
}

void RunController::stop()
{
    if (m_attached) {
        if (m_state == State::Running || m_state == State::Paused) {
            post(runtime::RuntimeClient::Command::Stop, State::Stopping);
            setState(State::Stopping);
        }
        return;
    }
    if (!m_process)
        return;
    if (m_state == State::Starting || !m_client->hasEndpoint()) {
        m_process->terminate();
    } else if (m_state != State::Stopping) {
        post(runtime::RuntimeClient::Command::Stop, State::Stopping);
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
        if (!m_client->hasEndpoint() && line.startsWith(QLatin1String("control="))) {
            QUrl url;
            QString token;
            for (const QString &part : line.split(QLatin1Char(' '))) {
                if (part.startsWith(QLatin1String("control=")))
                    url = QUrl(part.mid(8));
                else if (part.startsWith(QLatin1String("token=")))
                    token = part.mid(6);
            }
            m_client->setEndpoint(url, token);
            emit logLine(tr("Runtime started; control API at %1").arg(url.toString()), false);
            setState(State::Running);
            m_sincePoll.start();
            m_pollTimer->start();
            poll();
            m_client->fetchStatus([this](std::optional<runtime::RunStatus> status, const QString &) {
                if (status)
                    announceConnections(*status);
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
        // The runtime's "running NAME; control API on URL (Ctrl+C ...)" is for a
        // terminal: the app said "Runtime started" with the URL already.
        const bool terminalOnly = line.startsWith(QLatin1String("running ")) && line.contains(QLatin1String("control API on"));
        if (!line.isEmpty() && !terminalOnly)
            emit logLine(line, line.startsWith(QLatin1String("streamwright-cli")));
        if (line.startsWith(QLatin1String("checkpoint: ")))
            emit checkpointReported(line);
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
    m_client->setEndpoint({}, {});
    m_bootstraps.clear();
    m_latest.reset();
    m_edgeRates.clear();
    m_inputRate = m_processedRate = 0;
    m_lastBatchId = -1;
    m_deadLetters = 0;
    m_failedPolls = 0;
    m_loggedDeadLetters.clear();
}

void RunController::poll()
{
    if (m_attached)
        followStatus();
    if (m_pollPending || !m_client->hasEndpoint())
        return;
    m_pollPending = true;
    m_client->fetchProgressSince(m_lastBatchId, [this](std::optional<runtime::RuntimeClient::ProgressUpdate> update,
                                                       const QString &) {
        m_pollPending = false;
        if (!update)
            return; // the process' exit (or the next poll) tells what happened
        const double seconds = std::max(0.001, double(m_sincePoll.restart()) / 1000.0);
        QHash<QString, double> rows;
        double inputRows = 0, batchMs = 0;
        for (const runtime::BatchProgress &p : update->recent) {
            inputRows += double(p.numInputRows);
            batchMs += p.durationMs.total;
            m_lastBatchId = std::max(m_lastBatchId, p.batchId);
            for (const auto &[node, progress] : p.nodes) {
                for (const auto &[port, count] : progress.rowsOutByPort)
                    rows[node + QLatin1Char('.') + port] += double(count);
            }
        }
        m_inputRate = inputRows / seconds;
        m_processedRate = batchMs > 0 ? inputRows * 1000.0 / batchMs : 0;
        m_edgeRates.clear();
        for (auto it = rows.begin(); it != rows.end(); ++it)
            m_edgeRates.insert(it.key(), it.value() / seconds);
        if (update->latest)
            m_latest = update->latest;
        emit edgeRatesChanged();
        if (m_latest)
            emit progressed(*m_latest, update->recent);

        m_client->fetchAlerts([this](std::optional<QJsonObject> alerts, const QString &) {
            if (alerts)
                emit alertsUpdated(*alerts);
        });

        const int64_t dead = m_latest ? m_latest->deadLetters : 0;
        if (dead > m_deadLetters) {
            emit logLine(tr("%n new dead letter(s): records that could not be decoded", nullptr, int(dead - m_deadLetters)),
                         true);
            m_deadLetters = dead;
            fetchDeadLetters();
        }
    });
}

void RunController::fetchDeadLetters()
{
    m_client->fetchSamples([this](std::optional<runtime::RuntimeClient::EdgeSamples> samples, const QString &) {
        if (!samples)
            return;
        for (const auto &[edge, rows] : samples->edges) {
            if (!edge.endsWith(QLatin1String(".dead")))
                continue;
            const QString node = edge.chopped(5);
            for (const auto &row : rows) {
                // Rows of the dead-letter schema (SchemaInference::deadLetterSchema).
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

void RunController::post(runtime::RuntimeClient::Command command, State onSuccess)
{
    m_client->send(command, [this, command, onSuccess](std::optional<runtime::RunStatus> status, const QString &error) {
        const QString action = runtime::RuntimeClient::commandName(command);
        if (!status) {
            // (A local runtime may already be gone when its stop is answered: not news.)
            if (m_attached || (m_process && command != runtime::RuntimeClient::Command::Stop))
                emit logLine(tr("The runtime refused %1: %2").arg(action, error), true);
            if (m_attached && m_state == State::Stopping)
                setState(State::Running); // it did not stop; the next status says exactly how it is
            return;
        }
        if ((m_process || m_attached) && m_state != State::Stopping) {
            switch (command) {
            case runtime::RuntimeClient::Command::Pause:
                emit logLine(tr("Paused after batch %1.").arg(status->batchId), false);
                break;
            case runtime::RuntimeClient::Command::Resume: emit logLine(tr("Resumed."), false); break;
            case runtime::RuntimeClient::Command::Step: emit logLine(tr("Stepped one batch."), false); break;
            case runtime::RuntimeClient::Command::Stop: break;
            }
            setState(onSuccess);
        }
    });
}

} // namespace sw::widgets
