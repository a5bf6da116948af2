// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/RuntimeClient.h"

#include "expr/Casts.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace sw::runtime {

RuntimeClient::RuntimeClient(QObject *parent) : QObject(parent), m_network(new QNetworkAccessManager(this)) {}

void RuntimeClient::setEndpoint(const QUrl &controlUrl, const QString &token)
{
    m_url = controlUrl;
    m_token = token;
}

QString RuntimeClient::commandName(Command command)
{
    switch (command) {
    case Command::Pause: return QStringLiteral("pause");
    case Command::Resume: return QStringLiteral("resume");
    case Command::Step: return QStringLiteral("step");
    case Command::Stop: return QStringLiteral("stop");
    }
    return {};
}

QNetworkRequest RuntimeClient::request(const QString &pathAndQuery) const
{
    QNetworkRequest request(m_url.resolved(QUrl(pathAndQuery)));
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(m_timeoutMs);
    return request;
}

void RuntimeClient::whenAnswered(QNetworkReply *reply,
                                 std::function<void(const QJsonObject *, const QByteArray &, const QString &)> done)
{
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const QByteArray body = reply->readAll();
        if (reply->error() != QNetworkReply::NoError) {
            // The API says why in {"error": ...} when it refuses; otherwise the network does.
            const QString said = QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toString();
            done(nullptr, body, said.isEmpty() ? reply->errorString() : said);
            return;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
        if (!doc.isObject()) {
            done(nullptr, body, QStringLiteral("the runtime answered %1 with something that is not a JSON object")
                                    .arg(reply->url().path()));
            return;
        }
        const QJsonObject object = doc.object();
        done(&object, body, QString());
    });
}

void RuntimeClient::fetchStatus(Answer<RunStatus> answer)
{
    whenAnswered(m_network->get(request(QStringLiteral("/api/status"))),
                 [answer](const QJsonObject *o, const QByteArray &, const QString &error) {
                     if (!o)
                         return answer(std::nullopt, error);
                     QString why;
                     auto status = RunStatus::fromJson(*o, &why);
                     answer(std::move(status), why);
                 });
}

void RuntimeClient::fetchPipeline(Answer<QByteArray> answer)
{
    // The pipeline file as the runtime read it: passed on as bytes (the caller
    // loads it as a file, with its own diagnostics).
    QNetworkReply *reply = m_network->get(request(QStringLiteral("/api/pipeline")));
    connect(reply, &QNetworkReply::finished, this, [reply, answer] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError)
            return answer(std::nullopt, reply->errorString());
        answer(reply->readAll(), QString());
    });
}

void RuntimeClient::fetchProgressSince(int64_t batchId, Answer<ProgressUpdate> answer)
{
    const QString path = batchId < 0 ? QStringLiteral("/api/progress?recent=1") : QStringLiteral("/api/progress?since=%1").arg(batchId);
    whenAnswered(m_network->get(request(path)), [answer](const QJsonObject *o, const QByteArray &, const QString &error) {
        if (!o)
            return answer(std::nullopt, error);
        ProgressUpdate update;
        const QJsonObject latest = o->value(QStringLiteral("latest")).toObject();
        QString why;
        if (!latest.isEmpty()) {
            update.latest = BatchProgress::fromJson(latest, &why);
            if (!update.latest)
                return answer(std::nullopt, why);
        }
        for (const auto &record : o->value(QStringLiteral("recent")).toArray()) {
            auto p = BatchProgress::fromJson(record.toObject(), &why);
            if (!p)
                return answer(std::nullopt, why);
            update.recent.push_back(std::move(*p));
        }
        answer(std::move(update), QString());
    });
}

void RuntimeClient::fetchSamples(Answer<EdgeSamples> answer)
{
    whenAnswered(m_network->get(request(QStringLiteral("/api/samples"))),
                 [answer](const QJsonObject *o, const QByteArray &, const QString &error) {
                     if (!o)
                         return answer(std::nullopt, error);
                     EdgeSamples samples;
                     samples.batchId = core::expr::Casts::toInt64(o->value(QStringLiteral("batchId")).toDouble(-1));
                     const QJsonObject edges = o->value(QStringLiteral("edges")).toObject();
                     for (auto it = edges.begin(); it != edges.end(); ++it)
                         samples.edges[it.key()] = it.value().toArray();
                     const QJsonObject previews = o->value(QStringLiteral("previews")).toObject();
                     for (auto it = previews.begin(); it != previews.end(); ++it)
                         samples.previews[it.key()] = it.value().toArray();
                     answer(std::move(samples), QString());
                 });
}

void RuntimeClient::fetchAlerts(Answer<QJsonObject> answer)
{
    whenAnswered(m_network->get(request(QStringLiteral("/api/alerts"))),
                 [answer](const QJsonObject *o, const QByteArray &, const QString &error) {
                     answer(o ? std::optional<QJsonObject>(*o) : std::nullopt, error);
                 });
}

