// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <memory>
#include <string>

struct rd_kafka_s;
struct rd_kafka_mock_cluster_s;

namespace sw::runtime {

// A Kafka-protocol broker on loopback: librdkafka's mock cluster, hosted by this
// process (never the desktop app's: see shared/EMBEDDED-BROKER.md for what it does
// differently from a real broker). Any Kafka client can use bootstrap().
class EmbeddedBroker
{
public:
    ~EmbeddedBroker();
    // nullptr with `error` set when librdkafka cannot start one.
    static std::unique_ptr<EmbeddedBroker> start(int brokers, std::string &error);

    QString bootstrap() const { return m_bootstrap; }
    // Creates a topic (before clients look it up: the mock would make 4 partitions).
    bool createTopic(const QString &topic, int partitions, std::string &error);

    // Faults, to rehearse an outage (streamwright-cli broker reads them as commands
    // on its standard input). One command, e.g. "down", "up 1", "rtt 250",
    // "fail fetch 20", "fail offset-commit 5 coordinator-not-available": what it
    // did, or why it could not.
    bool inject(const QString &command, QString &answer);
    static QString faultHelp();

private:
    EmbeddedBroker() = default;
    rd_kafka_s *m_handle = nullptr;
    rd_kafka_mock_cluster_s *m_cluster = nullptr;
    QString m_bootstrap;
    int m_brokers = 1;
};

} // namespace sw::runtime
