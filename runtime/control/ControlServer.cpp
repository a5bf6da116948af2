// SPDX-License-Identifier: GPL-3.0-or-later
#include "control/ControlServer.h"

#include "control/RunStatus.h"
#include "expr/Casts.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>

#include <cmath>
#include <QUrlQuery>

#include <functional>
#include <memory>

namespace sw::runtime {

namespace {
QHttpServerResponse json(const QJsonObject &o, QHttpServerResponder::StatusCode status = QHttpServerResponder::StatusCode::Ok)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json"), QJsonDocument(o).toJson(QJsonDocument::Compact), status);
}

// Accepts connections whose requests stay small: a connection that sends more
// than kMaxRequestBytes without being answered (a 100 MB request line grew the
// runtime by as much) is closed. Every request of the control API is a line and
// a few headers; a response resets the count, so a client polling over one
// connection for hours is never cut off.
class BoundedTcpServer : public QTcpServer
{
public:
    static constexpr qint64 kMaxRequestBytes = 64 * 1024;
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        auto unanswered = std::make_shared<qint64>(0);
        // Connected before the HTTP server's own slot, so this runs first.
        connect(socket, &QTcpSocket::readyRead, socket, [socket, unanswered] {
            *unanswered += socket->bytesAvailable();
            if (*unanswered > kMaxRequestBytes)
                socket->abort();
        });
        connect(socket, &QTcpSocket::bytesWritten, socket, [unanswered] { *unanswered = 0; });
        addPendingConnection(socket);
    }
};

QString label(const QString &value)
{
    return QString(value).replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
}
} // namespace

