// SPDX-License-Identifier: GPL-3.0-or-later
#include "cluster/ClusterClient.h"

#include <librdkafka/rdkafka.h>

#include <QElapsedTimer>
#include <QSet>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

namespace sw::runtime {

namespace {
struct TopicPartitionList
{
    rd_kafka_topic_partition_list_t *list;
    explicit TopicPartitionList(int size = 8) : list(rd_kafka_topic_partition_list_new(size)) {}
    ~TopicPartitionList() { rd_kafka_topic_partition_list_destroy(list); }
};

QString errorText(rd_kafka_resp_err_t err)
{
    return QString::fromUtf8(rd_kafka_err2str(err));
}

// A librdkafka handle of `role` for the endpoint, or nullptr with `error`.
rd_kafka_t *makeClient(const KafkaEndpoint &endpoint, KafkaClientConfig::Role role, const QJsonObject &extra,
                       QString *error)
{
    std::string e;
    rd_kafka_conf_t *conf = KafkaClientConfig::make(endpoint, role, extra, e);
    if (!conf) {
        *error = QString::fromStdString(e);
        return nullptr;
    }
    char message[512];
    rd_kafka_t *rk = rd_kafka_new(role == KafkaClientConfig::Role::Consumer ? RD_KAFKA_CONSUMER : RD_KAFKA_PRODUCER, conf,
                                  message, sizeof message);
    if (!rk) {
        rd_kafka_conf_destroy(conf);
        *error = QString::fromUtf8(message);
    }
    return rk;
}
} // namespace

ClusterClient::ClusterClient(KafkaEndpoint endpoint) : m_endpoint(std::move(endpoint))
{
    m_admin = consumer(QString(), &m_adminError);
}

ClusterClient::~ClusterClient()
{
    if (m_admin)
        rd_kafka_destroy(m_admin);
}

rd_kafka_t *ClusterClient::consumer(const QString &group, QString *error)
{
    QJsonObject extra{{QStringLiteral("enable.auto.commit"), QStringLiteral("false")},
                      {QStringLiteral("enable.partition.eof"), QStringLiteral("true")}};
    // A group is only named to read its committed offsets: this handle never joins it.
    extra.insert(QStringLiteral("group.id"), group.isEmpty() ? QStringLiteral("streamwright-explorer") : group);
    return makeClient(m_endpoint, KafkaClientConfig::Role::Consumer, extra, error);
}

ClusterClient::Cluster ClusterClient::describe(int timeoutMs)
{
    Cluster cluster;
    if (!m_admin) {
        cluster.error = m_adminError;
        return cluster;
    }
    const rd_kafka_metadata_t *md = nullptr;
    const rd_kafka_resp_err_t err = rd_kafka_metadata(m_admin, 1, nullptr, &md, timeoutMs);
    if (err) {
        cluster.error = QStringLiteral("cannot reach %1: %2").arg(m_endpoint.bootstrap, errorText(err));
        return cluster;
    }
    for (int b = 0; b < md->broker_cnt; ++b)
        cluster.brokers.push_back({md->brokers[b].id, QString::fromUtf8(md->brokers[b].host), md->brokers[b].port});
    for (int t = 0; t < md->topic_cnt; ++t) {
        const rd_kafka_metadata_topic_t &mt = md->topics[t];
        Topic topic;
        topic.name = QString::fromUtf8(mt.topic);
        if (mt.err)
            topic.error = errorText(mt.err);
        for (int p = 0; p < mt.partition_cnt; ++p) {
            Partition partition;
            partition.id = mt.partitions[p].id;
            partition.leader = mt.partitions[p].leader;
            partition.replicas = mt.partitions[p].replica_cnt;
            int64_t low = -1, high = -1;
            if (rd_kafka_query_watermark_offsets(m_admin, mt.topic, partition.id, &low, &high, timeoutMs) == 0) {
                partition.low = low;
                partition.high = high;
            }
            topic.partitions.push_back(partition);
        }
        std::sort(topic.partitions.begin(), topic.partitions.end(),
                  [](const Partition &a, const Partition &b) { return a.id < b.id; });
        cluster.topics.push_back(std::move(topic));
    }
    rd_kafka_metadata_destroy(md);
    std::sort(cluster.brokers.begin(), cluster.brokers.end(), [](const Broker &a, const Broker &b) { return a.id < b.id; });
    std::sort(cluster.topics.begin(), cluster.topics.end(), [](const Topic &a, const Topic &b) {
        const bool ai = a.name.startsWith(QLatin1String("__")), bi = b.name.startsWith(QLatin1String("__"));
        return ai != bi ? bi : a.name < b.name;
    });
    return cluster;
}

std::vector<ClusterClient::Message> ClusterClient::browse(const Browse &request, QString *error, int timeoutMs)
{
    std::vector<Message> messages;
    const Cluster cluster = describe(timeoutMs);
    if (!cluster.error.isEmpty()) {
        *error = cluster.error;
        return messages;
    }
    const auto topic = std::find_if(cluster.topics.begin(), cluster.topics.end(),
                                    [&](const Topic &t) { return t.name == request.topic; });
    if (topic == cluster.topics.end()) {
        *error = QStringLiteral("no topic \"%1\"").arg(request.topic);
        return messages;
    }
    const QByteArray topicName = request.topic.toUtf8();
    TopicPartitionList assignment;
    int expected = 0;
    for (const Partition &p : topic->partitions) {
        if (request.partition >= 0 && p.id != request.partition)
            continue;
        if (p.high <= p.low) // empty partition: nothing to read
            continue;
        int64_t start = p.low;
        switch (request.from) {
        case From::Beginning: start = p.low; break;
        case From::End: start = std::max(p.low, p.high - request.limit); break;
        case From::Offset: start = std::clamp<int64_t>(request.position, p.low, p.high); break;
        case From::Time: {
            if (m_endpoint.embedded) { // its ListOffsets by time answers -1 for everything
                *error = QStringLiteral("the embedded broker cannot look up offsets by time: browse from an offset instead");
                return messages;
            }
            TopicPartitionList times(1);
            rd_kafka_topic_partition_list_add(times.list, topicName.constData(), p.id)->offset = request.position;
            const rd_kafka_resp_err_t err = rd_kafka_offsets_for_times(m_admin, times.list, timeoutMs);
            const int64_t found = err ? -1 : times.list->elems[0].offset;
            if (found < 0 && found != RD_KAFKA_OFFSET_END) {
                *error = QStringLiteral("the broker cannot look up offsets by time (%1): browse from an offset instead")
                             .arg(err ? errorText(err) : QStringLiteral("no answer"));
                return messages;
            }
            start = found == RD_KAFKA_OFFSET_END ? p.high : found;
            break;
        }
        }
        if (start >= p.high)
            continue;
        rd_kafka_topic_partition_list_add(assignment.list, topicName.constData(), p.id)->offset = start;
        ++expected;
    }
    if (expected == 0)
        return messages;

    rd_kafka_t *reader = consumer(QString(), error);
    if (!reader)
        return messages;
    std::unique_ptr<rd_kafka_t, void (*)(rd_kafka_t *)> guard(reader, [](rd_kafka_t *rk) {
        rd_kafka_consumer_close(rk);
        rd_kafka_destroy(rk);
    });
    if (const rd_kafka_resp_err_t err = rd_kafka_assign(reader, assignment.list)) {
        *error = errorText(err);
        return messages;
    }
    std::map<int, int> taken;
    // A partition is done at its end or at the limit, whichever comes first; both
    // may come for one partition, which must not count for another still on its way.
    std::set<int> finished;
    QElapsedTimer clock;
    clock.start();
    while (int(finished.size()) < expected && clock.elapsed() < timeoutMs) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(reader, 100);
        if (!m)
            continue;
        if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
            finished.insert(m->partition);
        } else if (m->err) {
            *error = QString::fromUtf8(rd_kafka_message_errstr(m));
        } else if (taken[m->partition] < request.limit) {
            Message out;
            out.topic = request.topic;
            out.partition = m->partition;
            out.offset = m->offset;
            rd_kafka_timestamp_type_t type;
            out.timestampMs = rd_kafka_message_timestamp(m, &type);
            if (m->key)
                out.key = QByteArray(static_cast<const char *>(m->key), int(m->key_len));
            if (m->payload)
                out.value = QByteArray(static_cast<const char *>(m->payload), int(m->len));
            rd_kafka_headers_t *headers = nullptr;
            if (rd_kafka_message_headers(m, &headers) == 0) {
                const char *name;
                const void *value;
                size_t size;
                for (size_t i = 0; rd_kafka_header_get_all(headers, i, &name, &value, &size) == 0; ++i)
                    out.headers.emplace_back(QString::fromUtf8(name),
                                             QByteArray(static_cast<const char *>(value), int(size)));
            }
            messages.push_back(std::move(out));
            if (++taken[m->partition] == request.limit)
                finished.insert(m->partition); // enough from this one
        }
        rd_kafka_message_destroy(m);
    }
    sortForBrowsing(messages);
    return messages;
}

