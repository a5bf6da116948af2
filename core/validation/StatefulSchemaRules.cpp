// SPDX-License-Identifier: GPL-3.0-or-later
// Schema rules of the stateful operators: window aggregates and joins.
#include "expr/Casts.h"
#include "validation/SchemaInference.h"

#include <QCoreApplication>
#include <QJsonArray>

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
    const QJsonObject window = n.node.config.value(QStringLiteral("window")).toObject();
    const QString kind = window.value(QStringLiteral("kind")).toString();
    struct Need
    {
        const char *key;
        bool needed;
    };
    const std::vector<Need> needs = {{"size", kind == u"tumbling" || kind == u"sliding"},
                                     {"slide", kind == u"sliding"},
                                     {"gap", kind == u"session"}};
    if (kind == u"tumbling" || kind == u"sliding" || kind == u"session") {
        for (const Need &need : needs) {
            const QString key = QLatin1String(need.key);
            const QString path = QStringLiteral("window/") + key;
            if (need.needed && !window.contains(key))
                m_context.error(n.pointer(path), tr("a %1 window needs \"%2\"").arg(kind, key), n.node.id);
            else if (!need.needed && window.contains(key))
                m_context.error(n.pointer(path), tr("\"%1\" does not apply to a %2 window; remove it").arg(key, kind),
                                n.node.id);
            else if (const auto ms = duration(n, path); need.needed && ms && *ms <= 0)
                m_context.error(n.pointer(path), tr("\"%1\" must be longer than 0").arg(key), n.node.id);
        }
        const auto size = duration(n, QStringLiteral("window/size"));
        const auto slide = duration(n, QStringLiteral("window/slide"));
        if (kind == u"sliding" && size && slide && *slide > *size)
            m_context.error(n.pointer(QStringLiteral("window/slide")),
                            tr("\"slide\" (%1) must not be longer than \"size\" (%2), or rows would fall between windows")
                                .arg(window.value(QStringLiteral("slide")).toString(),
                                     window.value(QStringLiteral("size")).toString()),
                            n.node.id);
    }

    Schema out;
    out.fields = {{QStringLiteral("window_start"), DataType::Timestamp}, {QStringLiteral("window_end"), DataType::Timestamp}};
    out.eventTimeField = QStringLiteral("window_start");
    const QJsonArray groupBy = n.value(QStringLiteral("groupBy")).toArray();
    for (qsizetype i = 0; i < groupBy.size(); ++i) {
        const QString name = groupBy[i].toString();
        if (const Field *f = field(n, QStringLiteral("groupBy/%1").arg(i), name, in)) {
            if (out.field(name))
                m_context.error(n.pointer(QStringLiteral("groupBy/%1").arg(i)),
                                tr("\"%1\" appears twice in the output").arg(name), n.node.id);
            else
                out.fields.push_back(*f);
        }
    }
    const QJsonArray aggregates = n.value(QStringLiteral("aggregates")).toArray();
    for (qsizetype i = 0; i < aggregates.size(); ++i) {
        const QJsonObject a = aggregates[i].toObject();
        const QString name = a.value(QStringLiteral("name")).toString();
        const QString fn = a.value(QStringLiteral("fn")).toString();
        const QString base = QStringLiteral("aggregates/%1/").arg(i);
        if (name.isEmpty() || fn.isEmpty())
            continue; // reported by the settings check
        if (out.field(name)) {
            m_context.error(n.pointer(base + QStringLiteral("name")),
                            tr("\"%1\" is already an output column; give the aggregate another name").arg(name),
                            n.node.id);
            continue;
        }
        const QJsonValue exprValue = a.value(QStringLiteral("expr"));
        DataType valueType = DataType::Null;
        bool valueOk = true;
        if (exprValue.isString() && !exprValue.toString().isEmpty()) {
            const auto checked = expression(n, base + QStringLiteral("expr"), exprValue.toString(), in);
            valueOk = checked.ok();
            valueType = checked.type;
        } else if (fn != u"count") {
            m_context.error(n.pointer(base + QStringLiteral("expr")),
                            tr("\"%1\" needs \"expr\": the value to aggregate, e.g. a field name").arg(fn), n.node.id);
            valueOk = false;
        }
        DataType result = valueType;
        if (fn == u"count" || fn == u"count_distinct") {
            result = DataType::Int;
        } else if (fn == u"sum" || fn == u"avg") {
            if (valueOk && !isNumeric(valueType) && valueType != DataType::Null)
                m_context.error(n.pointer(base + QStringLiteral("expr")),
                                tr("%1 needs a number, but the expression gives %2").arg(fn, typeName(valueType)),
                                n.node.id);
            result = fn == u"avg" || valueType != DataType::Int ? DataType::Double : DataType::Int;
        } else if ((fn == u"min" || fn == u"max") && valueType == DataType::Boolean) {
            m_context.error(n.pointer(base + QStringLiteral("expr")),
                            tr("%1 of a boolean is not defined; CAST it to int").arg(fn), n.node.id);
        }
        out.fields.push_back({name, valueOk ? result : DataType::Null});
    }
    return {{QStringLiteral("out"), out}, {QStringLiteral("late"), in}};
}

