// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/KafkaSource.h"

#include "engine/DeadLetters.h"
#include "model/Duration.h"
#include "model/Timestamps.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>

#include <algorithm>
#include <map>
#include <cstdio>
#include <thread>

namespace sw::runtime {

namespace {
constexpr int kWaitReportMs = 10'000;
} // namespace

KafkaSource::KafkaSource(KafkaEndpoint endpoint, const core::KafkaSourceSettings &settings, const QString &defaultGroup,
                         const core::Schema &declared, const core::Schema &output)
    : m_endpoint(std::move(endpoint)), m_settings(settings),
      m_group(settings.group.isEmpty() ? defaultGroup : settings.group), m_declared(declared), m_output(output),
      m_records(declared, output, size_t(settings.maxRecordBytes), settings.eventTime.maxAheadMs.value_or(-1)),
      m_eventTimeColumn(output.indexOf(output.eventTimeField))
{
}

KafkaSource::~KafkaSource()
{
    // Closing the consumer may still serve its error callback, which uses
    // m_reachability and m_lastError (declared after it, so destroyed before it):
    // close it, in the members' own order, while they exist.
    m_partitions.clear();
    m_queue.reset();
    m_consumer.reset();
}

QJsonObject KafkaSource::defaultProperties()
{
    // Keep the prefetch queues deep: with the default (100000) they ran dry
    // between our large batches and reads waited for fetches (measured by
    // bench_pipeline: 1.17 s -> 0.13 s for 100k rows on the embedded broker).
    // Memory stays bounded by queued.max.messages.kbytes.
    return {{QStringLiteral("queued.min.messages"), QStringLiteral("1000000")},
            {QStringLiteral("enable.auto.commit"), QStringLiteral("false")},
            {QStringLiteral("enable.auto.offset.store"), QStringLiteral("false")},
            {QStringLiteral("enable.partition.eof"), QStringLiteral("false")}};
}

void KafkaSource::warn(const std::string &message)
{
    if (message != m_lastError)
        std::fprintf(stderr, "Kafka %s: %s\n", qPrintable(m_endpoint.name), message.c_str());
    m_lastError = message;
}

bool KafkaSource::open(const SourceContext &context, std::string &error)
{
    m_context = context;
    const QString &starting = m_settings.startingOffsets;
    QJsonObject props = defaultProperties();
    const QJsonObject &own = m_settings.properties;
    for (auto it = own.constBegin(); it != own.constEnd(); ++it)
        props.insert(it.key(), it.value());
    rd_kafka_conf_t *conf = KafkaClientConfig::make(m_endpoint, KafkaClientConfig::Role::Consumer, props, error);
    if (!conf)
        return false;
    // What the source's semantics rest on, whatever the node's properties say.
    bool ok = KafkaClientConfig::set(conf, "group.id", m_group.toStdString(), error);
    for (const char *key : {"enable.auto.commit", "enable.auto.offset.store", "enable.partition.eof"})
        ok = ok && KafkaClientConfig::set(conf, key, "false", error);
    ok = ok && KafkaClientConfig::set(conf, "auto.offset.reset", starting == u"latest" ? "latest" : "earliest", error);
    if (!ok) {
        rd_kafka_conf_destroy(conf);
        return false;
    }
    char errstr[512];
    // Client-wide errors (a broker refusing connections, all brokers down) come to
    // the error callback, served on this thread with the consumer's queue.
    rd_kafka_conf_set_opaque(conf, this);
    rd_kafka_conf_set_error_cb(conf, [](rd_kafka_t *, int err, const char *reason, void *opaque) {
        static_cast<KafkaSource *>(opaque)->noteError(rd_kafka_resp_err_t(err), reason);
    });
    m_consumer.reset(rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr));
    if (!m_consumer) {
        error = std::string("cannot create a Kafka consumer: ") + errstr;
        return false;
    }
    rd_kafka_poll_set_consumer(m_consumer.get());
    m_queue.reset(rd_kafka_queue_get_consumer(m_consumer.get()));

