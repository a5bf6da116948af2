// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/NodeCatalog.h"

#include "model/DataType.h"

#include <QCoreApplication>

namespace sw::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sw::core::NodeCatalog", text);
}

using K = SettingKind;

SettingSpec setting(const char *key, SettingKind kind, QString help, bool required = false,
                    QJsonValue defaultValue = QJsonValue::Undefined)
{
    SettingSpec s;
    s.key = QLatin1String(key);
    s.kind = kind;
    s.help = std::move(help);
    s.required = required;
    s.defaultValue = std::move(defaultValue);
    return s;
}

SettingSpec choice(const char *key, QStringList choices, QString help, QJsonValue defaultValue,
                   bool required = false)
{
    SettingSpec s = setting(key, K::Choice, std::move(help), required, std::move(defaultValue));
    s.choices = std::move(choices);
    return s;
}

SettingSpec object(const char *key, SettingKind kind, QString help, bool required,
                   std::vector<SettingSpec> fields)
{
    SettingSpec s = setting(key, kind, std::move(help), required);
    s.fields = std::move(fields);
    return s;
}

SettingSpec signedDuration(const char *key, QString help)
{
    SettingSpec s = setting(key, K::Duration, std::move(help), true);
    s.mayBeNegative = true;
    return s;
}

QStringList list(std::initializer_list<const char *> items)
{
    QStringList l;
    for (const char *i : items)
        l << QLatin1String(i);
    return l;
}

PortSpec port(const char *name, QString help, bool multiple = false)
{
    return PortSpec{QLatin1String(name), std::move(help), multiple};
}

SettingSpec schemaSetting(bool required, QString help)
{
    SettingSpec type = choice("type", typeNames(), tr("the field's type"), QJsonValue::Undefined, true);
    SettingSpec elementType = choice("type", scalarTypeNames(), tr("the element field's type"), QJsonValue::Undefined, true);
    return object("schema", K::ObjectList, std::move(help), required,
                  {setting("name", K::String, tr("field name; dots reach into nested JSON (payload.user.id)"), true),
                   type,
                   object("fields", K::ObjectList,
                          tr("array<object>: the fields of each element (in the inspector: name type, name type)"), false,
                          {setting("name", K::String, tr("the element field's name"), true), elementType})});
}

SettingSpec maxAheadSetting()
{
    SettingSpec s = setting("maxAhead", K::Duration,
                            tr("a record whose event time is further ahead of its Kafka timestamp is a dead letter, "
                               "not used for the watermark (one poison record would close every window); null: no limit"),
                            false, QStringLiteral("1d"));
    s.mayBeNull = true;
    return s;
}

SettingSpec eventTimeSetting()
{
    return object("eventTime", K::Object,
                  tr("event time and watermark; without it windows and joins downstream cannot run"), false,
                  {setting("field", K::Field, tr("timestamp field holding event time; empty: the Kafka record timestamp")),
                   setting("watermarkDelay", K::Duration, tr("how late events may arrive"), false, QStringLiteral("0s")),
                   maxAheadSetting()});
}

SettingSpec deadLettersSetting()
{
    return object("deadLetters", K::Object,
                  tr("what happens to records that cannot be decoded or used (dead letters)"), false,
                  {choice("policy", list({"route", "skip", "stop"}),
                          tr("route: to the \"dead\" edge, else to \"to\", else to <pipeline>.dead-letters.jsonl; "
                             "skip: count them and go on; stop: stop the run at the first one"),
                          QStringLiteral("route")),
                   object("to", K::Object, tr("where dead letters are kept (besides a \"dead\" edge)"), false,
                          {choice("kind", list({"file", "sqlite", "kafka"}), tr("a JSON Lines file, a SQLite table or a "
                                                                                "Kafka topic"),
                                  QJsonValue::Undefined, true),
                           setting("path", K::Path, tr("the file, or the SQLite database")),
                           setting("table", K::String, tr("the SQLite table")),
                           setting("connection", K::Connection, tr("the cluster of the topic")),
                           setting("topic", K::String, tr("the Kafka topic"))})});
}

