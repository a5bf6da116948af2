// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "control/RunStatus.h"
#include "progress/BatchProgress.h"

#include <QJsonArray>
#include <QObject>
#include <QUrl>

#include <functional>
#include <map>
#include <optional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace sw::runtime {

// A typed client of a run's control API (README, "Control API"): what the app
// and the tests follow and steer a run with, so that none of them reads the
// API's JSON by hand. Asynchronous: every call answers exactly once, on the
// event loop of the thread that made it, with the value or with why there is
// none (the runtime is unreachable, refused, or answered something else).
class RuntimeClient : public QObject
{
    Q_OBJECT
public:
    template <typename T>
    using Answer = std::function<void(std::optional<T> value, const QString &error)>;

    // GET /api/progress: the latest record, and the kept ones after a batch.
    struct ProgressUpdate
    {
        std::optional<BatchProgress> latest; // none before the first batch
        std::vector<BatchProgress> recent;   // oldest first
    };
    // GET /api/samples: up to 20 rows of what each edge ("node.port") carried in
    // the last batch that had rows, as the sinks write them.
    struct EdgeSamples
    {
        int64_t batchId = -1;
        std::map<QString, QJsonArray> edges;
    };
    enum class Command { Pause, Resume, Step, Stop };

    explicit RuntimeClient(QObject *parent = nullptr);

    void setEndpoint(const QUrl &controlUrl, const QString &token);
    QUrl endpoint() const { return m_url; }
    QString token() const { return m_token; }
    bool hasEndpoint() const { return !m_url.isEmpty(); }
    // How long a request may take before it fails (5 s).
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    void fetchStatus(Answer<RunStatus> answer);
    void fetchPipeline(Answer<QByteArray> answer);
    // Records after batch `batchId` (-1: every kept record).
    void fetchProgressSince(int64_t batchId, Answer<ProgressUpdate> answer);
    void fetchSamples(Answer<EdgeSamples> answer);
    // GET /api/alerts: {"rules": [...], "history": [...], "lagStatus": {...}}.
    void fetchAlerts(Answer<QJsonObject> answer);
    // POST /api/pause|resume|step|stop (needs the token); answers the status after it.
    void send(Command command, Answer<RunStatus> answer);
    static QString commandName(Command command);

private:
    QNetworkRequest request(const QString &pathAndQuery) const;
    // The reply's JSON object, or why there is none.
    void whenAnswered(QNetworkReply *reply, std::function<void(const QJsonObject *, const QByteArray &, const QString &)> done);

    QNetworkAccessManager *m_network;
    QUrl m_url;
    QString m_token;
    int m_timeoutMs = 5000;
};

} // namespace sw::runtime