    std::vector<std::pair<std::string, int>> all;
    for (const QString &topic : m_settings.topics) {
        std::vector<int> partitions;
        if (!topicPartitions(topic.toStdString(), partitions, 6, error))
            return false;
        for (int p : partitions)
            all.emplace_back(topic.toStdString(), p);
    }
    if (!addPartitions(all, true, error))
        return false;
    m_sinceDiscovery.start();
    m_chunk.resize(kChunk);
    return true;
}

bool KafkaSource::topicPartitions(const std::string &name, std::vector<int> &partitions, int attempts, std::string &error)
{
    rd_kafka_topic_t *handle = rd_kafka_topic_new(m_consumer.get(), name.c_str(), nullptr);
    rd_kafka_resp_err_t err = RD_KAFKA_RESP_ERR_NO_ERROR;
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        const rd_kafka_metadata_t *metadata = nullptr;
        err = rd_kafka_metadata(m_consumer.get(), 0, handle, &metadata, attempts > 1 ? 5000 : 1000);
        if (!err && metadata->topic_cnt == 1 && metadata->topics[0].partition_cnt > 0) {
            for (int p = 0; p < metadata->topics[0].partition_cnt; ++p)
                partitions.push_back(metadata->topics[0].partitions[p].id);
            std::sort(partitions.begin(), partitions.end());
            rd_kafka_metadata_destroy(metadata);
            rd_kafka_topic_destroy(handle);
            return true;
        }
        if (metadata)
            rd_kafka_metadata_destroy(metadata);
        if (attempt == attempts)
            break;
        std::fprintf(stderr, "Kafka %s (%s): cannot read metadata of topic %s (%s); retrying (%d/%d)\n",
                     qPrintable(m_endpoint.name), qPrintable(m_endpoint.bootstrap), name.c_str(),
                     err ? rd_kafka_err2str(err) : "no partitions", attempt, attempts);
        std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    rd_kafka_topic_destroy(handle);
    error = "cannot reach Kafka at " + m_endpoint.bootstrap.toStdString() + " or topic " + name + " does not exist ("
            + rd_kafka_err2str(err) + ")";
    return false;
}

