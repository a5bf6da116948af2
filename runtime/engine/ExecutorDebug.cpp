// SPDX-License-Identifier: GPL-3.0-or-later
// The executor's debugger: a frame per batch (what it read, the rows of every
// edge, every operator's state after it), going back to any frame (operators
// restored, sources rewound), forward again through the same batches, and
// breakpoints with a condition.
#include "engine/Executor.h"

#include "batch/RowJson.h"
#include "expr/ColumnarExpression.h"
#include "expr/Expression.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

namespace sw::runtime {

namespace {
constexpr size_t kRowsKeptPerEdge = 1000;
constexpr size_t kStateRowsKept = 1000;

QJsonObject parsed(const std::string &json)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
}

QJsonArray rowsOf(const Batch &batch)
{
    QJsonArray rows;
    const auto keys = RowJson::keys(batch.schema);
    std::string line;
    for (size_t r = 0; r < batch.rows; ++r) {
        line.clear();
        RowJson::append(line, batch, r, keys);
        rows.append(parsed(line));
    }
    return rows;
}

QJsonArray rangesOf(const SourcePlan &plan)
{
    QJsonArray ranges;
    for (const OffsetRange &r : plan.ranges)
        ranges.append(QJsonObject{{QStringLiteral("topic"), QString::fromStdString(r.topic)},
                                  {QStringLiteral("partition"), r.partition},
                                  {QStringLiteral("start"), double(r.start)},
                                  {QStringLiteral("end"), double(r.end)}});
    return ranges;
}
} // namespace

struct Executor::CompiledBreakpoint
{
    int node = -1;
    QString condition;
    // Per input port (for a source: its output), the condition compiled against
    // that port's schema; null where it does not fit (a join's other side).
    std::vector<std::shared_ptr<core::expr::CheckedExpression>> checked;
    std::vector<std::shared_ptr<ColumnarExpression>> compiled;
};

bool Executor::openDebugger(const core::ValidationResult &validation, QString &error)
{
    for (const auto &n : m_nodes) {
        if (n.source && !n.source->canRewind()) {
            error = QStringLiteral("--debug: source \"%1\" (%2) cannot go back to an earlier batch; the debugger runs on "
                                   "recordings: record the topics (streamwright-cli record) and read them with "
                                   "source.recording")
                        .arg(n.id, n.type->id);
            return false;
        }
    }
    m_schemas = validation.schemas;
    m_router.captureBatches(kRowsKeptPerEdge);
    m_checkpointReport = QStringLiteral("checkpoint: off (--debug): every batch is kept in memory to go back to");
    return true;
}

void Executor::captureFrame(int64_t watermarkUsed, bool noData)
{
    DebugFrame f;
    f.batchId = m_batchId;
    f.watermarkUsed = watermarkUsed;
    f.watermarkAfter = m_watermark.current();
    f.noData = noData;
    f.noDataDueAfter = m_noDataBatchDue;
    f.positions.resize(m_nodes.size());
    f.sourceStates.resize(m_nodes.size());
    f.maxEventTimes.resize(m_nodes.size());
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        const RuntimeNode &n = m_nodes[i];
        f.maxEventTimes[i] = n.maxEventTime;
        if (n.source) {
            f.positions[i] = n.source->positions();
            f.sourceStates[i] = n.source->checkpointState();
            if (i < m_lastPlans.size())
                f.plans[n.id] = m_lastPlans[i];
        }
        if (n.op && n.op->isStateful()) {
            StateWriter out;
            n.op->snapshot(out);
            f.state[n.id] = out.take();
            QJsonArray tables;
            for (const StateTable &t : n.op->stateTables(kStateRowsKept))
                tables.append(QJsonObject{{QStringLiteral("name"), t.name},
                                          {QStringLiteral("total"), double(t.total)},
                                          {QStringLiteral("columns"), QJsonArray::fromStringList(t.rows.schema.names())},
                                          {QStringLiteral("rows"), rowsOf(t.rows)}});
            f.stateTables.insert(n.id, QJsonObject{{QStringLiteral("rows"), double(n.op->stateRows())},
                                                   {QStringLiteral("tables"), tables}});
        }
        f.nodes.insert(n.id, QJsonObject{{QStringLiteral("rowsIn"), double(n.rowsIn)},
                                         {QStringLiteral("rowsOut"), double(n.rowsOut)},
                                         {QStringLiteral("deadLetters"), double(n.deadLetters)}});
    }
    f.edges = m_router.takeBatch();
    QMutexLocker lock(&m_debugMutex);
    // Going forward again after a seek runs the kept batches again: the same (a
    // recording's batches repeat), so the later frames stay, and the sinks got
    // each batch once.
    if (!m_frames.empty() && f.batchId >= m_frames.front().batchId && f.batchId <= m_frames.back().batchId)
        m_frames[size_t(f.batchId - m_frames.front().batchId)] = std::move(f);
    else
        m_frames.push_back(std::move(f));
    while (m_frames.size() > size_t(std::max(2, m_options.debugFrames)))
        m_frames.pop_front();
    m_furthestBatch = std::max(m_furthestBatch, m_batchId.load());
}

