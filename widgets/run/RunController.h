// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/RuntimeClient.h"
#include "model/Pipeline.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

class QTimer;

namespace sw::widgets {

// Runs a pipeline in a runtime process (`streamwright-cli run`) and follows it
// through the control API: the app never runs operators itself, so a crash of the
// runtime is reported, never a crash of the app. Progress is polled once a second;
// edge rates are the rows each node port emitted in the batches since the last
// poll, per second.
class RunController : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Starting, Running, Paused, Stopping, Finished, Failed };
    Q_ENUM(State)

    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    // The runtime executable: $STREAMWRIGHT_CLI, next to the app, or the build tree's.
    static QString defaultCliPath();
    void setCliPath(const QString &path) { m_cliPath = path; }
    void setPollInterval(int ms);

    // Runs a copy of `pipeline` (saved or not). Relative paths resolve against the
    // pipeline file's folder, or a scratch folder for an unsaved pipeline. With
    // `demoRate` > 0, embedded brokers get the demo shop events at that rate.
    // `environment`: variables for the runtime only (resolved secrets).
    // `debug`: the step debugger (run --debug; sources must be recordings).
    bool start(const core::Pipeline &pipeline, double demoRate = 0, const QHash<QString, QString> &environment = {},
               bool debug = false);
    bool isDebugging() const { return m_debugging; }
    // The client of the run followed (the debugger panel asks it too).
    runtime::RuntimeClient *client() const { return m_client; }
    // Follows a runtime started elsewhere (`streamwright-cli run --listen HOST:PORT`
    // on a server) through its control API, with the token it printed.
    bool attach(const QUrl &controlUrl, const QString &token);
    // Stops following an attached runtime; it keeps running.
    void detach();
    bool isAttached() const { return m_attached; }
    void pause();
    void resume();
    void step();
    // Asks the runtime to stop after its batch; kills it if it does not within seconds.
    void stop();

    State state() const { return m_state; }
    static QString stateName(State state);
    bool isActive() const;
    QUrl controlUrl() const { return m_client->endpoint(); }
    QString token() const { return m_client->token(); }
    // The latest batch's progress; none before the first batch.
    const std::optional<runtime::BatchProgress> &latestProgress() const { return m_latest; }
    // Rows per second by "node.port" (the edges leaving that port).
    const QHash<QString, double> &edgeRates() const { return m_edgeRates; }
    // Over the batches since the previous poll: rows read per second of wall time,
    // and rows per second of batch time (how fast it could go).
    double inputRowsPerSecond() const { return m_inputRate; }
    double processedRowsPerSecond() const { return m_processedRate; }
    QString runFolder() const;

signals:
    void stateChanged(sw::widgets::RunController::State state);
    // After each poll that brought records: the latest, and those since the previous poll.
    void progressed(const sw::runtime::BatchProgress &latest, const std::vector<sw::runtime::BatchProgress> &newBatches);
    void edgeRatesChanged();
    void logLine(const QString &line, bool isError);
    // The runtime's line about its checkpoint at start (new, resuming, none, off).
    void checkpointReported(const QString &report);
    // A source cannot reach its cluster (`node` empty: every source can again).
    void sourceUnreachable(const QString &node, const QString &problem);
    void alertsUpdated(const QJsonObject &alerts); // GET /api/alerts, after each poll
    void pipelineReceived(const QByteArray &json);  // an attached runtime's pipeline file
    // Where the run's connections point ("connections" of GET /api/status), once it runs.
    void connectionsKnown(const QHash<QString, QString> &bootstraps);

private:
    void setState(State state);
    void readStdout();
    void readStderr();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void poll();
    void post(runtime::RuntimeClient::Command command, State onSuccess);
    void fetchDeadLetters();
    void followStatus(); // attached runs: the remote state, and whether it is still there
    void announceConnections(const runtime::RunStatus &status);
    void resetFollowing(); // forget the previous run's address and figures

    QString m_cliPath;
    State m_state = State::Idle;
    QProcess *m_process = nullptr;
    runtime::RuntimeClient *m_client = nullptr; // the control API of the run followed
    QTimer *m_pollTimer = nullptr;
    QTimer *m_killTimer = nullptr;
    std::unique_ptr<QTemporaryDir> m_scratch;
    QString m_pipelineFile;
    QByteArray m_stdout;
    QByteArray m_stderr;
    bool m_pollPending = false;
    bool m_attached = false;
    bool m_debugging = false;
    int m_failedPolls = 0;
    QHash<QString, QString> m_bootstraps;
    int64_t m_lastBatchId = -1;
    int64_t m_deadLetters = 0;
    QSet<QString> m_loggedDeadLetters;
    QElapsedTimer m_sincePoll;
    std::optional<runtime::BatchProgress> m_latest;
    QHash<QString, double> m_edgeRates;
    double m_inputRate = 0;
    double m_processedRate = 0;
    QString m_announcedProblem; // the degraded status last logged
};

} // namespace sw::widgets