SettingSpec tableSetting()
{
    return object("table", K::Object, tr("where the lookup table comes from"), true,
                  {choice("kind", list({"sqlite", "csv", "jsonl", "kafka"}), tr("the table's source"),
                          QJsonValue::Undefined, true),
                   setting("path", K::Path, tr("file of a sqlite, csv or jsonl table")),
                   setting("table", K::String, tr("table name in the SQLite database")),
                   setting("connection", K::Connection, tr("connection of a compacted topic")),
                   setting("topic", K::String, tr("compacted topic read as a table (latest value per key)"))});
}

SettingSpec aggregatesSetting(QString help)
{
    return object("aggregates", K::ObjectList, std::move(help), true,
                  {setting("name", K::String, tr("output column name"), true),
                   choice("fn", list({"count", "sum", "min", "max", "avg", "count_distinct", "first", "last"}),
                          tr("aggregate function"), QJsonValue::Undefined, true),
                   setting("expr", K::Expression, tr("the value aggregated (not needed by count)"))});
}

std::vector<NodeType> buildTypes()
{
    const auto in = port("in", tr("rows to process"));
    const auto out = port("out", tr("result rows"));
    const auto dead = port("dead", tr("records that could not be decoded, with the reason"));
    std::vector<NodeType> t;

    t.push_back({QStringLiteral("source.kafka"), NodeCategory::Source, tr("Kafka source"),
                 tr("Reads JSON records from Kafka topics."), {}, {out, dead},
                 {setting("connection", K::Connection, tr("the cluster to read from"), true),
                  setting("topics", K::StringList, tr("topics to subscribe to"), true),
                  setting("group", K::String, tr("consumer group id; default: streamwright-<pipeline>-<node>")),
                  setting("startingOffsets", K::String,
                          tr("where a new group starts: earliest, latest or an ISO-8601 time"), false,
                          QStringLiteral("latest")),
                  choice("format", list({"json"}), tr("how record values are encoded"), QStringLiteral("json")),
                  schemaSetting(true, tr("the fields to decode from each record")), eventTimeSetting(),
                  setting("maxRecordBytes", K::Integer,
                          tr("a larger record value is a dead letter, not decoded (one huge record must not stall the "
                             "batch or exhaust memory)"),
                          false, 1048576),
                  deadLettersSetting(),
                  setting("properties", K::Map, tr("extra librdkafka consumer properties"))},
                 false});
    t.push_back({QStringLiteral("source.recording"), NodeCategory::Source, tr("Recording"),
                 tr("Reads a recording (streamwright-cli record) in place of Kafka: its partitions, order and "
                    "timestamps, in batches planned from the recording alone, so runs repeat exactly."),
                 {}, {out, dead},
                 {setting("path", K::Path, tr("the recording file (.swrec)"), true),
                  setting("topics", K::StringList, tr("only these recorded topics; default: all")),
                  choice("format", list({"json"}), tr("how record values are encoded"), QStringLiteral("json")),
                  schemaSetting(true, tr("the fields to decode from each record")), eventTimeSetting(),
                  setting("maxRecordBytes", K::Integer,
                          tr("a larger record value is a dead letter, not decoded (one huge record must not stall the "
                             "batch or exhaust memory)"),
                          false, 1048576),
                  deadLettersSetting(),
                  choice("pace", list({"max", "recorded"}),
                         tr("max: as fast as the pipeline takes it; recorded: at the recorded pace times speed"),
                         QStringLiteral("max")),
                  setting("speed", K::Number,
                          tr("with pace recorded: times the recorded pace (2: twice as fast); each batch then holds "
                             "trigger x speed of recorded time"),
                          false, 1)},
                 false});
    t.push_back({QStringLiteral("source.generator"), NodeCategory::Source, tr("Demo generator"),
                 tr("Generates the e-commerce demo events."), {}, {out},
                 {choice("stream", list({"user-events", "purchase-events", "orders"}), tr("which demo stream"),
                         QStringLiteral("user-events"), true),
                  setting("rate", K::Integer, tr("events per second; 0: as fast as possible"), false, 1000),
                  setting("count", K::Integer, tr("stop after this many events; 0: never"), false, 0),
                  setting("seed", K::Integer, tr("random seed; the same seed gives the same events"), false, 42),
                  setting("lateFraction", K::Number, tr("share of events that arrive late"), false, 0.01),
                  setting("startTime", K::String, tr("event time of the first event (ISO-8601); default: when the run starts")),
                  eventTimeSetting()},
                 false});
    t.push_back({QStringLiteral("filter"), NodeCategory::Transform, tr("Filter"),
                 tr("Keeps the rows for which a condition is true."), {in}, {out},
                 {setting("predicate", K::Expression, tr("boolean expression; rows where it is false or NULL are dropped"), true)},
                 false});
    t.push_back({QStringLiteral("map"), NodeCategory::Transform, tr("Map"),
                 tr("Computes new columns from expressions."), {in}, {out},
                 {object("columns", K::ObjectList, tr("columns to compute, in order"), true,
                         {setting("name", K::String, tr("the column's name; an input column of that name is replaced"), true),
                          setting("expr", K::Expression, tr("the expression computing it"), true)}),
                  setting("keepInput", K::Boolean, tr("keep the input columns before the new ones"), false, true),
                  setting("drop", K::FieldList, tr("input columns to leave out"))},
                 false});
    t.push_back({QStringLiteral("window.aggregate"), NodeCategory::Window, tr("Window aggregate"),
                 tr("Groups rows into event-time windows and aggregates them."), {in},
                 {out, port("late", tr("rows that arrived behind the watermark"))},
                 {object("window", K::Object, tr("tumbling, sliding or session window"), true,
                         {choice("kind", list({"tumbling", "sliding", "session"}), tr("the window kind"),
                                 QJsonValue::Undefined, true),
                          setting("size", K::Duration, tr("window length (tumbling, sliding)")),
                          setting("slide", K::Duration, tr("how often a sliding window starts")),
                          setting("gap", K::Duration, tr("inactivity that closes a session"))}),
                  setting("groupBy", K::FieldList, tr("fields to group by besides the window")),
                  aggregatesSetting(tr("what to compute per window and group")),
                  choice("outputMode", list({"append", "update", "complete"}),
                         tr("append: emit once when final; update: emit changed rows every batch; complete: the whole "
                            "result table every batch (state is never dropped)"),
                         QStringLiteral("append"))},
                 true});
    t.push_back({QStringLiteral("aggregate"), NodeCategory::Window, tr("Aggregate"),
                 tr("Running aggregates per group, without a window (totals, counts)."), {in}, {out, port("late", tr("rows that arrived behind the watermark"))},
                 {setting("groupBy", K::FieldList,
                          tr("fields to group by; with the event-time field among them, a group is final once the "
                             "watermark passes it")),
                  aggregatesSetting(tr("what to compute per group")),
                  choice("outputMode", list({"update", "complete", "append"}),
                         tr("update: emit changed groups every batch; complete: every group every batch; append: each "
                            "group once, when final (needs the event-time field in groupBy)"),
                         QStringLiteral("update"))},
                 false, true});
    t.push_back({QStringLiteral("join.stream"), NodeCategory::Join, tr("Stream join"),
                 tr("Joins two streams on keys within an event-time bound."),
                 {port("left", tr("the left stream")), port("right", tr("the right stream"))}, {out},
                 {choice("joinType", list({"inner", "left", "right", "full"}), tr("which unmatched rows to keep"),
                         QStringLiteral("inner")),
                  setting("on", K::FieldPairList, tr("key pairs [left field, right field]"), true),
                  object("within", K::Object, tr("right.ts BETWEEN left.ts + from AND left.ts + to"), true,
                         {setting("left", K::Field, tr("timestamp field of the left stream"), true),
                          setting("right", K::Field, tr("timestamp field of the right stream"), true),
                          signedDuration("from", tr("lower bound after the left time (may be negative: -5m)")),
                          signedDuration("to", tr("upper bound after the left time"))}),
                  setting("condition", K::Expression,
                          tr("a further condition a pair must meet, over the joined fields (left_x and right_x where "
                             "both sides have x); for an outer join, a row failing a part about its own side alone "
                             "comes out at once with NULLs"))},
                 true});
    t.push_back({QStringLiteral("join.lookup"), NodeCategory::Join, tr("Lookup join"),
                 tr("Enriches rows from a table (SQLite, CSV, JSON Lines or a compacted topic)."), {in}, {out},
                 {choice("joinType", list({"inner", "left"}), tr("left keeps rows without a match"),
                         QStringLiteral("left")),
                  setting("on", K::FieldPairList, tr("key pairs [stream field, table field]"), true),
                  tableSetting(), schemaSetting(true, tr("the table's columns"))},
                 false});
    t.push_back({QStringLiteral("explode"), NodeCategory::Transform, tr("Explode"),
                 tr("Makes a row of each element of an array field (order lines, sensor readings), as Spark's "
                    "explode."),
                 {in}, {out},
                 {setting("field", K::Field, tr("the array field"), true),
                  setting("as", K::String, tr("the element's column (arrays of values); default: the array's name")),
                  setting("prefix", K::String,
                          tr("put before the element fields of an array<object> (their names otherwise)")),
                  setting("position", K::String,
                          tr("also a column of the element's position, from 0, named so (Spark's posexplode)")),
                  setting("outer", K::Boolean,
                          tr("keep rows whose array is NULL or empty, with NULL elements (Spark's explode_outer)"),
                          false, false)},
                 false});
    t.push_back({QStringLiteral("watermark"), NodeCategory::Transform, tr("Watermark"),
                 tr("Declares the event time and how late rows may be, anywhere in the pipeline (Spark's "
                    "withWatermark); rows dropped before it do not move the watermark."),
                 {in}, {out},
                 {setting("field", K::Field, tr("the timestamp field that holds event time"), true),
                  setting("watermarkDelay", K::Duration, tr("how late events may arrive"), false, QStringLiteral("0s"))},
                 false});
    t.push_back({QStringLiteral("union"), NodeCategory::Transform, tr("Union"),
                 tr("Merges streams with the same fields."), {port("in", tr("streams to merge"), true)}, {out}, {},
                 false});
    t.push_back({QStringLiteral("dedupe"), NodeCategory::Transform, tr("Deduplicate"),
                 tr("Drops rows whose key was already seen within a time bound."), {in}, {out},
                 {setting("key", K::FieldList, tr("fields that identify a duplicate"), true),
                  setting("within", K::Duration, tr("how long a key is remembered (event time)"), true)},
                 true});
    t.push_back({QStringLiteral("sink.kafka"), NodeCategory::Sink, tr("Kafka sink"),
                 tr("Writes rows as JSON records to a Kafka topic."), {in}, {},
                 {setting("connection", K::Connection, tr("the cluster to write to"), true),
                  setting("topic", K::String, tr("the topic to write to"), true),
                  setting("key", K::Expression, tr("expression for the record key; default: no key")),
                  choice("compression", list({"none", "gzip", "snappy", "lz4", "zstd"}), tr("record compression"),
                         QStringLiteral("none")),
                  setting("transactional", K::Boolean,
                          tr("one Kafka transaction per batch (transactional.id streamwright-<pipeline>-<node>): "
                             "read_committed readers see a batch's rows all at once or not at all; needs a cluster "
                             "with transactions"),
                          false, false),
                  setting("properties", K::Map, tr("extra librdkafka producer properties"))},
                 false});
    t.push_back({QStringLiteral("sink.sqlite"), NodeCategory::Sink, tr("SQLite sink"),
                 tr("Writes rows to a SQLite table, created from the schema."), {in}, {},
                 {setting("path", K::Path, tr("the database file"), true),
                  setting("table", K::String, tr("the table to write to"), true),
                  setting("key", K::FieldList, tr("primary key fields (needed by upsert)")),
                  choice("mode", list({"append", "upsert"}), tr("append rows, or insert-or-replace by key"),
                         QStringLiteral("append"))},
                 false});
    t.push_back({QStringLiteral("sink.file"), NodeCategory::Sink, tr("File sink"),
                 tr("Appends rows to a JSON Lines or CSV file."), {in}, {},
                 {setting("path", K::Path, tr("the output file"), true),
                  choice("format", list({"jsonl", "csv"}), tr("file format"), QStringLiteral("jsonl"))},
                 false});
    t.push_back({QStringLiteral("sink.preview"), NodeCategory::Sink, tr("Preview"),
                 tr("Keeps the last rows in memory to look at in the app."), {in}, {},
                 {setting("rows", K::Integer, tr("how many recent rows to keep"), false, 100)}, false});
    t.push_back({QStringLiteral("sink.postgres"), NodeCategory::Sink, tr("PostgreSQL sink"),
                 tr("Writes rows to a PostgreSQL table."), {in}, {},
                 {setting("dsn", K::String, tr("connection string; put the password in ${env:NAME}"), true),
                  setting("table", K::String, tr("the table to write to"), true),
                  setting("key", K::FieldList, tr("primary key fields (needed by upsert)")),
                  choice("mode", list({"append", "upsert"}), tr("append rows, or insert-or-update by key"),
                         QStringLiteral("append"))},
                 false});
    t.push_back({QStringLiteral("sink.redis"), NodeCategory::Sink, tr("Redis sink"),
                 tr("Writes rows to Redis keys."), {in}, {},
                 {setting("address", K::String, tr("host:port of the Redis server"), false,
                          QStringLiteral("127.0.0.1:6379")),
                  setting("key", K::Expression, tr("expression giving each row's Redis key"), true),
                  choice("mode", list({"hash", "string", "list"}),
                         tr("hash: HSET the fields; string: SET the JSON row; list: RPUSH the JSON row"),
                         QStringLiteral("hash")),
                  setting("ttl", K::Duration, tr("expire keys after this long; default: never"))},
                 false});
    return t;
}

} // namespace