const Executor::DebugFrame *Executor::frame(int64_t batchId) const
{
    if (m_frames.empty() || batchId < m_frames.front().batchId || batchId > m_frames.back().batchId)
        return nullptr;
    const DebugFrame &f = m_frames[size_t(batchId - m_frames.front().batchId)];
    return f.batchId == batchId ? &f : nullptr;
}

Executor::Step Executor::rerun(const DebugFrame &next)
{
    // A batch that ran before the seek: the same plans and watermark; its sinks
    // and dead letters were written then.
    CheckpointStore::OffsetEntry entry;
    entry.batchId = next.batchId;
    entry.watermark = next.watermarkUsed;
    entry.noData = next.noData;
    entry.plans = next.plans;
    const bool noData = next.noData;
    const int64_t watermark = next.watermarkUsed;
    Timing timing;
    int64_t inputRows = 0;
    std::vector<int64_t> recordTimes;
    QElapsedTimer total;
    total.start();
    const qint64 startedAt = m_clock.elapsed();
    m_noDataBatchDue = false;
    m_router.beginBatch();
    bool planned = false;
    if (!runBatch({!noData, watermark, false, &entry, true}, timing, inputRows, recordTimes, planned))
        return Step::Failed;
    ++m_batchId;
    m_progress.record(m_nodes, m_batchId, watermark, timing, inputRows, recordTimes, double(total.nsecsElapsed()) / 1e6,
                      startedAt);
    if (m_watermark.advance(m_nodes) && m_noDataBatches)
        m_noDataBatchDue = true;
    captureFrame(watermark, noData);
    return Step::Ran;
}

bool Executor::seek(int64_t batchId, QString &error)
{
    if (!m_options.debug) {
        error = QStringLiteral("the run is not being debugged (run --debug)");
        return false;
    }
    DebugFrame f;
    {
        QMutexLocker lock(&m_debugMutex);
        const DebugFrame *found = frame(batchId);
        if (!found) {
            error = m_frames.empty() ? QStringLiteral("no batch has run yet")
                                     : QStringLiteral("batch %1 is not kept; the debugger has batches %2 to %3")
                                           .arg(batchId)
                                           .arg(m_frames.front().batchId)
                                           .arg(m_frames.back().batchId);
            return false;
        }
        f = *found;
    }
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        RuntimeNode &n = m_nodes[i];
        n.maxEventTime = f.maxEventTimes[i];
        if (n.op && n.op->isStateful()) {
            StateReader in(f.state[n.id]);
            n.op->restore(in);
            if (!in.ok()) {
                error = QStringLiteral("node \"%1\": its state of batch %2 cannot be restored: %3")
                            .arg(n.id)
                            .arg(batchId)
                            .arg(QString::fromStdString(in.error()));
                fail(error);
                return false;
            }
        }
        if (n.source) {
            std::string message;
            if (!n.source->rewind(f.positions[i], f.sourceStates[i], message)) {
                error = QStringLiteral("source \"%1\": %2").arg(n.id, QString::fromStdString(message));
                fail(error);
                return false;
            }
        }
    }
    m_watermark.restore(f.watermarkAfter);
    m_noDataBatchDue = f.noDataDueAfter;
    m_batchId = batchId;
    m_router.setSamples(f.edges);
    {
        QMutexLocker lock(&m_debugMutex);
        m_hit.reset();
        m_hitBatch = -1; // going forward again hits the same breakpoints again
        m_debugAtEnd = false; // the next step says
    }
    return true;
}

