// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/Executor.h"

#include "batch/RowJson.h"
#include "engine/DeadLetters.h"
#include "engine/PipelineBuilder.h"
#include "engine/ProcessMemory.h"
#include "expr/Casts.h"
#include "sinks/FileSink.h"
#include "sinks/PreviewSink.h"
#include "model/Duration.h"
#include "validation/PipelineValidator.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

#include <algorithm>
#include <cstdio>

namespace sw::runtime {

Executor::Executor(core::Pipeline pipeline, RunOptions options)
    : m_pipeline(std::move(pipeline)), m_options(std::move(options)), m_connections(m_pipeline, m_options)
{
    keepFreedMemoryInProcess();
}

Executor::~Executor()
{
    closeSinksAndOperators();
    m_nodes.clear(); // clients first, then the embedded brokers they talk to
}

std::optional<std::pair<QString, Source::Unreachable>> Executor::unreachable() const
{
    for (const auto &n : m_nodes) {
        if (n.source) {
            if (auto down = n.source->unreachable())
                return std::pair{n.id, std::move(*down)};
        }
    }
    return std::nullopt;
}

void Executor::fail(const QString &message)
{
    QMutexLocker lock(&m_progressMutex);
    if (m_error.isEmpty())
        m_error = message;
}

bool Executor::open(QString &error)
{
    const auto validation = core::PipelineValidator::validate(m_pipeline);
    for (const auto &d : validation.diagnostics) {
        if (d.isError()) {
            error = QStringLiteral("the pipeline is not valid: %1: %2 (run streamwright-cli validate for all problems)")
                        .arg(d.pointer, d.message);
            return false;
        }
    }
    m_nodes = PipelineBuilder::build(m_pipeline, validation, m_connections, error);
    if (m_nodes.empty())
        return false;
    if (m_options.debug)
        m_options.noCheckpoint = true; // the debugger keeps every batch in memory instead
    if (!openCheckpoint(validation, error))
        return false;
    if (m_options.debug && !openDebugger(validation, error))
        return false;
    const QJsonObject runtime = m_pipeline.runtime;
    m_maxBatchRows = std::max<int64_t>(1, core::expr::Casts::toInt64(runtime.value(QStringLiteral("maxBatchRows")).toDouble(10000)));
    m_triggerMs = core::Duration::parseMs(runtime.value(QStringLiteral("trigger")).toString(QStringLiteral("0s"))).value_or(0);
    m_noDataBatches = runtime.value(QStringLiteral("noDataBatches")).toBool(true) && m_options.trigger != Trigger::Once;
    if (m_options.trigger != Trigger::Continuous)
        m_triggerMs = 0; // AvailableNow and Once are the trigger: batches run back to back
    const SourceContext sourceContext{&m_wakeup, &m_stopRequested,
                                      m_options.failAfterSeconds >= 0 ? int64_t(m_options.failAfterSeconds * 1000) : -1};
    for (auto &n : m_nodes) {
        std::string message;
        if (n.source && !n.source->open(sourceContext, message)) {
            error = QStringLiteral("source \"%1\": %2").arg(n.id, QString::fromStdString(message));
            return false;
        }
        if (n.sink && !n.sink->open(message)) {
            error = QStringLiteral("sink \"%1\": %2").arg(n.id, QString::fromStdString(message));
            return false;
        }
        if (n.deadLetterSink && !n.deadLetterSink->open(message)) {
            error = QStringLiteral("source \"%1\": cannot keep its dead letters in %2: %3")
                        .arg(n.id, n.deadLetterTarget, QString::fromStdString(message));
            return false;
        }
        if (n.op) {
            n.context = std::make_unique<OperatorContext>(n.id);
            if (!n.op->open(*n.context, message)) {
                error = QStringLiteral("node \"%1\": %2").arg(n.id, QString::fromStdString(message));
                return false;
            }
        }
    }
    if (!m_options.metricsPath.isEmpty() && !m_progress.openMetricsFile(m_options.metricsPath, error))
        return false;
    m_clock.start();
    m_lastInputAt = 0;
    if (!resumeFromCheckpoint(error))
        return false;
    m_firstBatchOfRun = m_batchId + 1;
    if (m_options.debug)
        captureFrame(0, false); // the start, to go back to
    if (m_options.trigger != Trigger::Continuous) {
        for (auto &n : m_nodes) {
            std::string message;
            if (n.source && !n.source->endAtAvailable(message)) {
                error = QStringLiteral("source \"%1\": %2 (%3)")
                            .arg(n.id, QString::fromStdString(message),
                                 m_options.trigger == Trigger::Once ? QStringLiteral("--once") : QStringLiteral("--available-now"));
                return false;
            }
        }
    }
    return true;
}

bool Executor::planSources(std::vector<SourcePlan> &plans)
{
    plans.assign(m_nodes.size(), {});
    bool any = false;
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        RuntimeNode &n = m_nodes[i];
        if (n.source && !n.source->exhausted()) {
            // Spark's Trigger.Once reads everything available in one batch.
            plans[i] = n.source->plan(m_options.trigger == Trigger::Once ? INT64_MAX : m_maxBatchRows);
            any = any || !plans[i].empty();
        }
    }
    return any;
}