ControlServer::ControlServer(Executor &executor, Run &run, QString pipelineName, QObject *parent)
    : QObject(parent), m_executor(executor), m_run(run), m_pipeline(std::move(pipelineName))
{
    for (int i = 0; i < 4; ++i)
        m_token += QString::number(QRandomGenerator::system()->generate64(), 16).rightJustified(16, u'0');

    m_server.route(QStringLiteral("/metrics"), [this](const QHttpServerRequest &r) {
        if (!hostAllowed(r))
            return wrongHost(r);
        QByteArray text = prometheus(m_executor.lastProgress(), m_pipeline);
        if (m_alerts)
            text += prometheusAlerts(m_alerts->toJson(QDateTime::currentMSecsSinceEpoch()), m_pipeline);
        return QHttpServerResponse(QByteArrayLiteral("text/plain; version=0.0.4"), text);
    });
    // Watching (everything but control): open on loopback, behind the token elsewhere.
    auto watch = [this](const QString &path, std::function<QHttpServerResponse(const QHttpServerRequest &)> answer) {
        m_server.route(path, [this, answer](const QHttpServerRequest &r) {
            if (!hostAllowed(r))
                return wrongHost(r);
            if (!m_loopback && !authorized(r))
                return json({{QStringLiteral("error"), QStringLiteral("token required")}},
                            QHttpServerResponder::StatusCode::Unauthorized);
            return answer(r);
        });
    };
    watch(QStringLiteral("/api/pipeline"), [this](const QHttpServerRequest &) {
        return QHttpServerResponse(QByteArrayLiteral("application/json"), m_pipelineFile);
    });
    watch(QStringLiteral("/api/alerts"), [this](const QHttpServerRequest &) {
        return json(m_alerts ? m_alerts->toJson(QDateTime::currentMSecsSinceEpoch()) : QJsonObject());
    });
    watch(QStringLiteral("/api/status"), [this](const QHttpServerRequest &) { return json(status()); });
    watch(QStringLiteral("/api/progress"), [this](const QHttpServerRequest &r) {
        const auto latest = m_executor.lastProgress();
        QJsonObject o{{QStringLiteral("latest"), latest ? latest->toJson() : QJsonObject()}};
        auto array = [](const std::vector<BatchProgress> &records) {
            QJsonArray out;
            for (const auto &p : records)
                out.append(p.toJson());
            return out;
        };
        if (r.query().hasQueryItem(QStringLiteral("since"))) {
            // Only the snapshots after a batch the client has seen (the app polls this).
            // Any number a client sends, however large, without converting a double
            // out of int64's range (UB; a hostile or careless client crashed the run).
            const QString text = r.query().queryItemValue(QStringLiteral("since"));
            bool ok = false;
            int64_t since = text.toLongLong(&ok);
            if (!ok) {
                const double d = text.toDouble(&ok);
                if (!ok || std::isnan(d))
                    return json({{QStringLiteral("error"), QStringLiteral("since takes a batch id, not \"%1\"").arg(text.left(40))}},
                                QHttpServerResponder::StatusCode::BadRequest);
                since = core::expr::Casts::toInt64(d);
            }
            o.insert(QStringLiteral("recent"), array(m_executor.progressSince(since)));
        } else if (r.query().hasQueryItem(QStringLiteral("recent"))) {
            o.insert(QStringLiteral("recent"), array(m_executor.recentProgress()));
        }
        return json(o);
    });
    watch(QStringLiteral("/api/samples"), [this](const QHttpServerRequest &) {
        return json({{QStringLiteral("batchId"), double(m_executor.batchId())},
                     {QStringLiteral("edges"), m_executor.edgeSamples()},
                     {QStringLiteral("previews"), m_executor.previewRows()}});
    });
    auto control = [this](const QString &action) {
        m_server.route(QStringLiteral("/api/") + action, QHttpServerRequest::Method::Post,
                       [this, action](const QHttpServerRequest &r) {
                           if (!hostAllowed(r))
                               return wrongHost(r);
                           if (!authorized(r))
                               return json({{QStringLiteral("error"), QStringLiteral("this needs the token printed at start")}},
                                           QHttpServerResponder::StatusCode::Unauthorized);
                           if (action == u"pause")
                               m_run.pause();
                           else if (action == u"resume")
                               m_run.resume();
                           else if (action == u"step")
                               m_run.step();
                           else if (action == u"stop")
                               m_run.stop();
                           return json(status());
                       });
    };
    for (const char *a : {"pause", "resume", "step", "stop"})
        control(QLatin1String(a));

    // The debugger (run --debug).
    const auto batchOf = [this](const QHttpServerRequest &r, int64_t &batch) {
        batch = m_executor.batchId();
        if (!r.query().hasQueryItem(QStringLiteral("batch")))
            return true;
        bool ok = false;
        batch = r.query().queryItemValue(QStringLiteral("batch")).toLongLong(&ok);
        return ok;
    };
    const auto badRequest = [](const QString &message) {
        return json({{QStringLiteral("error"), message}}, QHttpServerResponder::StatusCode::BadRequest);
    };
    watch(QStringLiteral("/api/debug"), [this](const QHttpServerRequest &) {
        QJsonObject o = m_executor.debugInfo();
        o.insert(QStringLiteral("status"), status());
        return json(o);
    });
    watch(QStringLiteral("/api/debug/batch"), [this, batchOf, badRequest](const QHttpServerRequest &r) {
        int64_t batch = 0;
        if (!batchOf(r, batch))
            return badRequest(QStringLiteral("batch takes a batch id"));
        const auto kept = m_executor.debugBatch(batch);
        if (!kept)
            return json({{QStringLiteral("error"), m_executor.debugging()
                                                       ? QStringLiteral("batch %1 is not kept").arg(batch)
                                                       : QStringLiteral("the run is not being debugged (run --debug)")}},
                        QHttpServerResponder::StatusCode::NotFound);
        return json(*kept);
    });
    const auto debugControl = [this](const QString &path,
                                     std::function<QHttpServerResponse(const QHttpServerRequest &)> answer) {
        m_server.route(path, QHttpServerRequest::Method::Post, [this, answer](const QHttpServerRequest &r) {
            if (!hostAllowed(r))
                return wrongHost(r);
            if (!authorized(r))
                return json({{QStringLiteral("error"), QStringLiteral("this needs the token printed at start")}},
                            QHttpServerResponder::StatusCode::Unauthorized);
            return answer(r);
        });
    };
    debugControl(QStringLiteral("/api/debug/seek"), [this, batchOf, badRequest](const QHttpServerRequest &r) {
        int64_t batch = 0;
        if (!r.query().hasQueryItem(QStringLiteral("batch")) || !batchOf(r, batch))
            return badRequest(QStringLiteral("seek needs ?batch=N (-1: the start)"));
        QString error;
        if (!m_run.seek(batch, error))
            return json({{QStringLiteral("error"), error}}, QHttpServerResponder::StatusCode::Conflict);
        QJsonObject o = m_executor.debugInfo();
        o.insert(QStringLiteral("status"), status());
        return json(o);
    });
    debugControl(QStringLiteral("/api/debug/breakpoints"), [this, badRequest](const QHttpServerRequest &r) {
        QJsonParseError parseError;
        const QJsonDocument body = QJsonDocument::fromJson(r.body(), &parseError);
        if (!body.isObject() || !body.object().value(QStringLiteral("breakpoints")).isArray())
            return badRequest(QStringLiteral("send {\"breakpoints\": [{\"node\": \"...\", \"condition\": \"...\"}]}"));
        std::vector<Executor::Breakpoint> breakpoints;
        for (const QJsonValue &v : body.object().value(QStringLiteral("breakpoints")).toArray()) {
            const QJsonObject b = v.toObject();
            breakpoints.push_back({b.value(QStringLiteral("node")).toString(), b.value(QStringLiteral("condition")).toString()});
        }
        QString error;
        if (!m_executor.setBreakpoints(breakpoints, error))
            return badRequest(error);
        return json(m_executor.debugInfo());
    });
}

