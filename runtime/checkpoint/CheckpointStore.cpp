// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkpoint/CheckpointStore.h"

#include "expr/Casts.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <sqlite3.h>

namespace sw::runtime {

namespace {

// A prepared statement, finalized when it goes out of scope.
class Statement
{
public:
    Statement(sqlite3 *db, const char *sql) { m_ok = sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) == SQLITE_OK; }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    bool ok() const { return m_ok; }
    sqlite3_stmt *get() const { return m_stmt; }
    void bind(int i, int64_t v) { sqlite3_bind_int64(m_stmt, i, v); }
    void bind(int i, const std::string &v) { sqlite3_bind_blob(m_stmt, i, v.data(), int(v.size()), SQLITE_TRANSIENT); }
    void bindText(int i, const QByteArray &v) { sqlite3_bind_text(m_stmt, i, v.constData(), int(v.size()), SQLITE_TRANSIENT); }
    int step() { return sqlite3_step(m_stmt); }
    int64_t integer(int col) const { return sqlite3_column_int64(m_stmt, col); }
    QByteArray text(int col) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_blob(m_stmt, col));
        return QByteArray(p, sqlite3_column_bytes(m_stmt, col));
    }
    std::string blob(int col) const
    {
        const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, col));
        return p ? std::string(p, size_t(sqlite3_column_bytes(m_stmt, col))) : std::string();
    }

private:
    sqlite3_stmt *m_stmt = nullptr;
    bool m_ok = false;
};

QJsonArray rangesJson(const std::vector<OffsetRange> &ranges, bool withEnd)
{
    QJsonArray out;
    for (const OffsetRange &r : ranges) {
        QJsonArray item{QString::fromStdString(r.topic), r.partition, double(r.start)};
        if (withEnd)
            item.append(double(r.end));
        out.append(item);
    }
    return out;
}

std::optional<std::vector<OffsetRange>> rangesFromJson(const QJsonValue &value, bool withEnd)
{
    if (!value.isArray())
        return std::nullopt;
    std::vector<OffsetRange> out;
    for (const auto &item : value.toArray()) {
        const QJsonArray a = item.toArray();
        if (a.size() != (withEnd ? 4 : 3) || !a[0].isString() || !a[1].isDouble() || !a[2].isDouble()
            || (withEnd && !a[3].isDouble()))
            return std::nullopt;
        OffsetRange r{a[0].toString().toStdString(), a[1].toInt(), core::expr::Casts::toInt64(a[2].toDouble()), 0};
        r.end = withEnd ? core::expr::Casts::toInt64(a[3].toDouble()) : r.start;
        out.push_back(std::move(r));
    }
    return out;
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<QJsonObject> parseObject(const QByteArray &text)
{
    QJsonParseError e;
    const QJsonDocument d = QJsonDocument::fromJson(text, &e);
    if (e.error != QJsonParseError::NoError || !d.isObject())
        return std::nullopt;
    return d.object();
}

} // namespace

CheckpointStore::~CheckpointStore()
{
    if (m_db)
        sqlite3_close(m_db);
}

QString CheckpointStore::databasePath(const QString &dir)
{
    return QDir(dir).filePath(QStringLiteral("checkpoint.db"));
}

bool CheckpointStore::fail(std::string &error, const std::string &what) const
{
    error = "checkpoint " + m_path.toStdString() + ": " + what + (m_db ? std::string(": ") + sqlite3_errmsg(m_db) : "");
    return false;
}

bool CheckpointStore::exec(const char *sql, std::string &error) const
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        error = "checkpoint " + m_path.toStdString() + ": " + (message ? message : "error");
        sqlite3_free(message);
        return false;
    }
    return true;
}