// Assigns partitions at numeric offsets (planning needs numbers, not "beginning"):
// the group's committed offset, else startingOffsets (for partitions found at the
// start) or the beginning (partitions added later, as Spark does).
bool KafkaSource::addPartitions(const std::vector<std::pair<std::string, int>> &added, bool fromStartingOffsets,
                                std::string &error)
{
    if (added.empty())
        return true;
    rd_kafka_t *consumer = m_consumer.get();
    const QString &starting = m_settings.startingOffsets;
    const bool byTime = starting != u"earliest" && starting != u"latest";
    const auto startTime = byTime ? core::Timestamps::parseIso(starting) : std::nullopt;
    KafkaPartitionList list(rd_kafka_topic_partition_list_new(int(added.size())));
    for (const auto &[topic, partition] : added)
        rd_kafka_topic_partition_list_add(list.get(), topic.c_str(), partition);
    if (rd_kafka_committed(consumer, list.get(), 10000) != RD_KAFKA_RESP_ERR_NO_ERROR)
        std::fprintf(stderr, "Kafka: cannot fetch committed offsets of group %s; using startingOffsets\n",
                     qPrintable(m_group));
    std::vector<int64_t> low(added.size()), high(added.size());
    for (size_t i = 0; i < added.size(); ++i) {
        const auto err = rd_kafka_query_watermark_offsets(consumer, added[i].first.c_str(), added[i].second, &low[i],
                                                          &high[i], 10000);
        if (err) {
            error = "cannot read the offsets of " + added[i].first + "/" + std::to_string(added[i].second) + ": "
                    + rd_kafka_err2str(err);
            return false;
        }
    }
    KafkaPartitionList byTimeList;
    if (fromStartingOffsets && startTime) {
        byTimeList.reset(rd_kafka_topic_partition_list_new(int(added.size())));
        for (const auto &[topic, partition] : added) // offsets_for_times takes the time in the offset field
            rd_kafka_topic_partition_list_add(byTimeList.get(), topic.c_str(), partition)->offset = *startTime;
        if (rd_kafka_offsets_for_times(consumer, byTimeList.get(), 10000) != RD_KAFKA_RESP_ERR_NO_ERROR)
            std::fprintf(stderr, "Kafka: lookup by time failed; starting from the earliest offsets\n");
    }
    for (size_t i = 0; i < added.size(); ++i) {
        auto &tp = list->elems[i];
        int64_t start = tp.offset;
        // A checkpoint, not the group, says where a run goes on.
        const auto checkpointed = m_startAt.find({tp.topic, tp.partition});
        if (checkpointed != m_startAt.end()) {
            start = checkpointed->second;
            if (start < low[i])
                std::fprintf(stderr, "Kafka: %s/%d: records from the checkpoint's offset %lld to %lld were deleted "
                                     "(retention) before this run read them: they are lost; starting at %lld\n",
                             tp.topic, tp.partition, (long long)start, (long long)low[i], (long long)low[i]);
            else if (start > high[i])
                std::fprintf(stderr, "Kafka: %s/%d: the checkpoint's offset %lld is past the end (%lld): was the topic "
                                     "recreated? starting at %lld\n",
                             tp.topic, tp.partition, (long long)start, (long long)high[i], (long long)high[i]);
            start = std::clamp(start, low[i], high[i]);
        } else if (start >= 0 && start < low[i]) {
            std::fprintf(stderr, "Kafka: %s/%d: records from the committed offset %lld to %lld were deleted (retention); "
                                 "starting at %lld\n",
                         tp.topic, tp.partition, (long long)start, (long long)low[i], (long long)low[i]);
            start = low[i];
        } else if (start > high[i]) {
            std::fprintf(stderr, "Kafka: %s/%d: the committed offset %lld is past the end (%lld): was the topic "
                                 "recreated? starting at %lld\n",
                         tp.topic, tp.partition, (long long)start, (long long)high[i], (long long)high[i]);
            start = high[i];
        } else if (start < 0) {
            start = !fromStartingOffsets || starting == u"earliest" ? low[i] : starting == u"latest" ? high[i] : low[i];
            if (byTimeList && byTimeList->elems[i].offset >= 0) // the embedded broker answers -1
                start = std::clamp(byTimeList->elems[i].offset, low[i], high[i]);
        }
        tp.offset = start;
        auto p = std::make_unique<Partition>();
        p->topic = tp.topic;
        p->partition = tp.partition;
        p->planned = p->next = start;
        p->latest = high[i];
        p->ahead.rows = Batch::empty(m_output);
        // The partition's own queue, taken from the consumer's before assign():
        // librdkafka then never forwards it (queue flag FWD_APP), and keeps each
        // partition's prefetch bounded on its own.
        p->queue.reset(rd_kafka_queue_get_partition(consumer, tp.topic, tp.partition));
        if (!p->queue) {
            error = std::string("cannot read partition ") + tp.topic + "/" + std::to_string(tp.partition);
            return false;
        }
        rd_kafka_queue_forward(p->queue.get(), nullptr);
        if (m_context.wakeup)
            rd_kafka_queue_io_event_enable(p->queue.get(), m_context.wakeup->fd(), Wakeup::payload(), Wakeup::kPayloadSize);
        m_partitions.push_back(std::move(p));
    }
    rd_kafka_error_t *failed = rd_kafka_incremental_assign(consumer, list.get());
    if (failed) {
        error = std::string("cannot assign partitions: ") + rd_kafka_error_string(failed);
        rd_kafka_error_destroy(failed);
        return false;
    }
    return true;
}

