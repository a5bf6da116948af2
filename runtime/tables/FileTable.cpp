// SPDX-License-Identifier: GPL-3.0-or-later
#include "tables/LookupTable.h"

#include "batch/OwnedValue.h"
#include "expr/Casts.h"
#include "expr/ColumnarExpression.h"
#include "sources/FastTimestamp.h"
#include "sources/JsonDecoder.h"

#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <cstdio>

namespace sw::runtime {

void LookupTable::setRows(std::shared_ptr<Batch> rows)
{
    std::unordered_map<std::string, uint32_t> index;
    std::string key;
    for (size_t r = 0; r < rows->rows; ++r) {
        rowKey(key, rows->columns, m_keyColumns, r);
        index[key] = uint32_t(r); // the latest row for a key wins
    }
    m_rows = std::move(rows);
    m_index = std::move(index);
}

void LookupTable::setRows(std::shared_ptr<Batch> rows, const std::unordered_map<std::string, uint32_t> &live)
{
    m_rows = std::move(rows);
    m_index.clear();
    std::string key;
    for (const auto &[recordKey, row] : live) {
        rowKey(key, m_rows->columns, m_keyColumns, row);
        m_index[key] = row;
    }
}

namespace {
// Splits one CSV record (RFC 4180 quoting); `pos` moves past it.
std::vector<std::string> csvRecord(const QByteArray &text, qsizetype &pos)
{
    std::vector<std::string> fields(1);
    bool quoted = false;
    while (pos < text.size()) {
        const char c = text[pos++];
        if (quoted) {
            if (c == '"' && pos < text.size() && text[pos] == '"') {
                fields.back().push_back('"');
                ++pos;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back().push_back(c);
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else if (c == '\n') {
            break;
        } else if (c != '\r') {
            fields.back().push_back(c);
        }
    }
    return fields;
}

// A text cell into a typed column (CSV and SQLite text); empty text is NULL.
bool appendText(Column &c, const std::string &text, StringArena &arena)
{
    if (text.empty()) {
        c.appendNull();
        return true;
    }
    if (c.type == DataType::String) {
        c.appendString(arena.copy(text));
        return true;
    }
    if (c.type == DataType::Timestamp) {
        const auto ms = parseIsoTimestamp(text);
        if (!ms)
            return false;
        c.appendInt(*ms);
        return true;
    }
    const core::expr::Value v =
        core::expr::Casts::cast(core::expr::Value::string(QString::fromStdString(text)), c.type);
    if (v.isNull())
        return false;
    appendValue(c, v, arena);
    return true;
}
} // namespace

FileTable::FileTable(QString kind, QString path, QString sqlTable, core::Schema schema)
    : LookupTable(std::move(schema)), m_kind(std::move(kind)), m_path(std::move(path)), m_sqlTable(std::move(sqlTable))
{
}

bool FileTable::open(QString &error)
{
    return load(error);
}

bool FileTable::loadCsv(Batch &table, QString &error)
{
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly))
        return (error = f.errorString(), false);
    const QByteArray text = f.readAll();
    qsizetype pos = 0;
    const auto header = csvRecord(text, pos);
    std::vector<int> columnOf(m_schema.fields.size(), -1);
    for (size_t h = 0; h < header.size(); ++h) {
        const int c = m_schema.indexOf(QString::fromStdString(header[h]));
        if (c >= 0)
            columnOf[size_t(c)] = int(h);
    }
    for (size_t c = 0; c < columnOf.size(); ++c) {
        if (columnOf[c] < 0)
            return (error = QStringLiteral("the header has no column \"%1\"").arg(m_schema.fields[c].name), false);
    }
    int line = 1;
    while (pos < text.size()) {
        ++line;
        const auto record = csvRecord(text, pos);
        if (record.size() == 1 && record[0].empty())
            continue; // blank line
        for (size_t c = 0; c < columnOf.size(); ++c) {
            const std::string cell = size_t(columnOf[c]) < record.size() ? record[size_t(columnOf[c])] : std::string();
            if (!appendText(table.columns[c], cell, table.arena()))
                return (error = QStringLiteral("line %1: \"%2\" is not a %3").arg(line).arg(QString::fromStdString(cell),
                                                                                        core::typeName(m_schema.fields[c].type)),
                        false);
        }
        ++table.rows;
    }
    return true;
}

bool FileTable::loadJsonLines(Batch &table, QString &error)
{
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly))
        return (error = f.errorString(), false);
    JsonDecoder decoder(m_schema);
    std::string reason;
    int line = 0;
    for (const QByteArray &row : f.readAll().split('\n')) {
        ++line;
        if (row.trimmed().isEmpty())
            continue;
        if (!decoder.decode(std::string_view(row.constData(), size_t(row.size())), table, table.arena(), reason))
            return (error = QStringLiteral("line %1: %2").arg(line).arg(QString::fromStdString(reason)), false);
        ++table.rows;
    }
    return true;
}