bool CheckpointStore::open(const QString &dir, std::string &error)
{
    m_path = databasePath(dir);
    if (!QDir().mkpath(dir)) {
        error = "checkpoint " + m_path.toStdString() + ": cannot create the directory " + dir.toStdString();
        return false;
    }
    m_new = !QFileInfo::exists(m_path) || QFileInfo(m_path).size() == 0;
    if (sqlite3_open_v2(m_path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
        return fail(error, "cannot open");
    sqlite3_busy_timeout(m_db, 5000);
    // FULL: a commit is on disk before the next batch starts, power cut included.
    if (!exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", error)) {
        error += " (is it a checkpoint? start over with streamwright-cli run --reset-checkpoint)";
        return false;
    }
    if (!m_new) {
        Statement check(m_db, "PRAGMA quick_check");
        if (!check.ok() || check.step() != SQLITE_ROW || check.text(0) != "ok")
            return fail(error, "the database is damaged; start over with streamwright-cli run --reset-checkpoint");
        Statement version(m_db, "SELECT value FROM meta WHERE key = 'format'");
        if (!version.ok() || version.step() != SQLITE_ROW)
            return fail(error, "not a Streamwright checkpoint (no format version); start over with "
                               "streamwright-cli run --reset-checkpoint");
        const int format = version.text(0).toInt();
        if (format != kFormatVersion)
            return fail(error, "written in checkpoint format " + std::to_string(format) + ", this version reads "
                                   + std::to_string(kFormatVersion));
        return true;
    }
    return exec("BEGIN;"
                "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                "CREATE TABLE IF NOT EXISTS offsets(batch_id INTEGER PRIMARY KEY, watermark INTEGER NOT NULL,"
                " no_data INTEGER NOT NULL, plans TEXT NOT NULL, written_at INTEGER NOT NULL);"
                "CREATE TABLE IF NOT EXISTS commits(batch_id INTEGER PRIMARY KEY, positions TEXT NOT NULL,"
                " sinks TEXT NOT NULL, has_state INTEGER NOT NULL, committed_at INTEGER NOT NULL);"
                "CREATE TABLE IF NOT EXISTS state(batch_id INTEGER NOT NULL, node TEXT NOT NULL, data BLOB NOT NULL,"
                " PRIMARY KEY(batch_id, node));"
                "INSERT OR REPLACE INTO meta VALUES('format', '1');"
                "COMMIT;",
                error);
}

QJsonObject CheckpointStore::fingerprint() const
{
    Statement s(m_db, "SELECT value FROM meta WHERE key = 'fingerprint'");
    if (!s.ok() || s.step() != SQLITE_ROW)
        return {};
    return parseObject(s.text(0)).value_or(QJsonObject{});
}

bool CheckpointStore::setFingerprint(const QJsonObject &fingerprint, const QString &pipelineName, std::string &error)
{
    Statement s(m_db, "INSERT OR REPLACE INTO meta VALUES('fingerprint', ?1), ('pipeline', ?2)");
    if (!s.ok())
        return fail(error, "cannot write");
    s.bindText(1, compact(fingerprint));
    s.bindText(2, pipelineName.toUtf8());
    return s.step() == SQLITE_DONE || fail(error, "cannot write the fingerprint");
}

bool CheckpointStore::writeOffsets(const OffsetEntry &entry, std::string &error)
{
    QJsonObject plans;
    for (const auto &[node, plan] : entry.plans)
        plans.insert(node, rangesJson(plan.ranges, true));
    Statement s(m_db, "INSERT OR REPLACE INTO offsets VALUES(?1, ?2, ?3, ?4, ?5)");
    if (!s.ok())
        return fail(error, "cannot write the offset log");
    s.bind(1, entry.batchId);
    s.bind(2, entry.watermark);
    s.bind(3, entry.noData ? 1 : 0);
    s.bindText(4, compact(plans));
    s.bind(5, QDateTime::currentMSecsSinceEpoch());
    return s.step() == SQLITE_DONE || fail(error, "cannot write the offset log of batch " + std::to_string(entry.batchId));
}

bool CheckpointStore::writeCommit(const Commit &commit, const std::map<QString, std::string> &state, std::string &error)
{
    QJsonObject positions, sinks;
    for (const auto &[node, ranges] : commit.positions)
        positions.insert(node, rangesJson(ranges, false));
    for (const auto &[key, value] : commit.sinks)
        sinks.insert(key, QString::fromStdString(value));
    if (!exec("BEGIN IMMEDIATE", error))
        return false;
    auto rollback = [&](const std::string &what) {
        fail(error, what);
        std::string ignored;
        exec("ROLLBACK", ignored);
        return false;
    };
    {
        Statement s(m_db, "INSERT OR REPLACE INTO commits VALUES(?1, ?2, ?3, ?4, ?5)");
        if (!s.ok())
            return rollback("cannot write the commit log");
        s.bind(1, commit.batchId);
        s.bindText(2, compact(positions));
        s.bindText(3, compact(sinks));
        s.bind(4, state.empty() ? 0 : 1);
        s.bind(5, QDateTime::currentMSecsSinceEpoch());
        if (s.step() != SQLITE_DONE)
            return rollback("cannot write commit " + std::to_string(commit.batchId));
    }
    if (!state.empty()) {
        Statement s(m_db, "INSERT OR REPLACE INTO state VALUES(?1, ?2, ?3)");
        for (const auto &[node, data] : state) {
            sqlite3_reset(s.get());
            s.bind(1, commit.batchId);
            s.bindText(2, node.toUtf8());
            s.bind(3, data);
            if (!s.ok() || s.step() != SQLITE_DONE)
                return rollback("cannot write the state of " + node.toStdString());
        }
        // Keep this snapshot and the one before it, and the logs from there on.
        Statement previous(m_db, "SELECT max(batch_id) FROM commits WHERE has_state = 1 AND batch_id < ?1");
        previous.bind(1, commit.batchId);
        if (previous.ok() && previous.step() == SQLITE_ROW && sqlite3_column_type(previous.get(), 0) != SQLITE_NULL) {
            const int64_t keep = previous.integer(0);
            for (const char *sql : {"DELETE FROM state WHERE batch_id < ?1", "DELETE FROM commits WHERE batch_id < ?1",
                                    "DELETE FROM offsets WHERE batch_id < ?1"}) {
                Statement d(m_db, sql);
                d.bind(1, keep);
                if (!d.ok() || d.step() != SQLITE_DONE)
                    return rollback("cannot delete old checkpoints");
            }
        }
    }
    if (!exec("COMMIT", error)) {
        std::string ignored;
        exec("ROLLBACK", ignored);
        return false;
    }
    return true;
}

bool CheckpointStore::addState(int64_t batchId, const std::map<QString, std::string> &state, std::string &error)
{
    std::optional<Commit> commit = lastCommit(error);
    if (!commit)
        return error.empty() ? fail(error, "no commit to add the state to") : false;
    if (commit->batchId != batchId)
        return fail(error, "the last commit is " + std::to_string(commit->batchId) + ", not " + std::to_string(batchId));
    return writeCommit(*commit, state, error);
}

std::optional<CheckpointStore::Commit> CheckpointStore::commitWhere(const char *sql, std::string &error) const
{
    Statement s(m_db, sql);
    if (!s.ok()) {
        fail(error, "cannot read the commit log");
        return std::nullopt;
    }
    const int rc = s.step();
    if (rc == SQLITE_DONE)
        return std::nullopt;
    if (rc != SQLITE_ROW) {
        fail(error, "cannot read the commit log");
        return std::nullopt;
    }
    Commit c;
    c.batchId = s.integer(0);
    const auto positions = parseObject(s.text(1));
    const auto sinks = parseObject(s.text(2));
    c.hasState = s.integer(3) != 0;
    if (!positions || !sinks) {
        fail(error, "commit " + std::to_string(c.batchId) + " is damaged");
        return std::nullopt;
    }
    for (auto it = positions->begin(); it != positions->end(); ++it) {
        auto ranges = rangesFromJson(it.value(), false);
        if (!ranges) {
            fail(error, "commit " + std::to_string(c.batchId) + " is damaged");
            return std::nullopt;
        }
        c.positions[it.key()] = std::move(*ranges);
    }
    for (auto it = sinks->begin(); it != sinks->end(); ++it)
        c.sinks[it.key()] = it.value().toString().toStdString();
    return c;
}

std::optional<CheckpointStore::Commit> CheckpointStore::lastCommit(std::string &error) const
{
    return commitWhere("SELECT batch_id, positions, sinks, has_state FROM commits ORDER BY batch_id DESC LIMIT 1", error);
}

std::optional<CheckpointStore::Commit> CheckpointStore::lastSnapshotCommit(std::string &error) const
{
    return commitWhere(
        "SELECT batch_id, positions, sinks, has_state FROM commits WHERE has_state = 1 ORDER BY batch_id DESC LIMIT 1",
        error);
}

std::map<QString, std::string> CheckpointStore::stateAt(int64_t batchId, std::string &error) const
{
    std::map<QString, std::string> out;
    Statement s(m_db, "SELECT node, data FROM state WHERE batch_id = ?1");
    if (!s.ok()) {
        fail(error, "cannot read the state");
        return out;
    }
    s.bind(1, batchId);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        out[QString::fromUtf8(s.text(0))] = s.blob(1);
    if (rc != SQLITE_DONE)
        fail(error, "cannot read the state of batch " + std::to_string(batchId));
    return out;
}

std::vector<CheckpointStore::OffsetEntry> CheckpointStore::offsetsAfter(int64_t batchId, std::string &error) const
{
    std::vector<OffsetEntry> out;
    Statement s(m_db, "SELECT batch_id, watermark, no_data, plans FROM offsets WHERE batch_id > ?1 ORDER BY batch_id");
    if (!s.ok()) {
        fail(error, "cannot read the offset log");
        return out;
    }
    s.bind(1, batchId);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        OffsetEntry e;
        e.batchId = s.integer(0);
        e.watermark = s.integer(1);
        e.noData = s.integer(2) != 0;
        const auto plans = parseObject(s.text(3));
        if (!plans) {
            fail(error, "the offset log of batch " + std::to_string(e.batchId) + " is damaged");
            return {};
        }
        for (auto it = plans->begin(); it != plans->end(); ++it) {
            auto ranges = rangesFromJson(it.value(), true);
            if (!ranges) {
                fail(error, "the offset log of batch " + std::to_string(e.batchId) + " is damaged");
                return {};
            }
            e.plans[it.key()].ranges = std::move(*ranges);
        }
        out.push_back(std::move(e));
    }
    if (rc != SQLITE_DONE)
        fail(error, "cannot read the offset log");
    return out;
}

int64_t CheckpointStore::sizeBytes() const
{
    return QFileInfo(m_path).size() + QFileInfo(m_path + QStringLiteral("-wal")).size();
}

bool CheckpointStore::reset(const QString &dir, std::string &error)
{
    const QString path = databasePath(dir);
    for (const QString &file : {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")}) {
        if (QFileInfo::exists(file) && !QFile::remove(file)) {
            error = "cannot delete " + file.toStdString();
            return false;
        }
    }
    return true;
}

} // namespace sw::runtime