void Executor::waitForInput()
{
    // Until any source's records arrive (its queues notify the wakeup), a paced
    // generator's next event is due, or a little while passed (stop requests,
    // --until-idle and the no-data batch are checked between steps).
    int ms = kIdleWaitMs;
    for (const auto &n : m_nodes) {
        if (n.source && !n.source->exhausted() && n.source->msUntilInput() >= 0)
            ms = std::min(ms, n.source->msUntilInput());
    }
    if (ms > 0)
        m_wakeup.wait(ms);
}

namespace {
class NodeEmitter : public Emitter
{
public:
    NodeEmitter(std::function<void(int, Batch &&)> f) : m_f(std::move(f)) {}
    void push(int port, Batch &&batch) override { m_f(port, std::move(batch)); }

private:
    std::function<void(int, Batch &&)> m_f;
};
} // namespace

bool Executor::handleDeadLetters(RuntimeNode &node, std::vector<DeadLetter> &letters, bool replay)
{
    if (letters.empty())
        return true;
    node.deadLetters += int64_t(letters.size());
    for (const DeadLetter &l : letters)
        ++node.deadLettersByKind[l.kind];
    using Policy = core::DeadLetterSettings::Policy;
    if (node.deadLetterPolicy == Policy::Skip)
        return true; // counted, per kind, in the metrics
    const int deadPort = node.type->outputs.size() > 1 ? 1 : -1;
    const bool routed = deadPort > 0 && !node.outputs[size_t(deadPort)].empty();
    if (routed)
        m_router.route(int(&node - m_nodes.data()), deadPort, DeadLetters::rows(letters));
    if (replay)
        return true; // a committed batch again, after a restart: kept (or stopped at) then
    // Kept by a sink: the source's deadLetters.to, or (when no edge takes them) a
    // file next to the pipeline, so that they are never silently lost.
    Sink *keeper = node.deadLetterSink.get();
    QString target = node.deadLetterTarget;
    if (!keeper && !routed) {
        target = m_pipeline.resolvePath(m_pipeline.name + QStringLiteral(".dead-letters.jsonl"));
        if (!m_defaultDeadLetters) {
            auto file = std::make_unique<FileSink>(target, QStringLiteral("jsonl"));
            std::string message;
            if (!file->open(message)) {
                fail(QStringLiteral("source \"%1\": cannot keep its dead letters in %2: %3")
                         .arg(node.id, target, QString::fromStdString(message)));
                return false;
            }
            std::fprintf(stderr, "dead letters (records that could not be decoded or used, with the reason) go to %s\n",
                         qPrintable(target));
            m_defaultDeadLetters = std::move(file);
        }
        keeper = m_defaultDeadLetters.get();
    }
    if (keeper) {
        std::string message;
        if (!keeper->write(DeadLetters::rows(letters, &node.id), message) || !keeper->flush(message)) {
            fail(QStringLiteral("source \"%1\": cannot keep its dead letters in %2: %3")
                     .arg(node.id, target, QString::fromStdString(message)));
            return false;
        }
    }
    if (node.deadLetterPolicy == Policy::Stop) {
        const DeadLetter &first = letters.front();
        fail(QStringLiteral("source \"%1\": a dead letter stops the run (deadLetters.policy \"stop\"): %2 partition %3 "
                            "offset %4: %5")
                 .arg(node.id, QString::fromStdString(first.topic)).arg(first.partition).arg(first.offset)
                 .arg(QString::fromStdString(first.reason)));
        return false;
    }
    return true;
}

