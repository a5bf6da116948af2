// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "broker/EmbeddedBroker.h"
#include "broker/KafkaClientConfig.h"
#include "engine/RunOptions.h"
#include "model/Pipeline.h"

#include <QHash>

#include <memory>

namespace sw::runtime {

// The pipeline's connections as the run sees them: --connection overrides first,
// then an embedded broker started for each `{"kind": "embedded"}` connection in
// use (this process hosts it), then the file's bootstrap.
class Connections
{
public:
    Connections(const core::Pipeline &pipeline, const RunOptions &options);
    // nullopt with `error` when the connection cannot be had.
    std::optional<KafkaEndpoint> endpoint(const QString &name, std::string &error);
    // Topics a pipeline reads and writes exist before clients start (the embedded
    // broker would otherwise auto-create them with 4 partitions).
    bool ensureTopic(const QString &connection, const QString &topic, std::string &error);

private:
    const core::Pipeline &m_pipeline;
    const RunOptions &m_options;
    QHash<QString, std::shared_ptr<EmbeddedBroker>> m_brokers;
};

} // namespace sw::runtime
