// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/KafkaSource.h"

#include "model/Timestamps.h"

#include <QElapsedTimer>
#include <QJsonArray>

#include <librdkafka/rdkafka.h>

#include <cstdio>
#include <thread>

namespace sw::runtime {

KafkaSource::KafkaSource(KafkaEndpoint endpoint, const QJsonObject &config, const QString &defaultGroup,
                         const core::Schema &declared, const core::Schema &output)
    : m_endpoint(std::move(endpoint)), m_config(config),
      m_group(config.value(QStringLiteral("group")).toString(defaultGroup)), m_declared(declared), m_output(output),
      m_decoder(declared)
{
    for (const auto &t : config.value(QStringLiteral("topics")).toArray())
        m_topics << t.toString();
}

KafkaSource::~KafkaSource()
{
    if (m_queue)
        rd_kafka_queue_destroy(m_queue);
    if (m_consumer) {
        rd_kafka_consumer_close(m_consumer);
        rd_kafka_destroy(m_consumer);
    }
}

bool KafkaSource::open(std::string &error)
{
    const QString starting = m_config.value(QStringLiteral("startingOffsets")).toString(QStringLiteral("latest"));
    QJsonObject props = m_config.value(QStringLiteral("properties")).toObject();
    // Keep the prefetch queue deep: with the default (100000) the queue ran dry
    // between our large batches and polls waited for fetches (measured by
    // bench_pipeline: 1.17 s -> 0.13 s for 100k rows on the embedded broker).
    // Memory stays bounded by queued.max.messages.kbytes.
    if (!props.contains(QStringLiteral("queued.min.messages")))
        props.insert(QStringLiteral("queued.min.messages"), QStringLiteral("1000000"));
    rd_kafka_conf_t *conf = KafkaClientConfig::make(m_endpoint, KafkaClientConfig::Role::Consumer, props, error);
    if (!conf)
        return false;
    const bool ok = KafkaClientConfig::set(conf, "group.id", m_group.toStdString(), error)
                    && KafkaClientConfig::set(conf, "enable.auto.commit", "false", error)
                    && KafkaClientConfig::set(conf, "enable.auto.offset.store", "false", error)
                    && KafkaClientConfig::set(conf, "enable.partition.eof", "false", error)
                    && KafkaClientConfig::set(conf, "auto.offset.reset", starting == u"latest" ? "latest" : "earliest", error);
    if (!ok) {
        rd_kafka_conf_destroy(conf);
        return false;
    }
    char errstr[512];
    m_consumer = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr);
    if (!m_consumer) {
        error = std::string("cannot create a Kafka consumer: ") + errstr;
        return false;
    }
    rd_kafka_poll_set_consumer(m_consumer);
    m_queue = rd_kafka_queue_get_consumer(m_consumer);