void ClusterClient::sortForBrowsing(std::vector<Message> &messages)
{
    std::sort(messages.begin(), messages.end(), [](const Message &a, const Message &b) {
        return a.timestampMs != b.timestampMs ? a.timestampMs < b.timestampMs
                                              : std::pair(a.partition, a.offset) < std::pair(b.partition, b.offset);
    });
}

bool ClusterClient::produce(const QString &topic, const QByteArray &key, const QByteArray &value,
                            const std::vector<std::pair<QString, QByteArray>> &headers, QString *error, int partition,
                            int timeoutMs)
{
    rd_kafka_t *producer = makeClient(m_endpoint, KafkaClientConfig::Role::Producer, {}, error);
    if (!producer)
        return false;
    rd_kafka_headers_t *hdrs = rd_kafka_headers_new(headers.size());
    for (const auto &[name, v] : headers) {
        const QByteArray n = name.toUtf8();
        rd_kafka_header_add(hdrs, n.constData(), n.size(), v.constData(), v.size());
    }
    const QByteArray topicName = topic.toUtf8();
    rd_kafka_resp_err_t err = rd_kafka_producev(
        producer, RD_KAFKA_V_TOPIC(topicName.constData()),
        RD_KAFKA_V_PARTITION(partition < 0 ? RD_KAFKA_PARTITION_UA : partition),
        RD_KAFKA_V_KEY(key.isNull() ? nullptr : const_cast<char *>(key.constData()), size_t(key.size())),
        RD_KAFKA_V_VALUE(value.isNull() ? nullptr : const_cast<char *>(value.constData()), size_t(value.size())),
        RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_HEADERS(hdrs), RD_KAFKA_V_END);
    if (err)
        rd_kafka_headers_destroy(hdrs); // not handed over
    else
        err = rd_kafka_flush(producer, timeoutMs);
    if (!err && rd_kafka_outq_len(producer) > 0)
        err = RD_KAFKA_RESP_ERR__TIMED_OUT;
    rd_kafka_destroy(producer);
    if (err)
        *error = errorText(err);
    return !err;
}

