// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/SourcePlan.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace sw::runtime {

// A pipeline's checkpoint: Spark's offset log, commit log and state store in one
// SQLite database (WAL mode), `checkpoint.db` in runtime.checkpoint.dir.
//
//   meta(key, value)                    format version, pipeline name, fingerprint
//   offsets(batch_id, watermark, no_data, plans)
//                                       written before batch N runs: what it reads
//                                       (per source node, its offset ranges) and the
//                                       watermark it runs with
//   commits(batch_id, positions, sinks, has_state)
//                                       written after every sink flushed batch N:
//                                       where each source goes on, each sink's
//                                       committed position; with has_state, ...
//   state(batch_id, node, data)         ... the snapshot of every stateful operator
//                                       (and of the engine, node "$engine")
//
// Batch -1 is the start: its commit holds the positions the first batch starts
// from and an empty snapshot, so that a restart always has a snapshot to begin
// at. What is older than the second newest snapshot is deleted. Every method
// answers false with `error` set on failure (a full disk, a corrupt file), never
// crashes.
class CheckpointStore
{
public:
    static constexpr int kFormatVersion = 1;
    static constexpr const char *kEngineNode = "$engine";

    // Where each source node goes on: per partition, the next offset (`start`).
    using Positions = std::map<QString, std::vector<OffsetRange>>;

    struct OffsetEntry
    {
        int64_t batchId = 0;
        int64_t watermark = 0;
        bool noData = false;
        std::map<QString, SourcePlan> plans; // per source node
    };
    struct Commit
    {
        int64_t batchId = -1;
        Positions positions;
        std::map<QString, std::string> sinks; // sink key -> committed position (a file's length)
        bool hasState = false;
    };

    CheckpointStore() = default;
    ~CheckpointStore();
    CheckpointStore(const CheckpointStore &) = delete;
    CheckpointStore &operator=(const CheckpointStore &) = delete;

    // Opens (creating when missing) `dir`/checkpoint.db. A file that is not a
    // checkpoint, of a newer format, or damaged is refused with a message.
    bool open(const QString &dir, std::string &error);
    QString path() const { return m_path; }
    bool isNew() const { return m_new; }

    // The fingerprint of the pipeline that wrote the checkpoint (empty when new).
    QJsonObject fingerprint() const;
    bool setFingerprint(const QJsonObject &fingerprint, const QString &pipelineName, std::string &error);

    bool writeOffsets(const OffsetEntry &entry, std::string &error);
    // Commit N, with the snapshot of every node in `state` when it is not empty
    // (then the older snapshots but one, and their logs, are deleted).
    bool writeCommit(const Commit &commit, const std::map<QString, std::string> &state, std::string &error);
    // Adds a snapshot to the existing commit N (a clean stop after a commit without one).
    bool addState(int64_t batchId, const std::map<QString, std::string> &state, std::string &error);

    std::optional<Commit> lastCommit(std::string &error) const;
    std::optional<Commit> lastSnapshotCommit(std::string &error) const;
    std::map<QString, std::string> stateAt(int64_t batchId, std::string &error) const;
    // The logged batches after `batchId`, in order.
    std::vector<OffsetEntry> offsetsAfter(int64_t batchId, std::string &error) const;

    // Bytes of the database and its write-ahead log.
    int64_t sizeBytes() const;
    // Deletes the checkpoint in `dir` (the database and its WAL files).
    static bool reset(const QString &dir, std::string &error);
    static QString databasePath(const QString &dir);

private:
    bool exec(const char *sql, std::string &error) const;
    bool fail(std::string &error, const std::string &what) const;
    std::optional<Commit> commitWhere(const char *sql, std::string &error) const;

    sqlite3 *m_db = nullptr;
    QString m_path;
    bool m_new = false;
};

} // namespace sw::runtime
