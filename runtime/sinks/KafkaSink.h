// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "broker/KafkaClientConfig.h"
#include "engine/Sink.h"
#include "expr/ColumnarExpression.h"
#include "expr/Expression.h"
#include "settings/NodeSettings.h"

#include <atomic>

struct rd_kafka_s;

namespace sw::runtime {

// sink.kafka: rows as JSON values (RowJson), keys from an expression, through an
// idempotent producer with the chosen compression. flush() waits for every record
// of the batch to be acknowledged; a failed delivery fails the pipeline.
class KafkaSink : public Sink
{
public:
    KafkaSink(KafkaEndpoint endpoint, const core::KafkaSinkSettings &settings, const core::Schema &input);
    ~KafkaSink() override;
    bool open(std::string &error) override;
    bool write(const Batch &batch, std::string &error) override;
    bool flush(std::string &error) override;
    void close() override;

private:
    KafkaEndpoint m_endpoint;
    core::KafkaSinkSettings m_settings;
    std::string m_topic;
    core::expr::CheckedExpression m_keyChecked;
    std::unique_ptr<ColumnarExpression> m_key;
    rd_kafka_s *m_producer = nullptr;
    std::vector<std::string> m_jsonKeys;
    std::string m_value, m_keyText;

public:
    // Delivery failures since the last flush (written by librdkafka's callback).
    std::atomic<int64_t> failures{0};
    std::string lastFailure;
};

} // namespace sw::runtime
