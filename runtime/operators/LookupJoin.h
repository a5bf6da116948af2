// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "broker/KafkaClientConfig.h"
#include "broker/KafkaHandles.h"
#include "operators/Operator.h"

#include <QDateTime>
#include <QJsonObject>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

namespace sw::runtime {

class JsonDecoder;

// join.lookup: enriches each row from a table read from a CSV file (with a header
// row), a JSON Lines file or a SQLite table, read again when its file changes
// (checked between batches); or from a compacted Kafka topic read as a table: read
// to its end before the first batch, then kept current at every batch (the latest
// value per record key; a tombstone, a record without a value, removes the key).
// The latest row wins for a key. A file table is read at open() (as Spark reads the
// static side of a stream-static join); a topic table's state is its rows and the
// offset it has read to in every partition, so a restored join continues reading
// the topic where the snapshot was taken. Inner drops
// rows without a match; left keeps them with NULLs. Output naming as the
// validator's joined schema: keys with the same name once, then the stream's
// other fields, then the table's (left_/right_ prefixes on clashes).
class LookupJoin : public Operator
{
public:
    LookupJoin(const QJsonObject &config, const QString &tablePath, const core::Schema &stream,
               const core::Schema &table, const core::Schema &output);
    // A table from a compacted topic on `endpoint`.
    LookupJoin(const QJsonObject &config, KafkaEndpoint endpoint, const core::Schema &stream, const core::Schema &table,
               const core::Schema &output);
    ~LookupJoin() override;
    void process(int inputPort, const Batch &batch, int64_t watermark, Emitter &out) override;
    void close() override;
    bool isStateful() const override { return bool(m_endpoint); }
    void snapshot(StateWriter &out) const override;
    void restore(StateReader &in) override;
    int64_t stateRows() const override { return m_rows ? int64_t(m_rows->rows) : 0; } // table rows

protected:
    bool onOpen(std::string &error) override;

private:
    void reloadIfChanged();
    bool load(QString &error);
    bool loadCsv(Batch &table, QString &error);
    bool loadJsonLines(Batch &table, QString &error);
    bool loadSqlite(Batch &table, QString &error);
    bool openTopic(QString &error);
    void readTopic(int firstWaitMs);
    // Applies one record of the table topic; returns whether the table changed.
    bool applyRecord(const rd_kafka_message_t &msg);
    void indexRow(uint32_t row);
    void rebuildIndex();

    QString m_kind, m_path, m_sqlTable;
    bool m_inner = false;
    core::Schema m_stream, m_table, m_output;
    std::vector<int> m_streamKeys, m_tableKeys;
    struct Source
    {
        bool fromTable;
        int column;
    };
    std::vector<Source> m_sources; // per output column
    std::shared_ptr<Batch> m_rows; // the table, in columns
    std::unordered_map<std::string, uint32_t> m_index;
    QDateTime m_loadedModified;
    // Compacted topic: the consumer, and record key -> row of the table.
    std::optional<KafkaEndpoint> m_endpoint;
    QString m_topic;
    KafkaConsumer m_consumer;
    std::unordered_map<std::string, uint32_t> m_byRecordKey;
    std::map<int32_t, int64_t> m_nextOffset; // partition -> next offset to read
    std::unique_ptr<JsonDecoder> m_decoder;
    void init(const QJsonObject &config);
};

} // namespace sw::runtime
