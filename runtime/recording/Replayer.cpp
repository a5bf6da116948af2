// SPDX-License-Identifier: GPL-3.0-or-later
#include "recording/Replayer.h"

#include "broker/KafkaHandles.h"
#include "recording/Recording.h"

#include <QElapsedTimer>
#include <QThread>

#include <algorithm>
#include <climits>
#include <mutex>

namespace sw::runtime {

namespace {
struct Deliveries
{
    std::mutex mutex;
    int64_t failed = 0;
    std::string firstError;
};

void delivered(rd_kafka_t *, const rd_kafka_message_t *m, void *opaque)
{
    if (!m->err)
        return;
    auto *d = static_cast<Deliveries *>(opaque);
    std::lock_guard lock(d->mutex);
    if (d->failed++ == 0)
        d->firstError = std::string(rd_kafka_topic_name(m->rkt)) + "/" + std::to_string(m->partition) + ": "
                        + rd_kafka_err2str(m->err);
}

// Partition counts of the topics the broker has (all topics: asking for one by
// name creates it where topics are created on demand).
bool partitionCounts(rd_kafka_t *rk, const std::string *create, std::map<std::string, int> &out, std::string &error)
{
    const rd_kafka_metadata_t *md = nullptr;
    rd_kafka_resp_err_t err;
    if (create) {
        KafkaTopicHandle topic(rd_kafka_topic_new(rk, create->c_str(), nullptr));
        err = rd_kafka_metadata(rk, 0, topic.get(), &md, 10000);
    } else {
        err = rd_kafka_metadata(rk, 1, nullptr, &md, 10000);
    }
    if (err || !md) {
        error = std::string("cannot ask Kafka for its topics: ") + rd_kafka_err2str(err);
        return false;
    }
    for (int t = 0; t < md->topic_cnt; ++t) {
        if (!md->topics[t].err)
            out[md->topics[t].topic] = md->topics[t].partition_cnt;
    }
    rd_kafka_metadata_destroy(md);
    return true;
}
} // namespace

bool Replayer::run(const ReplayOptions &o, const std::atomic<bool> &stop, const Progress &progress,
                   ReplaySummary &summary, std::string &error)
{
    summary = {};
    RecordingReader reader;
    if (!reader.open(o.recording, error))
        return false;
    const RecordingInfo &info = reader.info();
    summary.progress.total = info.records;
    if (!info.complete)
        summary.notKept.push_back("the recording did not finish (its recorder was stopped hard): the records it has are "
                                  "replayed");

    Deliveries deliveries;
    QJsonObject properties;
    // Idempotent: a retried batch is neither duplicated nor reordered within its partition.
    properties.insert(QStringLiteral("enable.idempotence"), QStringLiteral("true"));
    properties.insert(QStringLiteral("linger.ms"), o.speed > 0 ? QStringLiteral("1") : QStringLiteral("20"));
    rd_kafka_conf_t *conf = KafkaClientConfig::make(o.endpoint, KafkaClientConfig::Role::Producer, properties, error);
    if (!conf)
        return false;
    rd_kafka_conf_set_dr_msg_cb(conf, delivered);
    rd_kafka_conf_set_opaque(conf, &deliveries);
    char errstr[512];
    KafkaClient producer(rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr));
    if (!producer) {
        error = std::string("cannot make a Kafka producer: ") + errstr;
        return false;
    }

    // Each target topic needs the recorded partitions.
    const auto target = [&](const std::string &topic) {
        const auto it = o.topicMap.find(topic);
        return it == o.topicMap.end() ? topic : it->second;
    };
    std::map<std::string, int> needed; // target topic -> partitions needed
    for (const RecordedPartition &p : info.partitions)
        needed[target(p.topic)] = std::max(needed[target(p.topic)], p.partition + 1);
    std::map<std::string, int> have;
    if (!partitionCounts(producer.get(), nullptr, have, error))
        return false;
    for (const auto &[topic, partitions] : needed) {
        if (!have.count(topic) && !partitionCounts(producer.get(), &topic, have, error))
            return false;
        if (!have.count(topic)) {
            error = "topic " + topic + " does not exist at " + o.endpoint.bootstrap.toStdString()
                    + " and the broker does not create topics on demand: create it with " + std::to_string(partitions)
                    + " partitions";
            return false;
        }
        if (have[topic] < partitions) {
            error = "topic " + topic + " has " + std::to_string(have[topic]) + " partitions, the recording needs "
                    + std::to_string(partitions) + " to keep every record in its partition: create it with "
                    + std::to_string(partitions) + " partitions (e.g. streamwright-cli broker --topic " + topic + ":"
                    + std::to_string(partitions) + ")";
            return false;
        }
    }