quint16 ControlServer::listen(const QHostAddress &address, quint16 port)
{
    m_loopback = address.isLoopback();
    auto *tcp = new BoundedTcpServer(this);
    if (!tcp->listen(address, port)) {
        delete tcp;
        return 0;
    }
    m_server.bind(tcp);
    m_port = tcp->serverPort();
    m_address = address;
    return m_port;
}

bool ControlServer::authorized(const QHttpServerRequest &request) const
{
    // The header only: a token in the URL ends up in logs and browser history.
    return request.value(QByteArrayLiteral("Authorization")) == "Bearer " + m_token.toUtf8();
}

bool ControlServer::hostAllowed(const QHttpServerRequest &request) const
{
    // On loopback the API is open to watch, so a web page must not reach it under
    // a name of its own that resolves to 127.0.0.1 (DNS rebinding): the Host
    // header has to name this machine's loopback. Elsewhere the token guards it.
    if (!m_loopback)
        return true;
    const QByteArray host = request.value(QByteArrayLiteral("Host")).trimmed().toLower();
    if (host.isEmpty())
        return true; // HTTP/1.0 without Host: not a browser
    const QByteArray port = ':' + QByteArray::number(m_port);
    for (const QByteArray &name : {QByteArrayLiteral("127.0.0.1"), QByteArrayLiteral("localhost"), QByteArrayLiteral("[::1]"),
                                   m_address.protocol() == QAbstractSocket::IPv6Protocol ? '[' + m_address.toString().toUtf8() + ']'
                                                                                          : m_address.toString().toUtf8()}) {
        if (host == name || host == name + port)
            return true;
    }
    return false;
}

QHttpServerResponse ControlServer::wrongHost(const QHttpServerRequest &request) const
{
    return json({{QStringLiteral("error"), QStringLiteral("Host \"%1\" is not this runtime's address; use http://127.0.0.1:%2")
                                               .arg(QString::fromUtf8(request.value(QByteArrayLiteral("Host")).left(200)))
                                               .arg(m_port)}},
                QHttpServerResponder::StatusCode::MisdirectedRequest);
}

