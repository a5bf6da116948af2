// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/Schema.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace sw::core {

// Each node type's settings as plain data, parsed from the node's config once,
// with every default taken from the catalog (NodeCatalog). The validator's schema
// rules, the runtime's operators, sources and sinks, and the checkpoint's
// compatibility check read these instead of the JSON.
//
// Parsing is lenient: a value of the wrong kind reads as absent (the default, or
// empty), because the settings validator has already reported it with its JSON
// path; a pipeline that did not validate is never run. Lists keep the file's order
// and length, so item i of a list is item i of the JSON array and diagnostics can
// name "aggregates/2/expr".

struct FieldPair
{
    QString left;  // stream / left field
    QString right; // table / right field
    friend bool operator==(const FieldPair &, const FieldPair &) = default;
};

struct EventTimeSettings
{
    bool declared = false; // the source has an "eventTime" section
    QString field;         // empty: the source's default field
    int64_t watermarkDelayMs = 0;
    std::optional<int64_t> maxAheadMs; // nullopt: no limit
};

struct DeadLetterSettings
{
    enum class Policy { Route, Skip, Stop };
    struct Destination
    {
        QString kind; // file, sqlite, kafka
        QString path; // as written, relative to the pipeline file
        QString table;
        QString connection;
        QString topic;
    };
    Policy policy = Policy::Route;
    std::optional<Destination> to;
};

struct KafkaSourceSettings
{
    QString connection;
    QStringList topics;
    QString group; // empty: the runtime's default group name
    QString startingOffsets;
    EventTimeSettings eventTime;
    int64_t maxRecordBytes = 0;
    DeadLetterSettings deadLetters;
    QJsonObject properties;

    static KafkaSourceSettings parse(const QJsonObject &config);
    // The consumer group a run uses: `group`, else "streamwright-PIPELINE-NODE".
    QString consumerGroup(const QString &pipelineName, const QString &nodeId) const
    {
        return group.isEmpty() ? QStringLiteral("streamwright-%1-%2").arg(pipelineName, nodeId) : group;
    }
};

// source.recording: a recording's records in place of a Kafka source's.
struct RecordingSourceSettings
{
    QString path; // as written, relative to the pipeline file
    QStringList topics; // empty: every recorded topic
    EventTimeSettings eventTime;
    int64_t maxRecordBytes = 0;
    DeadLetterSettings deadLetters;
    bool paced = false; // pace "recorded": at the recorded pace times `speed`; else as fast as possible
    double speed = 1;

    static RecordingSourceSettings parse(const QJsonObject &config);
};

struct GeneratorSettings
{
    QString stream;
    double rate = 0;
    int64_t count = 0;
    int64_t seed = 0;
    double lateFraction = 0;
    QString startTime; // ISO-8601; empty: when the run starts
    EventTimeSettings eventTime;

    static GeneratorSettings parse(const QJsonObject &config);
};

struct FilterSettings
{
    QString predicate;
    static FilterSettings parse(const QJsonObject &config);
};

// explode: a row per element of an array field (Spark's explode, posexplode,
// explode_outer).
struct ExplodeSettings
{
    QString field;
    QString as;       // the element's column (scalar arrays); empty: the array field's name
    QString prefix;   // before an array<object>'s element field names
    QString position; // the position's column; empty: none
    bool outer = false;
    static ExplodeSettings parse(const QJsonObject &config);
};

// watermark: Spark's withWatermark(field, delay) after any stateless node.
struct WatermarkSettings
{
    QString field;
    int64_t watermarkDelayMs = 0;
    static WatermarkSettings parse(const QJsonObject &config);
};

struct MapSettings
{
    struct Column
    {
        QString name;
        QString expr;
    };
    std::vector<Column> columns;
    bool keepInput = true;
    QStringList drop;

    static MapSettings parse(const QJsonObject &config);
};

enum class WindowKind { Tumbling, Sliding, Session };
enum class AggregateFunction { Count, Sum, Min, Max, Avg, CountDistinct, First, Last };
// Spark's output modes: append emits a result row once, when it is final; update
// emits the rows that changed in a batch; complete emits the whole result table.
enum class OutputMode { Append, Update, Complete };
std::optional<OutputMode> parseOutputMode(const QString &name);
QString outputModeName(OutputMode mode);

