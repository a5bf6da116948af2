// SPDX-License-Identifier: GPL-3.0-or-later
// The control API of a running `streamwright-cli run`: /metrics parsed back and
// checked against the JSON progress, the token, pause, step one batch, stop.
#include "client/RuntimeClient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
const char *kPipeline = R"j({"format": "streamwright.pipeline/1", "name": "live", "connections": {},
"nodes": [
 {"id": "events", "type": "source.generator", "position": [0, 0], "config": {"stream": "user-events", "rate": 2000,
  "eventTime": {"field": "ts", "watermarkDelay": "5s"}}},
 {"id": "per_minute", "type": "window.aggregate", "position": [0, 0], "config": {"window": {"kind": "tumbling", "size": "1m"},
  "groupBy": ["category"], "aggregates": [{"name": "n", "fn": "count"}], "outputMode": "update"}},
 {"id": "preview", "type": "sink.preview", "position": [0, 0], "config": {"rows": 10}}
],
"edges": [{"from": "events", "to": "per_minute"}, {"from": "per_minute", "to": "preview"}],
"runtime": {"trigger": "100ms"},
"alerts": [
 {"metric": "rows_out", "node": "events", "above": 0, "severity": "critical", "command": "echo $STREAMWRIGHT_ALERT_SEVERITY $STREAMWRIGHT_ALERT_METRIC > fired.txt",
  "webhook": "WEBHOOK_URL"},
 {"metric": "batch_duration_ms", "above": 600000, "for": "1h", "severity": "info"}
]})j";
} // namespace

class tst_ControlApi : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void metricsMatchProgress();
    void controlNeedsTheToken();
    void alertsFireInTheRuntime();
    void nonLoopbackNeedsTheTokenToWatch();
    void theTypedClientReadsWhatTheApiServes();
    void hostileRequests();
    void theCliSteersTheRun();
    void pauseStepResumeStop();

private:
    QNetworkReply *request(const QByteArray &verb, const QString &path, bool withToken = false);
    QByteArray get(const QString &path);
    QJsonObject status();

    QTemporaryDir m_dir;
    QProcess m_run;
    QString m_url, m_token;
    QNetworkAccessManager m_net;
    QTcpServer m_webhook;
    QByteArray m_webhookRequests;
};

