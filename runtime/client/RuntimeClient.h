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
    // the last batch that had rows, as the sinks write them; and the rows each
    // sink.preview keeps (its last ones), by node.
    struct EdgeSamples
    {
        int64_t batchId = -1;
        std::map<QString, QJsonArray> edges;
        std::map<QString, QJsonArray> previews;
    };
    enum class Command { Pause, Resume, Step, Stop };

    // The debugger (run --debug). GET /api/debug: where the run is and what it
    // can go back to.
    struct Breakpoint
    {
        QString node;
        QString condition; // empty: any row
    };
    struct DebugInfo
    {
        bool debugging = false;
        int64_t batch = -1;    // the batch the run is at (its end)
        int64_t first = -1;    // the earliest batch kept to go back to (-1: the start)
        int64_t last = -1;     // the latest kept
        int64_t furthest = -1; // the furthest batch run
        bool atEndOfInput = false;
        std::optional<int64_t> lastHitBatch; // a breakpoint hit there
        std::vector<Breakpoint> breakpoints;
        std::optional<RunStatus> status; // with seek
    };
    // GET /api/debug/batch?batch=N: one kept batch.
    struct DebugBatch
    {
        int64_t batch = -1;
        int64_t watermark = 0;      // the batch ran with it
        int64_t watermarkAfter = 0; // the next batch runs with it
        bool noData = false;
        std::map<QString, int64_t> edgeRows;   // rows each edge ("node.port") carried
        std::map<QString, QJsonArray> edges;   // the first 1,000 of them
        std::map<QString, QStringList> edgeColumns; // their columns, in the schema's order
        QJsonObject plans;                     // node -> [{topic, partition, start, end}]
        QJsonObject state;                     // node -> {rows, tables: [{name, total, rows}]}
        QJsonObject nodes;                     // node -> {rowsIn, rowsOut, deadLetters}
    };

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

    void fetchDebugInfo(Answer<DebugInfo> answer);
    void fetchDebugBatch(int64_t batch, Answer<DebugBatch> answer);
    // POST /api/debug/seek: back (or forward) to the end of `batch` (-1: the start).
    void seek(int64_t batch, Answer<DebugInfo> answer);
    // POST /api/debug/breakpoints: replaces them all.
    void setBreakpoints(const std::vector<Breakpoint> &breakpoints, Answer<DebugInfo> answer);
    static DebugInfo debugInfoFromJson(const QJsonObject &o);

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
