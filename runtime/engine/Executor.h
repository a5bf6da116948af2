// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checkpoint/CheckpointStore.h"
#include "engine/Connections.h"
#include "engine/ProgressRecorder.h"
#include "engine/RunOptions.h"
#include "engine/Router.h"
#include "engine/RuntimeNode.h"
#include "engine/WatermarkTracker.h"
#include "model/Pipeline.h"
#include "validation/PipelineValidator.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>

#include <atomic>
#include <deque>
#include <memory>
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
    // A clean stop: with a checkpoint, the last commit gets a snapshot (if it has
    // none); then sinks close. False (with error() set) when that fails.
    bool stopCleanly();
    // What the checkpoint said at start ("" without one), for the run's first lines.
    QString checkpointReport() const { return m_checkpointReport; }
    bool hasCheckpoint() const { return m_checkpoint != nullptr; }
    // Windows, groups and join rows the operators held when the run stopped (not
    // at the end of bounded input, which emits them): without a checkpoint, lost.
    int64_t stateRowsAtStop() const { return m_stateRowsAtStop; }
    // The first source that cannot reach its input now, and why; any thread.
    std::optional<std::pair<QString, Source::Unreachable>> unreachable() const;
    // runtime.checkpoint.dir, resolved against the pipeline file; empty: none.
    static QString checkpointDir(const core::Pipeline &pipeline);
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
    // What each sink.preview keeps (its last rows, as JSON), by node id; any thread.
    QJsonObject previewRows() const;
    int64_t batchId() const { return m_batchId; }

    // The debugger (RunOptions::debug; ExecutorDebug.cpp). A breakpoint pauses the
    // run after the batch in which its node sees a row for which its condition
    // (an expression over the node's input; empty: any row) is true.
    struct Breakpoint
    {
        QString node;
        QString condition;
    };
    bool debugging() const { return m_options.debug; }
    // What can be looked at and gone back to; any thread.
    QJsonObject debugInfo() const;
    // Batch `batchId` as the debugger kept it: its watermark, plans, the rows of
    // every edge and every stateful node's state after it; nullopt: not kept.
    std::optional<QJsonObject> debugBatch(int64_t batchId) const;
    // Any thread: checked against the pipeline, applied from the next batch.
    bool setBreakpoints(const std::vector<Breakpoint> &breakpoints, QString &error);
    // Executor thread, between batches: back (or forward) to the end of batch
    // `batchId` (-1: the start); the next step runs batch batchId + 1 again, as
    // it ran (its sinks written the first time only).
    bool seek(int64_t batchId, QString &error);
    // Executor thread: the breakpoint the last batch hit, once.
    std::optional<QJsonObject> takeBreakpointHit();
    int64_t watermark() const { return m_watermark.current(); }
    // Executor thread, while paused: the sources' lag asked of their clusters
    // again, into the latest progress record (the figures and alerts read it).
    void refreshLag();
    const std::vector<RuntimeNode> &nodes() const { return m_nodes; }

