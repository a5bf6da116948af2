// SPDX-License-Identifier: GPL-3.0-or-later
#include "sinks/KafkaSink.h"

#include "batch/RowJson.h"
#include "broker/KafkaHandles.h"

#include <QElapsedTimer>

#include <librdkafka/rdkafka.h>

namespace sw::runtime {

namespace {
void onDelivery(rd_kafka_t *, const rd_kafka_message_t *msg, void *opaque)
{
    if (!msg->err)
        return;
    auto *sink = static_cast<KafkaSink *>(opaque);
    sink->lastFailure = rd_kafka_err2str(msg->err); // flush() reads it after the callbacks ran
    ++sink->failures;
}
} // namespace

KafkaSink::KafkaSink(KafkaEndpoint endpoint, const core::KafkaSinkSettings &settings, const core::Schema &input,
                     const QString &transactionalId)
    : m_endpoint(std::move(endpoint)), m_settings(settings), m_topic(settings.topic.toStdString()),
      m_transactionalId(settings.transactional ? transactionalId.toStdString() : std::string()),
      m_sinkHeader(transactionalId.toStdString())
{
    const QString &key = settings.key;
    if (!key.isEmpty()) {
        m_keyChecked = core::expr::Expression::compile(key, input);
        m_key = ColumnarExpression::compile(*m_keyChecked.expr, input);
    }
}

KafkaSink::~KafkaSink()
{
    close();
}

bool KafkaSink::open(std::string &error)
{
    rd_kafka_conf_t *conf = KafkaClientConfig::make(m_endpoint, KafkaClientConfig::Role::Producer,
                                                    m_settings.properties, error);
    if (!conf)
        return false;
    const std::string compression = m_settings.compression.toStdString();
    if (!KafkaClientConfig::set(conf, "enable.idempotence", "true", error)
        || !KafkaClientConfig::set(conf, "compression.type", compression, error)
        || !KafkaClientConfig::set(conf, "linger.ms", "5", error)
        || (!m_transactionalId.empty() && !KafkaClientConfig::set(conf, "transactional.id", m_transactionalId, error))) {
        rd_kafka_conf_destroy(conf);
        return false;
    }
    rd_kafka_conf_set_dr_msg_cb(conf, onDelivery);
    rd_kafka_conf_set_opaque(conf, this);
    char errstr[512];
    m_producer = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    if (!m_producer) {
        error = std::string("cannot create a Kafka producer: ") + errstr;
        return false;
    }
    if (!m_transactionalId.empty()
        && !transactionError(rd_kafka_init_transactions(m_producer, 30000), "start transactions", error))
        return false;
    // After init_transactions: an earlier run's open transaction is aborted, so
    // what read_committed shows now is what it committed.
    return m_transactionalId.empty() || m_identity.empty() || readLastWrittenBatch(error);
}

bool KafkaSink::readLastWrittenBatch(std::string &error)
{
    constexpr int64_t kTail = 1000; // records read back per partition
    char errstr[512];
    rd_kafka_conf_t *conf = KafkaClientConfig::make(m_endpoint, KafkaClientConfig::Role::Consumer, m_settings.properties, error);
    if (!conf)
        return false;
    if (!KafkaClientConfig::set(conf, "group.id", "streamwright-readback-" + m_transactionalId, error)
        || !KafkaClientConfig::set(conf, "isolation.level", "read_committed", error)
        || !KafkaClientConfig::set(conf, "enable.auto.commit", "false", error)
        || !KafkaClientConfig::set(conf, "enable.partition.eof", "true", error)) {
        rd_kafka_conf_destroy(conf);
        return false;
    }
    KafkaConsumer consumer(rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr));
    if (!consumer) {
        error = std::string("cannot read back ") + m_topic + ": " + errstr;
        return false;
    }
    const rd_kafka_metadata_t *metadata = nullptr;
    rd_kafka_topic_t *handle = rd_kafka_topic_new(consumer.get(), m_topic.c_str(), nullptr);
    const rd_kafka_resp_err_t err = rd_kafka_metadata(consumer.get(), 0, handle, &metadata, 10000);
    rd_kafka_topic_destroy(handle);
    if (err || metadata->topic_cnt != 1) {
        if (metadata)
            rd_kafka_metadata_destroy(metadata);
        error = "cannot read back what " + m_topic + " holds from this sink: " + rd_kafka_err2str(err);
        return false;
    }
    KafkaPartitionList list(rd_kafka_topic_partition_list_new(metadata->topics[0].partition_cnt));
    int waiting = 0;
    for (int i = 0; i < metadata->topics[0].partition_cnt; ++i) {
        const int partition = metadata->topics[0].partitions[i].id;
        int64_t low = 0, high = 0;
        if (rd_kafka_query_watermark_offsets(consumer.get(), m_topic.c_str(), partition, &low, &high, 10000) || high <= low)
            continue;
        rd_kafka_topic_partition_list_add(list.get(), m_topic.c_str(), partition)->offset = std::max(low, high - kTail);
        ++waiting;
    }
    rd_kafka_metadata_destroy(metadata);
    if (waiting == 0)
        return true; // an empty topic: nothing written yet
    rd_kafka_assign(consumer.get(), list.get());
    QElapsedTimer clock;
    clock.start();
    while (waiting > 0 && clock.elapsed() < 30000) {
        KafkaMessage m(rd_kafka_consumer_poll(consumer.get(), 200));
        if (!m)
            continue;
        if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
            --waiting;
            continue;
        }
        if (m->err)
            continue;
        rd_kafka_headers_t *headers = nullptr;
        const void *sink = nullptr, *batch = nullptr;
        size_t sinkSize = 0, batchSize = 0;
        if (rd_kafka_message_headers(m.get(), &headers) != RD_KAFKA_RESP_ERR_NO_ERROR
            || rd_kafka_header_get_last(headers, "streamwright-sink", &sink, &sinkSize) != RD_KAFKA_RESP_ERR_NO_ERROR
            || rd_kafka_header_get_last(headers, "streamwright-batch", &batch, &batchSize) != RD_KAFKA_RESP_ERR_NO_ERROR
            || std::string_view(static_cast<const char *>(sink), sinkSize) != m_identity)
            continue;
        bool ok = false;
        const int64_t id = QByteArray(static_cast<const char *>(batch), qsizetype(batchSize)).toLongLong(&ok);
        if (ok)
            m_writtenBatch = std::max(m_writtenBatch, id);
    }
    if (waiting > 0) {
        error = "cannot read back the end of " + m_topic + " within 30 s";
        return false;
    }
    return true;
}

