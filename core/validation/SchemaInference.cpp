// SPDX-License-Identifier: GPL-3.0-or-later
#include "validation/SchemaInference.h"

#include "expr/Parser.h"
#include "model/Duration.h"
#include "model/Suggest.h"
#include "model/Timestamps.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace sw::core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("sw::core::SchemaInference", text);
}

QString fieldListText(const Schema &schema)
{
    QStringList names = schema.names();
    if (names.size() > 12) {
        names = names.mid(0, 12);
        names << QStringLiteral("...");
    }
    return names.join(QStringLiteral(", "));
}
} // namespace

const Fields &SchemaInference::kafkaMetadataFields()
{
    static const Fields fields = {{QStringLiteral("_key"), DataType::String},
                                  {QStringLiteral("_topic"), DataType::String},
                                  {QStringLiteral("_partition"), DataType::Int},
                                  {QStringLiteral("_offset"), DataType::Int},
                                  {QStringLiteral("_timestamp"), DataType::Timestamp}};
    return fields;
}

const Schema &SchemaInference::deadLetterSchema()
{
    static const Schema schema = [] {
        Schema s;
        s.fields = {{QStringLiteral("_reason"), DataType::String},    {QStringLiteral("_topic"), DataType::String},
                    {QStringLiteral("_partition"), DataType::Int},    {QStringLiteral("_offset"), DataType::Int},
                    {QStringLiteral("_timestamp"), DataType::Timestamp}, {QStringLiteral("_key"), DataType::String},
                    {QStringLiteral("_value"), DataType::String},
                    // Added later, so after the first seven: which kind of problem
                    // (for counting), the record's headers, and how key, value and
                    // header values are written (utf-8, or base64 when not UTF-8).
                    {QStringLiteral("_kind"), DataType::String},      {QStringLiteral("_headers"), DataType::String},
                    {QStringLiteral("_encoding"), DataType::String}};
        return s;
    }();
    return schema;
}

Schema SchemaInference::generatorSchema(const QString &stream)
{
    Schema s;
    if (stream == u"orders") {
        Field lines{QStringLiteral("lines"), DataType::ArrayObject};
        lines.elementFields = {{QStringLiteral("product_id"), DataType::String},
                               {QStringLiteral("category"), DataType::String},
                               {QStringLiteral("price"), DataType::Double},
                               {QStringLiteral("quantity"), DataType::Int}};
        s.fields = {{QStringLiteral("order_id"), DataType::String}, {QStringLiteral("user_id"), DataType::String},
                    lines, {QStringLiteral("total"), DataType::Double}, {QStringLiteral("ts"), DataType::Timestamp}};
        return s;
    }
    if (stream == u"purchase-events")
        s.fields = {{QStringLiteral("order_id"), DataType::String}, {QStringLiteral("user_id"), DataType::String},
                    {QStringLiteral("product_id"), DataType::String}, {QStringLiteral("amount"), DataType::Double},
                    {QStringLiteral("ts"), DataType::Timestamp}};
    else
        s.fields = {{QStringLiteral("user_id"), DataType::String},   {QStringLiteral("product_id"), DataType::String},
                    {QStringLiteral("category"), DataType::String},  {QStringLiteral("event_type"), DataType::String},
                    {QStringLiteral("price"), DataType::Double},     {QStringLiteral("ts"), DataType::Timestamp}};
    return s;
}

QHash<QString, NodeSchemas> SchemaInference::run()
{
    const Pipeline &p = m_context.pipeline;
    // By node index while the graph is walked (a lookup per edge), then by id.
    std::vector<std::optional<NodeSchemas>> byIndex(p.nodes.size());
    for (const int index : m_graph.orderIndex) {
        const Node &node = p.nodes[size_t(index)];
        const NodeType &type = *m_graph.types[size_t(index)];
        const NodeScope scope{index, node, type};
        Inputs inputs;
        bool complete = true;
        const auto &ports = m_graph.inputs[size_t(index)];
        for (size_t portIndex = 0; portIndex < type.inputs.size(); ++portIndex) {
            const PortSpec &port = type.inputs[portIndex];
            for (int k : ports[portIndex]) {
                const Edge &e = p.edges[size_t(k)];
                const QString fromPort = e.fromPort.isEmpty() ? QStringLiteral("out") : e.fromPort;
                const int from = m_graph.edgeFrom[size_t(k)];
                const std::optional<NodeSchemas> *upstream = from >= 0 ? &byIndex[size_t(from)] : nullptr;
                if (!upstream || !*upstream || !(*upstream)->outputs.count(fromPort)) {
                    complete = false;
                    continue;
                }
                inputs[port.name].push_back({e.from, (*upstream)->outputs.at(fromPort)});
            }
            if (!inputs.count(port.name))
                complete = false;
        }
        if (!complete) {
            checkSyntaxOnly(scope);
            continue;
        }
        NodeSchemas schemas;
        schemas.outputs = inferNode(scope, inputs);
        for (auto &[port, streams] : inputs)
            schemas.inputs[port] = std::move(streams.front().schema);
        byIndex[size_t(index)] = std::move(schemas);
    }
    QHash<QString, NodeSchemas> result;
    result.reserve(m_graph.order.size());
    for (const int index : m_graph.orderIndex) {
        auto &schemas = byIndex[size_t(index)];
        if (schemas)
            result.emplace(p.nodes[size_t(index)].id, std::move(*schemas)); // moved, not copied: a long pipeline has many
    }
    return result;
}