QJsonObject ControlServer::status() const
{
    RunStatus s;
    s.state = m_run.state();
    s.pipeline = m_pipeline;
    s.connections = m_bootstraps;
    s.batchId = m_executor.batchId();
    s.watermark = m_executor.watermark();
    s.error = m_executor.error();
    if (const auto down = m_executor.unreachable(); down && s.state == RunStatus::State::Running) {
        s.state = RunStatus::State::Degraded;
        s.problem = QStringLiteral("source \"%1\": %2").arg(down->first, QString::fromStdString(down->second.reason));
        s.problemSinceMs = down->second.sinceMs;
        s.problemNode = down->first;
    }
    return s.toJson();
}

QByteArray ControlServer::prometheusAlerts(const QJsonObject &alerts, const QString &pipeline)
{
    QString out;
    const QString pl = QStringLiteral("pipeline=\"%1\"").arg(label(pipeline));
    const QJsonArray rules = alerts.value(QStringLiteral("rules")).toArray();
    if (!rules.isEmpty()) {
        out += QStringLiteral("# HELP streamwright_alert_firing 1 while the alert rule fires.\n"
                              "# TYPE streamwright_alert_firing gauge\n");
        for (const auto &r : rules) {
            const QJsonObject o = r.toObject();
            out += QStringLiteral("streamwright_alert_firing{%1,rule=\"%2\",severity=\"%3\",description=\"%4\"} %5\n")
                       .arg(pl)
                       .arg(o.value(QStringLiteral("rule")).toInt())
                       .arg(label(o.value(QStringLiteral("severity")).toString()),
                            label(o.value(QStringLiteral("description")).toString()))
                       .arg(o.value(QStringLiteral("firing")).toBool() ? 1 : 0);
        }
    }
    const QJsonObject lag = alerts.value(QStringLiteral("lagStatus")).toObject();
    if (!lag.isEmpty()) {
        out += QStringLiteral("# HELP streamwright_consumer_lag_status Burrow's status per source: 0 OK, 1 WARN, 2 STALL, 3 STOP.\n"
                              "# TYPE streamwright_consumer_lag_status gauge\n");
        const QStringList order{QStringLiteral("OK"), QStringLiteral("WARN"), QStringLiteral("STALL"), QStringLiteral("STOP")};
        for (auto it = lag.begin(); it != lag.end(); ++it)
            out += QStringLiteral("streamwright_consumer_lag_status{%1,node=\"%2\"} %3\n")
                       .arg(pl, label(it.key()))
                       .arg(order.indexOf(it.value().toString()));
    }
    return out.toUtf8();
}