void KafkaSource::discoverPartitions()
{
    m_sinceDiscovery.restart();
    std::vector<std::pair<std::string, int>> added;
    for (const QString &topic : m_settings.topics) {
        std::vector<int> partitions;
        std::string error;
        if (!topicPartitions(topic.toStdString(), partitions, 1, error))
            continue; // unreachable now: librdkafka reports it, and the next check tries again
        for (int p : partitions) {
            const bool known = std::any_of(m_partitions.begin(), m_partitions.end(), [&](const auto &k) {
                return k->partition == p && k->topic == topic.toStdString();
            });
            if (!known)
                added.emplace_back(topic.toStdString(), p);
        }
    }
    std::string error;
    if (!added.empty()) {
        std::fprintf(stderr, "Kafka %s: %zu new partition(s) of %s; reading them from their beginning\n",
                     qPrintable(m_endpoint.name), added.size(), qPrintable(m_settings.topics.join(u',')));
        if (!addPartitions(added, false, error))
            warn(error + " (retrying)");
    }
}

void KafkaSource::reportConsumerErrors()
{
    // Records come on the partitions' queues; the consumer's carries errors only.
    rd_kafka_message_t *events[16];
    const ssize_t n = rd_kafka_consume_batch_queue(m_queue.get(), 0, events, std::size(events));
    for (ssize_t i = 0; i < n; ++i) {
        KafkaMessage event(events[i]);
        if (event->err && event->err != RD_KAFKA_RESP_ERR__PARTITION_EOF)
            noteError(event->err, rd_kafka_message_errstr(event.get()));
    }
    if (!m_settings.topics.isEmpty())
        m_reachability.probe(m_consumer.get(), m_settings.topics.front().toStdString());
}

void KafkaSource::noteError(rd_kafka_resp_err_t err, const std::string &message)
{
    if (!m_reachability.noteError(err, message))
        warn(message + " (retrying)");
}

std::optional<Source::Unreachable> KafkaSource::unreachable() const
{
    return m_reachability.state();
}

KafkaSource::Partition *KafkaSource::find(const OffsetRange &range)
{
    for (auto &p : m_partitions) {
        if (p->partition == range.partition && p->topic == range.topic)
            return p.get();
    }
    return nullptr;
}

SourceBatch KafkaSource::read(const SourcePlan &plan)
{
    SourceBatch out;
    out.rows = Batch::empty(m_output);
    if (!m_planFailure.error.empty() || m_planFailure.interrupted) {
        std::swap(out.error, m_planFailure.error);
        std::swap(out.interrupted, m_planFailure.interrupted);
        return out;
    }
    m_chunk.resize(kChunk);
    for (const OffsetRange &range : plan.ranges) {
        Partition *p = find(range);
        if (!p) {
            out.error = "the plan names " + range.topic + "/" + std::to_string(range.partition)
                        + ", which this source does not read";
            return out;
        }
        if (range.start != p->planned) {
            out.error = range.topic + "/" + std::to_string(range.partition) + ": the plan starts at offset "
                        + std::to_string(range.start) + ", the source is at " + std::to_string(p->planned);
            return out;
        }
        if (range.size() == 0)
            continue;
        if (p->ahead.rows.rows > 0 || !p->ahead.deadLetters.empty())
            m_records.takeAhead(p->ahead, range.end, out);
        if (p->next < range.end && !readRange(*p, {range.topic, range.partition, p->next, range.end}, out))
            return out;
        p->planned = range.end;
    }
    m_lastPlan = plan;
    return out;
}

int64_t KafkaSource::position(const Partition &p) const
{
    KafkaPartitionList list(rd_kafka_topic_partition_list_new(1));
    rd_kafka_topic_partition_list_add(list.get(), p.topic.c_str(), p.partition);
    if (rd_kafka_position(m_consumer.get(), list.get()) != RD_KAFKA_RESP_ERR_NO_ERROR)
        return -1;
    return list->elems[0].offset;
}

