// SPDX-License-Identifier: GPL-3.0-or-later
#include "tables/LookupTable.h"

#include "sources/JsonDecoder.h"

#include <QElapsedTimer>

#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <cstdio>

namespace sw::runtime {

TopicTable::TopicTable(KafkaEndpoint endpoint, QString topic, core::Schema schema)
    : LookupTable(std::move(schema)), m_endpoint(std::move(endpoint)), m_topic(std::move(topic))
{
}

TopicTable::~TopicTable() = default;

bool TopicTable::applyRecord(const rd_kafka_message_t &msg)
{
    m_nextOffset[msg.partition] = msg.offset + 1;
    const std::string key = msg.key ? std::string(static_cast<const char *>(msg.key), msg.key_len) : std::string();
    if (!msg.payload) // a tombstone
        return m_byRecordKey.erase(key) > 0;
    std::string reason;
    if (!m_decoder->decode({static_cast<const char *>(msg.payload), msg.len}, *m_rows, m_rows->arena(), reason)) {
        std::fprintf(stderr, "lookup topic %s, partition %d, offset %lld: %s (skipped)\n", qPrintable(m_topic),
                     int(msg.partition), (long long)msg.offset, reason.c_str());
        return false;
    }
    m_byRecordKey[key] = uint32_t(m_rows->rows++);
    return true;
}

bool TopicTable::open(QString &error)
{
    std::string message;
    rd_kafka_conf_t *conf = KafkaClientConfig::make(m_endpoint, KafkaClientConfig::Role::Consumer, {}, message);
    if (!conf)
        return (error = QString::fromStdString(message), false);
    KafkaClientConfig::set(conf, "group.id", "streamwright-lookup", message);
    KafkaClientConfig::set(conf, "enable.auto.commit", "false", message);
    char errstr[512];
    m_consumer.reset(rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr));
    if (!m_consumer)
        return (error = QString::fromUtf8(errstr), false);
    rd_kafka_poll_set_consumer(m_consumer.get());
    const QByteArray topic = m_topic.toUtf8();
    rd_kafka_topic_t *handle = rd_kafka_topic_new(m_consumer.get(), topic.constData(), nullptr);
    const rd_kafka_metadata_t *metadata = nullptr;
    const rd_kafka_resp_err_t err = rd_kafka_metadata(m_consumer.get(), 0, handle, &metadata, 10000);
    rd_kafka_topic_destroy(handle);
    if (err || !metadata || metadata->topic_cnt != 1 || metadata->topics[0].partition_cnt == 0) {
        if (metadata)
            rd_kafka_metadata_destroy(metadata);
        return (error = QStringLiteral("cannot read topic %1 (%2)").arg(m_topic, QLatin1String(rd_kafka_err2str(err))), false);
    }
    KafkaPartitionList parts(rd_kafka_topic_partition_list_new(metadata->topics[0].partition_cnt));
    std::vector<std::pair<int, int64_t>> ends;
    for (int p = 0; p < metadata->topics[0].partition_cnt; ++p) {
        const int id = metadata->topics[0].partitions[p].id;
        rd_kafka_topic_partition_list_add(parts.get(), topic.constData(), id)->offset = RD_KAFKA_OFFSET_BEGINNING;
        int64_t lo = 0, hi = 0;
        rd_kafka_query_watermark_offsets(m_consumer.get(), topic.constData(), id, &lo, &hi, 5000);
        ends.emplace_back(id, hi);
        m_nextOffset[id] = lo;
    }
    rd_kafka_metadata_destroy(metadata);
    rd_kafka_assign(m_consumer.get(), parts.get());
    m_rows = std::make_shared<Batch>(Batch::empty(m_schema));
    m_decoder = std::make_unique<JsonDecoder>(m_schema);
    // Read to the end the topic had at start, so the first batch sees the whole table.
    QElapsedTimer clock;
    clock.start();
    auto caughtUp = [&] {
        for (const auto &[id, hi] : ends) {
            if (m_nextOffset[id] < hi)
                return false;
        }
        return true;
    };
    while (!caughtUp() && clock.elapsed() < 30000) {
        KafkaMessage msg(rd_kafka_consumer_poll(m_consumer.get(), 100));
        if (msg && !msg->err)
            applyRecord(*msg);
    }
    setRows(m_rows, m_byRecordKey);
    return true;
}