SchemaInference::Outputs SchemaInference::inferNode(const NodeScope &n, const Inputs &inputs)
{
    const QString &t = n.type.id;
    if (n.type.isSource())
        return inferSource(n);
    if (t == u"join.stream")
        return inferStreamJoin(n, inputs.at(QStringLiteral("left")).front().schema,
                               inputs.at(QStringLiteral("right")).front().schema);
    if (t == u"union")
        return inferUnion(n, inputs.at(QStringLiteral("in")));
    const Schema &in = inputs.at(QStringLiteral("in")).front().schema;
    if (n.type.isSink())
        return inferSink(n, in);
    if (t == u"filter") {
        const QString text = FilterSettings::parse(n.node.config).predicate;
        const auto checked = expression(n, QStringLiteral("predicate"), text, in);
        if (checked.ok() && checked.type != DataType::Boolean && checked.type != DataType::Null) {
            Diagnostic d = Diagnostic::error(n.pointer(QStringLiteral("predicate")),
                                             tr("the predicate must be true or false for each row, but it gives %1; "
                                                "compare it with something, e.g. %2 > 0")
                                                 .arg(typeName(checked.type), text),
                                             n.node.id);
            d.exprOffset = 0;
            d.exprLength = int(text.size());
            m_context.diagnostics.push_back(d);
        }
        return {{QStringLiteral("out"), in}};
    }
    if (t == u"map")
        return inferMap(n, in);
    if (t == u"explode")
        return inferExplode(n, in);
    if (t == u"watermark") {
        refuseWholeResult(n, in);
        const auto settings = WatermarkSettings::parse(n.node.config);
        Schema out = in;
        if (const Field *f = field(n, QStringLiteral("field"), settings.field, in)) {
            if (f->type != DataType::Timestamp)
                m_context.error(n.pointer(QStringLiteral("field")),
                                tr("\"%1\" is %2; event time must be a timestamp (CAST it in a map node first, e.g. "
                                   "CAST(%1 AS timestamp))")
                                    .arg(settings.field, typeName(f->type)),
                                n.node.id);
            else
                out.eventTimeField = settings.field;
        }
        return {{QStringLiteral("out"), out}};
    }
    if (t == u"window.aggregate")
        return inferWindowAggregate(n, in);
    if (t == u"aggregate")
        return inferAggregate(n, in);
    if (t == u"join.lookup")
        return inferLookupJoin(n, in);
    if (t == u"dedupe") {
        requireEventTime(n, in);
        refuseWholeResult(n, in);
        const auto settings = DedupeSettings::parse(n.node.config);
        for (qsizetype i = 0; i < settings.key.size(); ++i)
            field(n, QStringLiteral("key/%1").arg(i), settings.key[i], in);
        if (const auto ms = settings.withinMs; ms && *ms <= 0)
            m_context.error(n.pointer(QStringLiteral("within")), tr("\"within\" must be longer than 0"), n.node.id);
        return {{QStringLiteral("out"), in}};
    }
    return {{QStringLiteral("out"), in}};
}