SchemaInference::Outputs SchemaInference::inferStreamJoin(const NodeScope &n, const Schema &left, const Schema &right)
{
    const bool leftTime = requireEventTime(n, left, QStringLiteral("left"));
    const bool rightTime = requireEventTime(n, right, QStringLiteral("right"));
    const QJsonArray on = n.value(QStringLiteral("on")).toArray();
    for (qsizetype i = 0; i < on.size(); ++i) {
        const QJsonArray pair = on[i].toArray();
        const Field *l = field(n, QStringLiteral("on/%1/0").arg(i), pair[0].toString(), left, QStringLiteral("left"));
        const Field *r = field(n, QStringLiteral("on/%1/1").arg(i), pair[1].toString(), right, QStringLiteral("right"));
        bool ok = false;
        if (l && r && (expr::Casts::common(l->type, r->type, &ok), !ok))
            m_context.error(n.pointer(QStringLiteral("on/%1").arg(i)),
                            tr("cannot join %1 \"%2\" with %3 \"%4\"; CAST one side in a map node first")
                                .arg(typeName(l->type), l->name, typeName(r->type), r->name),
                            n.node.id);
    }
    const QJsonObject within = n.node.config.value(QStringLiteral("within")).toObject();
    const QString leftTimeField = within.value(QStringLiteral("left")).toString();
    for (const auto &[key, schema] : {std::pair{QStringLiteral("left"), &left}, std::pair{QStringLiteral("right"), &right}}) {
        const QString name = within.value(key).toString();
        const Field *f = field(n, QStringLiteral("within/") + key, name, *schema, key);
        if (f && f->type != DataType::Timestamp)
            m_context.error(n.pointer(QStringLiteral("within/") + key),
                            tr("\"%1\" is %2; the time bound needs a timestamp field").arg(name, typeName(f->type)),
                            n.node.id);
    }
    const auto from = duration(n, QStringLiteral("within/from"));
    const auto to = duration(n, QStringLiteral("within/to"));
    if (from && to && *from > *to)
        m_context.error(n.pointer(QStringLiteral("within/from")),
                        tr("\"from\" must not be after \"to\": no row could ever match"), n.node.id);

    QString timeName;
    Schema out = joinedSchema(left, right, on, leftTimeField, &timeName);
    if (leftTime && rightTime && out.field(timeName))
        out.eventTimeField = timeName;
    return {{QStringLiteral("out"), out}};
}

SchemaInference::Outputs SchemaInference::inferLookupJoin(const NodeScope &n, const Schema &in)
{
    const QJsonObject table = n.node.config.value(QStringLiteral("table")).toObject();
    const QString kind = table.value(QStringLiteral("kind")).toString();
    QStringList needed;
    if (kind == u"sqlite")
        needed = {QStringLiteral("path"), QStringLiteral("table")};
    else if (kind == u"csv" || kind == u"jsonl")
        needed = {QStringLiteral("path")};
    else if (kind == u"kafka")
        needed = {QStringLiteral("connection"), QStringLiteral("topic")};
    for (const QString &key : needed) {
        if (table.value(key).toString().isEmpty())
            m_context.error(n.pointer(QStringLiteral("table/") + key), tr("a %1 table needs \"%2\"").arg(kind, key),
                            n.node.id);
    }
    const Schema tableSchema = declaredSchema(n, QStringLiteral("schema")).value_or(Schema{});
    const QJsonArray on = n.value(QStringLiteral("on")).toArray();
    for (qsizetype i = 0; i < on.size(); ++i) {
        const QJsonArray pair = on[i].toArray();
        const Field *l = field(n, QStringLiteral("on/%1/0").arg(i), pair[0].toString(), in, QStringLiteral("stream"));
        const Field *r = tableSchema.field(pair[1].toString());
        if (!r && !pair[1].toString().isEmpty())
            m_context.error(n.pointer(QStringLiteral("on/%1/1").arg(i)),
                            tr("\"%1\" is not a column of the table; declare it in \"schema\"").arg(pair[1].toString()),
                            n.node.id);
        bool ok = false;
        if (l && r && (expr::Casts::common(l->type, r->type, &ok), !ok))
            m_context.error(n.pointer(QStringLiteral("on/%1").arg(i)),
                            tr("cannot join %1 \"%2\" with %3 \"%4\"").arg(typeName(l->type), l->name,
                                                                          typeName(r->type), r->name),
                            n.node.id);
    }
    QString timeName;
    Schema out = joinedSchema(in, tableSchema, on, in.eventTimeField, &timeName);
    out.eventTimeField = in.hasEventTime() ? timeName : QString();
    return {{QStringLiteral("out"), out}};
}

Schema SchemaInference::joinedSchema(const Schema &left, const Schema &right, const QJsonArray &on,
                                     const QString &leftTimeField, QString *leftTimeName)
{
    QStringList using_;
    for (const auto &p : on) {
        const QJsonArray pair = p.toArray();
        const QString l = pair.at(0).toString(), r = pair.at(1).toString();
        if (l == r && left.field(l) && right.field(r) && !using_.contains(l))
            using_ << l;
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