void RuntimeClient::send(Command command, Answer<RunStatus> answer)
{
    QNetworkRequest post = request(QStringLiteral("/api/") + commandName(command));
    post.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    whenAnswered(m_network->post(post, QByteArray()), [answer](const QJsonObject *o, const QByteArray &, const QString &error) {
        if (!o)
            return answer(std::nullopt, error);
        QString why;
        auto status = RunStatus::fromJson(*o, &why);
        answer(std::move(status), why);
    });
}

RuntimeClient::DebugInfo RuntimeClient::debugInfoFromJson(const QJsonObject &o)
{
    DebugInfo d;
    d.debugging = o.value(QStringLiteral("debugging")).toBool();
    d.batch = int64_t(o.value(QStringLiteral("batch")).toDouble(-1));
    d.first = int64_t(o.value(QStringLiteral("first")).toDouble(-1));
    d.last = int64_t(o.value(QStringLiteral("last")).toDouble(-1));
    d.furthest = int64_t(o.value(QStringLiteral("furthest")).toDouble(-1));
    d.atEndOfInput = o.value(QStringLiteral("atEndOfInput")).toBool();
    if (o.contains(QStringLiteral("lastHitBatch")))
        d.lastHitBatch = int64_t(o.value(QStringLiteral("lastHitBatch")).toDouble());
    for (const QJsonValue &b : o.value(QStringLiteral("breakpoints")).toArray())
        d.breakpoints.push_back({b.toObject().value(QStringLiteral("node")).toString(),
                                 b.toObject().value(QStringLiteral("condition")).toString()});
    if (o.contains(QStringLiteral("status")))
        d.status = RunStatus::fromJson(o.value(QStringLiteral("status")).toObject());
    return d;
}

void RuntimeClient::fetchDebugInfo(Answer<DebugInfo> answer)
{
    whenAnswered(m_network->get(request(QStringLiteral("/api/debug"))),
                 [answer](const QJsonObject *o, const QByteArray &, const QString &error) {
                     answer(o ? std::optional(debugInfoFromJson(*o)) : std::nullopt, error);
                 });
}

void RuntimeClient::fetchDebugBatch(int64_t batch, Answer<DebugBatch> answer)
{
    whenAnswered(m_network->get(request(QStringLiteral("/api/debug/batch?batch=%1").arg(batch))),
                 [answer](const QJsonObject *o, const QByteArray &, const QString &error) {
                     if (!o)
                         return answer(std::nullopt, error);
                     DebugBatch b;
                     b.batch = int64_t(o->value(QStringLiteral("batch")).toDouble(-1));
                     b.watermark = int64_t(o->value(QStringLiteral("watermark")).toDouble());
                     b.watermarkAfter = int64_t(o->value(QStringLiteral("watermarkAfter")).toDouble());
                     b.noData = o->value(QStringLiteral("noData")).toBool();
                     const QJsonObject edges = o->value(QStringLiteral("edges")).toObject();
                     for (auto it = edges.constBegin(); it != edges.constEnd(); ++it) {
                         b.edgeRows[it.key()] = int64_t(it->toObject().value(QStringLiteral("rows")).toDouble());
                         b.edges[it.key()] = it->toObject().value(QStringLiteral("kept")).toArray();
                         for (const QJsonValue &c : it->toObject().value(QStringLiteral("columns")).toArray())
                             b.edgeColumns[it.key()] << c.toString();
                     }
                     b.plans = o->value(QStringLiteral("plans")).toObject();
                     b.state = o->value(QStringLiteral("state")).toObject();
                     b.nodes = o->value(QStringLiteral("nodes")).toObject();
                     answer(std::move(b), QString());
                 });
}

void RuntimeClient::seek(int64_t batch, Answer<DebugInfo> answer)
{
    QNetworkRequest post = request(QStringLiteral("/api/debug/seek?batch=%1").arg(batch));
    post.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    whenAnswered(m_network->post(post, QByteArray()), [answer](const QJsonObject *o, const QByteArray &, const QString &error) {
        answer(o ? std::optional(debugInfoFromJson(*o)) : std::nullopt, error);
    });
}

void RuntimeClient::setBreakpoints(const std::vector<Breakpoint> &breakpoints, Answer<DebugInfo> answer)
{
    QJsonArray list;
    for (const Breakpoint &b : breakpoints)
        list.append(QJsonObject{{QStringLiteral("node"), b.node}, {QStringLiteral("condition"), b.condition}});
    QNetworkRequest post = request(QStringLiteral("/api/debug/breakpoints"));
    post.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    whenAnswered(m_network->post(post, QJsonDocument(QJsonObject{{QStringLiteral("breakpoints"), list}}).toJson(QJsonDocument::Compact)),
                 [answer](const QJsonObject *o, const QByteArray &, const QString &error) {
                     answer(o ? std::optional(debugInfoFromJson(*o)) : std::nullopt, error);
                 });
}

} // namespace sw::runtime