std::vector<ClusterClient::GroupLag> ClusterClient::groupLag(const QString &group, const QStringList &topics,
                                                            QString *error, int timeoutMs)
{
    std::vector<GroupLag> rows;
    const Cluster cluster = describe(timeoutMs);
    if (!cluster.error.isEmpty()) {
        *error = cluster.error;
        return rows;
    }
    TopicPartitionList partitions;
    std::vector<QByteArray> names; // alive while the list refers to them
    for (const Topic &t : cluster.topics) {
        if (t.name.startsWith(QLatin1String("__")) || (!topics.isEmpty() && !topics.contains(t.name)))
            continue;
        names.push_back(t.name.toUtf8());
        for (const Partition &p : t.partitions) {
            rd_kafka_topic_partition_list_add(partitions.list, names.back().constData(), p.id);
            rows.push_back({t.name, p.id, -1, p.high});
        }
    }
    if (rows.empty())
        return rows;
    rd_kafka_t *reader = consumer(group, error);
    if (!reader)
        return {};
    // OffsetFetch for the group, without joining it.
    const rd_kafka_resp_err_t err = rd_kafka_committed(reader, partitions.list, timeoutMs);
    if (err) {
        *error = QStringLiteral("cannot read the offsets of group \"%1\": %2").arg(group, errorText(err));
        rd_kafka_destroy(reader);
        return {};
    }
    for (int i = 0; i < partitions.list->cnt; ++i) {
        const rd_kafka_topic_partition_t &tp = partitions.list->elems[i];
        if (tp.offset >= 0)
            rows[size_t(i)].committed = tp.offset;
    }
    rd_kafka_destroy(reader);
    if (topics.isEmpty()) {
        // Every topic was asked: keep those the group consumes (a commit on one of
        // their partitions), not every topic's whole length as lag.
        QSet<QString> consumed;
        for (const GroupLag &r : rows) {
            if (r.committed >= 0)
                consumed.insert(r.topic);
        }
        rows.erase(std::remove_if(rows.begin(), rows.end(), [&](const GroupLag &r) { return !consumed.contains(r.topic); }),
                   rows.end());
    }
    return rows;
}

QStringList ClusterClient::listGroups(QString *error, int timeoutMs)
{
    QStringList groups;
    if (!m_admin) {
        *error = m_adminError;
        return groups;
    }
    const rd_kafka_group_list *list = nullptr;
    const rd_kafka_resp_err_t err = rd_kafka_list_groups(m_admin, nullptr, &list, timeoutMs);
    if (err) {
        *error = QStringLiteral("the broker does not list consumer groups (%1); the embedded broker does not implement "
                                "ListGroups: type the group name")
                     .arg(errorText(err));
        return groups;
    }
    for (int i = 0; i < list->group_cnt; ++i)
        groups << QString::fromUtf8(list->groups[i].group);
    rd_kafka_group_list_destroy(list);
    groups.sort();
    return groups;
}

} // namespace sw::runtime
