// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace sw::runtime {

// A recording (FILE.swrec): Kafka records as they were read, every field kept,
// in an SQLite database with a documented, versioned schema (docs/recording.md)
// so that `sqlite3` reads it too. Written by `streamwright-cli record` (and the
// kcat import), read by `replay`, `source.recording` and the export.

struct RecordHeader
{
    std::string name;
    std::optional<std::string> value; // a header may have no value
    bool operator==(const RecordHeader &) const = default;
};

enum class TimestampType { None, Create, LogAppend };
const char *timestampTypeName(TimestampType type); // "create", "log_append", NULL for none
std::optional<TimestampType> parseTimestampType(std::string_view name);

struct RecordedRecord
{
    int64_t seq = 0; // the record's place in the recording, from 1: the order it was read in
    std::string topic;
    int partition = 0;
    int64_t offset = 0;
    std::optional<int64_t> timestamp; // ms since the epoch
    TimestampType timestampType = TimestampType::None;
    std::optional<std::string> key;   // none: the record had no key
    std::optional<std::string> value; // none: a tombstone
    std::vector<RecordHeader> headers; // in record order; names may repeat
    bool operator==(const RecordedRecord &) const = default;
    // Of key, value and headers: what recording figures count as a record's size.
    int64_t bytes() const
    {
        size_t sum = (key ? key->size() : 0) + (value ? value->size() : 0);
        for (const RecordHeader &h : headers)
            sum += h.name.size() + (h.value ? h.value->size() : 0);
        return int64_t(sum);
    }
};

// A recorded partition: where recording started and what it holds.
struct RecordedPartition
{
    std::string topic;
    int partition = 0;
    int64_t records = 0;
    int64_t firstOffset = -1; // -1: no records
    int64_t lastOffset = -1;
};

struct RecordingInfo
{
    int formatVersion = 0;
    bool complete = false; // false: the recorder stopped before it finished (records up to its last write are kept)
    std::string createdAt;  // ISO-8601
    std::string source;     // where it was recorded from (bootstrap servers, or the imported file)
    std::string from;       // where recording started: beginning, end or a time
    int64_t records = 0;
    int64_t bytes = 0; // keys, values and headers, as RecordingWriter::bytes() counts them
    std::optional<int64_t> firstTimestamp, lastTimestamp;
    std::vector<RecordedPartition> partitions; // by topic, then partition
    std::vector<std::string> topics() const;
};

// Writes a new recording. Records are written in transactions of many records,
// so that recording keeps up with a consumer; a recorder that is killed leaves a
// readable file with every record up to its last commit, marked incomplete.
class RecordingWriter
{
public:
    static constexpr int kFormatVersion = 1;

    RecordingWriter();
    ~RecordingWriter();
    RecordingWriter(const RecordingWriter &) = delete;
    RecordingWriter &operator=(const RecordingWriter &) = delete;

    // Creates `path` (refused when it exists unless `overwrite`).
    bool create(const std::string &path, const std::string &source, const std::string &from, bool overwrite,
                std::string &error);
    // A partition being recorded, also when no record of it arrives.
    bool addPartition(const std::string &topic, int partition, std::string &error);
    // The record's seq is given by the writer (the next one); `record.seq` is ignored.
    bool append(const RecordedRecord &record, std::string &error);
    // Commits what was appended (also done every kRecordsPerTransaction records).
    bool flush(std::string &error);
    // Commits and marks the recording complete; the writer is closed after.
    bool finish(std::string &error);
    int64_t records() const { return m_records; }
    int64_t bytes() const { return m_bytes; }

    static constexpr int kRecordsPerTransaction = 20000;

private:
    bool exec(const char *sql, std::string &error);
    bool begin(std::string &error);
    void close();

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_insertRecord = nullptr;
    sqlite3_stmt *m_insertHeader = nullptr;
    sqlite3_stmt *m_insertPartition = nullptr;
    bool m_inTransaction = false;
    int m_uncommitted = 0;
    int64_t m_records = 0;
    int64_t m_bytes = 0;
};

// Reads a recording. A file that is not a recording, damaged, truncated or of a
// newer format version is refused by open() with a message; a damage found later
// (in a page open() did not need) is an error of the read, never a crash.
class RecordingReader
{
public:
    RecordingReader();
    ~RecordingReader();
    RecordingReader(const RecordingReader &) = delete;
    RecordingReader &operator=(const RecordingReader &) = delete;

    bool open(const std::string &path, std::string &error);
    const RecordingInfo &info() const { return m_info; }

    // Up to `limit` records of one partition with offsets from `fromOffset`, in
    // offset order, appended to `out`.
    bool readPartition(const std::string &topic, int partition, int64_t fromOffset, size_t limit,
                       std::vector<RecordedRecord> &out, std::string &error);
    // Up to `limit` records in recorded order, from seq `fromSeq`, appended to `out`.
    bool readInOrder(int64_t fromSeq, size_t limit, std::vector<RecordedRecord> &out, std::string &error);
    // Where to start reading a partition, as a consumer would look it up: the
    // offset of its first record with a timestamp at or after `timestampMs` (Kafka's
    // offsets for times), or of its `count`-th record from the end (offsets may have
    // gaps). Nothing when the partition has no such record, or with `error` set.
    std::optional<int64_t> offsetAtTime(const std::string &topic, int partition, int64_t timestampMs, std::string &error);
    std::optional<int64_t> offsetFromEnd(const std::string &topic, int partition, int64_t count, std::string &error);

private:
    std::optional<int64_t> queryOffset(const char *sql, const std::string &topic, int partition, int64_t argument,
                                       std::string &error);
    bool readInfo(std::string &error);
    bool readRows(sqlite3_stmt *statement, size_t limit, std::vector<RecordedRecord> &out, std::string &error);
    void close();

    std::string m_path;
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_byPartition = nullptr;
    sqlite3_stmt *m_inOrder = nullptr;
    RecordingInfo m_info;
};

} // namespace sw::runtime
