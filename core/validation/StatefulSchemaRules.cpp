// SPDX-License-Identifier: GPL-3.0-or-later
// Schema rules of the stateful operators: window aggregates and joins.
#include "expr/Casts.h"
#include "settings/NodeSettings.h"
#include "validation/SchemaInference.h"

#include <QCoreApplication>
#include <tuple>

namespace sw::core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("sw::core::SchemaInference", text);
}
} // namespace

SchemaInference::Outputs SchemaInference::inferWindowAggregate(const NodeScope &n, const Schema &in)
{
    requireEventTime(n, in);
    refuseWholeResult(n, in);
    const auto settings = WindowAggregateSettings::parse(n.node.config);
    const auto &window = settings.window;
    if (window.kind) {
        const WindowKind kind = *window.kind;
        const QString &kindName = window.kindName;
        struct Need
        {
            const char *key;
            bool needed;
            bool written;
            std::optional<int64_t> ms;
        };
        const Need needs[] = {{"size", kind != WindowKind::Session, window.hasSize, window.sizeMs},
                              {"slide", kind == WindowKind::Sliding, window.hasSlide, window.slideMs},
                              {"gap", kind == WindowKind::Session, window.hasGap, window.gapMs}};
        for (const Need &need : needs) {
            const QString key = QLatin1String(need.key);
            const QString path = QStringLiteral("window/") + key;
            if (need.needed && !need.written)
                m_context.error(n.pointer(path), tr("a %1 window needs \"%2\"").arg(kindName, key), n.node.id);
            else if (!need.needed && need.written)
                m_context.error(n.pointer(path), tr("\"%1\" does not apply to a %2 window; remove it").arg(key, kindName),
                                n.node.id);
            else if (need.needed && need.ms && *need.ms <= 0)
                m_context.error(n.pointer(path), tr("\"%1\" must be longer than 0").arg(key), n.node.id);
        }
        if (kind == WindowKind::Sliding && window.sizeMs && window.slideMs && *window.slideMs > *window.sizeMs)
            m_context.error(n.pointer(QStringLiteral("window/slide")),
                            tr("\"slide\" (%1) must not be longer than \"size\" (%2), or rows would fall between windows")
                                .arg(at(n, QStringLiteral("window/slide")).toString(), at(n, QStringLiteral("window/size")).toString()),
                            n.node.id);
    }

    Schema out;
    out.fields = {{QStringLiteral("window_start"), DataType::Timestamp}, {QStringLiteral("window_end"), DataType::Timestamp}};
    out.eventTimeField = QStringLiteral("window_start");
    aggregateColumns(n, settings.groupBy, settings.aggregates, in, out);
    out.wholeResult = settings.outputMode == OutputMode::Complete;
    return {{QStringLiteral("out"), out}, {QStringLiteral("late"), in}};
}

void SchemaInference::aggregateColumns(const NodeScope &n, const QStringList &groupBy,
                                       const std::vector<AggregateSpec> &aggregates, const Schema &in, Schema &out)
{
    for (qsizetype i = 0; i < groupBy.size(); ++i) {
        const QString &name = groupBy[i];
        if (const Field *f = field(n, QStringLiteral("groupBy/%1").arg(i), name, in)) {
            if (out.field(name))
                m_context.error(n.pointer(QStringLiteral("groupBy/%1").arg(i)),
                                tr("\"%1\" appears twice in the output").arg(name), n.node.id);
            else
                out.fields.push_back(*f);
        }
    }
    using F = AggregateFunction;
    for (size_t i = 0; i < aggregates.size(); ++i) {
        const auto &a = aggregates[i];
        const QString base = QStringLiteral("aggregates/%1/").arg(i);
        if (a.name.isEmpty() || a.fnName.isEmpty())
            continue; // reported by the settings check
        if (out.field(a.name)) {
            m_context.error(n.pointer(base + QStringLiteral("name")),
                            tr("\"%1\" is already an output column; give the aggregate another name").arg(a.name),
                            n.node.id);
            continue;
        }
        DataType valueType = DataType::Null;
        bool valueOk = true;
        if (!a.expr.isEmpty()) {
            const auto checked = expression(n, base + QStringLiteral("expr"), a.expr, in);
            valueOk = checked.ok();
            valueType = checked.type;
        } else if (a.fn != F::Count) {
            m_context.error(n.pointer(base + QStringLiteral("expr")),
                            tr("\"%1\" needs \"expr\": the value to aggregate, e.g. a field name").arg(a.fnName),
                            n.node.id);
            valueOk = false;
        }
        DataType result = valueType;
        if (a.fn == F::Count || a.fn == F::CountDistinct) {
            result = DataType::Int;
        } else if (a.fn == F::Sum || a.fn == F::Avg) {
            if (valueOk && !isNumeric(valueType) && valueType != DataType::Null)
                m_context.error(n.pointer(base + QStringLiteral("expr")),
                                tr("%1 needs a number, but the expression gives %2").arg(a.fnName, typeName(valueType)),
                                n.node.id);
            result = a.fn == F::Avg || valueType != DataType::Int ? DataType::Double : DataType::Int;
        } else if ((a.fn == F::Min || a.fn == F::Max) && valueType == DataType::Boolean) {
            m_context.error(n.pointer(base + QStringLiteral("expr")),
                            tr("%1 of a boolean is not defined; CAST it to int").arg(a.fnName), n.node.id);
        }
        out.fields.push_back({a.name, valueOk ? result : DataType::Null});
    }
}