void TopicTable::read(int firstWaitMs)
{
    bool changed = false;
    for (int n = 0;; ++n) {
        KafkaMessage msg(rd_kafka_consumer_poll(m_consumer.get(), n == 0 ? firstWaitMs : 0));
        if (!msg)
            break;
        if (!msg->err)
            changed = applyRecord(*msg) || changed;
    }
    if (!changed)
        return;
    // Rebuild the index from the live rows; compact when replaced rows pile up.
    if (m_rows->rows > 2 * m_byRecordKey.size() + 1024) {
        auto compact = std::make_shared<Batch>(Batch::empty(m_schema));
        compact->shareArenasOf(*m_rows);
        for (auto &[key, row] : m_byRecordKey) {
            for (qsizetype c = 0; c < m_schema.fields.size(); ++c)
                compact->columns[c].appendFrom(m_rows->columns[c], row);
            row = uint32_t(compact->rows++);
        }
        setRows(std::move(compact), m_byRecordKey);
        return;
    }
    setRows(m_rows, m_byRecordKey);
}

void TopicTable::snapshot(StateWriter &out) const
{
    out.bytes(m_topic.toStdString());
    out.u64(m_schema.fields.size());
    for (const auto &f : m_schema.fields)
        out.u8(uint8_t(f.type));
    std::vector<std::pair<std::string_view, uint32_t>> rows(m_byRecordKey.begin(), m_byRecordKey.end());
    std::sort(rows.begin(), rows.end());
    out.u64(rows.size());
    for (const auto &[key, row] : rows) {
        out.bytes(key);
        for (const Column &c : m_rows->columns)
            out.cell(c, row);
    }
    out.u64(m_nextOffset.size());
    for (const auto &[partition, next] : m_nextOffset) {
        out.u32(uint32_t(partition));
        out.i64(next);
    }
}

void TopicTable::restore(StateReader &in)
{
    const std::string topic = in.bytes();
    if (in.ok() && topic != m_topic.toStdString())
        in.fail("the state is of the table topic " + topic + ", not " + m_topic.toStdString());
    in.expectSame("number of table fields", int64_t(in.u64()), int64_t(m_schema.fields.size()));
    for (qsizetype c = 0; c < m_schema.fields.size() && in.ok(); ++c)
        in.expectSame("table field type", in.u8(), uint8_t(m_schema.fields[c].type));
    auto rows = std::make_shared<Batch>(Batch::empty(m_schema));
    std::unordered_map<std::string, uint32_t> byRecordKey;
    const size_t n = in.count(8 + m_schema.fields.size());
    for (size_t r = 0; r < n && in.ok(); ++r) {
        std::string key = in.bytes();
        for (Column &c : rows->columns)
            in.cell(c, rows->arena());
        byRecordKey[std::move(key)] = uint32_t(rows->rows++);
    }
    std::map<int32_t, int64_t> next;
    const size_t partitions = in.count(12);
    for (size_t p = 0; p < partitions && in.ok(); ++p) {
        const auto partition = int32_t(in.u32());
        next[partition] = in.i64();
    }
    if (!in.ok())
        return;
    // Read on from the saved offsets; a partition the snapshot did not know (the
    // topic grew) from its beginning.
    for (const auto &[partition, offset] : m_nextOffset)
        next.try_emplace(partition, RD_KAFKA_OFFSET_BEGINNING);
    const QByteArray topicName = m_topic.toUtf8();
    KafkaPartitionList parts(rd_kafka_topic_partition_list_new(int(next.size())));
    for (const auto &[partition, offset] : next)
        rd_kafka_topic_partition_list_add(parts.get(), topicName.constData(), partition)->offset = offset;
    if (!m_consumer || rd_kafka_assign(m_consumer.get(), parts.get()) != RD_KAFKA_RESP_ERR_NO_ERROR) {
        in.fail("cannot read the table topic " + topic + " from the saved offsets");
        return;
    }
    m_byRecordKey = std::move(byRecordKey);
    m_nextOffset = std::move(next);
    setRows(std::move(rows), m_byRecordKey);
}

} // namespace sw::runtime
