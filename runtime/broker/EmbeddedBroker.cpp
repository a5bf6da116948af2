// SPDX-License-Identifier: GPL-3.0-or-later
#include "broker/EmbeddedBroker.h"

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

namespace sw::runtime {

EmbeddedBroker::~EmbeddedBroker()
{
    if (m_cluster)
        rd_kafka_mock_cluster_destroy(m_cluster);
    if (m_handle)
        rd_kafka_destroy(m_handle);
}

std::unique_ptr<EmbeddedBroker> EmbeddedBroker::start(int brokers, std::string &error)
{
    std::unique_ptr<EmbeddedBroker> b(new EmbeddedBroker);
    char errstr[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "log_level", "3", errstr, sizeof errstr);
    b->m_handle = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    if (!b->m_handle) {
        error = std::string("cannot start the embedded broker: ") + errstr;
        return nullptr;
    }
    b->m_cluster = rd_kafka_mock_cluster_new(b->m_handle, std::max(1, brokers));
    if (!b->m_cluster) {
        error = "cannot start the embedded broker (librdkafka mock cluster)";
        return nullptr;
    }
    b->m_bootstrap = QString::fromUtf8(rd_kafka_mock_cluster_bootstraps(b->m_cluster));
    return b;
}

bool EmbeddedBroker::createTopic(const QString &topic, int partitions, std::string &error)
{
    const rd_kafka_resp_err_t err =
        rd_kafka_mock_topic_create(m_cluster, topic.toUtf8().constData(), std::max(1, partitions), 1);
    if (err && err != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS) {
        error = "cannot create topic " + topic.toStdString() + ": " + rd_kafka_err2str(err);
        return false;
    }
    return true;
}

} // namespace sw::runtime