SchemaInference::Outputs SchemaInference::inferSource(const NodeScope &n)
{
    if (n.type.id == u"source.generator") {
        Schema s = generatorSchema(GeneratorSettings::parse(n.node.config).stream);
        applyEventTime(n, s, QStringLiteral("ts"));
        return {{QStringLiteral("out"), s}};
    }
    Schema s = declaredSchema(n, QStringLiteral("schema")).value_or(Schema{});
    for (const Field &meta : kafkaMetadataFields()) {
        const int clash = s.indexOf(meta.name);
        if (clash >= 0)
            m_context.error(n.pointer(QStringLiteral("schema/%1/name").arg(clash)),
                            tr("\"%1\" is the name of a Kafka metadata column; choose another name").arg(meta.name),
                            n.node.id);
        else
            s.fields.push_back(meta);
    }
    applyEventTime(n, s, QStringLiteral("_timestamp"));
    checkDeadLetters(n);
    if (n.type.id == u"source.kafka") {
        const QJsonValue offsets = n.node.config.value(QStringLiteral("startingOffsets"));
        if (offsets.isString() && offsets.toString() != u"earliest" && offsets.toString() != u"latest"
            && !Timestamps::parseIso(offsets.toString()))
            m_context.error(n.pointer(QStringLiteral("startingOffsets")),
                            tr("\"startingOffsets\" must be earliest, latest or a time like 2026-11-25T10:00:00Z, not "
                               "\"%1\"")
                                .arg(offsets.toString()),
                            n.node.id);
    }
    if (n.type.id == u"source.recording") {
        const QJsonValue speed = n.node.config.value(QStringLiteral("speed"));
        if (speed.isDouble() && !(speed.toDouble() > 0))
            m_context.error(n.pointer(QStringLiteral("speed")),
                            tr("\"speed\" must be above 0: 1 is the recorded pace, 2 twice as fast"), n.node.id);
        else if (speed.isDouble() && n.node.config.value(QStringLiteral("pace")).toString() != u"recorded")
            m_context.warning(n.pointer(QStringLiteral("speed")),
                              tr("\"speed\" applies with \"pace\": \"recorded\"; at pace max the recording is read "
                                 "as fast as the pipeline takes it"),
                              n.node.id);
    }
    return {{QStringLiteral("out"), s}, {QStringLiteral("dead"), deadLetterSchema()}};
}

void SchemaInference::checkDeadLetters(const NodeScope &n)
{
    const auto settings = KafkaSourceSettings::parse(n.node.config).deadLetters;
    if (settings.to) {
        const auto &to = *settings.to;
        std::vector<std::pair<QString, const QString *>> needed;
        if (to.kind == u"file")
            needed = {{QStringLiteral("path"), &to.path}};
        else if (to.kind == u"sqlite")
            needed = {{QStringLiteral("path"), &to.path}, {QStringLiteral("table"), &to.table}};
        else if (to.kind == u"kafka")
            needed = {{QStringLiteral("connection"), &to.connection}, {QStringLiteral("topic"), &to.topic}};
        for (const auto &[key, value] : needed) {
            if (value->isEmpty())
                m_context.error(n.pointer(QStringLiteral("deadLetters/to/") + key),
                                tr("dead letters to a %1 need \"%2\"").arg(to.kind, key), n.node.id);
        }
    }
    if (settings.policy != DeadLetterSettings::Policy::Skip)
        return;
    for (const Edge &e : m_context.pipeline.edges) {
        if (e.from == n.node.id && e.fromPort == u"dead") {
            m_context.warning(n.pointer(QStringLiteral("deadLetters/policy")),
                              tr("policy \"skip\" sends nothing to the \"dead\" edge to \"%1\"; use \"route\" to "
                                 "process the dead letters, or remove the edge")
                                  .arg(e.to),
                              n.node.id);
            break;
        }
    }
}

SchemaInference::Outputs SchemaInference::inferMap(const NodeScope &n, const Schema &in)
{
    const auto settings = MapSettings::parse(n.node.config);
    Schema out;
    if (settings.keepInput) {
        out = in;
        for (qsizetype i = 0; i < settings.drop.size(); ++i) {
            const QString &name = settings.drop[i];
            if (!field(n, QStringLiteral("drop/%1").arg(i), name, in))
                continue;
            const int index = out.indexOf(name);
            if (index < 0) { // listed before: harmless, but say so
                m_context.warning(n.pointer(QStringLiteral("drop/%1").arg(i)),
                                  tr("\"%1\" is already in the drop list; remove this entry").arg(name), n.node.id);
                continue;
            }
            out.fields.erase(out.fields.begin() + index);
        }
    }
    QStringList seen;
    for (size_t i = 0; i < settings.columns.size(); ++i) {
        const QString &name = settings.columns[i].name;
        const QString &text = settings.columns[i].expr;
        if (name.isEmpty() || text.isEmpty())
            continue; // reported by the settings check
        if (seen.contains(name)) {
            m_context.error(n.pointer(QStringLiteral("columns/%1/name").arg(i)),
                            tr("column \"%1\" is computed twice").arg(name), n.node.id);
            continue;
        }
        seen << name;
        const auto checked = expression(n, QStringLiteral("columns/%1/expr").arg(i), text, in);
        const Field f{name, checked.ok() ? checked.type : DataType::String};
        const int existing = out.indexOf(name);
        if (existing >= 0)
            out.fields[size_t(existing)] = f;
        else
            out.fields.push_back(f);
    }
    const Field *time = out.field(in.eventTimeField);
    out.eventTimeField = time && time->type == DataType::Timestamp ? in.eventTimeField : QString();
    out.wholeResult = in.wholeResult;
    return {{QStringLiteral("out"), out}};
}

