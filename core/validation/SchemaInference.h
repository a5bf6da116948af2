// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expr/Expression.h"
#include "model/Schema.h"
#include "settings/NodeSettings.h"
#include "validation/GraphValidator.h"
#include "validation/ValidationContext.h"

#include <QHash>
#include <QJsonArray>

#include <map>
#include <optional>
#include <vector>

namespace sw::core {

// The schemas around one node: per input port (the first stream when a port takes
// several) and per output port.
struct NodeSchemas
{
    std::map<QString, Schema> inputs;
    std::map<QString, Schema> outputs;
};

// Derives every node's output schema from its inputs and settings, in topological
// order, and reports what only the schemas reveal: unknown fields, expressions that
// do not type-check, windows and joins without event time, unions of different
// shapes. Nodes whose inputs are unknown (upstream errors) get no schema, and only
// their expressions' syntax is checked, so one mistake does not cascade.
class SchemaInference
{
public:
    SchemaInference(ValidationContext &context, const GraphInfo &graph) : m_context(context), m_graph(graph) {}
    QHash<QString, NodeSchemas> run();

    // The Kafka metadata columns every Kafka or recording source appends.
    static const Fields &kafkaMetadataFields();
    static const Schema &deadLetterSchema();
    static Schema generatorSchema(const QString &stream);

private:
    struct Input
    {
        QString from;
        Schema schema;
    };
    using Inputs = std::map<QString, std::vector<Input>>;
    using Outputs = std::map<QString, Schema>;

    struct NodeScope
    {
        int index;
        const Node &node;
        const NodeType &type;
        QString pointer(const QString &path) const { return ValidationContext::configPointer(index, path); }
        QJsonValue value(const QString &key) const { return NodeCatalog::settingValue(type, node.config, key); }
    };

    Outputs inferNode(const NodeScope &n, const Inputs &inputs);
    Outputs inferSource(const NodeScope &n);
    Outputs inferMap(const NodeScope &n, const Schema &in);
    Outputs inferUnion(const NodeScope &n, const std::vector<Input> &inputs);
    Outputs inferExplode(const NodeScope &n, const Schema &in);
    Outputs inferSink(const NodeScope &n, const Schema &in);
    Outputs inferWindowAggregate(const NodeScope &n, const Schema &in);
    Outputs inferAggregate(const NodeScope &n, const Schema &in);
    // The group-by fields, then the aggregates, appended to `out`.
    void aggregateColumns(const NodeScope &n, const QStringList &groupBy, const std::vector<AggregateSpec> &aggregates,
                          const Schema &in, Schema &out);
    // A complete-mode result (the whole table every batch) feeding a node that
    // would take its rows for new ones.
    void refuseWholeResult(const NodeScope &n, const Schema &in, const QString &port = {});
    Outputs inferStreamJoin(const NodeScope &n, const Schema &left, const Schema &right);
    Outputs inferLookupJoin(const NodeScope &n, const Schema &in);
    void checkSyntaxOnly(const NodeScope &n);
    void checkDeadLetters(const NodeScope &n);

    // Helpers that report their own problems.
    std::optional<Schema> declaredSchema(const NodeScope &n, const QString &key);
    void applyEventTime(const NodeScope &n, Schema &schema, const QString &defaultField);
    expr::CheckedExpression expression(const NodeScope &n, const QString &path, const QString &text,
                                       const Schema &schema);
    const Field *field(const NodeScope &n, const QString &path, const QString &name, const Schema &schema,
                       const QString &side = {});
    bool requireEventTime(const NodeScope &n, const Schema &schema, const QString &port = {});
    std::optional<int64_t> duration(const NodeScope &n, const QString &path);
    QJsonValue at(const NodeScope &n, const QString &path) const;
    // Joined output naming of ARCHITECTURE.md: USING keys once, then left, then right;
    // other names on both sides become left_<name> and right_<name>.
    static Schema joinedSchema(const Schema &left, const Schema &right, const std::vector<FieldPair> &on,
                               const QString &leftTimeField, QString *leftTimeName);
    void checkJoinKeys(const NodeScope &n, const std::vector<FieldPair> &on, const Schema &left, const Schema &right,
                       const QString &leftName, const QString &rightName);

    ValidationContext &m_context;
    const GraphInfo &m_graph;
};

} // namespace sw::core
