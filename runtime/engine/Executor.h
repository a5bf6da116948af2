// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Connections.h"
#include "engine/ProgressRecorder.h"
#include "engine/RunOptions.h"
#include "engine/Router.h"
#include "engine/RuntimeNode.h"
#include "engine/WatermarkTracker.h"
#include "model/Pipeline.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>

#include <atomic>
#include <vector>

namespace sw::runtime {

// Runs one pipeline in micro-batches on the calling thread (Spark's semantics,
// ARCHITECTURE.md): poll the sources, push the rows through the operators in
// topological order, hand results to the sinks, flush them, advance the watermark.
// The watermark is computed at the end of batch N from the largest event time per
// source (minus its delay; the pipeline takes the minimum) and used by batch N+1;
// it starts at 0 and never goes down. After a batch that raised it, one more batch
// runs without input so that closed windows are emitted without waiting for data.
// Results never depend on wall-clock time, only triggers and latency metrics do.
class Executor
{
public:
    enum class Step { Ran, Idle, Finished, Failed };

    Executor(core::Pipeline pipeline, RunOptions options);
    ~Executor();

    // Validates and builds the pipeline, opens sources and sinks.
    bool open(QString &error);
    // One micro-batch (or an idle wait when there is no input); Finished at the end
    // of bounded input or after --until-idle, Failed after a fatal error.
    Step step();
    // Ends the input now: watermark to +infinity, emit every open window, flush.
    void finish();
    // From any thread: a batch waiting for planned records gives up, uncommitted,
    // so that the run can stop.
    void requestStop() { m_stopRequested = true; }
    QString error() const
    {
        QMutexLocker lock(&m_progressMutex);
        return m_error;
    }

    // The latest batch's progress (StreamingQueryProgress-like); any thread.
    std::optional<BatchProgress> lastProgress() const { return m_progress.last(); }
    // The last (up to 600) batches' progress, oldest first; any thread.
    std::vector<BatchProgress> recentProgress() const { return m_progress.recent(); }
    // The kept progress records of batches after `batchId`, oldest first.
    std::vector<BatchProgress> progressSince(int64_t batchId) const { return m_progress.since(batchId); }
    // What each edge carried in the last batch that had rows: for every node
    // output "node.port", up to 20 rows as JSON; any thread.
    QJsonObject edgeSamples() const { return m_router.edgeSamples(); }
    int64_t batchId() const { return m_batchId; }
    int64_t watermark() const { return m_watermark.current(); }
    const std::vector<RuntimeNode> &nodes() const { return m_nodes; }

private:
    using Timing = BatchTiming;
    // endOfInput: the last batch of bounded input; operators finish() after it.
    bool runBatch(bool pollSources, int64_t watermark, Timing &timing, int64_t &inputRows,
                  std::vector<int64_t> &recordTimes, bool endOfInput = false);
    void closeOperators();
    bool planSources(std::vector<SourcePlan> &plans);
    void waitForInput();
    // Counts, routes, keeps and applies the source's policy; false: the run failed.
    bool handleDeadLetters(RuntimeNode &node, std::vector<DeadLetter> &letters);
    void fail(const QString &message);

    core::Pipeline m_pipeline;
    RunOptions m_options;
    Wakeup m_wakeup; // before m_nodes: sources' queues write to it until they are gone
    Connections m_connections; // before m_nodes: embedded brokers outlive their clients
    std::vector<RuntimeNode> m_nodes;
    int64_t m_maxBatchRows = 10000;
    int64_t m_triggerMs = 0;
    std::atomic<int64_t> m_batchId{-1};   // read by the control API's thread
    WatermarkTracker m_watermark;
    static constexpr int kIdleWaitMs = 100;
    std::atomic<bool> m_stopRequested{false};
    bool m_interrupted = false;
    bool m_noDataBatchDue = false;
    bool m_finished = false;
    bool m_operatorsClosed = false;
    QString m_error;
    QElapsedTimer m_clock;
    qint64 m_lastInputAt = 0;
    int64_t m_deadLettersSeen = 0;
    qint64 m_nextTriggerAt = 0;
    std::unique_ptr<Sink> m_defaultDeadLetters; // <pipeline>.dead-letters.jsonl, opened at the first one
    ProgressRecorder m_progress;
    mutable QMutex m_progressMutex; // m_error
    Router m_router{m_nodes};
};

} // namespace sw::runtime