void tst_ControlApi::initTestCase()
{
    // A webhook receiver: keeps what is POSTed to it.
    QVERIFY(m_webhook.listen(QHostAddress::LocalHost));
    connect(&m_webhook, &QTcpServer::newConnection, this, [this] {
        QTcpSocket *socket = m_webhook.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            m_webhookRequests += socket->readAll();
            if (m_webhookRequests.contains("\r\n\r\n{") && m_webhookRequests.endsWith('}'))
                socket->write("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n");
        });
    });
    QFile f(m_dir.filePath(QStringLiteral("live.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(kPipeline).replace("WEBHOOK_URL", "http://127.0.0.1:" + QByteArray::number(m_webhook.serverPort()) + "/hook"));
    f.close();
    m_run.setWorkingDirectory(m_dir.path());
    m_run.start(QStringLiteral(STREAMWRIGHT_CLI), {QStringLiteral("run"), QStringLiteral("live.json"), QStringLiteral("--quiet")});
    QVERIFY(m_run.waitForReadyRead(10000));
    const auto match = QRegularExpression(QStringLiteral("^control=(http://127\\.0\\.0\\.1:\\d+) token=([0-9a-f]{64})$"))
                           .match(QString::fromUtf8(m_run.readLine()).trimmed());
    QVERIFY(match.hasMatch());
    m_url = match.captured(1);
    m_token = match.captured(2);
    QTRY_VERIFY_WITH_TIMEOUT(status().value(QStringLiteral("batchId")).toInt() >= 3, 10000);
}

void tst_ControlApi::cleanupTestCase()
{
    if (m_run.state() != QProcess::NotRunning) {
        m_run.terminate();
        m_run.waitForFinished(10000);
    }
}

QNetworkReply *tst_ControlApi::request(const QByteArray &verb, const QString &path, bool withToken)
{
    QNetworkRequest r(QUrl(m_url + path));
    if (withToken)
        r.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    QNetworkReply *reply = m_net.sendCustomRequest(r, verb);
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(10000);
    return reply;
}

QByteArray tst_ControlApi::get(const QString &path)
{
    QNetworkReply *reply = request("GET", path);
    reply->deleteLater();
    return reply->readAll();
}

QJsonObject tst_ControlApi::status()
{
    return QJsonDocument::fromJson(get(QStringLiteral("/api/status"))).object();
}

void tst_ControlApi::metricsMatchProgress()
{
    QNetworkReply *pause = request("POST", QStringLiteral("/api/pause"), true); // hold still while comparing
    pause->deleteLater();
    QTRY_COMPARE_WITH_TIMEOUT(status().value(QStringLiteral("state")).toString(), QStringLiteral("paused"), 5000);
    const QByteArray metrics = get(QStringLiteral("/metrics"));
    const QJsonObject progress = QJsonDocument::fromJson(get(QStringLiteral("/api/progress"))).object().value(QStringLiteral("latest")).toObject();
    QHash<QString, double> samples;
    for (const QByteArray &line : metrics.split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const int space = int(line.lastIndexOf(' '));
        samples.insert(QString::fromUtf8(line.left(space)), line.mid(space + 1).toDouble());
    }
    QCOMPARE(samples.value(QStringLiteral("streamwright_batch_id{pipeline=\"live\"}")), progress.value(QStringLiteral("batchId")).toDouble());
    QCOMPARE(samples.value(QStringLiteral("streamwright_input_rows{pipeline=\"live\"}")), progress.value(QStringLiteral("numInputRows")).toDouble());
    QCOMPARE(samples.value(QStringLiteral("streamwright_watermark{pipeline=\"live\"}")),
             progress.value(QStringLiteral("eventTime")).toObject().value(QStringLiteral("watermark")).toDouble());
    QCOMPARE(samples.value(QStringLiteral("streamwright_state_rows{pipeline=\"live\",node=\"per_minute\"}")),
             progress.value(QStringLiteral("stateOperators")).toArray().at(0).toObject().value(QStringLiteral("numRowsTotal")).toDouble());
    QCOMPARE(samples.value(QStringLiteral("streamwright_rows_out{pipeline=\"live\",node=\"events\"}")),
             progress.value(QStringLiteral("nodes")).toObject().value(QStringLiteral("events")).toObject().value(QStringLiteral("rowsOut")).toDouble());
    // Latency exists for batches that read records (not for no-data batches).
    const QJsonObject latency = progress.value(QStringLiteral("e2eLatencyMs")).toObject();
    QCOMPARE(samples.contains(QStringLiteral("streamwright_e2e_latency_ms{pipeline=\"live\",quantile=\"0.99\"}")), !latency.isEmpty());
    if (!latency.isEmpty())
        QCOMPARE(samples.value(QStringLiteral("streamwright_e2e_latency_ms{pipeline=\"live\",quantile=\"0.99\"}")),
                 latency.value(QStringLiteral("p99")).toDouble());
    QVERIFY(samples.contains(QStringLiteral("streamwright_batch_duration_ms{pipeline=\"live\",part=\"total\"}")));
    const QJsonObject samplesJson = QJsonDocument::fromJson(get(QStringLiteral("/api/samples"))).object();
    QVERIFY(samplesJson.value(QStringLiteral("edges")).toObject().value(QStringLiteral("events.out")).toArray().size() > 0);
    QNetworkReply *resume = request("POST", QStringLiteral("/api/resume"), true);
    resume->deleteLater();
}

void tst_ControlApi::alertsFireInTheRuntime()
{
    // The generator always emits rows: the first rule fires, runs its command and
    // shows in /api/alerts and /metrics; the second never holds.
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_dir.filePath(QStringLiteral("fired.txt"))), 10000);
    QFile fired(m_dir.filePath(QStringLiteral("fired.txt")));
    QTRY_VERIFY(fired.size() > 0);
    QVERIFY(fired.open(QIODevice::ReadOnly));
    QCOMPARE(fired.readAll().trimmed(), QByteArray("critical rows_out"));
    const QJsonObject alerts = QJsonDocument::fromJson(get(QStringLiteral("/api/alerts"))).object();
    const QJsonArray rules = alerts.value(QStringLiteral("rules")).toArray();
    QCOMPARE(rules.size(), 2);
    QVERIFY(rules.at(0).toObject().value(QStringLiteral("firing")).toBool());
    QVERIFY(!rules.at(1).toObject().value(QStringLiteral("firing")).toBool());
    const QJsonArray history = alerts.value(QStringLiteral("history")).toArray();
    QVERIFY(!history.isEmpty());
    QCOMPARE(history.at(0).toObject().value(QStringLiteral("severity")).toString(), QStringLiteral("critical"));
    QCOMPARE(history.at(0).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("firing"));
    const QByteArray metrics = get(QStringLiteral("/metrics"));
    QVERIFY2(metrics.contains("streamwright_alert_firing{pipeline=\"live\",rule=\"0\",severity=\"critical\""), metrics.constData());
    QVERIFY(metrics.contains("rows_out of events above 0\"} 1"));
    // The webhook got the alert as JSON.
    QTRY_VERIFY_WITH_TIMEOUT(m_webhookRequests.contains("\"state\":\"firing\""), 10000);
    QVERIFY(m_webhookRequests.startsWith("POST /hook"));
    QVERIFY(m_webhookRequests.contains("\"pipeline\":\"live\""));
    QVERIFY(m_webhookRequests.contains("\"severity\":\"critical\""));
}

