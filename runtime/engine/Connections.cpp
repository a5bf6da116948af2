// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/Connections.h"

namespace sw::runtime {

Connections::Connections(const core::Pipeline &pipeline, const RunOptions &options)
    : m_pipeline(pipeline), m_options(options)
{
}

std::optional<KafkaEndpoint> Connections::endpoint(const QString &name, std::string &error)
{
    const QJsonObject c = m_pipeline.connections.value(name);
    KafkaEndpoint e;
    e.name = name;
    e.properties = c.value(QStringLiteral("properties")).toObject();
    if (m_options.connectionBootstraps.contains(name)) {
        e.bootstrap = m_options.connectionBootstraps.value(name);
        e.embedded = c.value(QStringLiteral("kind")).toString() == u"embedded";
        return e;
    }
    if (c.value(QStringLiteral("kind")).toString() == u"embedded") {
        auto &broker = m_brokers[name];
        if (!broker) {
            auto started = EmbeddedBroker::start(c.value(QStringLiteral("brokers")).toInt(1), error);
            if (!started)
                return std::nullopt;
            broker = std::move(started);
        }
        e.bootstrap = broker->bootstrap();
        e.embedded = true;
        return e;
    }
    e.bootstrap = c.value(QStringLiteral("bootstrap")).toString();
    return e;
}

bool Connections::ensureTopic(const QString &connection, const QString &topic, std::string &error)
{
    if (!endpoint(connection, error))
        return false;
    const auto broker = m_brokers.value(connection);
    return !broker || broker->createTopic(topic, 4, error);
}

} // namespace sw::runtime
