// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "broker/KafkaClientConfig.h"
#include "engine/Sink.h"
#include "expr/ColumnarExpression.h"
#include "expr/Expression.h"
#include "settings/NodeSettings.h"

#include <atomic>

struct rd_kafka_s;
struct rd_kafka_error_s;

namespace sw::runtime {

// sink.kafka: rows as JSON values (RowJson), keys from an expression, through an
// idempotent producer with the chosen compression. flush() waits for every record
// of the batch to be acknowledged; a failed delivery fails the pipeline. Every
// record carries the batch id in a `streamwright-batch` header. Transactional:
// one transaction per batch (begun at its first record, committed by flush());
// init_transactions at open fences an earlier producer of the same id, aborting
// what it left open.
class KafkaSink : public Sink
{
public:
    // `transactionalId`: used when the settings say transactional.
    KafkaSink(KafkaEndpoint endpoint, const core::KafkaSinkSettings &settings, const core::Schema &input,
              const QString &transactionalId = {});
    ~KafkaSink() override;
    bool open(std::string &error) override;
    bool write(const Batch &batch, std::string &error) override;
    bool flush(std::string &error) override;
    void close() override;
    void beginBatch(int64_t batchId) override { m_batchId = batchId; }
    // With a checkpoint and transactions: at open, the last batch this sink
    // committed is read back from the topic (read_committed, the
    // streamwright-sink and -batch headers of the last records of each
    // partition), and a batch at or below it is not written again: a crash
    // between the Kafka commit and the checkpoint's then doubles nothing.
    void enableExactlyOnce(const QString &identity) override { m_identity = m_sinkHeader = identity.toStdString(); }
    int64_t lastWrittenBatch() const { return m_writtenBatch; }
    // Transactions committed since open (one per batch that wrote rows), for tests.
    int64_t committedTransactions() const { return m_committedTransactions; }

private:
    KafkaEndpoint m_endpoint;
    core::KafkaSinkSettings m_settings;
    std::string m_topic;
    core::expr::CheckedExpression m_keyChecked;
    std::unique_ptr<ColumnarExpression> m_key;
    rd_kafka_s *m_producer = nullptr;
    std::vector<std::string> m_jsonKeys;
    std::string m_value, m_keyText;
    std::string m_transactionalId;
    std::string m_identity;      // exactly-once: this sink's streamwright-sink header
    std::string m_sinkHeader;    // the streamwright-sink header: the identity, or the transactional id
    int64_t m_writtenBatch = -1; // the last batch the topic has from this sink
    bool readLastWrittenBatch(std::string &error);
    int64_t m_batchId = -1;
    bool m_inTransaction = false;
    int64_t m_committedTransactions = 0;
    bool transactionError(rd_kafka_error_s *e, const char *what, std::string &error);

public:
    // Delivery failures since the last flush (written by librdkafka's callback).
    std::atomic<int64_t> failures{0};
    std::string lastFailure;
};

} // namespace sw::runtime