bool FileTable::loadSqlite(Batch &table, QString &error)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(m_path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return false;
    }
    QStringList columns;
    for (const auto &f : m_schema.fields)
        columns << u'"' + QString(f.name).replace(u'"', QStringLiteral("\"\"")) + u'"';
    const QByteArray sql = QStringLiteral("SELECT %1 FROM \"%2\"").arg(columns.join(u','), m_sqlTable).toUtf8();
    sqlite3_stmt *stmt = nullptr;
    bool ok = sqlite3_prepare_v2(db, sql.constData(), -1, &stmt, nullptr) == SQLITE_OK;
    if (!ok)
        error = QString::fromUtf8(sqlite3_errmsg(db));
    while (ok && sqlite3_step(stmt) == SQLITE_ROW) {
        for (qsizetype c = 0; c < m_schema.fields.size(); ++c) {
            Column &col = table.columns[c];
            const int type = sqlite3_column_type(stmt, int(c));
            if (type == SQLITE_NULL)
                col.appendNull();
            else if (type == SQLITE_INTEGER && (col.type == DataType::Int || col.type == DataType::Boolean))
                col.appendInt(sqlite3_column_int64(stmt, int(c)));
            else if ((type == SQLITE_FLOAT || type == SQLITE_INTEGER) && col.type == DataType::Double)
                col.appendDouble(sqlite3_column_double(stmt, int(c)));
            else {
                const std::string text(reinterpret_cast<const char *>(sqlite3_column_text(stmt, int(c))));
                if (!appendText(col, text, table.arena())) {
                    error = QStringLiteral("\"%1\" is not a %2").arg(QString::fromStdString(text), core::typeName(col.type));
                    ok = false;
                    break;
                }
            }
        }
        if (ok)
            ++table.rows;
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return ok;
}

bool FileTable::load(QString &error)
{
    m_loadedModified = QFileInfo(m_path).lastModified();
    auto table = std::make_shared<Batch>(Batch::empty(m_schema));
    bool ok;
    if (m_kind == u"csv")
        ok = loadCsv(*table, error);
    else if (m_kind == u"jsonl")
        ok = loadJsonLines(*table, error);
    else if (m_kind == u"sqlite")
        ok = loadSqlite(*table, error);
    else
        return (error = QStringLiteral("tables of kind \"%1\" are not supported yet").arg(m_kind), false);
    if (!ok)
        return false; // keep the table we had
    setRows(std::move(table));
    error.clear();
    return true;
}

void FileTable::refresh()
{
    const QDateTime modified = QFileInfo(m_path).lastModified();
    if (modified == m_loadedModified)
        return;
    QString error;
    if (load(error))
        std::fprintf(stderr, "lookup table %s reloaded: %zu rows\n", qPrintable(m_path), m_rows->rows);
    else
        std::fprintf(stderr, "lookup table %s changed but cannot be read (%s); keeping the previous rows\n",
                     qPrintable(m_path), qPrintable(error));
    m_loadedModified = modified;
}

} // namespace sw::runtime
