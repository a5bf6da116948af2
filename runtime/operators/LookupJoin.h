// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "broker/KafkaClientConfig.h"
#include "operators/Operator.h"

#include <QDateTime>
#include <QJsonObject>

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

struct rd_kafka_s;

namespace sw::runtime {

class JsonDecoder;

// join.lookup: enriches each row from a table read from a CSV file (with a header
// row), a JSON Lines file or a SQLite table, read again when its file changes
// (checked between batches); or from a compacted Kafka topic read as a table: read
// to its end before the first batch, then kept current at every batch (the latest
// value per record key; a tombstone, a record without a value, removes the key).
// The latest row wins for a key. Inner drops
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
    void open() override;
    void process(int inputPort, const Batch &batch, int64_t watermark, Emitter &out) override;
    OperatorStats stats() const override;
    QString loadError() const { return m_error; }

private:
    void reloadIfChanged();
    bool load(QString &error);
    bool loadCsv(Batch &table, QString &error);
    bool loadJsonLines(Batch &table, QString &error);
    bool loadSqlite(Batch &table, QString &error);
    bool openTopic(QString &error);
    void readTopic(int firstWaitMs);
    void indexRow(uint32_t row);

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
    rd_kafka_s *m_consumer = nullptr;
    std::unordered_map<std::string, uint32_t> m_byRecordKey;
    std::unique_ptr<JsonDecoder> m_decoder;
    void init(const QJsonObject &config);
    int64_t m_misses = 0;
    QString m_error;
};

} // namespace sw::runtime
