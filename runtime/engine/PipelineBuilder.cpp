// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/PipelineBuilder.h"

#include "catalog/NodeCatalog.h"
#include "engine/DeadLetters.h"
#include "model/Duration.h"
#include "operators/Dedupe.h"
#include "operators/Explode.h"
#include "operators/Filter.h"
#include "operators/LookupJoin.h"
#include "operators/StreamJoin.h"
#include "operators/Map.h"
#include "operators/Union.h"
#include "operators/WindowAggregate.h"
#include "settings/NodeSettings.h"
#include "sinks/FileSink.h"
#include "sinks/KafkaSink.h"
#include "sinks/PreviewSink.h"
#include "sinks/SqliteSink.h"
#include "sources/GeneratorSource.h"
#include "sources/KafkaSource.h"
#include "sources/RecordingSource.h"
#include "validation/SchemaInference.h"

namespace sw::runtime {

std::vector<RuntimeNode> PipelineBuilder::build(const core::Pipeline &p, const core::ValidationResult &validation,
                                                Connections &connections, QString &error)
{
    const auto &catalog = core::NodeCatalog::instance();
    std::vector<RuntimeNode> nodes;
    QHash<QString, int> index;
    // A paced recording's batches hold a trigger's worth of recorded time.
    const int64_t triggerMs
        = core::Duration::parseMs(p.runtime.value(QStringLiteral("trigger")).toString(QStringLiteral("0s"))).value_or(0);
    for (const QString &id : validation.order) {
        const core::Node &node = p.nodes[size_t(validation.nodeIndex.value(id))];
        RuntimeNode rn;
        rn.id = id;
        rn.type = catalog.find(node.type);
        const core::NodeSchemas schemas = validation.schemas.value(id);
        auto input = [&](const char *port) { return schemas.inputs.at(QLatin1String(port)); };
        auto output = [&](const char *port) { return schemas.outputs.at(QLatin1String(port)); };
        // A connection's endpoint, with every topic the node needs created.
        auto connect = [&](const QString &connection, const QStringList &topics) -> std::optional<KafkaEndpoint> {
            std::string message;
            auto endpoint = connections.endpoint(connection, message);
            for (const QString &topic : topics) {
                if (endpoint && !connections.ensureTopic(connection, topic, message))
                    endpoint.reset();
            }
            if (!endpoint)
                error = QStringLiteral("node \"%1\": connection \"%2\": %3").arg(id, connection, QString::fromStdString(message));
            return endpoint;
        };
        // Where a source's dead letters go, by its deadLetters setting.
        auto routeDeadLetters = [&](RuntimeNode &rn, const core::DeadLetterSettings &deadLetters) {
            rn.deadLetterPolicy = deadLetters.policy;
            const auto &to = deadLetters.to;
            if (!to)
                return true;
            if (to->kind == u"kafka") {
                const auto deadEndpoint = connect(to->connection, {to->topic});
                if (!deadEndpoint)
                    return false;
                // Keyed by the record's own key, so a topic's dead letters keep its partitioning.
                const core::KafkaSinkSettings sink{to->connection, to->topic, QStringLiteral("_key"),
                                                   QStringLiteral("none"), {}};
                rn.deadLetterSink = std::make_unique<KafkaSink>(*deadEndpoint, sink, DeadLetters::keptSchema());
                rn.deadLetterTarget = QStringLiteral("topic %1").arg(to->topic);
            } else if (to->kind == u"sqlite") {
                rn.deadLetterSink = std::make_unique<SqliteSink>(p.resolvePath(to->path), to->table, QStringList{}, false);
                rn.deadLetterTarget = QStringLiteral("table %1 of %2").arg(to->table, p.resolvePath(to->path));
            } else {
                rn.deadLetterSink = std::make_unique<FileSink>(p.resolvePath(to->path), QStringLiteral("jsonl"));
                rn.deadLetterTarget = p.resolvePath(to->path);
            }
            return true;
        };
        const QString &t = node.type;
        if (t == u"source.kafka") {
            const auto settings = core::KafkaSourceSettings::parse(node.config);
            const auto endpoint = connect(settings.connection, settings.topics);
            if (!endpoint)
                return {};
            core::Schema declared = output("out");
            declared.fields.resize(declared.fields.size() - core::SchemaInference::kafkaMetadataFields().size());
            rn.source = std::make_unique<KafkaSource>(*endpoint, settings, settings.consumerGroup(p.name, id), declared,
                                                      output("out"));
            rn.watermarkDelay = settings.eventTime.watermarkDelayMs;
            if (!routeDeadLetters(rn, settings.deadLetters))
                return {};
        } else if (t == u"source.recording") {
            const auto settings = core::RecordingSourceSettings::parse(node.config);
            core::Schema declared = output("out");
            declared.fields.resize(declared.fields.size() - core::SchemaInference::kafkaMetadataFields().size());
            rn.source = std::make_unique<RecordingSource>(p.resolvePath(settings.path), settings, triggerMs, declared,
                                                          output("out"));
            rn.watermarkDelay = settings.eventTime.watermarkDelayMs;
            if (!routeDeadLetters(rn, settings.deadLetters))
                return {};
        } else if (t == u"sink.kafka") {
            const auto settings = core::KafkaSinkSettings::parse(node.config);
            const auto endpoint = connect(settings.connection, {settings.topic});
            if (!endpoint)
                return {};
            rn.sink = std::make_unique<KafkaSink>(*endpoint, settings, input("in"),
                                                  QStringLiteral("streamwright-%1-%2").arg(p.name, id));
        } else if (t == u"source.generator") {
            const auto settings = core::GeneratorSettings::parse(node.config);
            rn.source = std::make_unique<GeneratorSource>(settings);
            rn.watermarkDelay = settings.eventTime.watermarkDelayMs;
        } else if (t == u"filter") {
            rn.op = std::make_unique<Filter>(core::FilterSettings::parse(node.config).predicate, input("in"));
        } else if (t == u"map") {
            rn.op = std::make_unique<Map>(core::MapSettings::parse(node.config), input("in"), output("out"));
        } else if (t == u"explode") {
            rn.op = std::make_unique<Explode>(core::ExplodeSettings::parse(node.config), input("in"), output("out"));
        } else if (t == u"watermark") {
            // Rows pass on as they are; the run takes in their event times before
            // the node (WatermarkTracker), as it does a source's.
            const auto settings = core::WatermarkSettings::parse(node.config);
            rn.op = std::make_unique<Union>(output("out"));
            rn.eventTimeColumn = input("in").indexOf(settings.field);
            rn.watermarkDelay = settings.watermarkDelayMs;
        } else if (t == u"union") {
            rn.op = std::make_unique<Union>(output("out"));
        } else if (t == u"join.lookup") {
            const auto settings = core::LookupJoinSettings::parse(node.config);
            if (settings.table.kind == u"kafka") {
                const auto tableEndpoint = connect(settings.table.connection, {settings.table.topic});
                if (!tableEndpoint)
                    return {};
                rn.op = std::make_unique<LookupJoin>(settings, *tableEndpoint, input("in"), settings.schema, output("out"));
            } else {
                rn.op = std::make_unique<LookupJoin>(settings, p.resolvePath(settings.table.path), input("in"),
                                                     settings.schema, output("out"));
            } // opened (the table read) by the executor
        } else if (t == u"join.stream") {
            rn.op = std::make_unique<StreamJoin>(core::StreamJoinSettings::parse(node.config), input("left"),
                                                 input("right"), output("out"));
        } else if (t == u"dedupe") {
            rn.op = std::make_unique<Dedupe>(core::DedupeSettings::parse(node.config), input("in"));
        } else if (t == u"window.aggregate") {
            rn.op = std::make_unique<WindowAggregate>(core::WindowAggregateSettings::parse(node.config), input("in"),
                                                      output("out"));
        } else if (t == u"aggregate") {
            rn.op = std::make_unique<WindowAggregate>(core::AggregateSettings::parse(node.config), input("in"),
                                                      output("out"));
        } else if (t == u"sink.file") {
            const auto settings = core::FileSinkSettings::parse(node.config);
            rn.sink = std::make_unique<FileSink>(p.resolvePath(settings.path), settings.format);
        } else if (t == u"sink.sqlite") {
            const auto settings = core::SqliteSinkSettings::parse(node.config);
            rn.sink = std::make_unique<SqliteSink>(p.resolvePath(settings.path), settings.table, settings.key,
                                                   settings.upsert);
        } else if (t == u"sink.preview") {
            rn.sink = std::make_unique<PreviewSink>(core::PreviewSinkSettings::parse(node.config).rows);
        } else {
            error = QStringLiteral("node \"%1\": the runtime cannot run %2 nodes yet").arg(id, t);
            return {};
        }
        if (rn.sink && input("in").wholeResult)
            rn.sink->replaceEachBatch();
        if (rn.source) {
            const core::Schema out = output("out");
            rn.eventTimeColumn = out.indexOf(out.eventTimeField);
        }
        rn.inbox.resize(rn.type->inputs.size());
        rn.outputs.resize(rn.type->outputs.size());
        rn.portRowsOut.assign(rn.type->outputs.size(), 0);
        index.insert(id, int(nodes.size()));
        nodes.push_back(std::move(rn));
    }
    for (const core::Edge &e : p.edges) {
        RuntimeNode &from = nodes[size_t(index.value(e.from))];
        const RuntimeNode &to = nodes[size_t(index.value(e.to))];
        int out = 0;
        for (size_t i = 0; i < from.type->outputs.size(); ++i) {
            if (from.type->outputs[i].name == (e.fromPort.isEmpty() ? from.type->defaultOutput() : e.fromPort))
                out = int(i);
        }
        int in = 0;
        for (size_t i = 0; i < to.type->inputs.size(); ++i) {
            if (to.type->inputs[i].name == (e.toPort.isEmpty() ? to.type->defaultInput() : e.toPort))
                in = int(i);
        }
        from.outputs[size_t(out)].push_back({index.value(e.to), in});
    }
    return nodes;
}

} // namespace sw::runtime
