// SPDX-License-Identifier: GPL-3.0-or-later
#include "recording/Recorder.h"

#include "broker/KafkaHandles.h"
#include "model/Timestamps.h"
#include "recording/Recording.h"

#include <QElapsedTimer>

#include <map>

namespace sw::runtime {

namespace {
RecordedRecord recordOf(const rd_kafka_message_t *m)
{
    RecordedRecord r;
    r.topic = rd_kafka_topic_name(m->rkt);
    r.partition = m->partition;
    r.offset = m->offset;
    rd_kafka_timestamp_type_t type = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE;
    const int64_t ts = rd_kafka_message_timestamp(m, &type);
    if (type != RD_KAFKA_TIMESTAMP_NOT_AVAILABLE && ts >= 0) {
        r.timestamp = ts;
        r.timestampType = type == RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME ? TimestampType::LogAppend : TimestampType::Create;
    }
    if (m->key)
        r.key.emplace(static_cast<const char *>(m->key), m->key_len);
    if (m->payload)
        r.value.emplace(static_cast<const char *>(m->payload), m->len);
    rd_kafka_headers_t *headers = nullptr;
    // The message keeps its headers: read them, do not detach.
    if (rd_kafka_message_headers(m, &headers) == RD_KAFKA_RESP_ERR_NO_ERROR && headers) {
        const char *name;
        const void *value;
        size_t size;
        for (size_t i = 0; rd_kafka_header_get_all(headers, i, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR; ++i) {
            RecordHeader h{name, std::nullopt};
            if (value)
                h.value.emplace(static_cast<const char *>(value), size);
            r.headers.push_back(std::move(h));
        }
    }
    return r;
}
} // namespace

bool Recorder::run(const RecorderOptions &o, const std::atomic<bool> &stop, const Progress &progress,
                   const Warning &warning, RecorderProgress &result, std::string &error)
{
    result = {};
    if (o.topics.empty()) {
        error = "name at least one topic to record";
        return false;
    }
    std::optional<int64_t> fromTime;
    if (o.from != "beginning" && o.from != "end") {
        fromTime = core::Timestamps::parseIso(QString::fromStdString(o.from));
        if (!fromTime) {
            error = "--from must be beginning, end or a time like 2026-12-01T10:00:00Z, not \"" + o.from + "\"";
            return false;
        }
    }
    QJsonObject properties;
    properties.insert(QStringLiteral("group.id"), QStringLiteral("streamwright-recorder")); // never joined nor committed
    properties.insert(QStringLiteral("enable.auto.commit"), QStringLiteral("false"));
    properties.insert(QStringLiteral("enable.auto.offset.store"), QStringLiteral("false"));
    properties.insert(QStringLiteral("fetch.wait.max.ms"), QStringLiteral("50"));
    properties.insert(QStringLiteral("enable.partition.eof"), QStringLiteral("false"));
    rd_kafka_conf_t *conf = KafkaClientConfig::make(o.endpoint, KafkaClientConfig::Role::Consumer, properties, error);
    if (!conf)
        return false;
    char errstr[512];
    KafkaConsumer consumer(rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr));
    if (!consumer) {
        error = std::string("cannot make a Kafka consumer: ") + errstr;
        return false;
    }
    rd_kafka_poll_set_consumer(consumer.get());

    // Every partition of every topic. All topics' metadata: asking for one topic
    // by name would create it on a broker that creates topics on demand.
    const rd_kafka_metadata_t *metadata = nullptr;
    rd_kafka_resp_err_t err = RD_KAFKA_RESP_ERR_NO_ERROR;
    // Asked every second (the client keeps connecting in between) for up to 30 s,
    // so that a stop is heeded at once even while the cluster cannot be reached.
    for (int attempt = 0; attempt < 30 && !stop; ++attempt) {
        err = rd_kafka_metadata(consumer.get(), 1, nullptr, &metadata, 1000);
        if (!err)
            break;
    }
    if (stop && !metadata) {
        error = "stopped before the cluster answered";
        return false;
    }
    if (err || !metadata) {
        error = "cannot reach Kafka at " + o.endpoint.bootstrap.toStdString() + ": " + rd_kafka_err2str(err);
        return false;
    }
    KafkaPartitionList assignment(rd_kafka_topic_partition_list_new(16));
    for (const std::string &topic : o.topics) {
        const rd_kafka_metadata_topic_t *found = nullptr;
        for (int t = 0; t < metadata->topic_cnt; ++t) {
            if (topic == metadata->topics[t].topic)
                found = &metadata->topics[t];
        }
        if (!found || found->err || found->partition_cnt == 0) {
            rd_kafka_metadata_destroy(metadata);
            error = "topic " + topic + " does not exist at " + o.endpoint.bootstrap.toStdString();
            return false;
        }
        for (int p = 0; p < found->partition_cnt; ++p) {
            auto *tp = rd_kafka_topic_partition_list_add(assignment.get(), topic.c_str(), found->partitions[p].id);
            tp->offset = fromTime ? *fromTime : o.from == "end" ? RD_KAFKA_OFFSET_END : RD_KAFKA_OFFSET_BEGINNING;
        }
    }
    rd_kafka_metadata_destroy(metadata);
    if (fromTime) {
        err = rd_kafka_offsets_for_times(consumer.get(), assignment.get(), 10000);
        if (err) {
            error = std::string("cannot look up the offsets at ") + o.from + ": " + rd_kafka_err2str(err);
            return false;
        }
        bool unknown = false;
        for (int i = 0; i < assignment->cnt; ++i) {
            // -1: no record at or after the time (or a broker that cannot look up by time)
            if (assignment->elems[i].offset < 0) {
                assignment->elems[i].offset = RD_KAFKA_OFFSET_END;
                unknown = true;
            }
        }
        if (unknown && warning)
            warning("some partitions have no record at or after " + o.from
                    + " (or the broker cannot look up offsets by time, as the embedded broker cannot): they are recorded "
                      "from their end");
    }

