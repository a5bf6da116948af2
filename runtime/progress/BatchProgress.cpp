// SPDX-License-Identifier: GPL-3.0-or-later
#include "progress/BatchProgress.h"

#include "expr/Casts.h"
#include "model/Timestamps.h"

#include <QJsonArray>

#include <algorithm>

namespace sw::runtime {

namespace {
QString key(const char *name)
{
    return QString::fromLatin1(name);
}

int64_t integer(const QJsonObject &o, const char *name)
{
    return core::expr::Casts::toInt64(o.value(QLatin1String(name)).toDouble());
}

std::optional<int64_t> optionalInteger(const QJsonObject &o, const char *name)
{
    const QJsonValue v = o.value(QLatin1String(name));
    return v.isDouble() ? std::optional<int64_t>(core::expr::Casts::toInt64(v.toDouble())) : std::nullopt;
}

// {"topic": {"0": value, ...}, ...} for the partitions `value` gives a value for.
// Per topic, each object is built whole and inserted once: inserting into a
// nested QJsonObject copies it.
template <typename Value>
QJsonObject byTopic(const std::vector<PartitionProgress> &partitions, Value value)
{
    QJsonObject out;
    QString topic;
    QJsonObject current;
    auto flush = [&] {
        if (!current.isEmpty())
            out.insert(topic, current);
        current = {};
    };
    for (const PartitionProgress &p : partitions) {
        if (p.topic != topic) {
            flush();
            topic = p.topic;
        }
        if (const std::optional<QJsonValue> v = value(p))
            current.insert(QString::number(p.partition), *v);
    }
    flush();
    return out;
}

// The offsets of one field by topic and partition (startOffset, endOffset, latestOffset).
QJsonObject offsetsByTopic(const std::vector<PartitionProgress> &partitions,
                           std::optional<int64_t> PartitionProgress::*field)
{
    return byTopic(partitions, [field](const PartitionProgress &p) {
        return (p.*field) ? std::optional<QJsonValue>(double(*(p.*field))) : std::nullopt;
    });
}

} // namespace

PartitionProgress &SourceProgress::partition(const QString &topic, int partition)
{
    auto it = std::lower_bound(partitions.begin(), partitions.end(), std::pair{topic, partition},
                               [](const PartitionProgress &p, const std::pair<QString, int> &k) {
                                   return p.topic != k.first ? p.topic < k.first : p.partition < k.second;
                               });
    if (it == partitions.end() || it->topic != topic || it->partition != partition) {
        PartitionProgress added;
        added.topic = topic;
        added.partition = partition;
        it = partitions.insert(it, added);
    }
    return *it;
}

namespace {

void readOffsets(SourceProgress &source, const QJsonObject &byTopic,
                 std::optional<int64_t> PartitionProgress::*field)
{
    for (auto topic = byTopic.begin(); topic != byTopic.end(); ++topic) {
        const QJsonObject offsets = topic.value().toObject();
        for (auto p = offsets.begin(); p != offsets.end(); ++p)
            source.partition(topic.key(), p.key().toInt()).*field = core::expr::Casts::toInt64(p.value().toDouble());
    }
}

QJsonObject sourceJson(const SourceProgress &s)
{
    QJsonObject o = s.extra;
    o.insert(key("node"), s.node);
    if (!s.description.isEmpty())
        o.insert(key("description"), s.description);
    if (!s.group.isEmpty())
        o.insert(key("group"), s.group);
    o.insert(key("numInputRows"), double(s.numInputRows));
    o.insert(key("consumerLag"), double(s.consumerLag));
    o.insert(key("deadLetters"), double(s.deadLetters));
    if (!s.unreachable.isEmpty())
        o.insert(key("unreachable"), QJsonObject{{key("reason"), s.unreachable},
                                                 {key("since"), core::Timestamps::toIso(s.unreachableSinceMs.value_or(0))}});
    if (!s.deadLettersByKind.empty()) {
        QJsonObject kinds;
        for (const auto &[kind, count] : s.deadLettersByKind)
            kinds.insert(kind, double(count));
        o.insert(key("deadLettersByKind"), kinds);
    }
    if (s.maxEventTime)
        o.insert(key("maxEventTime"), double(*s.maxEventTime));
    o.insert(key("startOffset"), offsetsByTopic(s.partitions, &PartitionProgress::startOffset));
    o.insert(key("endOffset"), offsetsByTopic(s.partitions, &PartitionProgress::endOffset));
    const QJsonObject latest = offsetsByTopic(s.partitions, &PartitionProgress::latestOffset);
    if (!latest.isEmpty())
        o.insert(key("latestOffset"), latest);
    const QJsonObject positions = byTopic(s.partitions, [](const PartitionProgress &p) -> std::optional<QJsonValue> {
        if (!p.nextOffset)
            return std::nullopt; // not a consumer's partition (the generator's)
        return QJsonObject{{key("nextOffset"), double(*p.nextOffset)},
                           {key("highWatermark"), double(p.latestOffset.value_or(*p.nextOffset))},
                           {key("lag"), double(p.lag.value_or(0))}};
    });
    if (!positions.isEmpty())
        o.insert(key("partitions"), positions);
    return o;
}

SourceProgress sourceFromJson(const QJsonObject &o)
{
    SourceProgress s;
    s.node = o.value(key("node")).toString();
    s.description = o.value(key("description")).toString();
    s.group = o.value(key("group")).toString();
    s.numInputRows = integer(o, "numInputRows");
    s.consumerLag = integer(o, "consumerLag");
    s.deadLetters = integer(o, "deadLetters");
    if (o.value(key("unreachable")).isObject()) {
        const QJsonObject u = o.value(key("unreachable")).toObject();
        s.unreachable = u.value(key("reason")).toString();
        s.unreachableSinceMs = core::Timestamps::parseIso(u.value(key("since")).toString());
    }
    const QJsonObject kinds = o.value(key("deadLettersByKind")).toObject();
    for (auto it = kinds.begin(); it != kinds.end(); ++it)
        s.deadLettersByKind[it.key()] = core::expr::Casts::toInt64(it.value().toDouble());
    s.maxEventTime = optionalInteger(o, "maxEventTime");
    readOffsets(s, o.value(key("startOffset")).toObject(), &PartitionProgress::startOffset);
    readOffsets(s, o.value(key("endOffset")).toObject(), &PartitionProgress::endOffset);
    readOffsets(s, o.value(key("latestOffset")).toObject(), &PartitionProgress::latestOffset);
    const QJsonObject positions = o.value(key("partitions")).toObject();
    for (auto topic = positions.begin(); topic != positions.end(); ++topic) {
        const QJsonObject partitions = topic.value().toObject();
        for (auto p = partitions.begin(); p != partitions.end(); ++p) {
            const QJsonObject position = p.value().toObject();
            PartitionProgress &partition = s.partition(topic.key(), p.key().toInt());
            partition.nextOffset = optionalInteger(position, "nextOffset");
            partition.lag = optionalInteger(position, "lag");
            if (!partition.latestOffset)
                partition.latestOffset = optionalInteger(position, "highWatermark");
        }
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        static const QStringList knownKeys{key("node"), key("description"), key("group"), key("numInputRows"),
                                           key("consumerLag"), key("deadLetters"), key("deadLettersByKind"), key("unreachable"), key("maxEventTime"),
                                           key("startOffset"), key("endOffset"), key("latestOffset"), key("partitions")};
        if (!knownKeys.contains(it.key()))
            s.extra.insert(it.key(), it.value());
    }
    return s;
}
} // namespace

const SourceProgress *BatchProgress::source(const QString &node) const
{
    for (const auto &s : sources) {
        if (s.node == node)
            return &s;
    }
    return nullptr;
}

const StateOperatorProgress *BatchProgress::stateOperator(const QString &node) const
{
    for (const auto &s : stateOperators) {
        if (s.node == node)
            return &s;
    }
    return nullptr;
}

const NodeProgress *BatchProgress::nodeProgress(const QString &node) const
{
    const auto it = nodes.find(node);
    return it == nodes.end() ? nullptr : &it->second;
}

QJsonObject BatchProgress::eventTimeJson() const
{
    QJsonObject o{{key("watermark"), watermarkIsEnd() ? QJsonValue(key("end")) : QJsonValue(double(watermark))},
                  {key("watermarkGapMs"), watermarkGapMs ? QJsonValue(double(*watermarkGapMs)) : QJsonValue()}};
    if (eventTimeStats) { // as Spark writes them
        o.insert(key("min"), core::Timestamps::toIso(eventTimeStats->min));
        o.insert(key("max"), core::Timestamps::toIso(eventTimeStats->max));
        o.insert(key("avg"), core::Timestamps::toIso(eventTimeStats->avg));
    }
    return o;
}

QJsonObject BatchProgress::toJson() const
{
    QJsonArray sourceArray, stateArray, sinkArray;
    for (const auto &s : sources)
        sourceArray.append(sourceJson(s));
    for (const auto &s : stateOperators)
        stateArray.append(QJsonObject{{key("node"), s.node},
                                      {key("numRowsTotal"), double(s.numRowsTotal)},
                                      {key("numRowsEvicted"), double(s.numRowsEvicted)},
                                      {key("lateRowsDropped"), double(s.lateRowsDropped)},
                                      {key("numRowsUpdated"), double(s.numRowsUpdated)},
                                      {key("numRowsDroppedByWatermark"), double(s.numRowsDroppedByWatermark)},
                                      {key("memoryUsedBytes"), double(s.memoryUsedBytes)}});
    for (const auto &s : sinks)
        sinkArray.append(QJsonObject{{key("node"), s.node},
                                     {key("numOutputRows"), double(s.numOutputRows)},
                                     {key("numOutputRowsTotal"), double(s.numOutputRowsTotal)}});
    QJsonObject nodeObject;
    for (const auto &[id, n] : nodes) {
        QJsonObject ports;
        for (const auto &[port, rows] : n.rowsOutByPort)
            ports.insert(port, double(rows));
        QJsonObject entry{{key("rowsIn"), double(n.rowsIn)},
                          {key("rowsOut"), double(n.rowsOut)},
                          {key("rowsOutByPort"), ports},
                          {key("busyMs"), n.busyMs}};
        if (n.lookupMisses)
            entry.insert(key("lookupMisses"), double(*n.lookupMisses));
        if (n.tableRows)
            entry.insert(key("tableRows"), double(*n.tableRows));
        nodeObject.insert(id, entry);
    }
    QJsonObject o{
        {key("batchId"), double(batchId)},
        {key("timestamp"), core::Timestamps::toIso(timestampMs)}, // "...Z", as Spark's and the docs'
        {key("numInputRows"), double(numInputRows)},
        {key("inputRowsPerSecond"), inputRowsPerSecond},
        {key("processedRowsPerSecond"), processedRowsPerSecond},
        {key("durationMs"), QJsonObject{{key("poll"), durationMs.poll},
                                        {key("decode"), durationMs.decode},
                                        {key("operators"), durationMs.operators},
                                        {key("sink"), durationMs.sink},
                                        {key("checkpoint"), durationMs.checkpoint},
                                        {key("total"), durationMs.total}}},
        {key("eventTime"), eventTimeJson()},
        {key("consumerLag"), double(consumerLag)},
        {key("lateRowsDropped"), double(lateRowsDropped)},
        {key("deadLetters"), double(deadLetters)},
        {key("sources"), sourceArray},
        {key("stateOperators"), stateArray},
        {key("sinks"), sinkArray},
        {key("nodes"), nodeObject},
    };
    if (e2eLatencyMs)
        o.insert(key("e2eLatencyMs"), QJsonObject{{key("p50"), e2eLatencyMs->p50},
                                                  {key("p95"), e2eLatencyMs->p95},
                                                  {key("p99"), e2eLatencyMs->p99},
                                                  {key("max"), e2eLatencyMs->max}});
    if (checkpoint)
        o.insert(key("checkpoint"), QJsonObject{{key("lastCommittedBatch"), double(checkpoint->lastCommittedBatch)},
                                                {key("snapshot"), checkpoint->snapshot},
                                                {key("bytes"), double(checkpoint->bytes)}});
    return o;
}

std::optional<BatchProgress> BatchProgress::fromJson(const QJsonObject &o, QString *error)
{
    if (!o.value(key("batchId")).isDouble()) {
        if (error)
            *error = QStringLiteral("not a progress record: it has no numeric \"batchId\"");
        return std::nullopt;
    }
    BatchProgress p;
    p.batchId = integer(o, "batchId");
    p.timestampMs = core::Timestamps::parseIso(o.value(key("timestamp")).toString()).value_or(0);
    p.numInputRows = integer(o, "numInputRows");
    p.inputRowsPerSecond = o.value(key("inputRowsPerSecond")).toDouble();
    p.processedRowsPerSecond = o.value(key("processedRowsPerSecond")).toDouble();
    const QJsonObject d = o.value(key("durationMs")).toObject();
    p.durationMs = {d.value(key("poll")).toDouble(),      d.value(key("decode")).toDouble(),
                    d.value(key("operators")).toDouble(), d.value(key("sink")).toDouble(),
                    d.value(key("checkpoint")).toDouble(), d.value(key("total")).toDouble()};
    const QJsonObject eventTime = o.value(key("eventTime")).toObject();
    const QJsonValue watermark = eventTime.value(key("watermark"));
    p.watermark = watermark.isString() && watermark.toString() == u"end" ? kWatermarkEnd : core::expr::Casts::toInt64(watermark.toDouble());
    p.watermarkGapMs = optionalInteger(eventTime, "watermarkGapMs");
    if (eventTime.value(key("min")).isString()) {
        auto time = [&](const char *name) {
            return core::Timestamps::parseIso(eventTime.value(key(name)).toString()).value_or(0);
        };
        p.eventTimeStats = EventTimeStats{time("min"), time("max"), time("avg")};
    }
    p.consumerLag = integer(o, "consumerLag");
    p.lateRowsDropped = integer(o, "lateRowsDropped");
    p.deadLetters = integer(o, "deadLetters");
    if (o.value(key("checkpoint")).isObject()) {
        const QJsonObject c = o.value(key("checkpoint")).toObject();
        p.checkpoint = CheckpointProgress{integer(c, "lastCommittedBatch"), c.value(key("snapshot")).toBool(),
                                          integer(c, "bytes")};
    }
    if (o.value(key("e2eLatencyMs")).isObject()) {
        const QJsonObject l = o.value(key("e2eLatencyMs")).toObject();
        p.e2eLatencyMs = LatencyQuantiles{l.value(key("p50")).toDouble(), l.value(key("p95")).toDouble(),
                                          l.value(key("p99")).toDouble(), l.value(key("max")).toDouble()};
    }
    for (const auto &s : o.value(key("sources")).toArray())
        p.sources.push_back(sourceFromJson(s.toObject()));
    for (const auto &v : o.value(key("stateOperators")).toArray()) {
        const QJsonObject s = v.toObject();
        p.stateOperators.push_back({s.value(key("node")).toString(), integer(s, "numRowsTotal"), integer(s, "numRowsEvicted"),
                                    integer(s, "lateRowsDropped"), integer(s, "numRowsUpdated"),
                                    integer(s, "numRowsDroppedByWatermark"), integer(s, "memoryUsedBytes")});
    }
    for (const auto &v : o.value(key("sinks")).toArray()) {
        const QJsonObject s = v.toObject();
        p.sinks.push_back({s.value(key("node")).toString(), integer(s, "numOutputRows"), integer(s, "numOutputRowsTotal")});
    }
    const QJsonObject nodes = o.value(key("nodes")).toObject();
    for (auto it = nodes.begin(); it != nodes.end(); ++it) {
        const QJsonObject n = it.value().toObject();
        NodeProgress &node = p.nodes[it.key()];
        node.rowsIn = integer(n, "rowsIn");
        node.rowsOut = integer(n, "rowsOut");
        node.busyMs = n.value(key("busyMs")).toDouble();
        const QJsonObject ports = n.value(key("rowsOutByPort")).toObject();
        for (auto port = ports.begin(); port != ports.end(); ++port)
            node.rowsOutByPort[port.key()] = core::expr::Casts::toInt64(port.value().toDouble());
        node.lookupMisses = optionalInteger(n, "lookupMisses");
        node.tableRows = optionalInteger(n, "tableRows");
    }
    return p;
}

} // namespace sw::runtime