SchemaInference::Outputs SchemaInference::inferExplode(const NodeScope &n, const Schema &in)
{
    const auto settings = ExplodeSettings::parse(n.node.config);
    const Field *array = field(n, QStringLiteral("field"), settings.field, in);
    if (!array)
        return {};
    if (!isArray(array->type)) {
        m_context.error(n.pointer(QStringLiteral("field")),
                        tr("\"%1\" is %2; explode needs an array field (declare it in the source's schema as "
                           "array<string>, array<int>, array<double> or array<object>, or make one with split())")
                            .arg(settings.field, typeName(array->type)),
                        n.node.id);
        return {};
    }
    const Field arrayField = *array;
    std::vector<std::pair<Field, QString>> made; // the new columns, and the setting that names them
    if (!settings.position.isEmpty())
        made.push_back({{settings.position, DataType::Int}, QStringLiteral("position")});
    if (arrayField.type == DataType::ArrayObject) {
        if (arrayField.elementFields.empty())
            m_context.error(n.pointer(QStringLiteral("field")),
                            tr("\"%1\" declares no element fields; give its schema entry \"fields\"").arg(settings.field),
                            n.node.id);
        for (const Field &f : arrayField.elementFields)
            made.push_back({{settings.prefix + f.name, f.type}, QStringLiteral("prefix")});
    } else {
        made.push_back({{settings.as.isEmpty() ? settings.field : settings.as, elementType(arrayField.type)},
                        QStringLiteral("as")});
    }
    Schema out;
    out.eventTimeField = in.eventTimeField;
    out.wholeResult = in.wholeResult;
    for (const Field &f : in.fields) {
        if (f.name != arrayField.name) {
            out.fields.push_back(f);
            continue;
        }
        for (const auto &[column, setting] : made) {
            if (out.field(column.name) || (in.field(column.name) && column.name != arrayField.name)) {
                m_context.error(n.pointer(setting),
                                tr("\"%1\" is already a column; set \"%2\" to another name").arg(column.name, setting),
                                n.node.id);
                continue;
            }
            out.fields.push_back(column);
        }
    }
    return {{QStringLiteral("out"), out}};
}

SchemaInference::Outputs SchemaInference::inferUnion(const NodeScope &n, const std::vector<Input> &inputs)
{
    for (const Input &input : inputs)
        refuseWholeResult(n, input.schema);
    Schema out = inputs.front().schema;
    const QString &first = inputs.front().from;
    for (size_t i = 1; i < inputs.size(); ++i) {
        const Schema &other = inputs[i].schema;
        QStringList differences;
        for (const Field &f : out.fields) {
            const Field *g = other.field(f.name);
            if (!g)
                differences << tr("\"%1\" is only in \"%2\"").arg(f.name, first);
            else if (g->type != f.type)
                differences << tr("\"%1\" is %2 in \"%3\" but %4 in \"%5\"")
                                   .arg(f.name, typeName(f.type), first, typeName(g->type), inputs[i].from);
        }
        for (const Field &g : other.fields) {
            if (!out.field(g.name))
                differences << tr("\"%1\" is only in \"%2\"").arg(g.name, inputs[i].from);
        }
        if (!differences.isEmpty())
            m_context.error(ValidationContext::nodePointer(n.index),
                            tr("the inputs of union \"%1\" have different fields: %2; make them equal with a map node")
                                .arg(n.node.id, differences.join(QStringLiteral("; "))),
                            n.node.id);
        if (other.eventTimeField != out.eventTimeField)
            out.eventTimeField.clear();
    }
    return {{QStringLiteral("out"), out}};
}