void Executor::closeSinksAndOperators()
{
    for (auto &n : m_nodes) {
        if (n.sink)
            n.sink->close();
        if (n.deadLetterSink)
            n.deadLetterSink->close();
    }
    if (m_defaultDeadLetters)
        m_defaultDeadLetters->close();
    closeOperators();
}

void Executor::closeOperators()
{
    if (m_operatorsClosed)
        return;
    m_operatorsClosed = true;
    for (auto &n : m_nodes) {
        if (n.op && n.context) // opened
            n.op->close();
    }
}

bool Executor::runBatch(const BatchRequest &request, Timing &timing, int64_t &inputRows,
                        std::vector<int64_t> &recordTimes, bool &planned)
{
    const int64_t watermark = request.watermark;
    const int64_t batchId = m_batchId + 1;
    QElapsedTimer t;
    for (auto &n : m_nodes) {
        n.rowsIn = n.rowsOut = 0;
        std::fill(n.portRowsOut.begin(), n.portRowsOut.end(), 0);
        n.busyMs = 0;
        n.batchEventTimes = {};
        if (n.context)
            n.context->startBatch();
    }
    planned = false;
    if (m_options.debug)
        m_lastPlans.assign(m_nodes.size(), {});
    if (request.pollSources) {
        t.start();
        std::vector<SourcePlan> plans(m_nodes.size());
        if (request.logged) { // exactly what the offset log says this batch read
            for (size_t i = 0; i < m_nodes.size(); ++i) {
                const auto it = request.logged->plans.find(m_nodes[i].id);
                if (it != request.logged->plans.end())
                    plans[i] = it->second;
            }
        } else if (!planSources(plans) && m_triggerMs == 0) {
            waitForInput();
            planSources(plans);
        }
        for (const SourcePlan &plan : plans)
            planned = planned || !plan.empty();
        if (m_options.debug)
            m_lastPlans = plans;
        if (m_checkpoint && !request.logged && planned && !logOffsets(batchId, watermark, false, plans))
            return false;
        for (size_t i = 0; i < m_nodes.size(); ++i) {
            RuntimeNode &n = m_nodes[i];
            if (!n.source || n.source->exhausted())
                continue;
            SourceBatch polled = n.source->read(plans[i]);
            if (polled.interrupted) {
                m_interrupted = true;
                return false;
            }
            if (!polled.error.empty()) {
                fail(QStringLiteral("source \"%1\": %2").arg(n.id, QString::fromStdString(polled.error)));
                return false;
            }
            // A source's work is decoding; waiting for records to arrive is not.
            n.busyMs += polled.decodeMs;
            timing.decode += polled.decodeMs;
            if (!handleDeadLetters(n, polled.deadLetters, request.replay))
                return false;
            if (polled.rows.rows == 0)
                continue;
            inputRows += int64_t(polled.rows.rows);
            n.totalRowsIn += int64_t(polled.rows.rows);
            recordTimes.insert(recordTimes.end(), polled.recordTimestamps.begin(), polled.recordTimestamps.end());
            WatermarkTracker::observe(n, polled.rows);
            if (m_batchBreakpoints && m_options.debug)
                checkBreakpoints(i, {{polled.rows}});
            m_router.route(int(i), 0, std::move(polled.rows));
        }
        timing.poll += double(t.nsecsElapsed()) / 1e6 - timing.decode;
    }
    // Operators and sinks, in topological order: each node sees all its input first.
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        RuntimeNode &n = m_nodes[i];
        if (n.source)
            continue;
        QElapsedTimer busy;
        busy.start();
        if (m_batchBreakpoints && m_options.debug)
            checkBreakpoints(i, n.inbox);
        if (n.op) {
            NodeEmitter emitter([this, i](int port, Batch &&b) { m_router.route(int(i), port, std::move(b)); });
            if (n.eventTimeColumn >= 0) { // a watermark node
                for (const Batch &b : n.inbox[0])
                    WatermarkTracker::observe(n, b);
            }
            for (size_t port = 0; port < n.inbox.size(); ++port) {
                for (Batch &b : n.inbox[port])
                    n.op->process(int(port), b, watermark, emitter);
                n.inbox[port].clear();
            }
            n.op->endOfBatch(watermark, emitter);
            if (request.endOfInput)
                n.op->finish(emitter);
            timing.operators += double(busy.nsecsElapsed()) / 1e6;
        } else if (n.sink && request.replay) {
            for (auto &port : n.inbox) // committed before the restart: written then
                port.clear();
        } else if (n.sink) {
            n.sink->beginBatch(batchId);
            for (auto &port : n.inbox) {
                for (Batch &b : port) {
                    std::string message;
                    if (!n.sink->write(b, message)) {
                        fail(QStringLiteral("sink \"%1\": %2").arg(n.id, QString::fromStdString(message)));
                        return false;
                    }
                }
                port.clear();
            }
            std::string message;
            if (!n.sink->flush(message)) {
                fail(QStringLiteral("sink \"%1\": %2").arg(n.id, QString::fromStdString(message)));
                return false;
            }
            timing.sink += double(busy.nsecsElapsed()) / 1e6;
        }
        n.busyMs += double(busy.nsecsElapsed()) / 1e6;
        n.totalRowsIn += n.rowsIn;
        n.totalRowsOut += n.rowsOut;
    }
    for (auto &n : m_nodes) {
        if (n.source) {
            n.source->commit();
            n.totalRowsOut += n.rowsOut;
        }
    }
    return true;
}