bool Executor::setBreakpoints(const std::vector<Breakpoint> &breakpoints, QString &error)
{
    if (!m_options.debug) {
        error = QStringLiteral("the run is not being debugged (run --debug)");
        return false;
    }
    auto compiled = std::make_shared<std::vector<CompiledBreakpoint>>();
    for (const Breakpoint &b : breakpoints) {
        int index = -1;
        for (size_t i = 0; i < m_nodes.size(); ++i) {
            if (m_nodes[i].id == b.node)
                index = int(i);
        }
        if (index < 0) {
            error = QStringLiteral("breakpoint: there is no node \"%1\"").arg(b.node);
            return false;
        }
        CompiledBreakpoint c;
        c.node = index;
        c.condition = b.condition.trimmed();
        const RuntimeNode &n = m_nodes[size_t(index)];
        const core::NodeSchemas schemas = m_schemas.value(n.id);
        std::vector<core::Schema> ports;
        if (n.source) {
            ports.push_back(schemas.outputs.count(QStringLiteral("out")) ? schemas.outputs.at(QStringLiteral("out"))
                                                                         : core::Schema{});
        } else {
            for (const auto &port : n.type->inputs)
                ports.push_back(schemas.inputs.count(port.name) ? schemas.inputs.at(port.name) : core::Schema{});
        }
        c.checked.resize(ports.size());
        c.compiled.resize(ports.size());
        if (!c.condition.isEmpty()) {
            QString firstProblem;
            bool fits = false;
            for (size_t p = 0; p < ports.size(); ++p) {
                auto checked = std::make_shared<core::expr::CheckedExpression>(
                    core::expr::Expression::compile(c.condition, ports[p]));
                if (!checked->ok() || checked->type != core::DataType::Boolean) {
                    if (firstProblem.isEmpty())
                        firstProblem = checked->ok() ? QStringLiteral("the condition must be true or false for a row")
                                                     : checked->errors.front().message;
                    continue;
                }
                c.compiled[p] = ColumnarExpression::compile(*checked->expr, ports[p]);
                c.checked[p] = std::move(checked);
                fits = true;
            }
            if (!fits) {
                error = QStringLiteral("breakpoint on \"%1\": %2").arg(b.node, firstProblem);
                return false;
            }
        }
        compiled->push_back(std::move(c));
    }
    QMutexLocker lock(&m_debugMutex);
    m_breakpoints = std::move(compiled);
    m_breakpointSpecs = breakpoints;
    return true;
}