SchemaInference::Outputs SchemaInference::inferSink(const NodeScope &n, const Schema &in)
{
    const QString &t = n.type.id;
    if (t == u"sink.kafka" || t == u"sink.redis") {
        const QJsonValue key = n.node.config.value(QStringLiteral("key"));
        if (key.isString() && !key.toString().isEmpty())
            expression(n, QStringLiteral("key"), key.toString(), in);
        else if (t == u"sink.kafka" && in.wholeResult)
            m_context.warning(n.pointer(QStringLiteral("key")),
                              tr("a complete-mode result writes every row again each batch; without a key, readers "
                                 "of the topic cannot tell which record replaces which (a compacted topic keeps the "
                                 "latest per key); set \"key\", e.g. to the group fields"),
                              n.node.id);
    }
    if (t == u"sink.sqlite" || t == u"sink.postgres") {
        const QJsonArray key = n.value(QStringLiteral("key")).toArray();
        for (qsizetype i = 0; i < key.size(); ++i)
            field(n, QStringLiteral("key/%1").arg(i), key[i].toString(), in);
        if (n.value(QStringLiteral("mode")).toString() == u"upsert" && key.isEmpty())
            m_context.error(n.pointer(QStringLiteral("key")),
                            tr("mode \"upsert\" needs \"key\": the fields that identify a row, e.g. [\"window_start\", "
                               "\"product_id\"]"),
                            n.node.id);
    }
    if (t == u"sink.preview" && n.value(QStringLiteral("rows")).toInt(1) < 1)
        m_context.error(n.pointer(QStringLiteral("rows")), tr("\"rows\" must be at least 1"), n.node.id);
    return {};
}

void SchemaInference::checkSyntaxOnly(const NodeScope &n)
{
    // Without an input schema, an expression can still be checked for syntax.
    auto check = [&](const QString &path, const QJsonValue &v) {
        if (!v.isString() || v.toString().isEmpty())
            return;
        const auto parsed = expr::Parser::parse(v.toString());
        if (parsed.error) {
            Diagnostic d = Diagnostic::error(n.pointer(path), parsed.error->describe(), n.node.id);
            d.exprOffset = parsed.error->offset;
            d.exprLength = parsed.error->length;
            m_context.diagnostics.push_back(d);
        }
    };
    for (const auto &spec : n.type.settings) {
        if (spec.kind == SettingKind::Expression) {
            check(spec.key, n.node.config.value(spec.key));
        } else if (spec.kind == SettingKind::ObjectList) {
            const QJsonArray items = n.node.config.value(spec.key).toArray();
            for (const auto &f : spec.fields) {
                if (f.kind != SettingKind::Expression)
                    continue;
                for (qsizetype i = 0; i < items.size(); ++i)
                    check(QStringLiteral("%1/%2/%3").arg(spec.key).arg(i).arg(f.key), items[i].toObject().value(f.key));
            }
        }
    }
}

std::optional<Schema> SchemaInference::declaredSchema(const NodeScope &n, const QString &key)
{
    const QJsonValue v = n.node.config.value(key);
    if (!v.isArray())
        return std::nullopt;
    Schema s;
    const QJsonArray a = v.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QJsonObject f = a[i].toObject();
        const QString name = f.value(QStringLiteral("name")).toString();
        const auto type = parseTypeName(f.value(QStringLiteral("type")).toString());
        if (name.isEmpty() || !type)
            continue; // reported by the settings check
        if (s.field(name)) {
            m_context.error(n.pointer(QStringLiteral("%1/%2/name").arg(key).arg(i)),
                            tr("field \"%1\" is declared twice").arg(name), n.node.id);
            continue;
        }
        Field field{name, *type};
        const auto fieldsPath = [&] { return QStringLiteral("%1/%2/fields").arg(key).arg(i); };
        const QJsonArray elements = f.value(QStringLiteral("fields")).toArray();
        if (*type != DataType::ArrayObject) {
            if (f.contains(QStringLiteral("fields")))
                m_context.warning(n.pointer(fieldsPath()),
                                  tr("only an array<object> has element fields; \"fields\" is ignored"), n.node.id);
        } else if (elements.isEmpty()) {
            m_context.error(n.pointer(fieldsPath()),
                            tr("an array<object> needs \"fields\": the fields of its elements, e.g. [{\"name\": "
                               "\"sku\", \"type\": \"string\"}]"),
                            n.node.id);
        }
        if (*type == DataType::ArrayObject) {
            for (qsizetype e = 0; e < elements.size(); ++e) {
                const QJsonObject element = elements[e].toObject();
                const QString elementName = element.value(QStringLiteral("name")).toString();
                const auto elementType = parseTypeName(element.value(QStringLiteral("type")).toString());
                if (elementName.isEmpty() || !elementType)
                    continue; // reported by the settings check
                const auto elementNamePath = [&] { return QStringLiteral("%1/%2/name").arg(fieldsPath()).arg(e); };
                if (elementName.contains(u'.'))
                    m_context.error(n.pointer(elementNamePath()),
                                    tr("an element field is a key of the element itself; \"%1\" cannot reach deeper")
                                        .arg(elementName),
                                    n.node.id);
                else if (std::any_of(field.elementFields.begin(), field.elementFields.end(),
                                     [&](const Field &g) { return g.name == elementName; }))
                    m_context.error(n.pointer(elementNamePath()),
                                    tr("field \"%1\" is declared twice").arg(elementName), n.node.id);
                else
                    field.elementFields.push_back({elementName, *elementType});
            }
        }
        s.fields.push_back(std::move(field));
    }
    return s;
}

