// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/PipelineBuilder.h"

#include "catalog/NodeCatalog.h"
#include "model/Duration.h"
#include "operators/Dedupe.h"
#include "operators/Filter.h"
#include "operators/LookupJoin.h"
#include "operators/StreamJoin.h"
#include "operators/Map.h"
#include "operators/Union.h"
#include "operators/WindowAggregate.h"
#include "sinks/FileSink.h"
#include "sinks/KafkaSink.h"
#include "sinks/PreviewSink.h"
#include "sinks/SqliteSink.h"
#include "sources/GeneratorSource.h"
#include "sources/KafkaSource.h"
#include "validation/SchemaInference.h"

#include <QJsonArray>

namespace sw::runtime {

namespace {
QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const auto &s : v.toArray())
        out << s.toString();
    return out;
}
} // namespace

std::vector<RuntimeNode> PipelineBuilder::build(const core::Pipeline &p, const core::ValidationResult &validation,
                                                Connections &connections, QString &error)
{
    const auto &catalog = core::NodeCatalog::instance();
    std::vector<RuntimeNode> nodes;
    QHash<QString, int> index;
    for (const QString &id : validation.order) {
        const core::Node &node = p.nodes[size_t(validation.nodeIndex.value(id))];
        RuntimeNode rn;
        rn.id = id;
        rn.type = catalog.find(node.type);
        const core::NodeSchemas schemas = validation.schemas.value(id);
        auto value = [&](const char *key) { return core::NodeCatalog::settingValue(*rn.type, node.config, QLatin1String(key)); };
        auto input = [&](const char *port) { return schemas.inputs.at(QLatin1String(port)); };
        auto output = [&](const char *port) { return schemas.outputs.at(QLatin1String(port)); };
        const QString &t = node.type;
        std::optional<KafkaEndpoint> endpoint;
        if (t == u"source.kafka" || t == u"sink.kafka") {
            std::string message;
            const QString connection = value("connection").toString();
            endpoint = connections.endpoint(connection, message);
            const QStringList topics = t == u"sink.kafka" ? QStringList{value("topic").toString()} : strings(value("topics"));
            for (const QString &topic : topics) {
                if (endpoint && !connections.ensureTopic(connection, topic, message))
                    endpoint.reset();
            }
            if (!endpoint) {
                error = QStringLiteral("node \"%1\": connection \"%2\": %3").arg(id, connection, QString::fromStdString(message));
                return {};
            }
        }
        if (t == u"source.kafka") {
            core::Schema declared = output("out");
            declared.fields.resize(declared.fields.size() - core::SchemaInference::kafkaMetadataFields().size());
            rn.source = std::make_unique<KafkaSource>(*endpoint, node.config,
                                                      QStringLiteral("streamwright-%1-%2").arg(p.name, id), declared,
                                                      output("out"));
        } else if (t == u"sink.kafka") {
            rn.sink = std::make_unique<KafkaSink>(*endpoint, node.config, input("in"));
        } else if (t == u"source.generator") {
            rn.source = std::make_unique<GeneratorSource>(node.config);
        } else if (t == u"filter") {
            rn.op = std::make_unique<Filter>(value("predicate").toString(), input("in"));
        } else if (t == u"map") {
            rn.op = std::make_unique<Map>(node.config, input("in"), output("out"));
        } else if (t == u"union") {
            rn.op = std::make_unique<Union>(output("out"));
        } else if (t == u"join.lookup") {
            const QJsonObject table = node.config.value(QStringLiteral("table")).toObject();
            core::Schema tableSchema;
            for (const auto &f : node.config.value(QStringLiteral("schema")).toArray()) {
                const QJsonObject field = f.toObject();
                tableSchema.fields.push_back({field.value(QStringLiteral("name")).toString(),
                                              core::parseTypeName(field.value(QStringLiteral("type")).toString()).value_or(core::DataType::String)});
            }
            std::unique_ptr<LookupJoin> join;
            if (table.value(QStringLiteral("kind")).toString() == u"kafka") {
                std::string message;
                const QString connection = table.value(QStringLiteral("connection")).toString();
                auto tableEndpoint = connections.endpoint(connection, message);
                if (!tableEndpoint || !connections.ensureTopic(connection, table.value(QStringLiteral("topic")).toString(), message)) {
                    error = QStringLiteral("node \"%1\": connection \"%2\": %3").arg(id, connection, QString::fromStdString(message));
                    return {};
                }
                join = std::make_unique<LookupJoin>(node.config, *tableEndpoint, input("in"), tableSchema, output("out"));
            } else {
                join = std::make_unique<LookupJoin>(node.config, p.resolvePath(table.value(QStringLiteral("path")).toString()),
                                                    input("in"), tableSchema, output("out"));
            }
            rn.op = std::move(join); // opened (the table read) by the executor
        } else if (t == u"join.stream") {
            rn.op = std::make_unique<StreamJoin>(node.config, input("left"), input("right"), output("out"));
        } else if (t == u"dedupe") {
            rn.op = std::make_unique<Dedupe>(node.config, input("in"));
        } else if (t == u"window.aggregate") {
            rn.op = std::make_unique<WindowAggregate>(node.config, input("in"), output("out"));
        } else if (t == u"sink.file") {
            rn.sink = std::make_unique<FileSink>(p.resolvePath(value("path").toString()), value("format").toString());
        } else if (t == u"sink.sqlite") {
            rn.sink = std::make_unique<SqliteSink>(p.resolvePath(value("path").toString()), value("table").toString(),
                                                   strings(value("key")), value("mode").toString() == u"upsert");
        } else if (t == u"sink.preview") {
            rn.sink = std::make_unique<PreviewSink>(value("rows").toInt(100));
        } else {
            error = QStringLiteral("node \"%1\": the runtime cannot run %2 nodes yet").arg(id, t);
            return {};
        }
        if (rn.source) {
            const core::Schema out = output("out");
            rn.eventTimeColumn = out.indexOf(out.eventTimeField);
            const QJsonObject eventTime = node.config.value(QStringLiteral("eventTime")).toObject();
            rn.watermarkDelay = core::Duration::parseMs(eventTime.value(QStringLiteral("watermarkDelay")).toString(QStringLiteral("0s"))).value_or(0);
            rn.deadLetterSchema = core::SchemaInference::deadLetterSchema();
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