void tst_ControlApi::nonLoopbackNeedsTheTokenToWatch()
{
    // Listening on every address (a server): watching needs the token too, except
    // /metrics, which Prometheus scrapes.
    QProcess server;
    server.setWorkingDirectory(m_dir.path());
    server.start(QStringLiteral(STREAMWRIGHT_CLI),
                 {QStringLiteral("run"), QStringLiteral("live.json"), QStringLiteral("--quiet"), QStringLiteral("--listen"),
                  QStringLiteral("0.0.0.0:0")});
    QVERIFY(server.waitForReadyRead(10000));
    const auto match = QRegularExpression(QStringLiteral("^control=http://0\\.0\\.0\\.0:(\\d+) token=(\\S+)$"))
                           .match(QString::fromUtf8(server.readLine()).trimmed());
    QVERIFY(match.hasMatch());
    const QString url = QStringLiteral("http://127.0.0.1:") + match.captured(1);
    auto statusOf = [this, &url](const QString &path, const QString &token) {
        QNetworkRequest r{QUrl(url + path)};
        if (!token.isEmpty())
            r.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        QNetworkReply *reply = m_net.get(r);
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(10000);
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    };
    for (const char *path : {"/api/status", "/api/progress", "/api/samples", "/api/alerts", "/api/pipeline"}) {
        QCOMPARE(statusOf(QLatin1String(path), {}), 401);
        QCOMPARE(statusOf(QLatin1String(path), match.captured(2)), 200);
    }
    QCOMPARE(statusOf(QStringLiteral("/metrics"), {}), 200);
    server.terminate();
    QVERIFY(server.waitForFinished(10000));
}

void tst_ControlApi::controlNeedsTheToken()
{
    QNetworkReply *reply = request("POST", QStringLiteral("/api/stop"));
    reply->deleteLater();
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
    QCOMPARE(m_run.state(), QProcess::Running);
    QVERIFY(status().value(QStringLiteral("state")).toString() != u"stopping");
}