    // Partitions of every topic, retrying while the broker is unreachable.
    rd_kafka_topic_partition_list_t *partitions = rd_kafka_topic_partition_list_new(16);
    for (const QString &topic : m_topics) {
        const std::string name = topic.toStdString();
        rd_kafka_topic_t *handle = rd_kafka_topic_new(m_consumer, name.c_str(), nullptr);
        const rd_kafka_metadata_t *metadata = nullptr;
        rd_kafka_resp_err_t err = RD_KAFKA_RESP_ERR_NO_ERROR;
        for (int attempt = 1; attempt <= 6; ++attempt) {
            err = rd_kafka_metadata(m_consumer, 0, handle, &metadata, 5000);
            if (!err && metadata->topic_cnt == 1 && metadata->topics[0].partition_cnt > 0)
                break;
            if (metadata) {
                rd_kafka_metadata_destroy(metadata);
                metadata = nullptr;
            }
            std::fprintf(stderr, "Kafka %s (%s): cannot read metadata of topic %s (%s); retrying (%d/6)\n",
                         qPrintable(m_endpoint.name), qPrintable(m_endpoint.bootstrap), name.c_str(),
                         err ? rd_kafka_err2str(err) : "no partitions", attempt);
            std::this_thread::sleep_for(std::chrono::seconds(1));
        }
        rd_kafka_topic_destroy(handle);
        if (!metadata) {
            error = "cannot reach Kafka at " + m_endpoint.bootstrap.toStdString() + " or topic " + name
                    + " does not exist (" + rd_kafka_err2str(err) + ")";
            rd_kafka_topic_partition_list_destroy(partitions);
            return false;
        }
        for (int p = 0; p < metadata->topics[0].partition_cnt; ++p)
            rd_kafka_topic_partition_list_add(partitions, name.c_str(), metadata->topics[0].partitions[p].id);
        rd_kafka_metadata_destroy(metadata);
    }
    // Where to start: the group's committed offsets, else startingOffsets.
    if (rd_kafka_committed(m_consumer, partitions, 10000) != RD_KAFKA_RESP_ERR_NO_ERROR)
        std::fprintf(stderr, "Kafka: cannot fetch committed offsets of group %s; using startingOffsets\n",
                     qPrintable(m_group));
    const auto startTime = core::Timestamps::parseIso(starting);
    for (int i = 0; i < partitions->cnt; ++i) {
        auto &tp = partitions->elems[i];
        if (tp.offset >= 0)
            continue;
        tp.offset = starting == u"latest" ? RD_KAFKA_OFFSET_END : RD_KAFKA_OFFSET_BEGINNING;
        if (startTime && starting != u"earliest" && starting != u"latest")
            tp.offset = *startTime; // offsets_for_times takes the time in the offset field
    }
    if (startTime && starting != u"earliest" && starting != u"latest") {
        if (rd_kafka_offsets_for_times(m_consumer, partitions, 10000) != RD_KAFKA_RESP_ERR_NO_ERROR)
            std::fprintf(stderr, "Kafka: lookup by time failed; starting from the earliest offsets\n");
        for (int i = 0; i < partitions->cnt; ++i) {
            if (partitions->elems[i].offset < 0)
                partitions->elems[i].offset = RD_KAFKA_OFFSET_BEGINNING; // the embedded broker answers -1
        }
    }
    const rd_kafka_resp_err_t err = rd_kafka_assign(m_consumer, partitions);
    rd_kafka_topic_partition_list_destroy(partitions);
    if (err) {
        error = std::string("cannot assign partitions: ") + rd_kafka_err2str(err);
        return false;
    }
    return true;
}

