// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Sink.h"

#include <QString>
#include <QStringList>

struct sqlite3;
struct sqlite3_stmt;

namespace sw::runtime {

// sink.sqlite: creates the table from the schema (timestamps as ISO-8601 text,
// booleans as 0/1), and writes each micro-batch in one transaction: appended, or
// upserted by the key fields (so a re-run batch writes the same rows: idempotent).
// Exactly-once with a checkpoint: the transaction also records the batch id in
// `streamwright_progress` (sink, batch_id), and a batch at or below it is skipped.
// A complete-mode result replaces the table's rows in the batch's transaction.
class SqliteSink : public Sink
{
public:
    SqliteSink(const QString &path, const QString &table, const QStringList &key, bool upsert);
    ~SqliteSink() override;
    bool open(std::string &error) override;
    bool write(const Batch &batch, std::string &error) override;
    bool flush(std::string &error) override;
    void close() override;
    void enableExactlyOnce(const QString &identity) override { m_identity = identity; }
    void beginBatch(int64_t batchId) override { m_batchId = batchId; }
    void replaceEachBatch() override { m_replace = true; }

private:
    bool prepare(const core::Schema &schema, std::string &error);
    bool exec(const std::string &sql, std::string &error);

    QString m_path, m_table;
    QStringList m_key;
    bool m_upsert;
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_insert = nullptr;
    bool m_inTransaction = false;
    bool m_replace = false; // complete mode: a batch's rows replace the table's, in its transaction
    std::string m_text;
    QString m_identity;          // exactly-once: this sink's row in streamwright_progress
    int64_t m_batchId = -1;      // the batch being written
    int64_t m_writtenBatch = -1; // the last batch this table has (streamwright_progress)
};

} // namespace sw::runtime