    RecordingWriter writer;
    if (!writer.create(o.out, o.endpoint.bootstrap.toStdString(), o.from, o.overwrite, error))
        return false;
    std::map<std::pair<std::string, int>, size_t> index;
    for (int i = 0; i < assignment->cnt; ++i) {
        const auto &tp = assignment->elems[i];
        if (!writer.addPartition(tp.topic, tp.partition, error))
            return false;
        index[{tp.topic, tp.partition}] = result.partitions.size();
        result.partitions.push_back({tp.topic, tp.partition, -1, -1});
    }
    if (!writer.flush(error))
        return false;
    err = rd_kafka_assign(consumer.get(), assignment.get());
    if (err) {
        error = std::string("cannot assign the partitions: ") + rd_kafka_err2str(err);
        return false;
    }

    QElapsedTimer clock, sinceRecord, sinceProgress, sinceFlush;
    clock.start();
    sinceRecord.start();
    sinceProgress.start();
    sinceFlush.start();
    std::string lastClientError;
    const auto report = [&] {
        result.records = writer.records();
        result.bytes = writer.bytes();
        result.seconds = double(clock.elapsed()) / 1000.0;
        for (auto &p : result.partitions) {
            int64_t low = 0, high = 0;
            if (rd_kafka_get_watermark_offsets(consumer.get(), p.topic.c_str(), p.partition, &low, &high)
                    == RD_KAFKA_RESP_ERR_NO_ERROR
                && high >= 0)
                p.high = high;
        }
        if (progress)
            progress(result);
    };
    for (;;) {
        if (stop) {
            result.stoppedBecause = "stopped";
            break;
        }
        if (o.count >= 0 && writer.records() >= o.count) {
            result.stoppedBecause = "recorded " + std::to_string(o.count) + " records";
            break;
        }
        if (o.durationSeconds >= 0 && double(clock.elapsed()) >= o.durationSeconds * 1000.0) {
            result.stoppedBecause = "recorded for the duration asked";
            break;
        }
        if (o.untilIdleSeconds >= 0 && double(sinceRecord.elapsed()) >= o.untilIdleSeconds * 1000.0) {
            result.stoppedBecause = "nothing arrived for " + QString::number(o.untilIdleSeconds).toStdString() + " s";
            break;
        }
        KafkaMessage m(rd_kafka_consumer_poll(consumer.get(), 100));
        if (m) {
            if (m->err) {
                // The client retries on its own; say it once per kind of problem.
                const std::string text = rd_kafka_message_errstr(m.get());
                if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF && text != lastClientError && warning)
                    warning("Kafka: " + text + " (retrying)");
                lastClientError = text;
            } else {
                lastClientError.clear();
                const RecordedRecord r = recordOf(m.get());
                if (!writer.append(r, error))
                    return false;
                result.partitions[index[{r.topic, r.partition}]].next = r.offset + 1;
                sinceRecord.restart();
            }
        }
        // Committed at least every second, so that a kill loses little.
        if (sinceFlush.elapsed() >= 1000) {
            if (!writer.flush(error))
                return false;
            sinceFlush.restart();
        }
        if (sinceProgress.elapsed() >= 500) {
            report();
            sinceProgress.restart();
        }
    }
    if (!writer.finish(error))
        return false;
    report();
    return true;
}

} // namespace sw::runtime