// What the app follows runs with: the same figures as the raw API, typed.
void tst_ControlApi::theTypedClientReadsWhatTheApiServes()
{
    using sw::runtime::RuntimeClient;
    namespace runtime = sw::runtime;
    RuntimeClient client;
    client.setEndpoint(QUrl(m_url), m_token);
    std::optional<runtime::RunStatus> status;
    client.send(RuntimeClient::Command::Pause, [&](std::optional<runtime::RunStatus> s, const QString &) { status = s; });
    QTRY_VERIFY_WITH_TIMEOUT(status.has_value(), 5000);
    QCOMPARE(status->state, runtime::RunStatus::State::Paused);
    QCOMPARE(status->pipeline, QStringLiteral("live"));
    QTest::qWait(300); // a batch under way when the pause came has finished

    std::optional<RuntimeClient::ProgressUpdate> all;
    client.fetchProgressSince(-1, [&](std::optional<RuntimeClient::ProgressUpdate> u, const QString &) { all = u; });
    QTRY_VERIFY_WITH_TIMEOUT(all.has_value(), 5000);
    QVERIFY(all->latest);
    QVERIFY(all->recent.size() >= 3);
    QCOMPARE(all->recent.back(), *all->latest);
    const QJsonObject raw = QJsonDocument::fromJson(get(QStringLiteral("/api/progress"))).object().value(QStringLiteral("latest")).toObject();
    QCOMPARE(all->latest->toJson(), raw);
    QCOMPARE(all->latest->sources.front().node, QStringLiteral("events"));

    std::optional<RuntimeClient::ProgressUpdate> since;
    const int64_t third = all->recent[all->recent.size() - 3].batchId;
    client.fetchProgressSince(third, [&](std::optional<RuntimeClient::ProgressUpdate> u, const QString &) { since = u; });
    QTRY_VERIFY_WITH_TIMEOUT(since.has_value(), 5000);
    QCOMPARE(since->recent.size(), size_t(2));

    std::optional<RuntimeClient::EdgeSamples> samples;
    client.fetchSamples([&](std::optional<RuntimeClient::EdgeSamples> s, const QString &) { samples = s; });
    QTRY_VERIFY_WITH_TIMEOUT(samples.has_value(), 5000);
    QVERIFY(samples->edges.count(QStringLiteral("events.out")));
    QVERIFY(!samples->edges.at(QStringLiteral("events.out")).isEmpty());

    // Commands need the token; the refusal says why.
    RuntimeClient stranger;
    stranger.setEndpoint(QUrl(m_url), QString());
    QString refusal;
    bool answered = false;
    stranger.send(RuntimeClient::Command::Resume, [&](std::optional<runtime::RunStatus> s, const QString &error) {
        answered = true;
        QVERIFY(!s);
        refusal = error;
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 5000);
    QCOMPARE(refusal, QStringLiteral("this needs the token printed at start"));
    // An address where nothing listens: an error, not a hang or a crash.
    RuntimeClient nowhere;
    nowhere.setEndpoint(QUrl(QStringLiteral("http://127.0.0.1:1")), QString());
    answered = false;
    nowhere.fetchStatus([&](std::optional<runtime::RunStatus> s, const QString &error) {
        answered = true;
        QVERIFY(!s);
        QVERIFY(!error.isEmpty());
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 5000);

    status.reset();
    client.send(RuntimeClient::Command::Resume, [&](std::optional<runtime::RunStatus> s, const QString &) { status = s; });
    QTRY_VERIFY_WITH_TIMEOUT(status.has_value(), 5000);
    QCOMPARE(status->state, runtime::RunStatus::State::Running);
}

// A web page (DNS rebinding), a token in the URL, a huge request line.
void tst_ControlApi::hostileRequests()
{
    // Query numbers out of any range: answered, never a crash (a double cast to
    // int64 out of its range is undefined, and UBSan stops the runtime on it).
    for (const char *since : {"9223372036854775806", "1e300", "-1e300", "99999999999999999999999", "nan", "abc"}) {
        QNetworkReply *reply = request("GET", QStringLiteral("/api/progress?since=") + QLatin1String(since));
        reply->deleteLater();
        const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QVERIFY2(code == 200 || code == 400, since);
    }
    QCOMPARE(status().value(QStringLiteral("state")).toString(), QStringLiteral("running"));

    const QUrl url(m_url);
    auto raw = [&url](const QByteArray &requestText) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(url.port()));
        if (!socket.waitForConnected(5000))
            return QByteArray("no connection");
        socket.write(requestText);
        QByteArray answer;
        while (socket.waitForReadyRead(3000)) {
            answer += socket.readAll();
            if (answer.contains("\r\n\r\n") && answer.endsWith('}'))
                break;
        }
        return answer;
    };
    const QByteArray port = QByteArray::number(url.port());
    const QByteArray rebinding = raw("GET /api/samples HTTP/1.1\r\nHost: attacker.example:" + port + "\r\n\r\n");
    QVERIFY2(rebinding.startsWith("HTTP/1.1 421"), rebinding.constData());
    QVERIFY(rebinding.contains("is not this runtime's address"));
    QVERIFY(!rebinding.contains("\"edges\""));
    QVERIFY(raw("GET /metrics HTTP/1.1\r\nHost: attacker.example\r\n\r\n").startsWith("HTTP/1.1 421"));
    QVERIFY(raw("GET /api/status HTTP/1.1\r\nHost: localhost:" + port + "\r\n\r\n").startsWith("HTTP/1.1 200"));
    QVERIFY(raw("GET /api/status HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n").startsWith("HTTP/1.1 200"));

    // The token counts in the Authorization header only.
    QNetworkReply *inQuery = request("POST", QStringLiteral("/api/pause?token=") + m_token);
    inQuery->deleteLater();
    QCOMPARE(inQuery->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
    QCOMPARE(status().value(QStringLiteral("state")).toString(), QStringLiteral("running"));

    // 8 MB of request line: the connection is closed long before, and the runtime
    // answers as before.
    QTcpSocket flood;
    flood.connectToHost(QHostAddress::LocalHost, quint16(url.port()));
    QVERIFY(flood.waitForConnected(5000));
    flood.write("GET /api/status?");
    const QByteArray chunk(64 * 1024, 'a');
    qint64 sent = 0;
    for (int i = 0; i < 128 && flood.state() == QAbstractSocket::ConnectedState; ++i) {
        sent += flood.write(chunk);
        flood.waitForBytesWritten(1000);
    }
    QTRY_COMPARE_WITH_TIMEOUT(flood.state(), QAbstractSocket::UnconnectedState, 10000);
    QCOMPARE(status().value(QStringLiteral("state")).toString(), QStringLiteral("running"));
}

// `streamwright-cli control`, as a script on the server would use it.
void tst_ControlApi::theCliSteersTheRun()
{
    struct Result
    {
        int code;
        QString out, err;
    };
    auto control = [](const QStringList &args, const QString &token = {}) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("STREAMWRIGHT_TOKEN"));
        if (!token.isEmpty())
            env.insert(QStringLiteral("STREAMWRIGHT_TOKEN"), token);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(STREAMWRIGHT_CLI), QStringList{QStringLiteral("control")} + args);
        p.waitForFinished(20000);
        return Result{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    };
    const QStringList api{QStringLiteral("--api"), m_url};
    const Result shown = control(QStringList{QStringLiteral("status")} + api);
    QCOMPARE(shown.code, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("^live: running, batch \\d+, watermark 20\\d\\d-")).match(shown.out).hasMatch(),
             qPrintable(shown.out));
    const Result progress = control(QStringList{QStringLiteral("progress")} + api);
    QCOMPARE(progress.code, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("^batch \\d+ \\| \\d+ rows/s \\| lag 0 \\|")).match(progress.out).hasMatch(),
             qPrintable(progress.out));
    const Result json = control(QStringList{QStringLiteral("progress"), QStringLiteral("--json")} + api);
    QVERIFY(QJsonDocument::fromJson(json.out.toUtf8()).object().contains(QStringLiteral("durationMs")));

    const Result noToken = control(QStringList{QStringLiteral("pause")} + api);
    QCOMPARE(noToken.code, 2);
    QVERIFY2(noToken.err.contains(QStringLiteral("needs the run's token")), qPrintable(noToken.err));
    const Result wrongToken = control(QStringList{QStringLiteral("pause")} + api, QStringLiteral("0123"));
    QCOMPARE(wrongToken.code, 1);
    QCOMPARE(status().value(QStringLiteral("state")).toString(), QStringLiteral("running"));
    const Result paused = control(QStringList{QStringLiteral("pause")} + api, m_token);
    QCOMPARE(paused.code, 0);
    QVERIFY2(paused.out.startsWith(QStringLiteral("live: paused")), qPrintable(paused.out));
    const Result resumed = control(QStringList{QStringLiteral("resume"), QStringLiteral("--token"), m_token} + api);
    QCOMPARE(resumed.code, 0);
    QVERIFY2(resumed.out.startsWith(QStringLiteral("live: running")), qPrintable(resumed.out));

    QTcpServer closed; // a port nothing answers on
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const QString gone = QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort());
    closed.close();
    const Result unreachable = control({QStringLiteral("status"), QStringLiteral("--api"), gone});
    QCOMPARE(unreachable.code, 1);
    QVERIFY2(unreachable.err.startsWith(QStringLiteral("streamwright-cli control: ") + gone), qPrintable(unreachable.err));
    QCOMPARE(control(QStringList{QStringLiteral("launch")} + api).code, 2);
}

