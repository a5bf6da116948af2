// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "broker/KafkaClientConfig.h"
#include "engine/Source.h"

#include <librdkafka/rdkafka.h>

#include <QElapsedTimer>

#include <mutex>
#include <optional>
#include <string>

namespace sw::runtime {

// Whether a Kafka consumer can reach its cluster: cut off by a transport error
// or "all brokers down" it reports, and back when records come or, while it is
// cut off, a metadata request (tried once a second) is answered. Says each
// change once on standard error. state() may be called on any thread (the
// control API); the rest on the consumer's.
class ClusterReachability
{
public:
    explicit ClusterReachability(const KafkaEndpoint &endpoint) : m_endpoint(endpoint) {}

    // An error the client reported; false when it does not cut the cluster off
    // (the caller then reports it as an ordinary warning).
    bool noteError(rd_kafka_resp_err_t err, const std::string &message);
    void recordsCame();
    // While cut off, at most once a second: is `topic`'s metadata answered?
    void probe(rd_kafka_t *client, const std::string &topic);
    std::optional<Source::Unreachable> state() const;

private:
    void reachable();

    KafkaEndpoint m_endpoint;
    mutable std::mutex m_mutex;
    std::optional<Source::Unreachable> m_unreachable; // guarded by m_mutex
    QElapsedTimer m_sinceProbe;
};

} // namespace sw::runtime
