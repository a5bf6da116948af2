// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "alerts/AlertEvaluator.h"
#include "engine/Executor.h"
#include "engine/Run.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>

namespace sw::runtime {

// The runtime's HTTP API (ARCHITECTURE.md), served from the thread that owns this
// object while the executor runs on another:
//   GET  /metrics                    Prometheus text (always readable)
//   GET  /api/status                 state, batch, watermark, error
//   GET  /api/progress[?recent=1]    the latest batch's progress (and recent ones)
//   GET  /api/samples                rows each edge carried in the last batch
//   GET  /api/pipeline               the pipeline file being run (for attaching apps)
//   GET  /api/alerts                 alert rules, whether they fire, their history,
//                                    and each source's consumer-lag status
//   POST /api/pause|resume|step|stop control
//   GET  /api/debug, /api/debug/batch?batch=N   the debugger (run --debug)
//   POST /api/debug/seek?batch=N, /api/debug/breakpoints
// Control needs the token (Authorization: Bearer TOKEN). On a
// non-loopback address, progress and samples need it too.
class ControlServer : public QObject
{
    Q_OBJECT
public:
    ControlServer(Executor &executor, Run &run, QString pipelineName, QObject *parent = nullptr);
    // The port listened on (0 on failure).
    quint16 listen(const QHostAddress &address, quint16 port);
    QString token() const { return m_token; }
    // The run's alert evaluator (owned by the caller, used on this thread).
    void setAlerts(const AlertEvaluator *alerts) { m_alerts = alerts; }
    void setPipelineFile(const QByteArray &json) { m_pipelineFile = json; }
    // Where the run's connections point (the app's explorer can browse an embedded broker).
    void setConnectionBootstraps(const QHash<QString, QString> &bootstraps) { m_bootstraps = bootstraps; }

    static QByteArray prometheus(const std::optional<BatchProgress> &progress, const QString &pipeline);
    // streamwright_alert_firing and streamwright_consumer_lag_status series.
    static QByteArray prometheusAlerts(const QJsonObject &alerts, const QString &pipeline);

private:
    bool authorized(const QHttpServerRequest &request) const;
    bool hostAllowed(const QHttpServerRequest &request) const;
    QHttpServerResponse wrongHost(const QHttpServerRequest &request) const;
    QJsonObject status() const;

    Executor &m_executor;
    Run &m_run;
    QString m_pipeline;
    QString m_token;
    bool m_loopback = true;
    QHostAddress m_address;
    quint16 m_port = 0;
    const AlertEvaluator *m_alerts = nullptr;
    QByteArray m_pipelineFile;
    QHash<QString, QString> m_bootstraps;
    QHttpServer m_server;
};

} // namespace sw::runtime