void SchemaInference::applyEventTime(const NodeScope &n, Schema &schema, const QString &defaultField)
{
    const QJsonValue eventTime = n.node.config.value(QStringLiteral("eventTime"));
    if (!eventTime.isObject())
        return;
    const QJsonValue configured = eventTime.toObject().value(QStringLiteral("field"));
    const QString name = configured.isString() && !configured.toString().isEmpty() ? configured.toString() : defaultField;
    const Field *f = field(n, QStringLiteral("eventTime/field"), name, schema);
    if (!f)
        return;
    if (f->type != DataType::Timestamp) {
        m_context.error(n.pointer(QStringLiteral("eventTime/field")),
                        tr("event time field \"%1\" is %2; it must be a timestamp (declare it with \"type\": "
                           "\"timestamp\"; ISO-8601 text and epoch milliseconds are both read)")
                            .arg(name, typeName(f->type)),
                        n.node.id);
        return;
    }
    schema.eventTimeField = name;
}

expr::CheckedExpression SchemaInference::expression(const NodeScope &n, const QString &path, const QString &text,
                                                    const Schema &schema)
{
    // A missing setting is the settings validator's to report ("missing required
    // setting"), once; checking its empty text here would say it twice.
    if (at(n, path).isUndefined())
        return {};
    auto checked = expr::Expression::compile(text, schema);
    for (const auto &e : checked.errors) {
        Diagnostic d = Diagnostic::error(n.pointer(path), e.describe(), n.node.id);
        d.exprOffset = e.offset;
        d.exprLength = e.length;
        m_context.diagnostics.push_back(d);
    }
    return checked;
}

const Field *SchemaInference::field(const NodeScope &n, const QString &path, const QString &name,
                                    const Schema &schema, const QString &side)
{
    const Field *f = schema.field(name);
    if (!f && !name.isEmpty()) {
        const QString where = side.isEmpty() ? tr("the input") : tr("the %1 input").arg(side);
        m_context.error(n.pointer(path), tr("unknown field \"%1\"%2 in %3; its fields are %4")
                                             .arg(name, didYouMean(name, schema.names()), where, fieldListText(schema)),
                        n.node.id);
    }
    return f;
}

bool SchemaInference::requireEventTime(const NodeScope &n, const Schema &schema, const QString &port)
{
    if (schema.hasEventTime())
        return true;
    m_context.error(ValidationContext::nodePointer(n.index),
                    tr("\"%1\" (%2) needs event time%3, and none reaches it: set \"eventTime\" on the source "
                       "upstream, and keep that field through maps")
                        .arg(n.node.id, n.type.id, port.isEmpty() ? QString() : tr(" on its \"%1\" input").arg(port)),
                    n.node.id);
    return false;
}

QJsonValue SchemaInference::at(const NodeScope &n, const QString &path) const
{
    QJsonValue v = n.node.config;
    for (const QString &segment : path.split(u'/')) {
        bool isIndex = false;
        const int i = segment.toInt(&isIndex);
        v = isIndex && v.isArray() ? v.toArray().at(i) : v.toObject().value(segment);
    }
    return v;
}

std::optional<int64_t> SchemaInference::duration(const NodeScope &n, const QString &path)
{
    const QJsonValue v = at(n, path);
    return v.isString() ? Duration::parseMs(v.toString()) : std::nullopt;
}

} // namespace sw::core
