// SPDX-License-Identifier: GPL-3.0-or-later
// KafkaSource's batch planning: the ranges each batch reads, cut at one event
// time when maxBatchRows divides them, and where the input ends for the
// AvailableNow and Once triggers.
#include "sources/KafkaSource.h"

#include <algorithm>

namespace sw::runtime {

namespace {
constexpr int kDiscoveryIntervalMs = 30'000;
} // namespace

SourcePlan KafkaSource::plan(int64_t maxRows)
{
    reportConsumerErrors();
    if (!m_endsAtAvailable && m_sinceDiscovery.elapsed() > kDiscoveryIntervalMs)
        discoverPartitions();
    SourcePlan plan;
    plan.ranges.reserve(m_partitions.size());
    for (auto &p : m_partitions) {
        // The high watermark librdkafka learnt from its last fetch of the partition:
        // the records up to it are on their way or here already.
        int64_t low = 0, high = 0;
        if (rd_kafka_get_watermark_offsets(m_consumer.get(), p->topic.c_str(), p->partition, &low, &high)
                == RD_KAFKA_RESP_ERR_NO_ERROR
            && high > p->latest)
            p->latest = std::min(high, p->endAt);
        plan.ranges.push_back({p->topic, p->partition, p->planned, std::max(p->planned, p->latest)});
    }
    // Each record is still decoded once: what is read ahead for planning waits in
    // the partition's `ahead` for the batches that plan it.
    limitPlan(plan, maxRows, m_eventTimeColumn >= 0, [&](size_t i, int64_t want, ReadAhead &out) {
        Partition &p = *find(plan.ranges[i]);
        if (p.next < want && !readRange(p, {p.topic, p.partition, p.next, want}, p.ahead)) {
            m_planFailure.error = p.ahead.error; // read() reports it
            m_planFailure.interrupted = p.ahead.interrupted;
            p.ahead.error.clear();
            p.ahead.interrupted = false;
            return false;
        }
        out = m_records.planningView(p.ahead, p.next);
        return true;
    });
    return plan;
}

bool KafkaSource::endAtAvailable(std::string &error)
{
    // Asked of the partitions' leaders: what librdkafka learnt from fetches may
    // be behind (or unknown before the first fetch).
    for (auto &p : m_partitions) {
        int64_t low = 0, high = 0;
        const rd_kafka_resp_err_t err
            = rd_kafka_query_watermark_offsets(m_consumer.get(), p->topic.c_str(), p->partition, &low, &high, 10000);
        if (err) {
            error = "cannot ask the broker for the latest offset of " + p->topic + "/" + std::to_string(p->partition)
                    + ": " + rd_kafka_err2str(err);
            return false;
        }
        p->endAt = std::max(high, p->planned);
        p->latest = std::min(std::max(p->latest, high), p->endAt);
    }
    m_endsAtAvailable = true;
    return true;
}

bool KafkaSource::exhausted() const
{
    if (!m_endsAtAvailable)
        return false;
    return std::all_of(m_partitions.begin(), m_partitions.end(), [](const auto &p) { return p->planned >= p->endAt; });
}

} // namespace sw::runtime
