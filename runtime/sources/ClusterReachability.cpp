// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/ClusterReachability.h"

#include <QDateTime>

#include <cstdio>

namespace sw::runtime {

bool ClusterReachability::noteError(rd_kafka_resp_err_t err, const std::string &message)
{
    const bool cut = err == RD_KAFKA_RESP_ERR__TRANSPORT || err == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN
                     || err == RD_KAFKA_RESP_ERR__RESOLVE || err == RD_KAFKA_RESP_ERR__TIMED_OUT;
    if (!cut)
        return false;
    std::lock_guard lock(m_mutex);
    if (m_unreachable)
        return true; // said once when it began; "reachable again" ends it
    std::fprintf(stderr, "Kafka %s (%s) cannot be reached: %s; retrying (the run waits, and says when it is back)\n",
                 qPrintable(m_endpoint.name), qPrintable(m_endpoint.bootstrap), message.c_str());
    m_unreachable = Source::Unreachable{"Kafka " + m_endpoint.name.toStdString() + " (" + m_endpoint.bootstrap.toStdString()
                                            + ") cannot be reached: " + message,
                                        QDateTime::currentMSecsSinceEpoch()};
    m_sinceProbe.start();
    return true;
}

void ClusterReachability::reachable()
{
    std::lock_guard lock(m_mutex);
    if (!m_unreachable)
        return;
    std::fprintf(stderr, "Kafka %s: reachable again after %lld s\n", qPrintable(m_endpoint.name),
                 (long long)((QDateTime::currentMSecsSinceEpoch() - m_unreachable->sinceMs) / 1000));
    m_unreachable.reset();
}

void ClusterReachability::recordsCame()
{
    if (state())
        reachable();
}

void ClusterReachability::probe(rd_kafka_t *client, const std::string &topic)
{
    if (!state() || m_sinceProbe.elapsed() < 1000 || topic.empty())
        return;
    m_sinceProbe.restart();
    rd_kafka_topic_t *handle = rd_kafka_topic_new(client, topic.c_str(), nullptr);
    const rd_kafka_metadata_t *metadata = nullptr;
    if (rd_kafka_metadata(client, 0, handle, &metadata, 500) == RD_KAFKA_RESP_ERR_NO_ERROR)
        reachable();
    if (metadata)
        rd_kafka_metadata_destroy(metadata);
    rd_kafka_topic_destroy(handle);
}

std::optional<Source::Unreachable> ClusterReachability::state() const
{
    std::lock_guard lock(m_mutex);
    return m_unreachable;
}

} // namespace sw::runtime
