// SPDX-License-Identifier: GPL-3.0-or-later
#include "sinks/KafkaSink.h"

#include "batch/RowJson.h"

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
      m_transactionalId(settings.transactional ? transactionalId.toStdString() : std::string())
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
                RD_KAFKA_V_HEADER("streamwright-batch", batchHeader.data(), ssize_t(batchHeader.size())), RD_KAFKA_V_END);
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