// Reads [range.start, range.end) of one partition. Offsets without a record
// (compacted away, transaction markers) are no reason to wait: the range is done
// once a record at or past its end came, or the consumer's position passed it.
bool KafkaSource::readRange(Partition &p, const OffsetRange &range, SourceBatch &out)
{
    QElapsedTimer waiting;
    waiting.start();
    qint64 reportedAt = 0;
    while (p.next < range.end) {
        size_t n = 0;
        while (n < kChunk && !p.held.empty() && p.held.front()->offset < range.end) {
            m_chunk[n++] = p.held.front().release();
            p.held.pop_front();
        }
        const bool pastEnd = !p.held.empty();
        if (n == 0 && !pastEnd) {
            const size_t want = size_t(std::min<int64_t>(int64_t(kChunk), range.end - p.next));
            const ssize_t got = rd_kafka_consume_batch_queue(p.queue.get(), 0, m_chunk.data(), want);
            n = got > 0 ? size_t(got) : 0;
        }
        if (n == 0 && !pastEnd) {
            if (position(p) >= range.end)
                break;
            if (m_context.stopRequested && *m_context.stopRequested) {
                out.interrupted = true;
                return false;
            }
            if (const auto down = unreachable()) {
                // Waiting out an outage is no reason to give up on the batch,
                // unless --fail-after says how long to wait at most.
                const int64_t downMs = QDateTime::currentMSecsSinceEpoch() - down->sinceMs;
                if (m_context.failAfterMs >= 0 && downMs > m_context.failAfterMs) {
                    out.error = down->reason + "; unreachable for " + std::to_string(downMs / 1000) + " s (--fail-after)";
                    return false;
                }
                waiting.restart();
                reportedAt = 0;
            }
            const qint64 waited = waiting.elapsed();
            if (waited >= kPlannedRecordTimeoutMs) {
                out.error = "Kafka " + m_endpoint.name.toStdString() + ": " + p.topic + "/" + std::to_string(p.partition)
                            + ": the records from offset " + std::to_string(p.next) + " to "
                            + std::to_string(range.end) + " were planned for this batch but did not arrive in "
                            + std::to_string(kPlannedRecordTimeoutMs / 1000) + " s";
                return false;
            }
            if (waited - reportedAt >= kWaitReportMs) {
                reportedAt = waited;
                std::fprintf(stderr, "Kafka %s: waiting %lld s for %s/%d at offset %lld (planned up to %lld)\n",
                             qPrintable(m_endpoint.name), (long long)(waited / 1000), p.topic.c_str(), p.partition,
                             (long long)p.next, (long long)range.end);
            }
            if (rd_kafka_message_t *first = rd_kafka_consume_queue(p.queue.get(), 100)) {
                m_chunk[0] = first;
                n = 1;
            }
            reportConsumerErrors();
            if (n == 0)
                continue;
        }
        // Errors out of the way, and records past the plan kept for the next one.
        size_t kept = 0;
        for (size_t k = 0; k < n; ++k) {
            KafkaMessage msg(m_chunk[k]);
            if (msg->err) {
                if (msg->err != RD_KAFKA_RESP_ERR__PARTITION_EOF)
                    noteError(msg->err, rd_kafka_message_errstr(msg.get()));
            } else if (msg->offset >= range.end) {
                p.held.push_back(std::move(msg));
            } else if (msg->offset >= p.next) {
                m_chunk[kept++] = msg.release();
            }
        }
        if (kept > 0) {
            m_reachability.recordsCame();
            waiting.restart();
            reportedAt = 0;
            decode(p, kept, out);
        }
        if (pastEnd || !p.held.empty())
            break;
    }
    p.next = range.end;
    return true;
}

