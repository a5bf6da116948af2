// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/Batch.h"
#include "broker/KafkaClientConfig.h"
#include "broker/KafkaHandles.h"
#include "operators/OperatorState.h"

#include <QDateTime>
#include <QString>

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace sw::runtime {

class JsonDecoder;

// Where a lookup join's table comes from, kept current between batches: the rows
// (columns of the table's schema) and, for the join's key columns, the row each
// key has now (the latest row of a key wins). The join only looks rows up; reading
// files and topics is the table's. Used on the executor thread only.
class LookupTable
{
public:
    virtual ~LookupTable() = default;

    // The columns the join looks rows up by (set before open()).
    void indexBy(std::vector<int> keyColumns) { m_keyColumns = std::move(keyColumns); }
    // Reads the whole table; false with `error` when it cannot.
    virtual bool open(QString &error) = 0;
    // Between batches: takes in what changed since (a rewritten file, new records).
    virtual void refresh() = 0;
    virtual void close() {}
    // What the table reads from, for messages: a path, or "topic NAME".
    virtual QString describe() const = 0;
    // Whether the table's contents are state of the run (a topic's position is;
    // a file is read again at open, as Spark reads the static side of a join).
    virtual bool isStateful() const { return false; }
    virtual void snapshot(StateWriter &out) const { (void)out; }
    virtual void restore(StateReader &in) { (void)in; }

    const std::shared_ptr<Batch> &rows() const { return m_rows; }
    const std::unordered_map<std::string, uint32_t> &index() const { return m_index; }

protected:
    explicit LookupTable(core::Schema schema) : m_schema(std::move(schema)) {}
    // Indexes rows [0, rows) of `rows` (later rows of a key win).
    void setRows(std::shared_ptr<Batch> rows);
    // Indexes exactly `live` rows of `rows` (a topic: the latest row per record key).
    void setRows(std::shared_ptr<Batch> rows, const std::unordered_map<std::string, uint32_t> &live);

    core::Schema m_schema;
    std::vector<int> m_keyColumns;
    std::shared_ptr<Batch> m_rows;
    std::unordered_map<std::string, uint32_t> m_index;
};

// A table in a CSV file (with a header row), a JSON Lines file or a SQLite table,
// read again when its file changes (checked between batches); a broken edit
// keeps the rows read before.
class FileTable : public LookupTable
{
public:
    // `kind`: csv, jsonl or sqlite; `sqlTable` for sqlite.
    FileTable(QString kind, QString path, QString sqlTable, core::Schema schema);
    bool open(QString &error) override;
    void refresh() override;
    QString describe() const override { return m_path; }

private:
    bool load(QString &error);
    bool loadCsv(Batch &table, QString &error);
    bool loadJsonLines(Batch &table, QString &error);
    bool loadSqlite(Batch &table, QString &error);

    QString m_kind, m_path, m_sqlTable;
    QDateTime m_loadedModified;
};

// A compacted Kafka topic read as a table: read to its end at open(), then kept
// current at every batch (the latest value per record key; a tombstone, a record
// without a value, removes the key). Its state is the rows and the offset read to
// in every partition, so a restored table reads on where the snapshot was taken.
class TopicTable : public LookupTable
{
public:
    TopicTable(KafkaEndpoint endpoint, QString topic, core::Schema schema);
    ~TopicTable() override;
    bool open(QString &error) override;
    void refresh() override { read(0); }
    void close() override { m_consumer.reset(); }
    QString describe() const override { return QStringLiteral("topic %1").arg(m_topic); }
    bool isStateful() const override { return true; }
    void snapshot(StateWriter &out) const override;
    void restore(StateReader &in) override;

private:
    void read(int firstWaitMs);
    // Applies one record of the topic; returns whether the table changed.
    bool applyRecord(const rd_kafka_message_t &msg);

    KafkaEndpoint m_endpoint;
    QString m_topic;
    KafkaConsumer m_consumer;
    std::unique_ptr<JsonDecoder> m_decoder;
    std::unordered_map<std::string, uint32_t> m_byRecordKey;
    std::map<int32_t, int64_t> m_nextOffset; // partition -> next offset to read
};

} // namespace sw::runtime