private:
    using Timing = BatchTiming;
    struct BatchRequest
    {
        bool pollSources = true;
        int64_t watermark = 0;
        bool endOfInput = false; // the last batch of bounded input; operators finish() after it
        // From the offset log: read exactly these plans (a replay, or a batch that
        // was not committed before the restart).
        const CheckpointStore::OffsetEntry *logged = nullptr;
        bool replay = false; // committed before the restart: sinks and dead-letter files get nothing
    };
    // `planned`: whether any source planned records.
    bool runBatch(const BatchRequest &request, Timing &timing, int64_t &inputRows, std::vector<int64_t> &recordTimes,
                  bool &planned);
    void closeOperators();
    void closeSinksAndOperators(); // sinks (and dead-letter sinks) closed, then operators
    bool planSources(std::vector<SourcePlan> &plans);
    void waitForInput();
    // Counts, routes, keeps and applies the source's policy; false: the run failed.
    bool handleDeadLetters(RuntimeNode &node, std::vector<DeadLetter> &letters, bool replay);

    // Checkpoints (ExecutorCheckpoint.cpp).
    bool openCheckpoint(const core::ValidationResult &validation, QString &error);
    bool resumeFromCheckpoint(QString &error);
    bool logOffsets(int64_t batchId, int64_t watermark, bool noData, const std::vector<SourcePlan> &plans);
    bool commitBatch(Timing &timing);
    std::map<QString, std::string> snapshotState() const;
    bool restoreState(const std::map<QString, std::string> &state, QString &error);
    std::map<QString, std::string> sinkPositions() const;
    void crashIfAskedTo(const char *point, int64_t batchId) const;

    // The debugger (ExecutorDebug.cpp).
    struct DebugFrame
    {
        int64_t batchId = -1;
        int64_t watermarkUsed = 0;
        int64_t watermarkAfter = 0;
        bool noData = false;
        bool noDataDueAfter = false;
        std::map<QString, SourcePlan> plans;
        std::vector<std::vector<OffsetRange>> positions; // by node index (sources)
        std::vector<std::string> sourceStates;           // by node index
        std::vector<int64_t> maxEventTimes;              // by node index
        std::map<QString, std::string> state;            // stateful operators' snapshots
        std::map<QString, Router::EdgeRows> edges;
        QJsonObject stateTables;
        QJsonObject nodes; // rows in and out, late rows, per node
    };
    struct CompiledBreakpoint;
    bool openDebugger(const core::ValidationResult &validation, QString &error);
    void captureFrame(int64_t watermarkUsed, bool noData);
    const DebugFrame *frame(int64_t batchId) const; // under m_debugMutex
    Step rerun(const DebugFrame &frame);
    void checkBreakpoints(size_t nodeIndex, const std::vector<std::vector<Batch>> &inbox);
    void fail(const QString &message);

    core::Pipeline m_pipeline;
    RunOptions m_options;
    Wakeup m_wakeup; // before m_nodes: sources' queues write to it until they are gone
    Connections m_connections; // before m_nodes: embedded brokers outlive their clients
    std::vector<RuntimeNode> m_nodes;
    int64_t m_maxBatchRows = 10000;
    int64_t m_triggerMs = 0;
    bool m_noDataBatches = true;  // runtime.noDataBatches (Spark's spark.sql.streaming.noDataMicroBatches.enabled)
    int64_t m_firstBatchOfRun = 0; // --once: the run ends after it
    int64_t m_stateRowsAtStop = 0;
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
    // Checkpoint (runtime.checkpoint.dir); none: at-least-once, state lost on stop.
    std::unique_ptr<CheckpointStore> m_checkpoint;
    int64_t m_everyBatches = 10;
    int64_t m_lastSnapshotBatch = -1;
    int64_t m_lastCommittedBatch = -1;
    std::optional<CheckpointStore::OffsetEntry> m_uncommitted; // to run again first, as logged
    QString m_checkpointReport;
    CheckpointProgress m_checkpointProgress;
    std::map<QString, std::string> m_restoredState; // the snapshot being resumed from, until restored
    int64_t m_restoredWatermark = 0;
    bool m_restoredNoDataDue = false;
    QString m_fault;         // STREAMWRIGHT_CHECKPOINT_FAULT: point:batch (kill tests)
    mutable QMutex m_progressMutex; // m_error
    // The debugger: frames by batch, oldest first; breakpoints; the last hit.
    mutable QMutex m_debugMutex;
    std::deque<DebugFrame> m_frames;
    int64_t m_furthestBatch = -1;
    QHash<QString, core::NodeSchemas> m_schemas;
    std::shared_ptr<const std::vector<CompiledBreakpoint>> m_breakpoints;
    std::vector<Breakpoint> m_breakpointSpecs;
    std::shared_ptr<const std::vector<CompiledBreakpoint>> m_batchBreakpoints; // the running batch's
    std::optional<QJsonObject> m_hit;
    bool m_debugAtEnd = false; // the last step found the input read and nothing due
    int64_t m_hitBatch = -1;
    std::vector<SourcePlan> m_lastPlans; // what the last batch read, by node index
    Router m_router{m_nodes};
};

} // namespace sw::runtime
