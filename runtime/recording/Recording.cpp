// SPDX-License-Identifier: GPL-3.0-or-later
#include "recording/Recording.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <algorithm>
#include <map>

namespace sw::runtime {

namespace {
constexpr const char *kFormatName = "streamwright.recording";
constexpr int kApplicationId = 0x53575243; // "SWRC", in the SQLite header

// The schema of format version 1 (docs/recording.md describes it for users).
constexpr const char *kSchema = R"sql(
PRAGMA application_id = 1398231619;
PRAGMA user_version = 1;
CREATE TABLE recording (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE partitions (topic TEXT NOT NULL, partition INTEGER NOT NULL, PRIMARY KEY (topic, partition));
CREATE TABLE records (
    seq INTEGER PRIMARY KEY,
    topic TEXT NOT NULL,
    partition INTEGER NOT NULL,
    offset INTEGER NOT NULL,
    timestamp INTEGER,
    timestamp_type TEXT,
    key BLOB,
    value BLOB,
    header_count INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX records_by_partition ON records (topic, partition, offset);
CREATE TABLE headers (
    seq INTEGER NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    value BLOB,
    PRIMARY KEY (seq, position)
) WITHOUT ROWID;
)sql";

std::string message(sqlite3 *db)
{
    return db ? sqlite3_errmsg(db) : "out of memory";
}

void finalize(sqlite3_stmt *&statement)
{
    sqlite3_finalize(statement);
    statement = nullptr;
}

void bindText(sqlite3_stmt *s, int column, const std::string &text)
{
    sqlite3_bind_text(s, column, text.data(), int(text.size()), SQLITE_TRANSIENT);
}

void bindBlob(sqlite3_stmt *s, int column, const std::optional<std::string> &bytes)
{
    if (!bytes)
        sqlite3_bind_null(s, column);
    else // a zero-length blob, not NULL, for an empty key or value
        sqlite3_bind_blob64(s, column, bytes->empty() ? "" : bytes->data(), bytes->size(), SQLITE_TRANSIENT);
}

std::optional<std::string> columnBlob(sqlite3_stmt *s, int column)
{
    if (sqlite3_column_type(s, column) == SQLITE_NULL)
        return std::nullopt;
    const void *data = sqlite3_column_blob(s, column);
    const int size = sqlite3_column_bytes(s, column);
    return std::string(static_cast<const char *>(data), size_t(std::max(size, 0)));
}

std::string columnText(sqlite3_stmt *s, int column)
{
    const unsigned char *text = sqlite3_column_text(s, column);
    return text ? std::string(reinterpret_cast<const char *>(text), size_t(sqlite3_column_bytes(s, column))) : std::string();
}
} // namespace

const char *timestampTypeName(TimestampType type)
{
    switch (type) {
    case TimestampType::Create: return "create";
    case TimestampType::LogAppend: return "log_append";
    case TimestampType::None: break;
    }
    return nullptr;
}

std::optional<TimestampType> parseTimestampType(std::string_view name)
{
    if (name == "create")
        return TimestampType::Create;
    if (name == "log_append")
        return TimestampType::LogAppend;
    if (name.empty())
        return TimestampType::None;
    return std::nullopt;
}

std::vector<std::string> RecordingInfo::topics() const
{
    std::vector<std::string> names;
    for (const auto &p : partitions) {
        if (names.empty() || names.back() != p.topic)
            names.push_back(p.topic);
    }
    return names;
}

// ---------------------------------------------------------------------------

RecordingWriter::RecordingWriter() = default;

RecordingWriter::~RecordingWriter()
{
    if (m_db) {
        std::string ignored;
        flush(ignored); // records appended are kept; the recording stays marked incomplete
    }
    close();
}

void RecordingWriter::close()
{
    finalize(m_insertRecord);
    finalize(m_insertHeader);
    finalize(m_insertPartition);
    // Back to the default journal, which SQLite deletes: a recording is one file.
    if (m_db && !m_inTransaction)
        sqlite3_exec(m_db, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
    if (m_db)
        sqlite3_close(m_db);
    m_db = nullptr;
}

bool RecordingWriter::exec(const char *sql, std::string &error)
{
    char *text = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &text) == SQLITE_OK)
        return true;
    error = text ? text : message(m_db);
    sqlite3_free(text);
    return false;
}

bool RecordingWriter::create(const std::string &path, const std::string &source, const std::string &from, bool overwrite,
                             std::string &error)
{
    const QString file = QString::fromStdString(path);
    if (QFileInfo::exists(file)) {
        if (!overwrite) {
            error = path + " exists already; choose another file (or --force to replace it)";
            return false;
        }
        if (!QFile::remove(file)) {
            error = "cannot replace " + path;
            return false;
        }
    }
    QFile::remove(file + QStringLiteral("-journal"));
    if (sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        error = "cannot create " + path + ": " + message(m_db);
        close();
        return false;
    }
    // A killed recorder must leave a readable file; a lost machine may lose the
    // last transactions (synchronous off), which a recording can afford.
    if (!exec("PRAGMA journal_mode = TRUNCATE; PRAGMA synchronous = OFF;", error) || !exec(kSchema, error)) {
        error = "cannot create " + path + ": " + error;
        close();
        return false;
    }
    sqlite3_stmt *meta = nullptr;
    sqlite3_prepare_v2(m_db, "INSERT INTO recording (name, value) VALUES (?, ?)", -1, &meta, nullptr);
    const std::pair<const char *, std::string> entries[] = {
        {"format", kFormatName},
        {"format_version", std::to_string(kFormatVersion)},
        {"created_at", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString()},
        {"source", source},
        {"from", from},
        {"complete", "0"}};
    bool ok = meta != nullptr;
    for (const auto &[name, value] : entries) {
        if (!ok)
            break;
        sqlite3_reset(meta);
        sqlite3_bind_text(meta, 1, name, -1, SQLITE_STATIC);
        bindText(meta, 2, value);
        ok = sqlite3_step(meta) == SQLITE_DONE;
    }
    sqlite3_finalize(meta);
    ok = ok
         && sqlite3_prepare_v2(m_db,
                               "INSERT INTO records (seq, topic, partition, offset, timestamp, timestamp_type, key, value, "
                               "header_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               -1, &m_insertRecord, nullptr)
                == SQLITE_OK
         && sqlite3_prepare_v2(m_db, "INSERT INTO headers (seq, position, name, value) VALUES (?, ?, ?, ?)", -1,
                               &m_insertHeader, nullptr)
                == SQLITE_OK
         && sqlite3_prepare_v2(m_db, "INSERT OR IGNORE INTO partitions (topic, partition) VALUES (?, ?)", -1,
                               &m_insertPartition, nullptr)
                == SQLITE_OK;
    if (!ok) {
        error = "cannot create " + path + ": " + message(m_db);
        close();
        return false;
    }
    return true;
}

bool RecordingWriter::begin(std::string &error)
{
    if (m_inTransaction)
        return true;
    if (!exec("BEGIN", error))
        return false;
    m_inTransaction = true;
    return true;
}

bool RecordingWriter::addPartition(const std::string &topic, int partition, std::string &error)
{
    if (!m_db) {
        error = "the recording is closed";
        return false;
    }
    sqlite3_reset(m_insertPartition);
    bindText(m_insertPartition, 1, topic);
    sqlite3_bind_int(m_insertPartition, 2, partition);
    if (sqlite3_step(m_insertPartition) != SQLITE_DONE) {
        error = "cannot write the recording: " + message(m_db);
        return false;
    }
    return true;
}

bool RecordingWriter::append(const RecordedRecord &r, std::string &error)
{
    if (!m_db) {
        error = "the recording is closed";
        return false;
    }
    if (!begin(error))
        return false;
    const int64_t seq = m_records + 1;
    sqlite3_stmt *s = m_insertRecord;
    sqlite3_reset(s);
    sqlite3_bind_int64(s, 1, seq);
    bindText(s, 2, r.topic);
    sqlite3_bind_int(s, 3, r.partition);
    sqlite3_bind_int64(s, 4, r.offset);
    if (r.timestamp)
        sqlite3_bind_int64(s, 5, *r.timestamp);
    else
        sqlite3_bind_null(s, 5);
    if (const char *type = timestampTypeName(r.timestampType))
        sqlite3_bind_text(s, 6, type, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(s, 6);
    bindBlob(s, 7, r.key);
    bindBlob(s, 8, r.value);
    sqlite3_bind_int(s, 9, int(r.headers.size()));
    if (sqlite3_step(s) != SQLITE_DONE) {
        error = sqlite3_extended_errcode(m_db) == SQLITE_CONSTRAINT_UNIQUE
                    ? "the recording has " + r.topic + "/" + std::to_string(r.partition) + " offset "
                          + std::to_string(r.offset) + " already"
                    : "cannot write the recording: " + message(m_db);
        return false;
    }
    for (size_t i = 0; i < r.headers.size(); ++i) {
        sqlite3_stmt *h = m_insertHeader;
        sqlite3_reset(h);
        sqlite3_bind_int64(h, 1, seq);
        sqlite3_bind_int(h, 2, int(i));
        bindText(h, 3, r.headers[i].name);
        bindBlob(h, 4, r.headers[i].value);
        if (sqlite3_step(h) != SQLITE_DONE) {
            error = "cannot write the recording: " + message(m_db);
            return false;
        }
    }
    m_records = seq;
    m_bytes += r.bytes();
    if (++m_uncommitted >= kRecordsPerTransaction)
        return flush(error);
    return true;
}

bool RecordingWriter::flush(std::string &error)
{
    if (!m_db || !m_inTransaction)
        return true;
    if (!exec("COMMIT", error)) {
        error = "cannot write the recording: " + error;
        return false;
    }
    m_inTransaction = false;
    m_uncommitted = 0;
    return true;
}

bool RecordingWriter::finish(std::string &error)
{
    if (!flush(error))
        return false;
    if (!m_db)
        return true;
    const bool ok = exec("UPDATE recording SET value = '1' WHERE name = 'complete'", error);
    close();
    if (!ok)
        error = "cannot finish the recording: " + error;
    return ok;
}

// ---------------------------------------------------------------------------

RecordingReader::RecordingReader() = default;

RecordingReader::~RecordingReader()
{
    close();
}

void RecordingReader::close()
{
    finalize(m_byPartition);
    finalize(m_inOrder);
    if (m_db)
        sqlite3_close(m_db);
    m_db = nullptr;
}

bool RecordingReader::open(const std::string &path, std::string &error)
{
    close();
    m_path = path;
    m_info = {};
    const auto refuse = [&](const std::string &why) {
        error = path + ": " + why;
        close();
        return false;
    };
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return refuse("cannot open the recording: " + file.errorString().toStdString());
    // SQLite's header: magic, page size, and the database size in pages. A file
    // shorter than that size was cut off (a copy that did not finish).
    const QByteArray header = file.read(100);
    if (header.size() < 100 || !header.startsWith("SQLite format 3"))
        return refuse("not a Streamwright recording (not an SQLite database)");
    const auto be32 = [&](int at) {
        return (uint32_t(uint8_t(header[at])) << 24) | (uint32_t(uint8_t(header[at + 1])) << 16)
               | (uint32_t(uint8_t(header[at + 2])) << 8) | uint32_t(uint8_t(header[at + 3]));
    };
    uint32_t pageSize = (uint32_t(uint8_t(header[16])) << 8) | uint32_t(uint8_t(header[17]));
    if (pageSize == 1)
        pageSize = 65536;
    const uint32_t pages = be32(28);
    const bool sizeValid = be32(24) == be32(92); // SQLite trusts the size only then
    if (sizeValid && pageSize >= 512 && uint64_t(pages) * pageSize > uint64_t(file.size()))
        return refuse("the recording is truncated: its header says " + std::to_string(uint64_t(pages) * pageSize)
                      + " bytes, the file has " + std::to_string(file.size()));
    if (int32_t(be32(68)) != kApplicationId)
        return refuse("not a Streamwright recording (an SQLite database of another application)");
    file.close();

    // Read-only first; a hot journal (a recorder killed mid-transaction) needs a
    // writable open once to be rolled back.
    int rc = sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READONLY, nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(m_db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    if ((rc & 0xff) == SQLITE_READONLY || rc == SQLITE_BUSY) {
        close();
        rc = sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE, nullptr);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(m_db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    }
    if (rc != SQLITE_OK)
        return refuse("cannot read the recording: " + message(m_db));
    sqlite3_busy_timeout(m_db, 2000); // a recorder may be writing it still
    if (!readInfo(error))
        return refuse(error);
    // A record's headers come with it, in one statement (a query per record with
    // headers took three quarters of the reading time).
    const bool prepared
        = sqlite3_prepare_v2(m_db,
                             "SELECT r.seq, r.topic, r.partition, r.offset, r.timestamp, r.timestamp_type, r.key, r.value, "
                             "r.header_count, h.name, h.value FROM records r LEFT JOIN headers h ON h.seq = r.seq "
                             "WHERE r.topic = ? AND r.partition = ? AND r.offset >= ? ORDER BY r.offset, h.position",
                             -1, &m_byPartition, nullptr)
              == SQLITE_OK
          && sqlite3_prepare_v2(m_db,
                                "SELECT r.seq, r.topic, r.partition, r.offset, r.timestamp, r.timestamp_type, r.key, "
                                "r.value, r.header_count, h.name, h.value FROM records r LEFT JOIN headers h ON h.seq = "
                                "r.seq WHERE r.seq >= ? ORDER BY r.seq, h.position",
                                -1, &m_inOrder, nullptr)
                 == SQLITE_OK;
    if (!prepared)
        return refuse("the recording's tables are not as format " + std::to_string(m_info.formatVersion)
                      + " has them: " + message(m_db));
    return true;
}

bool RecordingReader::readInfo(std::string &error)
{
    std::map<std::string, std::string> meta;
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT name, value FROM recording", -1, &s, nullptr) != SQLITE_OK) {
        error = "not a Streamwright recording (no recording table): " + message(m_db);
        return false;
    }
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        meta[columnText(s, 0)] = columnText(s, 1);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        error = "the recording is damaged: " + message(m_db);
        return false;
    }
    if (meta["format"] != kFormatName) {
        error = "not a Streamwright recording (format \"" + meta["format"] + "\")";
        return false;
    }
    const QByteArray versionText = QByteArray::fromStdString(meta["format_version"]);
    bool numeric = false;
    const int version = versionText.toInt(&numeric);
    if (!numeric || version < 1) {
        error = "the recording's format version \"" + meta["format_version"] + "\" is not a version";
        return false;
    }
    if (version > RecordingWriter::kFormatVersion) {
        error = "the recording is of format version " + std::to_string(version) + ", written by a newer Streamwright; this "
                "version reads format " + std::to_string(RecordingWriter::kFormatVersion) + ": update Streamwright to read it";
        return false;
    }
    m_info.formatVersion = version;
    m_info.complete = meta["complete"] == "1";
    m_info.createdAt = meta["created_at"];
    m_info.source = meta["source"];
    m_info.from = meta["from"];

    // Partitions recorded (with or without records), and what each holds.
    const char *summary =
        "SELECT p.topic, p.partition, count(r.seq), min(r.offset), max(r.offset) FROM partitions p "
        "LEFT JOIN records r ON r.topic = p.topic AND r.partition = p.partition "
        "GROUP BY p.topic, p.partition ORDER BY p.topic, p.partition";
    if (sqlite3_prepare_v2(m_db, summary, -1, &s, nullptr) != SQLITE_OK) {
        error = "the recording's tables are not as format " + std::to_string(version) + " has them: " + message(m_db);
        return false;
    }
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        RecordedPartition p;
        p.topic = columnText(s, 0);
        p.partition = sqlite3_column_int(s, 1);
        p.records = sqlite3_column_int64(s, 2);
        if (p.records > 0) {
            p.firstOffset = sqlite3_column_int64(s, 3);
            p.lastOffset = sqlite3_column_int64(s, 4);
        }
        m_info.partitions.push_back(p);
        m_info.records += p.records;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        error = "the recording is damaged: " + message(m_db);
        return false;
    }
    // Records of a partition the table does not list (a file written by hand) are
    // refused rather than silently left out.
    if (sqlite3_prepare_v2(m_db,
                           "SELECT count(*), min(timestamp), max(timestamp), "
                           "coalesce(sum(length(key)), 0) + coalesce(sum(length(value)), 0) + (SELECT "
                           "coalesce(sum(length(CAST(name AS BLOB))), 0) + coalesce(sum(length(value)), 0) FROM headers) "
                           "FROM records",
                           -1, &s, nullptr)
        != SQLITE_OK) {
        error = "the recording's tables are not as format " + std::to_string(version) + " has them: " + message(m_db);
        return false;
    }
    if (sqlite3_step(s) != SQLITE_ROW) {
        error = "the recording is damaged: " + message(m_db);
        sqlite3_finalize(s);
        return false;
    }
    const int64_t all = sqlite3_column_int64(s, 0);
    if (sqlite3_column_type(s, 1) != SQLITE_NULL) {
        m_info.firstTimestamp = sqlite3_column_int64(s, 1);
        m_info.lastTimestamp = sqlite3_column_int64(s, 2);
    }
    m_info.bytes = sqlite3_column_int64(s, 3);
    sqlite3_finalize(s);
    if (all != m_info.records) {
        error = "the recording is inconsistent: " + std::to_string(all - m_info.records)
                + " records belong to partitions its partitions table does not list";
        return false;
    }
    return true;
}

bool RecordingReader::readRows(sqlite3_stmt *s, size_t limit, std::vector<RecordedRecord> &out, std::string &error)
{
    // One row per header (or one for a record without), in record order.
    size_t read = 0;
    int rc = SQLITE_ROW;
    RecordedRecord *current = nullptr;
    int expectedHeaders = 0;
    const auto headersComplete = [&] {
        if (!current || int(current->headers.size()) == expectedHeaders)
            return true;
        error = m_path + ": the headers of record " + std::to_string(current->seq) + " are damaged (some are missing)";
        return false;
    };
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const int64_t seq = sqlite3_column_int64(s, 0);
        if (!current || current->seq != seq) {
            if (!headersComplete()) {
                sqlite3_reset(s);
                return false;
            }
            if (read == limit)
                break;
            RecordedRecord &r = out.emplace_back();
            r.seq = seq;
            r.topic = columnText(s, 1);
            r.partition = sqlite3_column_int(s, 2);
            r.offset = sqlite3_column_int64(s, 3);
            if (sqlite3_column_type(s, 4) != SQLITE_NULL)
                r.timestamp = sqlite3_column_int64(s, 4);
            const auto type = parseTimestampType(columnText(s, 5));
            if (!type) {
                error = m_path + ": record " + std::to_string(r.seq) + " has the unknown timestamp type \"" + columnText(s, 5) + "\"";
                sqlite3_reset(s);
                return false;
            }
            r.timestampType = *type;
            r.key = columnBlob(s, 6);
            r.value = columnBlob(s, 7);
            expectedHeaders = sqlite3_column_int(s, 8);
            current = &r;
            ++read;
        }
        if (sqlite3_column_type(s, 9) != SQLITE_NULL)
            current->headers.push_back({columnText(s, 9), columnBlob(s, 10)});
    }
    const bool finished = rc == SQLITE_ROW || rc == SQLITE_DONE;
    sqlite3_reset(s);
    if (!finished) {
        error = m_path + ": the recording is damaged: " + message(m_db);
        return false;
    }
    return headersComplete();
}