SourceBatch KafkaSource::poll(size_t maxRows, int waitMs)
{
    SourceBatch out;
    out.rows = Batch::empty(m_output);
    Batch &batch = out.rows;
    StringArena &arena = batch.arena();
    const size_t declared = m_declared.fields.size();
    QElapsedTimer decoding;
    qint64 decodeNs = 0;
    const void *lastTopic = nullptr;
    std::string_view topicName;
    // Messages come off the consumer queue many at a time (one call per chunk,
    // not per message); only when none is waiting does it block, for the first.
    std::vector<rd_kafka_message_t *> &chunk = m_chunk;
    chunk.resize(std::min<size_t>(maxRows, kChunk));
    size_t taken = 0;
    while (taken < maxRows) {
        const size_t want = std::min(chunk.size(), maxRows - taken);
        ssize_t got = rd_kafka_consume_batch_queue(m_queue, 0, chunk.data(), want);
        if (got <= 0 && taken == 0 && waitMs > 0) {
            if (rd_kafka_message_t *first = rd_kafka_consumer_poll(m_consumer, waitMs)) {
                chunk[0] = first;
                got = 1;
            }
        }
        if (got <= 0)
            break;
        taken += size_t(got);
        // Errors and end-of-partition events out of the way, then all values of
        // the chunk decoded in one call, then each record's coordinates.
        size_t kept = 0;
        for (ssize_t k = 0; k < got; ++k) {
            rd_kafka_message_t *msg = chunk[size_t(k)];
            if (msg->err) {
                if (msg->err != RD_KAFKA_RESP_ERR__PARTITION_EOF) {
                    const std::string e = rd_kafka_message_errstr(msg);
                    if (e != m_lastError)
                        std::fprintf(stderr, "Kafka %s: %s (retrying)\n", qPrintable(m_endpoint.name), e.c_str());
                    m_lastError = e;
                }
                rd_kafka_message_destroy(msg);
                continue;
            }
            chunk[kept++] = msg;
        }
        m_values.clear();
        for (size_t k = 0; k < kept; ++k)
            m_values.emplace_back(static_cast<const char *>(chunk[k]->payload), chunk[k]->payload ? chunk[k]->len : 0);
        m_failures.clear();
        decoding.start();
        m_decoder.decodeMany(m_values.data(), m_values.size(), batch, arena, m_failures);
        decodeNs += decoding.nsecsElapsed();
        size_t nextFailure = 0;
        for (size_t k = 0; k < kept; ++k) {
            rd_kafka_message_t *msg = chunk[k];
            rd_kafka_timestamp_type_t tsType;
            const int64_t timestamp = rd_kafka_message_timestamp(msg, &tsType);
            Position *position = nullptr;
            for (auto &p : m_positions) {
                if (p.topic == msg->rkt && p.partition == msg->partition) {
                    position = &p;
                    break;
                }
            }
            if (!position) { // first record of this partition (std::map nodes keep their address)
                int64_t &next = m_next[{rd_kafka_topic_name(msg->rkt), msg->partition}];
                m_positions.push_back({msg->rkt, msg->partition, &next});
                position = &m_positions.back();
            }
            *position->next = msg->offset + 1;
            if (msg->rkt != lastTopic) { // the topic name once per run of records of one topic
                lastTopic = msg->rkt;
                topicName = arena.copy(rd_kafka_topic_name(msg->rkt));
            }
            if (nextFailure < m_failures.size() && m_failures[nextFailure].record == k) {
                DeadLetter d;
                d.reason = std::move(m_failures[nextFailure++].reason);
                d.topic.assign(topicName);
                d.partition = msg->partition;
                d.offset = msg->offset;
                d.timestamp = timestamp;
                d.hasKey = msg->key != nullptr;
                if (msg->key)
                    d.key.assign(static_cast<const char *>(msg->key), msg->key_len);
                d.value.assign(m_values[k]);
                out.deadLetters.push_back(std::move(d));
                rd_kafka_message_destroy(msg);
                continue;
            }
            auto &c = batch.columns;
            if (msg->key)
                c[declared].appendString(arena.copy({static_cast<const char *>(msg->key), msg->key_len}));
            else
                c[declared].appendNull();
            c[declared + 1].appendString(topicName);
            c[declared + 2].appendInt(msg->partition);
            c[declared + 3].appendInt(msg->offset);
            c[declared + 4].appendInt(timestamp);
            out.recordTimestamps.push_back(timestamp);
            ++batch.rows;
            rd_kafka_message_destroy(msg);
        }
    }
    out.decodeMs = double(decodeNs) / 1e6;
    return out;
}

void KafkaSource::commit()
{
    rd_kafka_topic_partition_list_t *offsets = rd_kafka_topic_partition_list_new(int(m_next.size()));
    for (const auto &[tp, offset] : m_next) {
        if (m_committed[tp] != offset)
            rd_kafka_topic_partition_list_add(offsets, tp.first.c_str(), tp.second)->offset = offset;
        m_committed[tp] = offset;
    }
    if (offsets->cnt > 0)
        rd_kafka_commit(m_consumer, offsets, 1);
    rd_kafka_topic_partition_list_destroy(offsets);
}

int64_t KafkaSource::lag() const
{
    int64_t total = 0;
    for (const auto &[tp, next] : m_next) {
        int64_t lo = 0, hi = 0;
        if (rd_kafka_get_watermark_offsets(m_consumer, tp.first.c_str(), tp.second, &lo, &hi) == RD_KAFKA_RESP_ERR_NO_ERROR
            && hi > next)
            total += hi - next;
    }
    return total;
}

QJsonObject KafkaSource::progress() const
{
    QJsonObject offsets;
    for (const auto &[tp, next] : m_next) {
        QJsonObject topic = offsets.value(QString::fromStdString(tp.first)).toObject();
        int64_t lo = 0, hi = 0;
        rd_kafka_get_watermark_offsets(m_consumer, tp.first.c_str(), tp.second, &lo, &hi);
        topic.insert(QString::number(tp.second), QJsonObject{{QStringLiteral("nextOffset"), double(next)},
                                                             {QStringLiteral("highWatermark"), double(hi)},
                                                             {QStringLiteral("lag"), double(std::max<int64_t>(0, hi - next))}});
        offsets.insert(QString::fromStdString(tp.first), topic);
    }
    return {{QStringLiteral("description"), QStringLiteral("Kafka[%1]").arg(m_topics.join(u','))},
            {QStringLiteral("group"), m_group},
            {QStringLiteral("partitions"), offsets}};
}

} // namespace sw::runtime