QByteArray ControlServer::prometheus(const std::optional<BatchProgress> &latest, const QString &pipeline)
{
    QString out;
    const QString pl = QStringLiteral("pipeline=\"%1\"").arg(label(pipeline));
    auto metric = [&out](const char *name, const char *type, const char *help) {
        out += QStringLiteral("# HELP streamwright_%1 %2\n# TYPE streamwright_%1 %3\n")
                   .arg(QLatin1String(name), QLatin1String(help), QLatin1String(type));
    };
    auto sample = [&out](const char *name, const QString &labels, double value) {
        out += QStringLiteral("streamwright_%1{%2} %3\n").arg(QLatin1String(name), labels, QString::number(value, 'g', 15));
    };
    auto ofNode = [&pl](const QString &node) { return pl + QStringLiteral(",node=\"%1\"").arg(label(node)); };
    if (!latest)
        return QByteArrayLiteral("# no batch has run yet\n");
    const BatchProgress &p = *latest;
    metric("batch_id", "gauge", "Id of the latest micro-batch.");
    sample("batch_id", pl, double(p.batchId));
    metric("consumer_lag", "gauge", "High watermark offset minus next offset to read, summed per source.");
    for (const auto &s : p.sources)
        sample("consumer_lag", ofNode(s.node), double(s.consumerLag));
    metric("input_rate", "gauge", "Rows read per second since the previous batch started.");
    sample("input_rate", pl, p.inputRowsPerSecond);
    metric("processed_rate", "gauge", "Rows per second of batch processing time.");
    sample("processed_rate", pl, p.processedRowsPerSecond);
    metric("input_rows", "gauge", "Rows read from the sources in the latest batch.");
    sample("input_rows", pl, double(p.numInputRows));
    metric("batch_duration_ms", "gauge", "Wall time of the latest micro-batch, by part.");
    const BatchDurations &d = p.durationMs;
    for (const auto &[part, ms] : {std::pair{"checkpoint", d.checkpoint}, std::pair{"decode", d.decode},
                                   std::pair{"operators", d.operators}, std::pair{"poll", d.poll}, std::pair{"sink", d.sink},
                                   std::pair{"total", d.total}})
        sample("batch_duration_ms", pl + QStringLiteral(",part=\"%1\"").arg(QLatin1String(part)), ms);
    if (p.e2eLatencyMs) {
        metric("e2e_latency_ms", "gauge", "Commit time minus Kafka record timestamp, per quantile of the latest batch.");
        const LatencyQuantiles &l = *p.e2eLatencyMs;
        for (const auto &[quantile, ms] : {std::pair{"0.50", l.p50}, std::pair{"0.95", l.p95}, std::pair{"0.99", l.p99},
                                           std::pair{"1", l.max}})
            sample("e2e_latency_ms", pl + QStringLiteral(",quantile=\"%1\"").arg(QLatin1String(quantile)), ms);
    }
    if (!p.watermarkIsEnd()) {
        metric("watermark", "gauge", "Pipeline watermark, epoch milliseconds.");
        sample("watermark", pl, double(p.watermark));
    }
    if (p.watermarkGapMs) {
        metric("watermark_gap_ms", "gauge", "Wall clock minus watermark.");
        sample("watermark_gap_ms", pl, double(*p.watermarkGapMs));
    }
    metric("state_rows", "gauge", "Rows held in state per stateful operator.");
    for (const auto &s : p.stateOperators)
        sample("state_rows", ofNode(s.node), double(s.numRowsTotal));
    metric("state_memory_bytes", "gauge", "About how much memory the state of each stateful operator takes.");
    for (const auto &s : p.stateOperators)
        sample("state_memory_bytes", ofNode(s.node), double(s.memoryUsedBytes));
    metric("late_rows_dropped", "counter", "Rows behind the watermark at stateful operators.");
    for (const auto &s : p.stateOperators)
        sample("late_rows_dropped", ofNode(s.node), double(s.lateRowsDropped));
    metric("dead_letters", "counter", "Records that could not be decoded.");
    sample("dead_letters", pl, double(p.deadLetters));
    metric("dead_letters_total", "counter", "Records that could not be decoded or used, per source and kind.");
    for (const auto &s : p.sources) {
        for (const auto &[kind, count] : s.deadLettersByKind)
            sample("dead_letters_total", ofNode(s.node) + QStringLiteral(",kind=\"%1\"").arg(label(kind)), double(count));
    }
    if (p.checkpoint) {
        metric("checkpoint_last_committed_batch", "gauge", "The last batch the checkpoint committed.");
        sample("checkpoint_last_committed_batch", pl, double(p.checkpoint->lastCommittedBatch));
        metric("checkpoint_bytes", "gauge", "Size of the checkpoint database and its write-ahead log.");
        sample("checkpoint_bytes", pl, double(p.checkpoint->bytes));
    }
    metric("rows_in", "gauge", "Rows into each node in the latest batch.");
    for (const auto &[node, n] : p.nodes)
        sample("rows_in", ofNode(node), double(n.rowsIn));
    metric("rows_out", "gauge", "Rows out of each node in the latest batch.");
    for (const auto &[node, n] : p.nodes)
        sample("rows_out", ofNode(node), double(n.rowsOut));
    return out.toUtf8();
}

} // namespace sw::runtime