bool RecordingReader::readPartition(const std::string &topic, int partition, int64_t fromOffset, size_t limit,
                                    std::vector<RecordedRecord> &out, std::string &error)
{
    if (!m_db) {
        error = "the recording is not open";
        return false;
    }
    sqlite3_reset(m_byPartition);
    bindText(m_byPartition, 1, topic);
    sqlite3_bind_int(m_byPartition, 2, partition);
    sqlite3_bind_int64(m_byPartition, 3, fromOffset);
    return readRows(m_byPartition, limit, out, error);
}

bool RecordingReader::readInOrder(int64_t fromSeq, size_t limit, std::vector<RecordedRecord> &out, std::string &error)
{
    if (!m_db) {
        error = "the recording is not open";
        return false;
    }
    sqlite3_reset(m_inOrder);
    sqlite3_bind_int64(m_inOrder, 1, fromSeq);
    return readRows(m_inOrder, limit, out, error);
}

std::optional<int64_t> RecordingReader::queryOffset(const char *sql, const std::string &topic, int partition,
                                                    int64_t argument, std::string &error)
{
    if (!m_db) {
        error = "the recording is not open";
        return std::nullopt;
    }
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v2(m_db, sql, -1, &s, nullptr) != SQLITE_OK) {
        error = m_path + ": the recording is damaged: " + message(m_db);
        return std::nullopt;
    }
    bindText(s, 1, topic);
    sqlite3_bind_int(s, 2, partition);
    sqlite3_bind_int64(s, 3, argument);
    std::optional<int64_t> offset;
    const int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
        offset = sqlite3_column_int64(s, 0);
    else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        error = m_path + ": the recording is damaged: " + message(m_db);
    sqlite3_finalize(s);
    return offset;
}

std::optional<int64_t> RecordingReader::offsetAtTime(const std::string &topic, int partition, int64_t timestampMs,
                                                     std::string &error)
{
    return queryOffset("SELECT min(offset) FROM records WHERE topic = ? AND partition = ? AND timestamp >= ?", topic,
                       partition, timestampMs, error);
}

std::optional<int64_t> RecordingReader::offsetFromEnd(const std::string &topic, int partition, int64_t count,
                                                      std::string &error)
{
    if (count <= 0)
        return std::nullopt;
    // The count-th from the end, or the first when the partition holds fewer.
    return queryOffset("SELECT coalesce((SELECT offset FROM records WHERE topic = ?1 AND partition = ?2 "
                       "ORDER BY offset DESC LIMIT 1 OFFSET ?3 - 1), "
                       "(SELECT min(offset) FROM records WHERE topic = ?1 AND partition = ?2))",
                       topic, partition, count, error);
}

} // namespace sw::runtime
