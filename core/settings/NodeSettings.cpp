// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/NodeSettings.h"

#include "catalog/NodeCatalog.h"
#include "model/Duration.h"

#include <QJsonArray>

#include <cmath>

namespace sw::core {

namespace {

// Reads one object of settings (a node's config, or a nested object such as
// "window") against its specs, falling back to each spec's default.
class Reader
{
public:
    Reader(const std::vector<SettingSpec> &specs, const QJsonObject &object) : m_specs(specs), m_object(object) {}
    Reader(const char *typeId, const QJsonObject &config)
        : Reader(NodeCatalog::instance().find(QLatin1String(typeId))->settings, config)
    {
    }

    bool has(const char *key) const { return m_object.contains(QLatin1String(key)); }

    QJsonValue value(const char *key) const
    {
        const QString k = QLatin1String(key);
        const auto it = m_object.constFind(k);
        if (it != m_object.constEnd())
            return *it;
        const SettingSpec *spec = find(k);
        return spec ? spec->defaultValue : QJsonValue(QJsonValue::Undefined);
    }
    QString string(const char *key) const { return value(key).toString(); }
    bool boolean(const char *key) const { return value(key).toBool(); }
    double number(const char *key) const { return value(key).toDouble(); }
    int64_t integer(const char *key) const
    {
        const double d = number(key);
        // Out-of-range values are the validator's to report; never convert them with UB.
        return std::isfinite(d) && std::fabs(d) < 9.2e18 ? int64_t(d) : 0;
    }
    std::optional<int64_t> duration(const char *key) const
    {
        const QJsonValue v = value(key);
        return v.isString() ? Duration::parseMs(v.toString()) : std::nullopt;
    }
    QStringList strings(const char *key) const
    {
        QStringList out;
        for (const auto &s : value(key).toArray())
            out << s.toString();
        return out;
    }
    std::vector<FieldPair> pairs(const char *key) const
    {
        std::vector<FieldPair> out;
        for (const auto &p : value(key).toArray()) {
            const QJsonArray pair = p.toArray();
            out.push_back({pair.at(0).toString(), pair.at(1).toString()});
        }
        return out;
    }
    QJsonObject object(const char *key) const { return value(key).toObject(); }
    Reader nested(const char *key) const
    {
        static const std::vector<SettingSpec> none;
        const SettingSpec *spec = find(QLatin1String(key));
        return Reader(spec ? spec->fields : none, m_object.value(QLatin1String(key)).toObject());
    }
    // The items of an object list, each read against the list's item specs.
    std::vector<Reader> items(const char *key) const
    {
        static const std::vector<SettingSpec> none;
        const SettingSpec *spec = find(QLatin1String(key));
        std::vector<Reader> out;
        for (const auto &item : m_object.value(QLatin1String(key)).toArray())
            out.emplace_back(spec ? spec->fields : none, item.toObject());
        return out;
    }

private:
    const SettingSpec *find(const QString &key) const
    {
        for (const auto &s : m_specs) {
            if (s.key == key)
                return &s;
        }
        return nullptr;
    }
    const std::vector<SettingSpec> &m_specs;
    QJsonObject m_object;
};

EventTimeSettings readEventTime(const Reader &config)
{
    EventTimeSettings e;
    e.declared = config.value("eventTime").isObject();
    const Reader r = config.nested("eventTime");
    e.field = r.string("field");
    e.watermarkDelayMs = r.duration("watermarkDelay").value_or(0);
    e.maxAheadMs = r.value("maxAhead").isNull() ? std::nullopt : r.duration("maxAhead");
    return e;
}

DeadLetterSettings readDeadLetters(const Reader &config)
{
    DeadLetterSettings d;
    const Reader r = config.nested("deadLetters");
    const QString policy = r.string("policy");
    d.policy = policy == u"skip" ? DeadLetterSettings::Policy::Skip
             : policy == u"stop" ? DeadLetterSettings::Policy::Stop : DeadLetterSettings::Policy::Route;
    if (r.value("to").isObject()) {
        const Reader to = r.nested("to");
        d.to = DeadLetterSettings::Destination{to.string("kind"), to.string("path"), to.string("table"),
                                               to.string("connection"), to.string("topic")};
    }
    return d;
}

} // namespace

std::optional<AggregateFunction> parseAggregateFunction(const QString &name)
{
    using F = AggregateFunction;
    static const std::pair<const char *, F> names[] = {{"count", F::Count}, {"sum", F::Sum},
                                                       {"min", F::Min},     {"max", F::Max},
                                                       {"avg", F::Avg},     {"count_distinct", F::CountDistinct},
                                                       {"first", F::First}, {"last", F::Last}};
    for (const auto &[text, fn] : names) {
        if (name == QLatin1String(text))
            return fn;
    }
    return std::nullopt;
}

QString aggregateFunctionName(AggregateFunction fn)
{
    switch (fn) {
    case AggregateFunction::Count: return QStringLiteral("count");
    case AggregateFunction::Sum: return QStringLiteral("sum");
    case AggregateFunction::Min: return QStringLiteral("min");
    case AggregateFunction::Max: return QStringLiteral("max");
    case AggregateFunction::Avg: return QStringLiteral("avg");
    case AggregateFunction::CountDistinct: return QStringLiteral("count_distinct");
    case AggregateFunction::First: return QStringLiteral("first");
    case AggregateFunction::Last: return QStringLiteral("last");
    }
    return {};
}

Schema parseDeclaredSchema(const QJsonValue &value)
{
    Schema s;
    for (const auto &item : value.toArray()) {
        const QJsonObject f = item.toObject();
        const QString name = f.value(QStringLiteral("name")).toString();
        const auto type = parseTypeName(f.value(QStringLiteral("type")).toString());
        if (name.isEmpty() || !type || s.field(name))
            continue;
        Field field{name, *type};
        if (*type == DataType::ArrayObject) {
            for (const Field &element : parseDeclaredSchema(f.value(QStringLiteral("fields"))).fields) {
                if (!isArray(element.type) && !element.name.contains(u'.'))
                    field.elementFields.push_back(element);
            }
        }
        s.fields.push_back(std::move(field));
    }
    return s;
}

KafkaSourceSettings KafkaSourceSettings::parse(const QJsonObject &config)
{
    const Reader r("source.kafka", config);
    KafkaSourceSettings s;
    s.connection = r.string("connection");
    s.topics = r.strings("topics");
    s.group = r.string("group");
    s.startingOffsets = r.string("startingOffsets");
    s.eventTime = readEventTime(r);
    s.maxRecordBytes = std::max<int64_t>(0, r.integer("maxRecordBytes"));
    s.deadLetters = readDeadLetters(r);
    s.properties = r.object("properties");
    return s;
}

RecordingSourceSettings RecordingSourceSettings::parse(const QJsonObject &config)
{
    const Reader r("source.recording", config);
    RecordingSourceSettings s;
    s.path = r.string("path");
    s.topics = r.strings("topics");
    s.eventTime = readEventTime(r);
    s.maxRecordBytes = std::max<int64_t>(0, r.integer("maxRecordBytes"));
    s.deadLetters = readDeadLetters(r);
    s.paced = r.string("pace") == u"recorded";
    s.speed = r.number("speed");
    return s;
}

GeneratorSettings GeneratorSettings::parse(const QJsonObject &config)
{
    const Reader r("source.generator", config);
    GeneratorSettings s;
    s.stream = r.string("stream");
    s.rate = r.number("rate");
    s.count = std::max<int64_t>(0, r.integer("count"));
    s.seed = r.integer("seed");
    s.lateFraction = r.number("lateFraction");
    s.startTime = r.string("startTime");
    s.eventTime = readEventTime(r);
    return s;
}

FilterSettings FilterSettings::parse(const QJsonObject &config)
{
    return {Reader("filter", config).string("predicate")};
}

MapSettings MapSettings::parse(const QJsonObject &config)
{
    const Reader r("map", config);
    MapSettings s;
    for (const Reader &c : r.items("columns"))
        s.columns.push_back({c.string("name"), c.string("expr")});
    s.keepInput = r.boolean("keepInput");
    s.drop = r.strings("drop");
    return s;
}

namespace {
std::vector<AggregateSpec> aggregateSpecs(const Reader &r)
{
    std::vector<AggregateSpec> specs;
    for (const Reader &a : r.items("aggregates")) {
        AggregateSpec agg;
        agg.name = a.string("name");
        agg.fnName = a.string("fn");
        agg.fn = parseAggregateFunction(agg.fnName);
        agg.expr = a.string("expr");
        specs.push_back(std::move(agg));
    }
    return specs;
}
} // namespace

ExplodeSettings ExplodeSettings::parse(const QJsonObject &config)
{
    const Reader r("explode", config);
    ExplodeSettings s;
    s.field = r.string("field");
    s.as = r.string("as");
    s.prefix = r.string("prefix");
    s.position = r.string("position");
    s.outer = r.value("outer").toBool(false);
    return s;
}

WatermarkSettings WatermarkSettings::parse(const QJsonObject &config)
{
    const Reader r("watermark", config);
    WatermarkSettings s;
    s.field = r.string("field");
    s.watermarkDelayMs = r.duration("watermarkDelay").value_or(0);
    return s;
}

WindowAggregateSettings WindowAggregateSettings::parse(const QJsonObject &config)
{
    const Reader r("window.aggregate", config);
    WindowAggregateSettings s;
    const Reader w = r.nested("window");
    s.window.kindName = w.string("kind");
    if (s.window.kindName == u"tumbling")
        s.window.kind = WindowKind::Tumbling;
    else if (s.window.kindName == u"sliding")
        s.window.kind = WindowKind::Sliding;
    else if (s.window.kindName == u"session")
        s.window.kind = WindowKind::Session;
    s.window.hasSize = w.has("size");
    s.window.hasSlide = w.has("slide");
    s.window.hasGap = w.has("gap");
    s.window.sizeMs = w.duration("size");
    s.window.slideMs = w.duration("slide");
    s.window.gapMs = w.duration("gap");
    s.groupBy = r.strings("groupBy");
    s.aggregates = aggregateSpecs(r);
    s.outputMode = parseOutputMode(r.string("outputMode")).value_or(OutputMode::Append);
    return s;
}

AggregateSettings AggregateSettings::parse(const QJsonObject &config)
{
    const Reader r("aggregate", config);
    AggregateSettings s;
    s.groupBy = r.strings("groupBy");
    s.aggregates = aggregateSpecs(r);
    s.outputMode = parseOutputMode(r.string("outputMode")).value_or(OutputMode::Update);
    return s;
}

std::optional<OutputMode> parseOutputMode(const QString &name)
{
    if (name == u"append")
        return OutputMode::Append;
    if (name == u"update")
        return OutputMode::Update;
    if (name == u"complete")
        return OutputMode::Complete;
    return std::nullopt;
}

QString outputModeName(OutputMode mode)
{
    switch (mode) {
    case OutputMode::Append: return QStringLiteral("append");
    case OutputMode::Update: return QStringLiteral("update");
    case OutputMode::Complete: return QStringLiteral("complete");
    }
    return {};
}

StreamJoinSettings StreamJoinSettings::parse(const QJsonObject &config)
{
    const Reader r("join.stream", config);
    StreamJoinSettings s;
    const QString type = r.string("joinType");
    s.joinType = type == u"left" ? JoinType::Left : type == u"right" ? JoinType::Right
               : type == u"full" ? JoinType::Full : JoinType::Inner;
    s.on = r.pairs("on");
    const Reader within = r.nested("within");
    s.leftTime = within.string("left");
    s.rightTime = within.string("right");
    s.fromMs = within.duration("from");
    s.toMs = within.duration("to");
    s.condition = r.string("condition");
    return s;
}

LookupJoinSettings LookupJoinSettings::parse(const QJsonObject &config)
{
    const Reader r("join.lookup", config);
    LookupJoinSettings s;
    s.inner = r.string("joinType") == u"inner";
    s.on = r.pairs("on");
    const Reader t = r.nested("table");
    s.table = {t.string("kind"), t.string("path"), t.string("table"), t.string("connection"), t.string("topic")};
    s.schema = parseDeclaredSchema(r.value("schema"));
    return s;
}

DedupeSettings DedupeSettings::parse(const QJsonObject &config)
{
    const Reader r("dedupe", config);
    return {r.strings("key"), r.duration("within")};
}

KafkaSinkSettings KafkaSinkSettings::parse(const QJsonObject &config)
{
    const Reader r("sink.kafka", config);
    return {r.string("connection"), r.string("topic"), r.string("key"), r.string("compression"),
            r.object("properties"), r.boolean("transactional")};
}

SqliteSinkSettings SqliteSinkSettings::parse(const QJsonObject &config)
{
    const Reader r("sink.sqlite", config);
    return {r.string("path"), r.string("table"), r.strings("key"), r.string("mode") == u"upsert"};
}

FileSinkSettings FileSinkSettings::parse(const QJsonObject &config)
{
    const Reader r("sink.file", config);
    return {r.string("path"), r.string("format")};
}

PreviewSinkSettings PreviewSinkSettings::parse(const QJsonObject &config)
{
    const Reader r("sink.preview", config);
    return {int(std::clamp<int64_t>(r.integer("rows"), 0, 1 << 30))};
}

} // namespace sw::core