// Decodes m_chunk[0, count), records of one partition in offset order, into
// `out`, and lets go of the messages.
void KafkaSource::decode(Partition &p, size_t count, SourceBatch &out)
{
    m_views.resize(count);
    for (size_t k = 0; k < count; ++k) {
        const rd_kafka_message_t *msg = m_chunk[k];
        RecordView &v = m_views[k];
        v.offset = msg->offset;
        v.timestamp = rd_kafka_message_timestamp(msg, nullptr);
        v.key.reset();
        v.value.reset();
        if (msg->key)
            v.key.emplace(static_cast<const char *>(msg->key), msg->key_len);
        if (msg->payload)
            v.value.emplace(static_cast<const char *>(msg->payload), msg->len);
        v.origin = msg;
        v.headers = [](const void *origin, std::vector<std::pair<std::string, std::string>> &headers) {
            rd_kafka_headers_t *all = nullptr;
            auto *m = static_cast<rd_kafka_message_t *>(const_cast<void *>(origin));
            if (rd_kafka_message_headers(m, &all) != RD_KAFKA_RESP_ERR_NO_ERROR || !all)
                return;
            const char *name;
            const void *value;
            size_t size;
            for (size_t i = 0; rd_kafka_header_get_all(all, i, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR; ++i)
                headers.emplace_back(name, value ? std::string(static_cast<const char *>(value), size) : std::string());
        };
    }
    if (count > 0)
        p.next = m_chunk[count - 1]->offset + 1;
    m_records.decode(p.topic, p.partition, m_views.data(), count, out);
    for (size_t k = 0; k < count; ++k)
        rd_kafka_message_destroy(m_chunk[k]);
}

void KafkaSource::commit()
{
    KafkaPartitionList offsets(rd_kafka_topic_partition_list_new(int(m_partitions.size())));
    for (auto &p : m_partitions) {
        if (p->committed != p->planned)
            rd_kafka_topic_partition_list_add(offsets.get(), p->topic.c_str(), p->partition)->offset = p->planned;
        p->committed = p->planned;
    }
    if (offsets->cnt > 0)
        rd_kafka_commit(m_consumer.get(), offsets.get(), 1);
}

std::vector<OffsetRange> KafkaSource::positions() const
{
    std::vector<OffsetRange> out;
    for (const auto &p : m_partitions)
        out.push_back({p->topic, p->partition, p->planned, p->planned});
    return out;
}

void KafkaSource::startAt(const std::vector<OffsetRange> &positions)
{
    for (const OffsetRange &p : positions)
        m_startAt[{p.topic, p.partition}] = p.start;
}

int64_t KafkaSource::lag() const
{
    int64_t total = 0;
    for (const auto &p : m_partitions) {
        int64_t lo = 0, hi = 0;
        if (rd_kafka_get_watermark_offsets(m_consumer.get(), p->topic.c_str(), p->partition, &lo, &hi)
                == RD_KAFKA_RESP_ERR_NO_ERROR
            && std::max(hi, p->latest) > p->planned)
            total += std::max(hi, p->latest) - p->planned;
    }
    return total;
}

void KafkaSource::refreshLag(int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    for (auto &p : m_partitions) {
        const int left = timeoutMs - int(clock.elapsed());
        if (left <= 0)
            break; // the rest next time
        int64_t lo = 0, hi = 0;
        if (rd_kafka_query_watermark_offsets(m_consumer.get(), p->topic.c_str(), p->partition, &lo, &hi, left)
            == RD_KAFKA_RESP_ERR_NO_ERROR)
            p->latest = std::max(p->latest, hi);
    }
}

void KafkaSource::describe(SourceProgress &out) const
{
    out.description = QStringLiteral("Kafka[%1]").arg(m_settings.topics.join(u','));
    out.group = m_group;
    for (const auto &p : m_partitions) {
        int64_t lo = 0, hi = 0;
        rd_kafka_get_watermark_offsets(m_consumer.get(), p->topic.c_str(), p->partition, &lo, &hi);
        hi = std::max(hi, p->latest);
        PartitionProgress &partition = out.partition(QString::fromStdString(p->topic), int(p->partition));
        partition.latestOffset = hi;
        partition.nextOffset = p->planned;
        partition.lag = std::max<int64_t>(0, hi - p->planned);
    }
    // Spark's sources[].startOffset / endOffset: the ranges the last batch read.
    for (const OffsetRange &r : m_lastPlan.ranges) {
        PartitionProgress &partition = out.partition(QString::fromStdString(r.topic), int(r.partition));
        partition.startOffset = r.start;
        partition.endOffset = r.end;
    }
}

} // namespace sw::runtime
