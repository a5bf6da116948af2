// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitor/RunHistoryStore.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <sqlite3.h>

namespace sw::widgets {

namespace {
// A prepared statement that finalizes itself.
struct Statement
{
    sqlite3_stmt *s = nullptr;
    Statement(sqlite3 *db, const char *sql) { sqlite3_prepare_v2(db, sql, -1, &s, nullptr); }
    ~Statement() { sqlite3_finalize(s); }
    void bind(int i, qint64 v) { sqlite3_bind_int64(s, i, v); }
    void bind(int i, const QByteArray &v) { sqlite3_bind_text(s, i, v.constData(), int(v.size()), SQLITE_TRANSIENT); }
    bool step() { return sqlite3_step(s) == SQLITE_ROW; }
    qint64 integer(int i) const { return sqlite3_column_int64(s, i); }
    QString text(int i) const
    {
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(s, i)), sqlite3_column_bytes(s, i));
    }
    bool isNull(int i) const { return sqlite3_column_type(s, i) == SQLITE_NULL; }
};
} // namespace

RunHistoryStore::~RunHistoryStore()
{
    if (m_db)
        sqlite3_close(m_db);
}

QString RunHistoryStore::pathFor(const QString &pipelineFile, const QString &pipelineName, const QString &fallbackDir)
{
    if (!pipelineFile.isEmpty()) {
        const QFileInfo file(pipelineFile);
        return file.absoluteDir().filePath(file.completeBaseName() + QStringLiteral(".history.sqlite"));
    }
    QString name = pipelineName.isEmpty() ? QStringLiteral("untitled") : pipelineName;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]")), QStringLiteral("_"));
    return QDir(fallbackDir).filePath(name + QStringLiteral(".history.sqlite"));
}

std::optional<QString> RunHistoryStore::open(const QString &path)
{
    if (m_db && path == m_path)
        return std::nullopt;
    if (m_db) {
        sqlite3_close(m_db);
        m_db = nullptr;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (sqlite3_open(path.toUtf8().constData(), &m_db) != SQLITE_OK) {
        const QString error = QString::fromUtf8(sqlite3_errmsg(m_db));
        sqlite3_close(m_db);
        m_db = nullptr;
        return error;
    }
    m_path = path;
    sqlite3_busy_timeout(m_db, 2000);
    if (!exec("PRAGMA journal_mode=WAL;"
              "CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY, pipeline TEXT NOT NULL,"
              " started INTEGER NOT NULL, ended INTEGER, outcome TEXT);"
              "CREATE TABLE IF NOT EXISTS seconds (run INTEGER NOT NULL REFERENCES runs(id), time INTEGER NOT NULL,"
              " metrics TEXT NOT NULL, PRIMARY KEY (run, time)) WITHOUT ROWID;")) {
        const QString error = QString::fromUtf8(sqlite3_errmsg(m_db));
        sqlite3_close(m_db);
        m_db = nullptr;
        return error;
    }
    return std::nullopt;
}

bool RunHistoryStore::exec(const char *sql) const
{
    return m_db && sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

qint64 RunHistoryStore::beginRun(const QString &pipeline, const QDateTime &started)
{
    if (!m_db)
        return 0;
    Statement insert(m_db, "INSERT INTO runs (pipeline, started) VALUES (?, ?)");
    insert.bind(1, pipeline.toUtf8());
    insert.bind(2, started.toMSecsSinceEpoch());
    insert.step();
    m_storingRun = sqlite3_last_insert_rowid(m_db);
    m_storedUntil = 0;
    return m_storingRun;
}

void RunHistoryStore::endRun(qint64 run, const QDateTime &ended, const QString &outcome)
{
    if (!m_db || run == 0)
        return;
    Statement update(m_db, "UPDATE runs SET ended = ?, outcome = ? WHERE id = ?");
    update.bind(1, ended.toMSecsSinceEpoch());
    update.bind(2, outcome.toUtf8());
    update.bind(3, run);
    update.step();
}

void RunHistoryStore::store(qint64 run, const ProgressHistory &history, bool final)
{
    if (!m_db || run == 0 || history.isEmpty())
        return;
    if (run != m_storingRun) {
        m_storingRun = run;
        m_storedUntil = 0;
    }
    // The newest second may still get batches: it is stored when the next one starts.
    const qint64 until = final ? history.lastMs() + 1 : history.lastMs();
    const auto seconds = history.seconds(m_storedUntil, until);
    if (seconds.empty())
        return;
    exec("BEGIN");
    Statement insert(m_db, "INSERT OR REPLACE INTO seconds (run, time, metrics) VALUES (?, ?, ?)");
    for (const auto &[time, values] : seconds) {
        QJsonObject metrics;
        for (const auto &[name, value] : values)
            metrics.insert(name, value);
        insert.bind(1, run);
        insert.bind(2, time);
        insert.bind(3, QJsonDocument(metrics).toJson(QJsonDocument::Compact));
        sqlite3_step(insert.s);
        sqlite3_reset(insert.s);
    }
    exec("COMMIT");
    m_storedUntil = until;
}

std::vector<RunHistoryStore::Run> RunHistoryStore::runs() const
{
    std::vector<Run> result;
    if (!m_db)
        return result;
    Statement select(m_db, "SELECT id, pipeline, started, ended, outcome FROM runs ORDER BY id DESC");
    while (select.step()) {
        Run r;
        r.id = select.integer(0);
        r.pipeline = select.text(1);
        r.started = QDateTime::fromMSecsSinceEpoch(select.integer(2));
        if (!select.isNull(3))
            r.ended = QDateTime::fromMSecsSinceEpoch(select.integer(3));
        r.outcome = select.isNull(4) ? QString() : select.text(4);
        result.push_back(r);
    }
    return result;
}

ProgressHistory RunHistoryStore::load(qint64 run) const
{
    ProgressHistory history;
    if (!m_db)
        return history;
    Statement select(m_db, "SELECT time, metrics FROM seconds WHERE run = ? ORDER BY time");
    select.bind(1, run);
    while (select.step()) {
        ProgressHistory::Values values;
        const QJsonObject metrics = QJsonDocument::fromJson(select.text(1).toUtf8()).object();
        for (auto it = metrics.begin(); it != metrics.end(); ++it)
            values.emplace(it.key(), it.value().toDouble());
        history.setSecond(select.integer(0), values);
    }
    return history;
}

} // namespace sw::widgets
