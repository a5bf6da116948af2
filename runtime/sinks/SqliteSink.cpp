// SPDX-License-Identifier: GPL-3.0-or-later
#include "sinks/SqliteSink.h"

#include "batch/RowJson.h"

#include <QDir>
#include <QFileInfo>

#include <sqlite3.h>

namespace sw::runtime {

namespace {
std::string quoted(const QString &name)
{
    return '"' + QString(name).replace(u'"', QStringLiteral("\"\"")).toStdString() + '"';
}

std::string literal(const QString &text)
{
    return '\'' + QString(text).replace(u'\'', QStringLiteral("''")).toStdString() + '\'';
}

const char *sqlType(DataType t)
{
    switch (t) {
    case DataType::Int:
    case DataType::Boolean: return "INTEGER";
    case DataType::Double: return "REAL";
    default: return "TEXT";
    }
}
} // namespace

SqliteSink::SqliteSink(const QString &path, const QString &table, const QStringList &key, bool upsert)
    : m_path(path), m_table(table), m_key(key), m_upsert(upsert)
{
}

SqliteSink::~SqliteSink()
{
    close();
}

bool SqliteSink::exec(const std::string &sql, std::string &error)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        error = "SQLite " + m_path.toStdString() + ": " + (message ? message : "error") + " (" + sql.substr(0, 200) + ")";
        sqlite3_free(message);
        return false;
    }
    return true;
}

bool SqliteSink::open(std::string &error)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    if (sqlite3_open(m_path.toUtf8().constData(), &m_db) != SQLITE_OK) {
        error = "cannot open SQLite database " + m_path.toStdString() + ": " + sqlite3_errmsg(m_db);
        return false;
    }
    sqlite3_busy_timeout(m_db, 5000);
    if (m_identity.isEmpty())
        return exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", error);
    // The batch's rows must be on disk before the checkpoint commits the batch.
    if (!exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
              "CREATE TABLE IF NOT EXISTS streamwright_progress (sink TEXT PRIMARY KEY, batch_id INTEGER NOT NULL)",
              error))
        return false;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT batch_id FROM streamwright_progress WHERE sink = ?1", -1, &stmt, nullptr) != SQLITE_OK) {
        error = "SQLite " + m_path.toStdString() + ": " + sqlite3_errmsg(m_db);
        return false;
    }
    const QByteArray identity = m_identity.toUtf8();
    sqlite3_bind_text(stmt, 1, identity.constData(), int(identity.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(stmt) == SQLITE_ROW)
        m_writtenBatch = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return true;
}

bool SqliteSink::prepare(const core::Schema &schema, std::string &error)
{
    std::string columns, names, params, updates;
    for (qsizetype i = 0; i < schema.fields.size(); ++i) {
        const std::string name = quoted(schema.fields[i].name);
        columns += (i ? ", " : "") + name + ' ' + sqlType(schema.fields[i].type);
        names += (i ? ", " : "") + name;
        params += i ? ", ?" : "?";
        if (!m_key.contains(schema.fields[i].name))
            updates += (updates.empty() ? "" : ", ") + name + " = excluded." + name;
    }
    std::string keyList;
    for (const auto &k : m_key)
        keyList += (keyList.empty() ? "" : ", ") + quoted(k);
    std::string create = "CREATE TABLE IF NOT EXISTS " + quoted(m_table) + " (" + columns;
    if (!m_key.isEmpty())
        create += ", PRIMARY KEY (" + keyList + ")";
    create += ")";
    if (!exec(create, error))
        return false;
    std::string insert = "INSERT INTO " + quoted(m_table) + " (" + names + ") VALUES (" + params + ")";
    if (m_upsert && !m_key.isEmpty())
        insert += " ON CONFLICT (" + keyList + ") DO " + (updates.empty() ? "NOTHING" : "UPDATE SET " + updates);
    if (sqlite3_prepare_v2(m_db, insert.c_str(), -1, &m_insert, nullptr) != SQLITE_OK) {
        error = "SQLite " + m_path.toStdString() + ": " + sqlite3_errmsg(m_db)
                + " (does the table have the pipeline's columns? " + insert + ")";
        return false;
    }
    return true;
}

bool SqliteSink::write(const Batch &batch, std::string &error)
{
    if (!m_identity.isEmpty() && m_batchId <= m_writtenBatch)
        return true; // written before a crash that came ahead of the checkpoint's commit
    if (!m_insert && !prepare(batch.schema, error))
        return false;
    if (!m_inTransaction) {
        if (!exec("BEGIN", error))
            return false;
        m_inTransaction = true;
        if (m_replace && !exec("DELETE FROM " + quoted(m_table), error))
            return false;
    }
    for (size_t r = 0; r < batch.rows; ++r) {
        sqlite3_reset(m_insert);
        for (size_t c = 0; c < batch.columns.size(); ++c) {
            const Column &col = batch.columns[c];
            const int p = int(c) + 1;
            if (col.type == DataType::Null || col.isNull(r)) {
                sqlite3_bind_null(m_insert, p);
                continue;
            }
            switch (col.type) {
            case DataType::Int:
            case DataType::Boolean: sqlite3_bind_int64(m_insert, p, col.ints[r]); break;
            case DataType::Double: sqlite3_bind_double(m_insert, p, col.doubles[r]); break;
            case DataType::String:
            case DataType::ArrayString: // arrays: their JSON text
            case DataType::ArrayInt:
            case DataType::ArrayDouble:
            case DataType::ArrayObject:
                sqlite3_bind_text(m_insert, p, col.strings[r].data(), int(col.strings[r].size()), SQLITE_TRANSIENT);
                break;
            case DataType::Timestamp:
                m_text.clear();
                RowJson::appendTimestamp(m_text, col.ints[r]);
                sqlite3_bind_text(m_insert, p, m_text.data() + 1, int(m_text.size()) - 2, SQLITE_TRANSIENT);
                break;
            case DataType::Null: break;
            }
        }
        if (sqlite3_step(m_insert) != SQLITE_DONE) {
            error = "SQLite " + m_path.toStdString() + ": " + sqlite3_errmsg(m_db);
            return false;
        }
    }
    return true;
}

bool SqliteSink::flush(std::string &error)
{
    if (!m_inTransaction)
        return true;
    m_inTransaction = false;
    if (!m_identity.isEmpty()) {
        const std::string progress = "INSERT OR REPLACE INTO streamwright_progress VALUES (" + literal(m_identity) + ", "
                                     + std::to_string(m_batchId) + ")";
        if (!exec(progress, error)) {
            std::string ignored;
            exec("ROLLBACK", ignored);
            return false;
        }
        m_writtenBatch = m_batchId;
    }
    return exec("COMMIT", error);
}

void SqliteSink::close()
{
    if (m_insert) {
        sqlite3_finalize(m_insert);
        m_insert = nullptr;
    }
    if (m_db) {
        std::string ignored;
        flush(ignored);
        sqlite3_close(m_db);
        m_db = nullptr;
    }
}

} // namespace sw::runtime