    QElapsedTimer clock, sinceProgress;
    clock.start();
    sinceProgress.start();
    std::optional<int64_t> firstTime;
    int64_t paceTime = INT64_MIN;
    std::vector<RecordedRecord> chunk;
    int64_t next = 1;
    const auto report = [&] {
        summary.progress.seconds = double(clock.elapsed()) / 1000.0;
        if (progress)
            progress(summary.progress);
    };
    while (!stop) {
        chunk.clear();
        if (!reader.readInOrder(next, 5000, chunk, error))
            return false;
        if (chunk.empty())
            break;
        next = chunk.back().seq + 1;
        for (const RecordedRecord &r : chunk) {
            if (stop)
                break;
            if (o.speed > 0 && r.timestamp) {
                // At the recorded pace: a record is due when the clock, times the
                // speed, has gone as far past the first record as it had.
                paceTime = std::max(paceTime, *r.timestamp);
                if (!firstTime)
                    firstTime = paceTime;
                const double dueMs = double(paceTime - *firstTime) / o.speed;
                double waitMs;
                while (!stop && (waitMs = dueMs - double(clock.elapsed())) > 0) {
                    rd_kafka_poll(producer.get(), 0);
                    QThread::msleep(ulong(std::clamp(waitMs, 1.0, 50.0)));
                }
                summary.progress.behindMs = std::max<int64_t>(0, int64_t(double(clock.elapsed()) - dueMs));
            }
            rd_kafka_headers_t *headers = nullptr;
            if (!r.headers.empty()) {
                headers = rd_kafka_headers_new(r.headers.size());
                for (const RecordHeader &h : r.headers)
                    rd_kafka_header_add(headers, h.name.data(), ssize_t(h.name.size()), h.value ? h.value->data() : nullptr,
                                        h.value ? ssize_t(h.value->size()) : 0);
            }
            if (r.timestampType == TimestampType::LogAppend)
                ++summary.logAppendTimestamps;
            if (!r.timestamp)
                ++summary.withoutTimestamp;
            const std::string topic = target(r.topic);
            for (;;) {
                const void *key = r.key ? r.key->data() : nullptr;
                const size_t keySize = r.key ? r.key->size() : 0;
                void *value = r.value ? const_cast<char *>(r.value->data()) : nullptr;
                const size_t valueSize = r.value ? r.value->size() : 0;
                const rd_kafka_resp_err_t err = rd_kafka_producev(
                    producer.get(), RD_KAFKA_V_TOPIC(topic.c_str()), RD_KAFKA_V_PARTITION(r.partition),
                    RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                    RD_KAFKA_V_KEY(key, keySize), RD_KAFKA_V_VALUE(value, valueSize),
                    RD_KAFKA_V_TIMESTAMP(r.timestamp.value_or(0)), RD_KAFKA_V_HEADERS(headers), RD_KAFKA_V_END);
                if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
                    rd_kafka_poll(producer.get(), 20);
                    continue;
                }
                if (err) {
                    if (headers)
                        rd_kafka_headers_destroy(headers); // kept by librdkafka only on success
                    error = "cannot produce record " + std::to_string(r.seq) + " to " + topic + "/"
                            + std::to_string(r.partition) + ": " + rd_kafka_err2str(err);
                    return false;
                }
                break;
            }
            ++summary.progress.records;
            summary.progress.bytes += r.bytes();
            if (sinceProgress.elapsed() >= 500) {
                rd_kafka_poll(producer.get(), 0);
                report();
                sinceProgress.restart();
            }
        }
        rd_kafka_poll(producer.get(), 0);
    }
    const rd_kafka_resp_err_t flushed = rd_kafka_flush(producer.get(), 60000);
    report();
    if (flushed) {
        error = "records were not acknowledged within 60 s: is Kafka at " + o.endpoint.bootstrap.toStdString()
                + " reachable?";
        return false;
    }
    {
        std::lock_guard lock(deliveries.mutex);
        if (deliveries.failed > 0) {
            error = std::to_string(deliveries.failed) + " records were not delivered; the first: " + deliveries.firstError;
            return false;
        }
    }
    summary.notKept.insert(summary.notKept.begin(), "offsets: the target broker gives its own");
    if (summary.logAppendTimestamps > 0)
        summary.notKept.push_back(std::to_string(summary.logAppendTimestamps)
                                  + " records had LogAppendTime timestamps: produced as their CreateTime (a topic "
                                    "with LogAppendTime stamps its own)");
    if (summary.withoutTimestamp > 0)
        summary.notKept.push_back(std::to_string(summary.withoutTimestamp)
                                  + " records had no timestamp: the producer stamped them");
    return true;
}

} // namespace sw::runtime
