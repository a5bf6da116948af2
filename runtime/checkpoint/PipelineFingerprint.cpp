// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkpoint/PipelineFingerprint.h"

#include "catalog/NodeCatalog.h"
#include "model/Duration.h"
#include "settings/NodeSettings.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sw::runtime {

namespace {

QJsonArray schemaJson(const core::Schema &s)
{
    QJsonArray out;
    for (const core::Field &f : s.fields) {
        QString entry = QStringLiteral("%1 %2").arg(f.name, core::typeName(f.type));
        if (!f.elementFields.empty()) {
            QStringList elements;
            for (const core::Field &e : f.elementFields)
                elements << QStringLiteral("%1 %2").arg(e.name, core::typeName(e.type));
            entry += u'{' + elements.join(QStringLiteral(", ")) + u'}';
        }
        out.append(entry);
    }
    return out;
}

QJsonArray pairsJson(const std::vector<core::FieldPair> &pairs)
{
    QJsonArray out;
    for (const auto &p : pairs)
        out.append(QJsonArray{p.left, p.right});
    return out;
}

QJsonValue durationJson(std::optional<int64_t> ms)
{
    return ms ? QJsonValue(core::Duration::format(*ms)) : QJsonValue();
}

// The settings a stateful operator's state depends on, from the typed settings.
QJsonObject stateSettings(const QString &type, const QJsonObject &config)
{
    auto aggregatesJson = [](const std::vector<core::AggregateSpec> &specs) {
        QJsonArray aggregates;
        for (const auto &a : specs)
            aggregates.append(QStringLiteral("%1 = %2(%3)").arg(a.name, a.fnName, a.expr));
        return aggregates;
    };
    if (type == u"window.aggregate") {
        const auto s = core::WindowAggregateSettings::parse(config);
        return {{QStringLiteral("window.kind"), s.window.kindName},
                {QStringLiteral("window.size"), durationJson(s.window.sizeMs)},
                {QStringLiteral("window.slide"), durationJson(s.window.slideMs)},
                {QStringLiteral("window.gap"), durationJson(s.window.gapMs)},
                {QStringLiteral("groupBy"), QJsonArray::fromStringList(s.groupBy)},
                {QStringLiteral("aggregates"), aggregatesJson(s.aggregates)},
                {QStringLiteral("outputMode"), core::outputModeName(s.outputMode)}};
    }
    if (type == u"aggregate") {
        const auto s = core::AggregateSettings::parse(config);
        return {{QStringLiteral("groupBy"), QJsonArray::fromStringList(s.groupBy)},
                {QStringLiteral("aggregates"), aggregatesJson(s.aggregates)},
                {QStringLiteral("outputMode"), core::outputModeName(s.outputMode)}};
    }
    if (type == u"join.stream") {
        const auto s = core::StreamJoinSettings::parse(config);
        static const char *joinTypes[] = {"inner", "left", "right", "full"};
        return {{QStringLiteral("joinType"), QLatin1String(joinTypes[int(s.joinType)])},
                {QStringLiteral("on"), pairsJson(s.on)},
                {QStringLiteral("within.left"), s.leftTime},
                {QStringLiteral("within.right"), s.rightTime},
                {QStringLiteral("within.from"), durationJson(s.fromMs)},
                {QStringLiteral("within.to"), durationJson(s.toMs)},
                {QStringLiteral("condition"), s.condition}};
    }
    if (type == u"dedupe") {
        const auto s = core::DedupeSettings::parse(config);
        return {{QStringLiteral("key"), QJsonArray::fromStringList(s.key)},
                {QStringLiteral("within"), durationJson(s.withinMs)}};
    }
    if (type == u"join.lookup") {
        const auto s = core::LookupJoinSettings::parse(config);
        return {{QStringLiteral("table.kind"), s.table.kind},
                {QStringLiteral("table.topic"), s.table.topic},
                {QStringLiteral("schema"), schemaJson(s.schema)}};
    }
    return {};
}

QString text(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isUndefined() || v.isNull())
        return QStringLiteral("none");
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return v.toVariant().toString();
}

} // namespace