Executor::Step Executor::step()
{
    if (m_finished)
        return Step::Finished;
    if (!error().isEmpty())
        return Step::Failed;
    const qint64 now = m_clock.elapsed();
    // A source that cannot reach its cluster: the silence is not the end of the
    // input (--until-idle waits), and --fail-after says how long to wait at most.
    if (const auto down = unreachable()) {
        m_lastInputAt = now;
        const int64_t downMs = QDateTime::currentMSecsSinceEpoch() - down->second.sinceMs;
        if (m_options.failAfterSeconds >= 0 && double(downMs) > m_options.failAfterSeconds * 1000) {
            fail(QStringLiteral("source \"%1\": %2; unreachable for %3 s (--fail-after)")
                     .arg(down->first, QString::fromStdString(down->second.reason))
                     .arg(downMs / 1000));
            return Step::Failed;
        }
    }
    bool allExhausted = true;
    for (const auto &n : m_nodes)
        allExhausted = allExhausted && (!n.source || n.source->exhausted());
    const bool idleTooLong = !m_options.debug && m_options.untilIdleSeconds >= 0
                             && now - m_lastInputAt > qint64(m_options.untilIdleSeconds * 1000);
    if (m_options.debug) {
        // After going back: the batches that ran before, as they ran. At the end
        // of the input the run stays there, to be looked at and gone back in.
        std::optional<DebugFrame> next;
        {
            QMutexLocker lock(&m_debugMutex);
            if (const DebugFrame *f = frame(m_batchId + 1))
                next = *f;
            m_batchBreakpoints = m_breakpoints;
        }
        const bool atEnd = !next && allExhausted && !m_noDataBatchDue;
        {
            QMutexLocker lock(&m_debugMutex);
            m_debugAtEnd = atEnd; // for debugInfo(), on other threads
        }
        if (next)
            return rerun(*next);
        if (atEnd) {
            QThread::msleep(20);
            return Step::Idle;
        }
        m_router.beginBatch();
    }
    if (m_options.trigger != Trigger::Continuous && !m_uncommitted
        && ((allExhausted && !m_noDataBatchDue) || (m_options.trigger == Trigger::Once && m_batchId >= m_firstBatchOfRun))) {
        // What was available at the start has been processed: stop as a stopped run
        // does (open windows wait in the checkpoint, if there is one).
        return stopCleanly() ? Step::Finished : Step::Failed;
    }
    if (m_checkpoint && ((allExhausted && !m_noDataBatchDue && !m_uncommitted) || idleTooLong)) {
        // With a checkpoint the input never ends (Spark's Trigger.AvailableNow):
        // what is available was processed; open windows wait in the checkpoint
        // for a later run's watermark.
        return stopCleanly() ? Step::Finished : Step::Failed;
    }
    if ((allExhausted && !m_noDataBatchDue) || idleTooLong) {
        finish();
        return error().isEmpty() ? Step::Finished : Step::Failed;
    }
    if (!m_noDataBatchDue && m_triggerMs > 0 && now < m_nextTriggerAt) {
        QThread::msleep(ulong(std::min<qint64>(m_nextTriggerAt - now, 100)));
        return Step::Idle;
    }
    m_nextTriggerAt = now + m_triggerMs;

    Timing timing;
    int64_t inputRows = 0;
    std::vector<int64_t> recordTimes;
    QElapsedTimer total;
    total.start();
    // A batch the offset log has and the commit log has not (the run stopped
    // between them): run again with exactly its ranges and watermark.
    const std::optional<CheckpointStore::OffsetEntry> logged = std::move(m_uncommitted);
    m_uncommitted.reset();
    const bool noData = logged ? logged->noData : m_noDataBatchDue;
    m_noDataBatchDue = false;
    const qint64 startedAt = m_clock.elapsed();
    const int64_t watermark = logged ? logged->watermark : m_watermark.current();
    if (m_checkpoint && noData && !logged && !logOffsets(m_batchId + 1, watermark, true, {}))
        return Step::Failed;
    bool planned = false;
    if (!runBatch({!noData, watermark, false, logged ? &*logged : nullptr, false}, timing, inputRows, recordTimes,
                  planned)) {
        if (m_interrupted) { // stopping while a planned batch waited: nothing of it is committed
            m_interrupted = false;
            return Step::Idle;
        }
        return Step::Failed;
    }
    // Dead letters are input too: records arrived (for --until-idle), and the batch
    // that turned them away is one (its offsets are committed, its count shown).
    int64_t deadLetters = 0;
    for (const auto &n : m_nodes)
        deadLetters += n.deadLetters;
    const bool turnedAway = deadLetters > m_deadLettersSeen;
    m_deadLettersSeen = deadLetters;
    if (inputRows > 0 || turnedAway)
        m_lastInputAt = m_clock.elapsed();
    // (With a checkpoint, a plan that found no records is a batch still: the offset
    // log has it, and the sources have moved past its ranges.)
    if (inputRows == 0 && !turnedAway && !noData && !(m_checkpoint && planned))
        return Step::Idle; // nothing happened: not a batch

    ++m_batchId;
    if (m_checkpoint && !commitBatch(timing))
        return Step::Failed;
    m_progress.record(m_nodes, m_batchId, watermark, timing, inputRows, recordTimes, double(total.nsecsElapsed()) / 1e6,
                      startedAt, m_checkpoint ? std::optional(m_checkpointProgress) : std::nullopt);
    if (!m_progress.metricsError().isEmpty()) {
        fail(m_progress.metricsError());
        return Step::Failed;
    }
    if (m_watermark.advance(m_nodes) && m_noDataBatches)
        m_noDataBatchDue = true;
    if (m_options.debug)
        captureFrame(watermark, noData);
    return Step::Ran;
}

