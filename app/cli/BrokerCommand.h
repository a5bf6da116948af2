// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"

namespace sw::cli {

// `streamwright-cli broker [--brokers N] [--topic NAME[:PARTITIONS]]...`: a
// Kafka-protocol broker on loopback (librdkafka's mock cluster). Prints
// `bootstrap=HOST:PORT[,HOST:PORT...]` as its first line and runs until SIGINT/SIGTERM.
class BrokerCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("broker"); }
    QString summary() const override;
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};

// `streamwright-cli produce-demo --bootstrap B [--rate N] [--count N] [--seed S]`:
// writes the examples' user-events and purchase-events (JSON, keyed by user).
class ProduceDemoCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("produce-demo"); }
    QString summary() const override;
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};

} // namespace sw::cli