// One aggregate of a window aggregate or aggregate node.
struct AggregateSpec
{
    QString name;
    std::optional<AggregateFunction> fn;
    QString fnName; // as written
    QString expr;   // empty: none (count(*))
};

std::optional<AggregateFunction> parseAggregateFunction(const QString &name);
QString aggregateFunctionName(AggregateFunction fn);

struct WindowAggregateSettings
{
    struct Window
    {
        std::optional<WindowKind> kind; // nullopt: missing or not one of the kinds
        QString kindName;               // as written, for messages
        // Absent or not a duration: nullopt (the schema rules say which is needed).
        std::optional<int64_t> sizeMs, slideMs, gapMs;
        bool hasSize = false, hasSlide = false, hasGap = false; // the key is written at all
    };
    using Aggregate = AggregateSpec;
    Window window;
    QStringList groupBy;
    std::vector<Aggregate> aggregates;
    OutputMode outputMode = OutputMode::Append;

    // What the runtime uses: the slide of a tumbling window is its size.
    int64_t size() const { return window.sizeMs.value_or(0); }
    int64_t slide() const { return window.kind == WindowKind::Sliding ? window.slideMs.value_or(0) : size(); }
    int64_t gap() const { return window.gapMs.value_or(0); }

    static WindowAggregateSettings parse(const QJsonObject &config);
};

// aggregate: Spark's groupBy(...).agg(...) without a window: running results per
// group. With the event-time field among the group keys, a group is final when
// its event time is at or behind the watermark (append mode emits it then).
struct AggregateSettings
{
    QStringList groupBy;
    std::vector<AggregateSpec> aggregates;
    OutputMode outputMode = OutputMode::Update;

    static AggregateSettings parse(const QJsonObject &config);
};

enum class JoinType { Inner, Left, Right, Full };

struct StreamJoinSettings
{
    JoinType joinType = JoinType::Inner;
    std::vector<FieldPair> on;
    QString leftTime, rightTime;
    std::optional<int64_t> fromMs, toMs;
    QString condition; // over the joined row's fields; empty: none

    bool keepsLeft() const { return joinType == JoinType::Left || joinType == JoinType::Full; }
    bool keepsRight() const { return joinType == JoinType::Right || joinType == JoinType::Full; }
    static StreamJoinSettings parse(const QJsonObject &config);
};

struct LookupJoinSettings
{
    struct Table
    {
        QString kind; // sqlite, csv, jsonl, kafka
        QString path; // as written, relative to the pipeline file
        QString table;
        QString connection;
        QString topic;
    };
    bool inner = false;
    std::vector<FieldPair> on;
    Table table;
    Schema schema; // the declared table columns (names and known types only)

    static LookupJoinSettings parse(const QJsonObject &config);
};

struct DedupeSettings
{
    QStringList key;
    std::optional<int64_t> withinMs;

    int64_t within() const { return withinMs.value_or(0); }
    static DedupeSettings parse(const QJsonObject &config);
};

struct KafkaSinkSettings
{
    QString connection;
    QString topic;
    QString key; // expression; empty: no key
    QString compression;
    QJsonObject properties;
    bool transactional = false;

    static KafkaSinkSettings parse(const QJsonObject &config);
};

struct SqliteSinkSettings
{
    QString path;
    QString table;
    QStringList key;
    bool upsert = false;

    static SqliteSinkSettings parse(const QJsonObject &config);
};

struct FileSinkSettings
{
    QString path;
    QString format;

    static FileSinkSettings parse(const QJsonObject &config);
};

struct PreviewSinkSettings
{
    int rows = 0;
    static PreviewSinkSettings parse(const QJsonObject &config);
};

// A declared schema ("schema": [{name, type}, ...]): the fields with a name and a
// known type, in order, first declaration of a name only.
Schema parseDeclaredSchema(const QJsonValue &value);

} // namespace sw::core
