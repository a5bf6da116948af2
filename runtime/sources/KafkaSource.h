// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "broker/KafkaClientConfig.h"
#include "engine/Source.h"
#include "sources/JsonDecoder.h"

#include <QJsonObject>
#include <QStringList>

#include <map>
#include <memory>

struct rd_kafka_s;
struct rd_kafka_queue_s;
struct rd_kafka_message_s;

namespace sw::runtime {

// source.kafka: reads JSON records from all partitions of its topics. Partitions
// are assigned directly (no group rebalances: fast to start, and the embedded
// broker's rebalances take 44 s); offsets are committed to the consumer group after
// each batch reached its sinks, and a restart continues from them. A new group
// starts at startingOffsets. Output columns: the declared fields, then _key,
// _topic, _partition, _offset, _timestamp. An unreachable broker is reported and
// retried by librdkafka; a topic that cannot be found fails the start.
class KafkaSource : public Source
{
public:
    KafkaSource(KafkaEndpoint endpoint, const QJsonObject &config, const QString &defaultGroup,
                const core::Schema &declared, const core::Schema &output);
    ~KafkaSource() override;
    bool open(std::string &error) override;
    SourceBatch poll(size_t maxRows, int waitMs) override;
    void commit() override;
    QJsonObject progress() const override;
    int64_t lag() const override;

private:
    KafkaEndpoint m_endpoint;
    QJsonObject m_config;
    QString m_group;
    QStringList m_topics;
    core::Schema m_declared;
    core::Schema m_output;
    JsonDecoder m_decoder;
    rd_kafka_s *m_consumer = nullptr;
    rd_kafka_queue_s *m_queue = nullptr; // the consumer queue, read in chunks
    static constexpr size_t kChunk = 1000;
    std::vector<rd_kafka_message_s *> m_chunk; // reused by every poll
    std::vector<std::string_view> m_values;     // the chunk's record values, decoded together
    std::vector<DecodeFailure> m_failures;
    // (topic, partition) -> next offset to read (after what this source handed out)
    std::map<std::pair<std::string, int>, int64_t> m_next;
    // The same, for the poll loop: found by topic handle and partition without
    // building a string per message.
    struct Position
    {
        const void *topic;
        int partition;
        int64_t *next;
    };
    std::vector<Position> m_positions;
    std::map<std::pair<std::string, int>, int64_t> m_committed;
    std::string m_lastError;
};

} // namespace sw::runtime