void Executor::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    Timing timing;
    int64_t inputRows = 0;
    std::vector<int64_t> recordTimes;
    QElapsedTimer total;
    total.start();
    const qint64 startedAt = m_clock.elapsed();
    m_watermark.end();
    bool planned = false;
    if (runBatch({false, kWatermarkEnd, true, nullptr, false}, timing, inputRows, recordTimes, planned)) {
        ++m_batchId;
        m_progress.record(m_nodes, m_batchId, kWatermarkEnd, timing, 0, recordTimes, double(total.nsecsElapsed()) / 1e6,
                          startedAt);
    }
    closeSinksAndOperators();
}

void Executor::refreshLag()
{
    for (RuntimeNode &node : m_nodes) {
        if (node.source)
            node.source->refreshLag(1000);
    }
    m_progress.refreshLag(m_nodes);
}

QJsonObject Executor::previewRows() const
{
    // The nodes are fixed once the run is open; each preview guards its rows.
    QJsonObject previews;
    for (const RuntimeNode &node : m_nodes) {
        const auto *preview = dynamic_cast<const PreviewSink *>(node.sink.get());
        if (!preview)
            continue;
        QJsonArray rows;
        for (const std::string &row : preview->rows())
            rows.append(QJsonDocument::fromJson(QByteArray::fromStdString(row)).object());
        previews.insert(node.id, rows);
    }
    return previews;
}

} // namespace sw::runtime
