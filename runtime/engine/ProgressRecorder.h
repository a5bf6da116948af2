// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/RuntimeNode.h"
#include "progress/BatchProgress.h"

#include <QFile>
#include <QMutex>

#include <deque>
#include <map>
#include <optional>
#include <vector>

namespace sw::runtime {

// Where a batch's wall time went (durationMs in the progress record).
struct BatchTiming
{
    double poll = 0, decode = 0, operators = 0, sink = 0, checkpoint = 0;
};

// The run's progress records: builds one from the nodes after each batch, writes
// it to the metrics file (JSON Lines) if there is one, and keeps the last 600 for
// the control API, alerts and the CLI. record() runs on the executor thread; the
// readers on any thread.
class ProgressRecorder
{
public:
    static constexpr size_t kKept = 600;

    bool openMetricsFile(const QString &path, QString &error);
    // Why the metrics file could not be written (a full disk): the run stops on it.
    QString metricsError() const { return m_metricsError; }
    // The record of the batch that just ran: `startedAtMs` on the run's clock,
    // `recordTimestamps` the Kafka (or generator) timestamps of its input records.
    // The latest record's lag (per source and partition, and in total) as the
    // sources know it now: while paused no batch records it.
    void refreshLag(const std::vector<RuntimeNode> &nodes);
    void record(const std::vector<RuntimeNode> &nodes, int64_t batchId, int64_t watermark, const BatchTiming &timing,
                int64_t inputRows, std::vector<int64_t> &recordTimestamps, double totalMs, qint64 startedAtMs,
                const std::optional<CheckpointProgress> &checkpoint = std::nullopt);

    std::optional<BatchProgress> last() const;
    std::vector<BatchProgress> recent() const;
    // The kept records after batch `batchId`, oldest first.
    std::vector<BatchProgress> since(int64_t batchId) const;

private:
    QFile m_metrics;
    QString m_metricsError;
    qint64 m_previousBatchStart = -1;
    std::map<QString, int64_t> m_sinkTotals; // rows each sink wrote since the run started
    mutable QMutex m_mutex;
    std::deque<BatchProgress> m_recent;
};

} // namespace sw::runtime