QJsonObject PipelineFingerprint::of(const core::Pipeline &pipeline, const core::ValidationResult &validation)
{
    const auto &catalog = core::NodeCatalog::instance();
    QJsonObject nodes;
    for (const core::Node &node : pipeline.nodes) {
        const core::NodeType *type = catalog.find(node.type);
        if (!type)
            continue;
        const core::NodeSchemas schemas = validation.schemas.value(node.id);
        QJsonObject entry{{QStringLiteral("type"), node.type}};
        if (type->isSource()) {
            if (node.type == u"source.generator") {
                const auto s = core::GeneratorSettings::parse(node.config);
                entry.insert(QStringLiteral("reads"), s.stream);
                entry.insert(QStringLiteral("seed"), double(s.seed));
            } else {
                entry.insert(QStringLiteral("reads"),
                             QJsonArray::fromStringList(core::KafkaSourceSettings::parse(node.config).topics));
            }
            const auto out = schemas.outputs.find(QStringLiteral("out"));
            if (out != schemas.outputs.end())
                entry.insert(QStringLiteral("schema"), schemaJson(out->second));
        } else {
            // A lookup join keeps its table's position in a topic; a file table is read again.
            const bool stateful = type->keepsState()
                                  || (node.type == u"join.lookup"
                                      && core::LookupJoinSettings::parse(node.config).table.kind == u"kafka");
            if (!stateful)
                continue;
            entry.insert(QStringLiteral("state"), stateSettings(node.type, node.config));
            QJsonObject inputs;
            for (const auto &[port, schema] : schemas.inputs)
                inputs.insert(port, schemaJson(schema));
            entry.insert(QStringLiteral("inputs"), inputs);
        }
        nodes.insert(node.id, entry);
    }
    return {{QStringLiteral("nodes"), nodes}};
}

QStringList PipelineFingerprint::differences(const QJsonObject &written, const QJsonObject &now)
{
    QStringList out;
    const QJsonObject before = written.value(QStringLiteral("nodes")).toObject();
    const QJsonObject after = now.value(QStringLiteral("nodes")).toObject();
    for (auto it = before.begin(); it != before.end(); ++it) {
        const QJsonObject b = it.value().toObject();
        const QString type = b.value(QStringLiteral("type")).toString();
        const QString name = QStringLiteral("node \"%1\" (%2)").arg(it.key(), type);
        if (!after.contains(it.key())) {
            out << QStringLiteral("%1 is gone").arg(name);
            continue;
        }
        const QJsonObject a = after.value(it.key()).toObject();
        if (a.value(QStringLiteral("type")).toString() != type) {
            out << QStringLiteral("%1 is now %2").arg(name, a.value(QStringLiteral("type")).toString());
            continue;
        }
        for (const QString &part : {QStringLiteral("reads"), QStringLiteral("seed"), QStringLiteral("schema")}) {
            if (b.value(part) != a.value(part))
                out << QStringLiteral("%1: %2 was %3, is %4").arg(name, part, text(b.value(part)), text(a.value(part)));
        }
        const QJsonObject bs = b.value(QStringLiteral("state")).toObject(), as = a.value(QStringLiteral("state")).toObject();
        for (auto s = bs.begin(); s != bs.end(); ++s) {
            if (s.value() != as.value(s.key()))
                out << QStringLiteral("%1: %2 was %3, is %4").arg(name, s.key(), text(s.value()), text(as.value(s.key())));
        }
        const QJsonObject bi = b.value(QStringLiteral("inputs")).toObject(), ai = a.value(QStringLiteral("inputs")).toObject();
        for (auto s = bi.begin(); s != bi.end(); ++s) {
            if (s.value() != ai.value(s.key()))
                out << QStringLiteral("%1: the fields of input \"%2\" were %3, are %4")
                           .arg(name, s.key(), text(s.value()), text(ai.value(s.key())));
        }
    }
    for (auto it = after.begin(); it != after.end(); ++it) {
        if (!before.contains(it.key()))
            out << QStringLiteral("node \"%1\" (%2) is new, and it keeps state or reads input")
                       .arg(it.key(), it.value().toObject().value(QStringLiteral("type")).toString());
    }
    return out;
}

} // namespace sw::runtime