bool KafkaSink::transactionError(rd_kafka_error_t *e, const char *what, std::string &error)
{
    if (!e)
        return true;
    error = "Kafka " + m_endpoint.name.toStdString() + ": cannot " + what + " (transactional.id " + m_transactionalId
            + ", batch " + std::to_string(m_batchId) + "): " + rd_kafka_error_string(e);
    const bool abort = rd_kafka_error_txn_requires_abort(e);
    rd_kafka_error_destroy(e);
    if (abort && m_inTransaction) {
        if (rd_kafka_error_t *a = rd_kafka_abort_transaction(m_producer, 30000))
            rd_kafka_error_destroy(a);
        error += "; the batch's transaction was aborted";
    }
    m_inTransaction = false;
    return false;
}

bool KafkaSink::write(const Batch &batch, std::string &error)
{
    if (m_jsonKeys.empty())
        m_jsonKeys = RowJson::keys(batch.schema);
    StringArena scratch;
    Column keys;
    if (m_key)
        keys = m_key->evaluate(batch, scratch);
    if (!m_transactionalId.empty() && !m_identity.empty() && m_batchId <= m_writtenBatch)
        return true; // committed to Kafka before a crash that came ahead of the checkpoint's commit
    if (!m_transactionalId.empty() && !m_inTransaction && batch.rows > 0) {
        if (!transactionError(rd_kafka_begin_transaction(m_producer), "begin a transaction", error))
            return false;
        m_inTransaction = true;
    }
    const std::string batchHeader = std::to_string(m_batchId);
    for (size_t r = 0; r < batch.rows; ++r) {
        m_value.clear();
        RowJson::append(m_value, batch, r, m_jsonKeys);
        const char *keyData = nullptr;
        size_t keyLen = 0;
        if (m_key && keys.type != DataType::Null && !keys.isNull(r)) {
            if (keys.type == DataType::String) {
                keyData = keys.strings[r].data();
                keyLen = keys.strings[r].size();
            } else {
                m_keyText.clear();
                RowJson::appendValue(m_keyText, keys, r);
                if (keys.type == DataType::Timestamp)
                    m_keyText = m_keyText.substr(1, m_keyText.size() - 2);
                keyData = m_keyText.data();
                keyLen = m_keyText.size();
            }
        }
        for (;;) {
            const rd_kafka_resp_err_t err = rd_kafka_producev(
                m_producer, RD_KAFKA_V_TOPIC(m_topic.c_str()), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                RD_KAFKA_V_VALUE(m_value.data(), m_value.size()), RD_KAFKA_V_KEY(keyData, keyLen),
                RD_KAFKA_V_HEADER("streamwright-batch", batchHeader.data(), ssize_t(batchHeader.size())),
                RD_KAFKA_V_HEADER("streamwright-sink", m_sinkHeader.data(), ssize_t(m_sinkHeader.size())), RD_KAFKA_V_END);
            if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
                rd_kafka_poll(m_producer, 50); // let deliveries drain
                continue;
            }
            if (err) {
                error = "cannot produce to " + m_topic + ": " + rd_kafka_err2str(err);
                return false;
            }
            break;
        }
    }
    rd_kafka_poll(m_producer, 0);
    return true;
}

bool KafkaSink::flush(std::string &error)
{
    if (!m_producer)
        return true;
    if (m_inTransaction) {
        // Commit flushes the batch's records first; a failed delivery fails it.
        if (!transactionError(rd_kafka_commit_transaction(m_producer, 60000), "commit the batch's transaction", error))
            return false;
        m_inTransaction = false;
        ++m_committedTransactions;
        failures = 0;
        return true;
    }
    if (rd_kafka_flush(m_producer, 60000) != RD_KAFKA_RESP_ERR_NO_ERROR) {
        error = "records to " + m_topic + " were not acknowledged within 60 s (is Kafka at "
                + m_endpoint.bootstrap.toStdString() + " reachable?)";
        return false;
    }
    if (failures > 0) {
        error = std::to_string(int64_t(failures)) + " record(s) to " + m_topic + " failed: " + lastFailure;
        failures = 0;
        return false;
    }
    return true;
}

void KafkaSink::close()
{
    if (m_producer) {
        rd_kafka_flush(m_producer, 10000);
        rd_kafka_destroy(m_producer);
        m_producer = nullptr;
    }
}

} // namespace sw::runtime
