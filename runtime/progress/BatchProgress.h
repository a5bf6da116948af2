// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <vector>

namespace sw::runtime {

// The progress of one micro-batch, modelled on Spark's StreamingQueryProgress and
// documented field by field in docs/metrics.md. Everything that reports on a run
// (the JSONL metrics file, the control API, Prometheus, alerts, the CLI's progress
// line, the app's figures and charts) reads these fields; toJson() and fromJson()
// are the one mapping to and from the JSON the docs show, so a field is named in
// one place only.

struct BatchDurations
{
    double poll = 0, decode = 0, operators = 0, sink = 0, checkpoint = 0, total = 0;
    bool operator==(const BatchDurations &) const = default;
};

struct LatencyQuantiles
{
    double p50 = 0, p95 = 0, p99 = 0, max = 0;
    bool operator==(const LatencyQuantiles &) const = default;
};

// One partition of a source: the range the last batch that read planned (Spark's
// startOffset/endOffset), the latest offset known to be available, and for Kafka
// the consumer's position and lag.
struct PartitionProgress
{
    QString topic;
    int partition = 0;
    std::optional<int64_t> startOffset, endOffset;
    std::optional<int64_t> latestOffset;
    std::optional<int64_t> nextOffset, lag;
    bool operator==(const PartitionProgress &) const = default;
};

struct SourceProgress
{
    QString node;
    QString description, group; // Kafka: "Kafka[topic,...]" and the consumer group
    int64_t numInputRows = 0;
    int64_t consumerLag = 0;
    int64_t deadLetters = 0; // since the start
    std::map<QString, int64_t> deadLettersByKind; // since the start, by DeadLetters kind (not_json, ...)
    QString unreachable;              // why the source cannot reach its cluster now (empty: it can)
    std::optional<int64_t> unreachableSinceMs;
    std::optional<int64_t> maxEventTime;
    std::vector<PartitionProgress> partitions; // by topic, then partition
    QJsonObject extra;                         // figures only this kind of source has (the generator's)

    // The entry of (topic, partition), added in order if new.
    PartitionProgress &partition(const QString &topic, int partition);
    bool operator==(const SourceProgress &) const = default;
};

struct StateOperatorProgress
{
    QString node;
    int64_t numRowsTotal = 0;
    int64_t numRowsEvicted = 0;  // since the start
    int64_t lateRowsDropped = 0; // since the start
    // Spark's names, for this batch: rows written to state, rows (or row-window
    // pairs) dropped as late; and the state's size in memory now.
    int64_t numRowsUpdated = 0;
    int64_t numRowsDroppedByWatermark = 0;
    int64_t memoryUsedBytes = 0;
    bool operator==(const StateOperatorProgress &) const = default;
};

// Spark's eventTime min/max/avg: the event times of the rows the batch's
// watermark points (sources with event time, watermark nodes) took in.
struct EventTimeStats
{
    int64_t min = 0, max = 0, avg = 0;
    bool operator==(const EventTimeStats &) const = default;
};

struct SinkProgress
{
    QString node;
    int64_t numOutputRows = 0;      // written in this batch
    int64_t numOutputRowsTotal = 0; // written since the run started
    bool operator==(const SinkProgress &) const = default;
};

struct NodeProgress
{
    int64_t rowsIn = 0, rowsOut = 0;
    std::map<QString, int64_t> rowsOutByPort;
    double busyMs = 0;
    std::optional<int64_t> lookupMisses, tableRows; // lookup joins
    bool operator==(const NodeProgress &) const = default;
};

// With a checkpoint: where it stands after this batch.
struct CheckpointProgress
{
    int64_t lastCommittedBatch = -1;
    bool snapshot = false; // this batch's commit carries the operators' state
    int64_t bytes = 0;     // the checkpoint database and its write-ahead log
    bool operator==(const CheckpointProgress &) const = default;
};

struct BatchProgress
{
    // The watermark of the final batch of bounded input ("end" in JSON).
    static constexpr int64_t kWatermarkEnd = std::numeric_limits<int64_t>::max();

    int64_t batchId = 0;
    int64_t timestampMs = 0; // when the batch finished, epoch ms
    int64_t numInputRows = 0;
    double inputRowsPerSecond = 0;
    double processedRowsPerSecond = 0;
    BatchDurations durationMs;
    int64_t watermark = 0;
    std::optional<int64_t> watermarkGapMs;
    std::optional<EventTimeStats> eventTimeStats; // absent when no row with event time came in
    int64_t consumerLag = 0;
    int64_t lateRowsDropped = 0; // since the start
    int64_t deadLetters = 0;     // since the start
    std::optional<LatencyQuantiles> e2eLatencyMs; // absent when the batch read no records
    std::vector<SourceProgress> sources;
    std::vector<StateOperatorProgress> stateOperators;
    std::vector<SinkProgress> sinks;
    std::map<QString, NodeProgress> nodes;
    std::optional<CheckpointProgress> checkpoint; // absent without a checkpoint

    bool watermarkIsEnd() const { return watermark == kWatermarkEnd; }
    const SourceProgress *source(const QString &node) const;
    const StateOperatorProgress *stateOperator(const QString &node) const;
    const NodeProgress *nodeProgress(const QString &node) const;

    QJsonObject toJson() const;
    QJsonObject eventTimeJson() const;
    // Reads what toJson() wrote (a record from a run's metrics file or control
    // API); nullopt with a reason when it is not a progress record. Fields a
    // record leaves out (older runtimes) keep their defaults.
    static std::optional<BatchProgress> fromJson(const QJsonObject &json, QString *error = nullptr);
    bool operator==(const BatchProgress &) const = default;
};

} // namespace sw::runtime
