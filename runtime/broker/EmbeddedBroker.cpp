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
    b->m_brokers = std::max(1, brokers);
    return b;
}

namespace {
// Protocol request numbers (not in the public headers; EMBEDDED-BROKER.md).
struct Api
{
    const char *name;
    int16_t key;
    rd_kafka_resp_err_t defaultError;
};
constexpr Api kApis[] = {
    {"produce", 0, RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION},
    {"fetch", 1, RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION},
    {"list-offsets", 2, RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT},
    {"metadata", 3, RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT},
    {"offset-commit", 8, RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE},
    {"offset-fetch", 9, RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE},
    {"find-coordinator", 10, RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE},
};
struct ErrorName
{
    const char *name;
    rd_kafka_resp_err_t error;
};
constexpr ErrorName kErrors[] = {
    {"not-leader", RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION},
    {"request-timed-out", RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT},
    {"coordinator-not-available", RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE},
    {"not-coordinator", RD_KAFKA_RESP_ERR_NOT_COORDINATOR},
    {"unknown-topic", RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART},
    {"broker-not-available", RD_KAFKA_RESP_ERR_BROKER_NOT_AVAILABLE},
    {"disconnect", RD_KAFKA_RESP_ERR__TRANSPORT},
};
} // namespace

QString EmbeddedBroker::faultHelp()
{
    QStringList apis, errors;
    for (const Api &a : kApis)
        apis << QLatin1String(a.name);
    for (const ErrorName &e : kErrors)
        errors << QLatin1String(e.name);
    return QStringLiteral("down [BROKER]            disconnect a broker (default: all) and refuse connections\n"
                          "up [BROKER]              accept connections again\n"
                          "rtt MS [BROKER]          delay every response by MS milliseconds (0: none)\n"
                          "fail API COUNT [ERROR]   answer the next COUNT requests of API with ERROR\n"
                          "  API: %1\n"
                          "  ERROR: %2\n")
        .arg(apis.join(QStringLiteral(", ")), errors.join(QStringLiteral(", ")));
}

bool EmbeddedBroker::inject(const QString &command, QString &answer)
{
    const QStringList words = command.simplified().split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty()) {
        answer = QStringLiteral("say what to do:\n") + faultHelp();
        return false;
    }
    // A broker id (1..N), or -1 (all) when it is left out.
    auto broker = [&](qsizetype at, int32_t &id) {
        if (words.size() <= at || words[at] == u"all") {
            id = -1;
            return true;
        }
        bool ok = false;
        id = words[at].toInt(&ok);
        return ok && id >= 1 && id <= m_brokers;
    };
    auto which = [](int32_t id) { return id < 0 ? QStringLiteral("every broker") : QStringLiteral("broker %1").arg(id); };
    const QString &verb = words[0];
    int32_t id = -1;
    if ((verb == u"down" || verb == u"up") && words.size() <= 2 && broker(1, id)) {
        const rd_kafka_resp_err_t err = verb == u"down" ? rd_kafka_mock_broker_set_down(m_cluster, id)
                                                         : rd_kafka_mock_broker_set_up(m_cluster, id);
        answer = err ? QString::fromUtf8(rd_kafka_err2str(err))
                     : QStringLiteral("%1 %2").arg(which(id), verb == u"down" ? QStringLiteral("is down") : QStringLiteral("is up"));
        return !err;
    }
    bool ok = false;
    if (verb == u"rtt" && words.size() >= 2 && words.size() <= 3) {
        const int ms = words[1].toInt(&ok);
        if (ok && ms >= 0 && broker(2, id)) {
            const rd_kafka_resp_err_t err = rd_kafka_mock_broker_set_rtt(m_cluster, id, ms);
            answer = err ? QString::fromUtf8(rd_kafka_err2str(err))
                         : QStringLiteral("%1 answers %2 ms late").arg(which(id)).arg(ms);
            return !err;
        }
    }
    if (verb == u"fail" && words.size() >= 3 && words.size() <= 4) {
        const Api *api = nullptr;
        for (const Api &a : kApis) {
            if (words[1] == QLatin1String(a.name))
                api = &a;
        }
        const int count = words[2].toInt(&ok);
        rd_kafka_resp_err_t error = api ? api->defaultError : RD_KAFKA_RESP_ERR_NO_ERROR;
        bool knownError = words.size() < 4;
        for (const ErrorName &e : kErrors) {
            if (words.size() == 4 && words[3] == QLatin1String(e.name)) {
                error = e.error;
                knownError = true;
            }
        }
        if (api && ok && count > 0 && count <= 100000 && knownError) {
            std::vector<rd_kafka_resp_err_t> errors(size_t(count), error);
            rd_kafka_mock_push_request_errors_array(m_cluster, api->key, errors.size(), errors.data());
            answer = QStringLiteral("the next %1 %2 request(s) fail with %3")
                         .arg(count)
                         .arg(QLatin1String(api->name), QString::fromUtf8(rd_kafka_err2name(error)));
            return true;
        }
    }
    answer = QStringLiteral("not a command: \"%1\"; the commands:\n").arg(command.simplified()) + faultHelp();
    return false;
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
