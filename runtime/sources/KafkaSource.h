// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "broker/KafkaClientConfig.h"
#include "broker/KafkaHandles.h"
#include "engine/Source.h"
#include "settings/NodeSettings.h"
#include "sources/ClusterReachability.h"
#include "sources/RecordDecoder.h"

#include <QElapsedTimer>

#include <QJsonObject>
#include <QStringList>

#include <climits>
#include <deque>
#include <map>
#include <memory>

namespace sw::runtime {

// source.kafka: reads JSON records from all partitions of its topics, in planned
// micro-batches (Spark's Kafka source): plan() fixes for every partition the range
// [next, latest available) — when maxBatchRows divides it, cut at one event time
// for every partition (alignInEventTime; it reads a little ahead to know the event
// times) — and read() reads exactly those ranges, each from its own
// partition queue, waiting for planned records that have not arrived yet. So a
// backlog is read evenly from every partition and the watermark cannot run ahead
// of a partition that was not read yet.
//
// Partitions are assigned directly (no group rebalances: fast to start, and the
// embedded broker's rebalances take 44 s); offsets are committed to the consumer
// group after each batch reached its sinks, and a restart continues from them. A
// new group starts at startingOffsets. Partitions added to a topic later are
// picked up (checked every 30 s) from their beginning. Output columns: the
// declared fields, then _key, _topic, _partition, _offset, _timestamp. An
// unreachable broker is reported and retried by librdkafka; a topic that cannot be
// found fails the start.
class KafkaSource : public Source
{
public:
    KafkaSource(KafkaEndpoint endpoint, const core::KafkaSourceSettings &settings, const QString &defaultGroup,
                const core::Schema &declared, const core::Schema &output);
    ~KafkaSource() override;
    using Source::open;
    bool open(const SourceContext &context, std::string &error) override;
    SourcePlan plan(int64_t maxRows) override;
    SourceBatch read(const SourcePlan &plan) override;
    void commit() override;
    void describe(SourceProgress &out) const override;
    int64_t lag() const override;
    void refreshLag(int timeoutMs) override;
    std::optional<Unreachable> unreachable() const override;
    bool endAtAvailable(std::string &error) override;
    bool exhausted() const override;
    std::vector<OffsetRange> positions() const override;
    void startAt(const std::vector<OffsetRange> &positions) override;

    // The consumer properties this source sets beyond the connection's and the
    // node's own (benchmarks configure a bare consumer the same way).
    static QJsonObject defaultProperties();
    // How long a planned record may keep a batch waiting before the run fails.
    static constexpr int kPlannedRecordTimeoutMs = 120'000;

private:
    struct Partition
    {
        std::string topic;
        int partition = 0;
        KafkaQueue queue;   // this partition's own queue (not forwarded to the consumer's)
        int64_t planned = 0; // where the next plan starts: what the batches so far read
        int64_t next = 0;    // next offset to take from the queue (past `planned` by what is read ahead)
        int64_t latest = 0;  // latest offset known to be available (the high watermark)
        int64_t committed = -1;
        int64_t endAt = INT64_MAX; // endAtAvailable(): plans go no further
        std::deque<KafkaMessage> held; // taken from the queue past the range being read
        SourceBatch ahead;             // [planned, next) decoded, for planning in event time
    };

    bool topicPartitions(const std::string &topic, std::vector<int> &partitions, int attempts, std::string &error);
    bool addPartitions(const std::vector<std::pair<std::string, int>> &added, bool fromStartingOffsets,
                       std::string &error);
    void discoverPartitions();
    void reportConsumerErrors();
    Partition *find(const OffsetRange &range);
    bool readRange(Partition &p, const OffsetRange &range, SourceBatch &out);
    void decode(Partition &p, size_t count, SourceBatch &out);
    int64_t position(const Partition &p) const;
    void warn(const std::string &message);

    KafkaEndpoint m_endpoint;
    core::KafkaSourceSettings m_settings;
    std::map<std::pair<std::string, int>, int64_t> m_startAt; // a checkpoint's positions
    QString m_group;
    core::Schema m_declared;
    core::Schema m_output;
    RecordDecoder m_records;
    int m_eventTimeColumn = -1; // in m_output
    SourceContext m_context;
    KafkaConsumer m_consumer;
    KafkaQueue m_queue; // the consumer's queue: errors and events, no records
    std::vector<std::unique_ptr<Partition>> m_partitions; // by topic (config order), then partition
    SourcePlan m_lastPlan;
    bool m_endsAtAvailable = false; // no partitions are added after endAtAvailable()
    SourceBatch m_planFailure; // reading ahead failed or was interrupted: read() says so
    QElapsedTimer m_sinceDiscovery;
    static constexpr size_t kChunk = 1000;
    std::vector<rd_kafka_message_t *> m_chunk; // reused by every read
    std::vector<RecordView> m_views;           // the chunk's records, decoded together
    std::string m_lastError;
    ClusterReachability m_reachability{m_endpoint};
    void noteError(rd_kafka_resp_err_t err, const std::string &message);
};

} // namespace sw::runtime
