// SPDX-License-Identifier: GPL-3.0-or-later
#include "BrokerCommand.h"

#include "DemoProducer.h"
#include "broker/EmbeddedBroker.h"

#include <QCommandLineParser>
#include <QThread>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <thread>

namespace sw::cli {

namespace {
std::atomic<bool> g_stop{false};
void onSignal(int)
{
    g_stop = true;
}
} // namespace

QString BrokerCommand::summary() const
{
    return QStringLiteral("run a Kafka-protocol broker on loopback");
}

int BrokerCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Starts a Kafka-protocol broker on 127.0.0.1 (librdkafka's mock cluster) for trying pipelines\n"
        "without Kafka. Prints bootstrap=HOST:PORT[,...] first; runs until SIGINT or SIGTERM.\n"
        "It keeps at most 5 MiB per partition: use more partitions for larger runs.\n\n"
        "To rehearse an outage, write commands on its standard input, one per line; each is\n"
        "answered on standard output with a line starting \"fault: \":\n") + runtime::EmbeddedBroker::faultHelp());
    const QCommandLineOption brokers(QStringLiteral("brokers"), QStringLiteral("Number of brokers (default 1)."),
                                     QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption topic(QStringLiteral("topic"), QStringLiteral("Create a topic (default 4 partitions; repeatable)."),
                                   QStringLiteral("NAME[:PARTITIONS]"));
    for (const auto &o : {brokers, topic})
        parser.addOption(o);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("broker"), arguments, out, err))
        return *exit;
    bool ok = false;
    const int count = parser.value(brokers).toInt(&ok);
    if (!ok || count < 1 || count > 16) {
        err << "streamwright-cli broker: --brokers takes a number from 1 to 16\n";
        return kExitUsage;
    }
    std::string error;
    std::shared_ptr<runtime::EmbeddedBroker> broker = runtime::EmbeddedBroker::start(count, error);
    if (!broker) {
        err << "streamwright-cli broker: " << QString::fromStdString(error) << "\n";
        return kExitProblems;
    }
    for (const QString &t : parser.values(topic)) {
        const QStringList parts = t.split(u':');
        const int partitions = parts.size() > 1 ? parts[1].toInt() : 4;
        if (parts[0].isEmpty() || partitions < 1 || !broker->createTopic(parts[0], partitions, error)) {
            err << "streamwright-cli broker: --topic " << t << ": "
                << (error.empty() ? QStringLiteral("write NAME or NAME:PARTITIONS") : QString::fromStdString(error)) << "\n";
            return kExitUsage;
        }
    }
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    out << "bootstrap=" << broker->bootstrap() << "\n";
    out.flush();
    err << "embedded Kafka broker running; stop it with Ctrl+C (faults: type help)\n";
    err.flush();
    // Fault commands on standard input. The thread may stay blocked reading when
    // the broker stops: it holds its own reference, and ends with the process.
    std::thread([broker] {
        std::string line;
        while (std::getline(std::cin, line)) {
            QString answer;
            const QString command = QString::fromStdString(line).trimmed();
            if (command.isEmpty())
                continue;
            if (command == u"help")
                answer = runtime::EmbeddedBroker::faultHelp().trimmed().replace(u'\n', QStringLiteral("\nfault: "));
            else if (!broker->inject(command, answer))
                answer = QStringLiteral("error: ") + answer.trimmed().replace(u'\n', QStringLiteral("\nfault: "));
            std::fprintf(stdout, "fault: %s\n", qPrintable(answer));
            std::fflush(stdout);
        }
    }).detach();
    while (!g_stop)
        QThread::msleep(100);
    return kExitOk;
}

QString ProduceDemoCommand::summary() const
{
    return QStringLiteral("write the demo e-commerce events to a Kafka cluster");
}

int ProduceDemoCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes the examples' events to Kafka: user-events (views, clicks, add-to-carts) and, about one\n"
        "for every twelve, purchase-events; JSON values keyed by user_id, with out-of-order and late events."));
    const QCommandLineOption bootstrap(QStringLiteral("bootstrap"), QStringLiteral("Kafka bootstrap servers."),
                                       QStringLiteral("B"));
    const QCommandLineOption rate(QStringLiteral("rate"), QStringLiteral("User events per second (default 1000; 0: as fast as possible)."),
                                  QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption count(QStringLiteral("count"), QStringLiteral("Stop after N user events (default: run until stopped)."),
                                   QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed (default 42)."), QStringLiteral("S"),
                                  QStringLiteral("42"));
    const QCommandLineOption orders(QStringLiteral("orders"),
                                    QStringLiteral("Also write, with every purchase, an order with nested lines (an array "
                                                   "of {product_id, category, price, quantity}) to the topic orders."));
    const QCommandLineOption sensors(QStringLiteral("sensors"),
                                     QStringLiteral("Also write, with every fourth user event, a device reading (nested "
                                                    "JSON: device.id, device.site, metrics.*, measured_at) to the topic "
                                                    "sensor-readings."));
    for (const auto &o : {bootstrap, rate, count, seed, orders, sensors})
        parser.addOption(o);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("produce-demo"), arguments, out, err))
        return *exit;
    if (!parser.isSet(bootstrap)) {
        err << "Usage: streamwright-cli produce-demo --bootstrap HOST:PORT [--rate N] [--count N] [--seed S] [--orders] [--sensors]\n";
        return kExitUsage;
    }
    DemoProducer::Options options;
    options.bootstrap = parser.value(bootstrap);
    options.rate = parser.value(rate).toDouble();
    options.count = parser.value(count).toULongLong();
    options.seed = parser.value(seed).toULongLong();
    options.orders = parser.isSet(orders);
    options.sensors = parser.isSet(sensors);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QString error;
    const auto produced = DemoProducer::run(options, g_stop, error);
    if (!error.isEmpty()) {
        err << "streamwright-cli produce-demo: " << error << "\n";
        return kExitProblems;
    }
    err << "produced " << produced.first << " user events and " << produced.second << " purchases\n";
    return kExitOk;
}

} // namespace sw::cli
