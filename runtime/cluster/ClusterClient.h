// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "broker/KafkaClientConfig.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <utility>
#include <vector>

struct rd_kafka_s;

namespace sw::runtime {

// What the cluster explorer asks of a Kafka cluster: brokers, topics and their
// offsets, messages from a place in a partition, producing one message, and a
// consumer group's committed offsets and lag. Blocking calls with timeouts: the
// app calls them off its GUI thread. Any cluster, real or embedded; where the
// embedded broker lacks an API the error says so.
class ClusterClient
{
public:
    struct Broker
    {
        int id = 0;
        QString host;
        int port = 0;
    };
    struct Partition
    {
        int id = 0;
        int leader = -1;
        int replicas = 0;
        int64_t low = -1, high = -1; // offsets; -1: not known
    };
    struct Topic
    {
        QString name;
        std::vector<Partition> partitions;
        QString error;
    };
    struct Cluster
    {
        std::vector<Broker> brokers;
        std::vector<Topic> topics; // by name, internal topics (starting with "__") last
        QString error;
    };
    struct Message
    {
        QString topic;
        int partition = 0;
        int64_t offset = 0;
        int64_t timestampMs = -1;
        QByteArray key;   // null: no key
        QByteArray value; // null: no value (a tombstone)
        std::vector<std::pair<QString, QByteArray>> headers;
    };
    enum class From { Beginning, End, Offset, Time };
    struct Browse
    {
        QString topic;
        int partition = -1; // -1: every partition
        From from = From::Beginning;
        int64_t position = 0; // an offset (From::Offset) or ms since the epoch (From::Time)
        int limit = 100;      // per partition
    };
    struct GroupLag
    {
        QString topic;
        int partition = 0;
        int64_t committed = -1; // -1: nothing committed
        int64_t high = -1;
        int64_t lag() const { return committed < 0 ? (high < 0 ? 0 : high) : std::max<int64_t>(0, high - committed); }
    };

    // The order a browse shows messages in: by timestamp, then partition and offset.
    static void sortForBrowsing(std::vector<Message> &messages);

    explicit ClusterClient(KafkaEndpoint endpoint);
    ~ClusterClient();
    ClusterClient(const ClusterClient &) = delete;
    ClusterClient &operator=(const ClusterClient &) = delete;

    Cluster describe(int timeoutMs = 5000);
    std::vector<Message> browse(const Browse &request, QString *error, int timeoutMs = 5000);
    // To `partition`, or where the key hashes to (-1).
    bool produce(const QString &topic, const QByteArray &key, const QByteArray &value,
                 const std::vector<std::pair<QString, QByteArray>> &headers, QString *error, int partition = -1,
                 int timeoutMs = 5000);
    // Committed offsets and lag of `group` on `topics` (empty: every topic the
    // group has committed an offset on, all their partitions).
    std::vector<GroupLag> groupLag(const QString &group, const QStringList &topics, QString *error,
                                   int timeoutMs = 5000);
    // The cluster's consumer groups; brokers without ListGroups (the embedded one)
    // give an error saying so: then the group name is typed.
    QStringList listGroups(QString *error, int timeoutMs = 3000);

private:
    rd_kafka_s *consumer(const QString &group, QString *error);

    KafkaEndpoint m_endpoint;
    rd_kafka_s *m_admin = nullptr; // a consumer handle for metadata and offsets
    QString m_adminError;
};

} // namespace sw::runtime