SchemaInference::Outputs SchemaInference::inferAggregate(const NodeScope &n, const Schema &in)
{
    refuseWholeResult(n, in);
    const auto settings = AggregateSettings::parse(n.node.config);
    Schema out;
    aggregateColumns(n, settings.groupBy, settings.aggregates, in, out);
    // Spark: with the event-time column among the keys, a group is final once the
    // watermark passes its event time; then append mode works and state is evicted.
    const bool timeKey = in.hasEventTime() && settings.groupBy.contains(in.eventTimeField);
    if (timeKey)
        out.eventTimeField = in.eventTimeField;
    if (settings.outputMode == OutputMode::Append && !timeKey)
        m_context.error(n.pointer(QStringLiteral("outputMode")),
                        in.hasEventTime()
                            ? tr("append mode emits a group once it is final, and without the event-time field \"%1\" "
                                 "in groupBy no group ever is; add it to groupBy, or use update or complete")
                                  .arg(in.eventTimeField)
                            : tr("append mode emits a group once it is final, which needs event time (none reaches "
                                 "this node) among the groupBy fields; use update or complete"),
                        n.node.id);
    out.wholeResult = settings.outputMode == OutputMode::Complete;
    return {{QStringLiteral("out"), out}, {QStringLiteral("late"), in}};
}

void SchemaInference::refuseWholeResult(const NodeScope &n, const Schema &in, const QString &port)
{
    if (!in.wholeResult)
        return;
    m_context.error(ValidationContext::nodePointer(n.index),
                    tr("%1 \"%2\" gets a complete-mode result (the whole table again every batch)%3 and would take "
                       "its rows for new ones; use update mode upstream, or write the result to a sink")
                        .arg(n.type.displayName, n.node.id,
                             port.isEmpty() ? QString() : tr(" on its %1 input").arg(port)),
                    n.node.id);
}

SchemaInference::Outputs SchemaInference::inferStreamJoin(const NodeScope &n, const Schema &left, const Schema &right)
{
    const bool leftTime = requireEventTime(n, left, QStringLiteral("left"));
    const bool rightTime = requireEventTime(n, right, QStringLiteral("right"));
    refuseWholeResult(n, left, QStringLiteral("left"));
    refuseWholeResult(n, right, QStringLiteral("right"));
    const auto settings = StreamJoinSettings::parse(n.node.config);
    checkJoinKeys(n, settings.on, left, right, QStringLiteral("left"), QStringLiteral("right"));
    for (const auto &[key, name, schema] : {std::tuple{QStringLiteral("left"), settings.leftTime, &left},
                                            std::tuple{QStringLiteral("right"), settings.rightTime, &right}}) {
        const Field *f = field(n, QStringLiteral("within/") + key, name, *schema, key);
        if (f && f->type != DataType::Timestamp)
            m_context.error(n.pointer(QStringLiteral("within/") + key),
                            tr("\"%1\" is %2; the time bound needs a timestamp field").arg(name, typeName(f->type)),
                            n.node.id);
    }
    if (settings.fromMs && settings.toMs && *settings.fromMs > *settings.toMs)
        m_context.error(n.pointer(QStringLiteral("within/from")),
                        tr("\"from\" must not be after \"to\": no row could ever match"), n.node.id);

    QString timeName;
    Schema out = joinedSchema(left, right, settings.on, settings.leftTime, &timeName);
    if (leftTime && rightTime && out.field(timeName))
        out.eventTimeField = timeName;
    if (!settings.condition.isEmpty()) {
        const auto checked = expression(n, QStringLiteral("condition"), settings.condition, out);
        if (checked.ok() && checked.type != DataType::Boolean && checked.type != DataType::Null)
            m_context.error(n.pointer(QStringLiteral("condition")),
                            tr("the condition must be true or false for each pair, but it gives %1")
                                .arg(typeName(checked.type)),
                            n.node.id);
    }
    return {{QStringLiteral("out"), out}};
}