const PortSpec *NodeType::input(const QString &name) const
{
    for (const auto &p : inputs) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

const PortSpec *NodeType::output(const QString &name) const
{
    for (const auto &p : outputs) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

QString categoryName(NodeCategory category)
{
    switch (category) {
    case NodeCategory::Source: return tr("Sources");
    case NodeCategory::Transform: return tr("Transforms");
    case NodeCategory::Window: return tr("Windows and Aggregates");
    case NodeCategory::Join: return tr("Joins");
    case NodeCategory::Sink: return tr("Sinks");
    }
    return {};
}

QString settingKindName(SettingKind kind)
{
    switch (kind) {
    case K::String: return tr("a string");
    case K::Integer: return tr("a whole number");
    case K::Number: return tr("a number");
    case K::Boolean: return tr("true or false");
    case K::Duration: return tr("a duration such as \"10s\"");
    case K::Choice: return tr("one of the choices");
    case K::Expression: return tr("an expression (a string)");
    case K::Path: return tr("a file path (a string)");
    case K::Connection: return tr("a connection name (a string)");
    case K::Field: return tr("a field name (a string)");
    case K::FieldList: return tr("a list of field names");
    case K::StringList: return tr("a list of strings");
    case K::FieldPairList: return tr("a list of [left, right] field pairs");
    case K::Object: return tr("an object");
    case K::ObjectList: return tr("a list of objects");
    case K::Map: return tr("an object of string values");
    }
    return {};
}

NodeCatalog::NodeCatalog() : m_types(buildTypes())
{
    for (int i = 0; i < int(m_types.size()); ++i)
        m_byId.insert(m_types[size_t(i)].id, i);
    m_connection = object("connection", K::Object, tr("a Kafka cluster"), false,
                          {choice("kind", list({"embedded", "kafka"}),
                                  tr("embedded: a local broker started with the pipeline; kafka: a real cluster"),
                                  QJsonValue::Undefined, true),
                           setting("bootstrap", K::String, tr("host:port[,host:port] of a real cluster")),
                           setting("brokers", K::Integer, tr("number of embedded brokers"), false, 1),
                           setting("properties", K::Map, tr("librdkafka client properties (security, ...)"))});
    m_runtime = object("runtime", K::Object, tr("how the pipeline runs"), false,
                       {setting("trigger", K::Duration, tr("micro-batch interval; 0s: as soon as the last batch ended"),
                                false, QStringLiteral("0s")),
                        setting("maxBatchRows", K::Integer, tr("rows per batch at most"), false, 10000),
                        setting("noDataBatches", K::Boolean,
                                tr("after a batch that moved the watermark, run one without input so that closed "
                                   "windows are emitted at once (Spark's noDataMicroBatches.enabled)"),
                                false, true),
                        object("checkpoint", K::Object, tr("where progress and state are saved"), false,
                               {setting("dir", K::Path, tr("checkpoint directory")),
                                setting("everyBatches", K::Integer, tr("write a checkpoint every N batches"), false, 10)})});
    m_alert = object("alert", K::Object, tr("an alert rule"), false,
                     {choice("metric", metricNames(), tr("the metric watched"), QJsonValue::Undefined, true),
                      setting("node", K::String, tr("the node whose metric is watched; empty: the pipeline")),
                      setting("above", K::Number, tr("fire when the metric is above this value")),
                      setting("below", K::Number, tr("fire when the metric is below this value")),
                      setting("for", K::Duration, tr("only after the condition held this long"), false,
                              QStringLiteral("0s")),
                      choice("severity", list({"critical", "warning", "info"}), tr("how urgent"),
                             QStringLiteral("warning")),
                      setting("command", K::String, tr("command to run when it fires")),
                      setting("webhook", K::String, tr("URL to POST the alert to"))});
}

const NodeCatalog &NodeCatalog::instance()
{
    static const NodeCatalog catalog;
    return catalog;
}

const NodeType *NodeCatalog::find(const QString &typeId) const
{
    const auto it = m_byId.constFind(typeId);
    return it == m_byId.constEnd() ? nullptr : &m_types[size_t(*it)];
}

QStringList NodeCatalog::typeIds() const
{
    QStringList ids;
    for (const auto &t : m_types)
        ids << t.id;
    return ids;
}

QStringList NodeCatalog::metricNames()
{
    return list({"consumer_lag", "input_rate", "processed_rate", "batch_duration_ms", "e2e_latency_ms",
                 "watermark", "watermark_gap_ms", "state_rows", "late_rows_dropped", "dead_letters", "rows_in",
                 "rows_out", "source_unreachable_s"});
}

QJsonValue NodeCatalog::settingValue(const NodeType &type, const QJsonObject &config, const QString &key)
{
    const auto it = config.constFind(key);
    if (it != config.constEnd())
        return *it;
    const SettingSpec *spec = type.setting(key);
    return spec ? spec->defaultValue : QJsonValue(QJsonValue::Undefined);
}

QJsonObject NodeCatalog::initialConfig(const NodeType &type)
{
    QJsonObject config;
    for (const auto &s : type.settings) {
        if (s.required && !s.defaultValue.isUndefined())
            config.insert(s.key, s.defaultValue);
    }
    return config;
}

} // namespace sw::core