void tst_ControlApi::pauseStepResumeStop()
{
    QNetworkReply *pause = request("POST", QStringLiteral("/api/pause"), true);
    pause->deleteLater();
    QCOMPARE(pause->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QTRY_COMPARE_WITH_TIMEOUT(status().value(QStringLiteral("state")).toString(), QStringLiteral("paused"), 5000);
    QTest::qWait(300); // a batch under way when the pause came has finished
    const int before = status().value(QStringLiteral("batchId")).toInt();
    QTest::qWait(400);
    QCOMPARE(status().value(QStringLiteral("batchId")).toInt(), before); // paused means no batches
    QNetworkReply *step = request("POST", QStringLiteral("/api/step"), true);
    step->deleteLater();
    QTRY_COMPARE_WITH_TIMEOUT(status().value(QStringLiteral("batchId")).toInt(), before + 1, 5000);
    QTest::qWait(400);
    QCOMPARE(status().value(QStringLiteral("batchId")).toInt(), before + 1); // exactly one
    QNetworkReply *resume = request("POST", QStringLiteral("/api/resume"), true);
    resume->deleteLater();
    QTRY_VERIFY_WITH_TIMEOUT(status().value(QStringLiteral("batchId")).toInt() > before + 2, 5000);
    QNetworkReply *stop = request("POST", QStringLiteral("/api/stop"), true);
    stop->deleteLater();
    // (It may have exited while the stop request was answered: waitForFinished is then false.)
    QVERIFY(m_run.state() == QProcess::NotRunning || m_run.waitForFinished(10000));
    QCOMPARE(m_run.exitCode(), 0);
    QVERIFY(QString::fromUtf8(m_run.readAllStandardError()).contains(QStringLiteral("stopped after batch")));
}

QTEST_GUILESS_MAIN(tst_ControlApi)
#include "tst_controlapi.moc"