SchemaInference::Outputs SchemaInference::inferLookupJoin(const NodeScope &n, const Schema &in)
{
    const auto settings = LookupJoinSettings::parse(n.node.config);
    const auto &table = settings.table;
    std::vector<std::pair<QString, const QString *>> needed;
    if (table.kind == u"sqlite")
        needed = {{QStringLiteral("path"), &table.path}, {QStringLiteral("table"), &table.table}};
    else if (table.kind == u"csv" || table.kind == u"jsonl")
        needed = {{QStringLiteral("path"), &table.path}};
    else if (table.kind == u"kafka")
        needed = {{QStringLiteral("connection"), &table.connection}, {QStringLiteral("topic"), &table.topic}};
    for (const auto &[key, value] : needed) {
        if (value->isEmpty())
            m_context.error(n.pointer(QStringLiteral("table/") + key),
                            tr("a %1 table needs \"%2\"").arg(table.kind, key), n.node.id);
    }
    // Reported once, with its path: a name declared twice.
    const Schema tableSchema = declaredSchema(n, QStringLiteral("schema")).value_or(Schema{});
    for (qsizetype i = 0; i < tableSchema.fields.size(); ++i) {
        if (isArray(tableSchema.fields[i].type))
            m_context.error(n.pointer(QStringLiteral("schema/%1/type").arg(i)),
                            tr("a lookup table's columns are single values; %1 cannot be read from a table")
                                .arg(typeName(tableSchema.fields[i].type)),
                            n.node.id);
    }
    for (size_t i = 0; i < settings.on.size(); ++i) {
        const FieldPair &pair = settings.on[i];
        const Field *l = field(n, QStringLiteral("on/%1/0").arg(i), pair.left, in, QStringLiteral("stream"));
        const Field *r = tableSchema.field(pair.right);
        if (!r && !pair.right.isEmpty())
            m_context.error(n.pointer(QStringLiteral("on/%1/1").arg(i)),
                            tr("\"%1\" is not a column of the table; declare it in \"schema\"").arg(pair.right),
                            n.node.id);
        bool ok = false;
        if (l && r && (expr::Casts::common(l->type, r->type, &ok), !ok))
            m_context.error(n.pointer(QStringLiteral("on/%1").arg(i)),
                            tr("cannot join %1 \"%2\" with %3 \"%4\"").arg(typeName(l->type), l->name,
                                                                          typeName(r->type), r->name),
                            n.node.id);
    }
    QString timeName;
    Schema out = joinedSchema(in, tableSchema, settings.on, in.eventTimeField, &timeName);
    out.eventTimeField = in.hasEventTime() ? timeName : QString();
    out.wholeResult = in.wholeResult; // a complete table enriched is still complete
    return {{QStringLiteral("out"), out}};
}

void SchemaInference::checkJoinKeys(const NodeScope &n, const std::vector<FieldPair> &on, const Schema &left,
                                    const Schema &right, const QString &leftName, const QString &rightName)
{
    for (size_t i = 0; i < on.size(); ++i) {
        const Field *l = field(n, QStringLiteral("on/%1/0").arg(i), on[i].left, left, leftName);
        const Field *r = field(n, QStringLiteral("on/%1/1").arg(i), on[i].right, right, rightName);
        bool ok = false;
        if (l && r && (expr::Casts::common(l->type, r->type, &ok), !ok))
            m_context.error(n.pointer(QStringLiteral("on/%1").arg(i)),
                            tr("cannot join %1 \"%2\" with %3 \"%4\"; CAST one side in a map node first")
                                .arg(typeName(l->type), l->name, typeName(r->type), r->name),
                            n.node.id);
    }
}

Schema SchemaInference::joinedSchema(const Schema &left, const Schema &right, const std::vector<FieldPair> &on,
                                     const QString &leftTimeField, QString *leftTimeName)
{
    QStringList using_;
    for (const FieldPair &pair : on) {
        if (pair.left == pair.right && left.field(pair.left) && right.field(pair.right) && !using_.contains(pair.left))
            using_ << pair.left;
    }
    Schema out;
    for (const QString &name : using_) {
        bool ok = false;
        const DataType t = expr::Casts::common(left.field(name)->type, right.field(name)->type, &ok);
        out.fields.push_back({name, ok ? t : left.field(name)->type});
    }
    *leftTimeName = leftTimeField;
    for (const Field &f : left.fields) {
        if (using_.contains(f.name))
            continue;
        const QString name = right.field(f.name) ? QStringLiteral("left_") + f.name : f.name;
        if (f.name == leftTimeField)
            *leftTimeName = name;
        out.fields.push_back({name, f.type});
    }
    for (const Field &f : right.fields) {
        if (using_.contains(f.name))
            continue;
        out.fields.push_back({left.field(f.name) ? QStringLiteral("right_") + f.name : f.name, f.type});
    }
    return out;
}

} // namespace sw::core