void Executor::checkBreakpoints(size_t nodeIndex, const std::vector<std::vector<Batch>> &inbox)
{
    if (!m_batchBreakpoints || m_hitBatch == m_batchId + 1)
        return;
    for (const CompiledBreakpoint &b : *m_batchBreakpoints) {
        if (b.node != int(nodeIndex))
            continue;
        for (size_t port = 0; port < inbox.size() && port < b.compiled.size(); ++port) {
          for (const Batch &batch : inbox[port]) {
            if (batch.rows == 0)
                continue;
            int64_t matching = 0;
            size_t first = 0;
            if (b.condition.isEmpty()) {
                matching = int64_t(batch.rows);
            } else if (b.compiled[port]) {
                StringArena scratch;
                const Column hit = b.compiled[port]->evaluate(batch, scratch);
                for (size_t r = 0; r < batch.rows; ++r) {
                    if (hit.valid[r] && hit.ints[r]) {
                        if (matching++ == 0)
                            first = r;
                    }
                }
            }
            if (matching == 0)
                continue;
            std::string row;
            RowJson::append(row, batch, first, RowJson::keys(batch.schema));
            QMutexLocker lock(&m_debugMutex);
            m_hitBatch = m_batchId + 1;
            m_hit = QJsonObject{{QStringLiteral("batch"), double(m_batchId + 1)},
                                {QStringLiteral("node"), m_nodes[nodeIndex].id},
                                {QStringLiteral("condition"), b.condition},
                                {QStringLiteral("port"), m_nodes[nodeIndex].source
                                                             ? QStringLiteral("out")
                                                             : m_nodes[nodeIndex].type->inputs[port].name},
                                {QStringLiteral("rows"), double(matching)},
                                {QStringLiteral("firstRow"), parsed(row)}};
            return;
          }
        }
    }
}

std::optional<QJsonObject> Executor::takeBreakpointHit()
{
    QMutexLocker lock(&m_debugMutex);
    std::optional<QJsonObject> hit = m_hit;
    if (hit)
        m_hit.reset();
    return hit;
}

QJsonObject Executor::debugInfo() const
{
    QJsonObject info{{QStringLiteral("debugging"), m_options.debug}};
    if (!m_options.debug)
        return info;
    // Sources and the executor's flags belong to the executor thread: the last
    // step's view of the end, kept under the lock.
    QMutexLocker lock(&m_debugMutex);
    QJsonArray breakpoints;
    for (const Breakpoint &b : m_breakpointSpecs)
        breakpoints.append(QJsonObject{{QStringLiteral("node"), b.node}, {QStringLiteral("condition"), b.condition}});
    info.insert(QStringLiteral("batch"), double(m_batchId.load()));
    info.insert(QStringLiteral("furthest"), double(m_furthestBatch));
    info.insert(QStringLiteral("first"), m_frames.empty() ? -1.0 : double(m_frames.front().batchId));
    info.insert(QStringLiteral("last"), m_frames.empty() ? -1.0 : double(m_frames.back().batchId));
    info.insert(QStringLiteral("atEndOfInput"), m_debugAtEnd);
    info.insert(QStringLiteral("breakpoints"), breakpoints);
    if (m_hitBatch >= 0)
        info.insert(QStringLiteral("lastHitBatch"), double(m_hitBatch));
    return info;
}

std::optional<QJsonObject> Executor::debugBatch(int64_t batchId) const
{
    QMutexLocker lock(&m_debugMutex);
    const DebugFrame *f = frame(batchId);
    if (!f)
        return std::nullopt;
    QJsonObject plans;
    for (const auto &[node, plan] : f->plans)
        plans.insert(node, rangesOf(plan));
    QJsonObject edges;
    for (const auto &[edge, rows] : f->edges) {
        QJsonArray kept;
        for (const std::string &row : rows.kept)
            kept.append(parsed(row));
        edges.insert(edge, QJsonObject{{QStringLiteral("rows"), double(rows.rows)},
                                       {QStringLiteral("columns"), QJsonArray::fromStringList(rows.columns)},
                                       {QStringLiteral("kept"), kept}});
    }
    return QJsonObject{{QStringLiteral("batch"), double(f->batchId)},
                       {QStringLiteral("watermark"), double(f->watermarkUsed)},
                       {QStringLiteral("watermarkAfter"), double(f->watermarkAfter)},
                       {QStringLiteral("noData"), f->noData},
                       {QStringLiteral("plans"), plans},
                       {QStringLiteral("edges"), edges},
                       {QStringLiteral("nodes"), f->nodes},
                       {QStringLiteral("state"), f->stateTables}};
}

} // namespace sw::runtime
