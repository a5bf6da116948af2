// SPDX-License-Identifier: GPL-3.0-or-later
#include "validation/PipelineValidator.h"

#include "validation/GraphValidator.h"
#include "validation/SettingsValidator.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace sw::core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("sw::core::PipelineValidator", text);
}

// A rule on a node that never reports its metric can never fire (a lag rule on a
// filter); said as a warning, naming why.
void warnOfUnreportedMetric(ValidationContext &context, const QString &pointer, const QString &metric, const QString &nodeId)
{
    const Node *node = context.pipeline.node(nodeId);
    const NodeType *type = node ? context.catalog.find(node->type) : nullptr;
    if (!type)
        return;
    const bool source = type->inputs.empty();
    QString why;
    if (metric == u"consumer_lag" && type->id != u"source.kafka")
        why = tr("only Kafka sources have a consumer lag");
    else if ((metric == u"dead_letters" || metric == u"source_unreachable_s") && !source)
        why = tr("only sources report it");
    else if ((metric == u"state_rows" || metric == u"late_rows_dropped") && !type->keepsState())
        why = tr("only windows, aggregates, joins and deduplication keep state");
    else if (metric == u"rows_in" && source)
        why = tr("a source takes no rows in: watch its rows_out");
    else if (metric == u"input_rate" || metric == u"processed_rate" || metric == u"batch_duration_ms"
             || metric == u"e2e_latency_ms" || metric == u"watermark" || metric == u"watermark_gap_ms") {
        context.warning(pointer + QStringLiteral("/node"),
                        tr("%1 is measured for the whole pipeline, not for node \"%2\": the alert watches the whole "
                           "pipeline (leave \"node\" out to say so)")
                            .arg(metric, nodeId));
        return;
    }
    if (!why.isEmpty())
        context.warning(pointer + QStringLiteral("/node"),
                        tr("%1 of node \"%2\" is never reported, so the alert cannot fire: %3").arg(metric, nodeId, why));
}

void validateSections(ValidationContext &context, SettingsValidator &settings)
{
    const Pipeline &p = context.pipeline;
    if (p.name.trimmed().isEmpty())
        context.error(QStringLiteral("/name"), tr("the pipeline has no name; add \"name\": \"my-pipeline\""));
    for (auto it = p.connections.constBegin(); it != p.connections.constEnd(); ++it) {
        const QString ptr = QStringLiteral("/connections/") + ValidationContext::token(it.key());
        settings.validateObject(*it, context.catalog.connectionSpec().fields, ptr);
        if (it->value(QStringLiteral("kind")).toString() == u"kafka"
            && it->value(QStringLiteral("bootstrap")).toString().trimmed().isEmpty())
            context.error(ptr + QStringLiteral("/bootstrap"),
                          tr("a kafka connection needs \"bootstrap\": host:port of one or more brokers"));
    }
    if (!p.runtime.isEmpty()) {
        settings.validateObject(p.runtime, context.catalog.runtimeSpec().fields, QStringLiteral("/runtime"));
        if (p.runtime.value(QStringLiteral("maxBatchRows")).toInt(1) < 1)
            context.error(QStringLiteral("/runtime/maxBatchRows"), tr("\"maxBatchRows\" must be at least 1"));
        const QJsonObject checkpoint = p.runtime.value(QStringLiteral("checkpoint")).toObject();
        if (checkpoint.value(QStringLiteral("everyBatches")).toInt(1) < 1)
            context.error(QStringLiteral("/runtime/checkpoint/everyBatches"), tr("\"everyBatches\" must be at least 1"));
    }
    QSet<QString> nodeIds;
    if (!p.alerts.isEmpty()) {
        for (const Node &n : p.nodes)
            nodeIds.insert(n.id);
    }
    for (qsizetype i = 0; i < p.alerts.size(); ++i) {
        const QString ptr = QStringLiteral("/alerts/%1").arg(i);
        if (!p.alerts[i].isObject()) {
            context.error(ptr, tr("an alert must be an object"));
            continue;
        }
        const QJsonObject alert = p.alerts[i].toObject();
        settings.validateObject(alert, context.catalog.alertSpec().fields, ptr);
        const QString node = alert.value(QStringLiteral("node")).toString();
        if (!node.isEmpty() && !nodeIds.contains(node))
            context.error(ptr + QStringLiteral("/node"), tr("the alert watches node \"%1\", which does not exist").arg(node));
        else if (!node.isEmpty())
            warnOfUnreportedMetric(context, ptr, alert.value(QStringLiteral("metric")).toString(), node);
        if (!alert.contains(QStringLiteral("above")) && !alert.contains(QStringLiteral("below")))
            context.error(ptr, tr("an alert needs \"above\" or \"below\": the threshold that makes it fire"));
    }
}
} // namespace

ValidationResult PipelineValidator::validate(const Pipeline &pipeline)
{
    ValidationResult result;
    ValidationContext context{pipeline, NodeCatalog::instance(), result.diagnostics};
    SettingsValidator settings(context);
    validateSections(context, settings);

    GraphValidator graph(context);
    const GraphInfo info = graph.validate();
    result.nodeIndex = info.nodeIndex;
    for (int i = 0; i < int(pipeline.nodes.size()); ++i) {
        const Node &node = pipeline.nodes[size_t(i)];
        if (const NodeType *type = info.types[size_t(i)])
            settings.validateObject(node.config, type->settings, LazyPointer::nodeConfig(i), node.id);
    }
    result.schemas = SchemaInference(context, info).run();
    result.order = info.order;

    // Errors first; within each severity, the order the checks found them.
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(), [](const Diagnostic &a, const Diagnostic &b) {
        return a.severity < b.severity;
    });
    return result;
}

} // namespace sw::core
