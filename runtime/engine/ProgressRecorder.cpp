// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/ProgressRecorder.h"

#include <QDateTime>
#include <QJsonDocument>

#include <algorithm>

namespace sw::runtime {

namespace {
std::optional<LatencyQuantiles> latencies(std::vector<int64_t> &recordTimestamps, qint64 nowMs)
{
    if (recordTimestamps.empty())
        return std::nullopt;
    std::vector<int64_t> &l = recordTimestamps; // reused in place: the caller is done with it
    for (int64_t &t : l)
        t = nowMs - t;
    auto quantile = [&l](double q) {
        const size_t k = std::min(l.size() - 1, size_t(q * double(l.size())));
        std::nth_element(l.begin(), l.begin() + long(k), l.end());
        return double(l[k]);
    };
    LatencyQuantiles out;
    out.p50 = quantile(0.50);
    out.p95 = quantile(0.95);
    out.p99 = quantile(0.99);
    out.max = double(*std::max_element(l.begin(), l.end()));
    return out;
}
} // namespace

bool ProgressRecorder::openMetricsFile(const QString &path, QString &error)
{
    m_metrics.setFileName(path);
    if (!m_metrics.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        error = QStringLiteral("cannot write metrics to %1: %2").arg(path, m_metrics.errorString());
        return false;
    }
    return true;
}

void ProgressRecorder::record(const std::vector<RuntimeNode> &nodes, int64_t batchId, int64_t watermark,
                              const BatchTiming &timing, int64_t inputRows, std::vector<int64_t> &recordTimestamps,
                              double totalMs, qint64 startedAtMs, const std::optional<CheckpointProgress> &checkpoint)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    BatchProgress p;
    p.batchId = batchId;
    p.checkpoint = checkpoint;
    p.timestampMs = now;
    p.numInputRows = inputRows;
    const double seconds = totalMs / 1000.0;
    // Rows read per second of wall time since the previous batch started (Spark's inputRowsPerSecond).
    const double sincePrevious = m_previousBatchStart >= 0 ? double(startedAtMs - m_previousBatchStart) / 1000.0 : seconds;
    m_previousBatchStart = startedAtMs;
    p.inputRowsPerSecond = sincePrevious > 0 ? double(inputRows) / sincePrevious : 0.0;
    p.processedRowsPerSecond = seconds > 0 ? double(inputRows) / seconds : 0.0;
    p.durationMs = {timing.poll, timing.decode, timing.operators, timing.sink, timing.checkpoint, totalMs};
    p.watermark = watermark;
    if (watermark != BatchProgress::kWatermarkEnd && watermark != 0)
        p.watermarkGapMs = now - watermark;
    p.e2eLatencyMs = latencies(recordTimestamps, now);
    int64_t seen = 0;
    long double sum = 0;
    EventTimeStats stats{std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::min(), 0};
    for (const auto &n : nodes) {
        const RuntimeNode::EventTimes &e = n.batchEventTimes;
        if (e.count == 0)
            continue;
        seen += e.count;
        sum += (long double)e.first * e.count + e.sumFromFirst;
        stats.min = std::min(stats.min, e.min);
        stats.max = std::max(stats.max, e.max);
    }
    if (seen > 0) {
        stats.avg = int64_t(std::llround(sum / seen));
        p.eventTimeStats = stats;
    }
    for (const auto &n : nodes) {
        NodeProgress &np = p.nodes[n.id];
        np.rowsIn = n.rowsIn;
        np.rowsOut = n.rowsOut;
        for (size_t port = 0; port < n.portRowsOut.size(); ++port)
            np.rowsOutByPort[n.type->outputs[port].name] = n.portRowsOut[port];
        np.busyMs = n.busyMs;
        if (n.source) {
            SourceProgress s;
            n.source->describe(s);
            s.node = n.id;
            s.numInputRows = n.rowsOut;
            s.consumerLag = n.source->lag();
            s.deadLetters = n.deadLetters;
            for (const auto &[kind, count] : n.deadLettersByKind)
                s.deadLettersByKind[QString::fromStdString(kind)] = count;
            if (const auto down = n.source->unreachable()) {
                s.unreachable = QString::fromStdString(down->reason);
                s.unreachableSinceMs = down->sinceMs;
            }
            if (n.maxEventTime != std::numeric_limits<int64_t>::min())
                s.maxEventTime = n.maxEventTime;
            p.consumerLag += s.consumerLag;
            p.deadLetters += s.deadLetters;
            p.sources.push_back(std::move(s));
        } else if (n.op) {
            const OperatorCounters &counters = n.op->counters();
            p.lateRowsDropped += counters.lateRowsDropped;
            if (n.type->id == u"join.lookup") {
                np.lookupMisses = counters.lookupMisses;
                np.tableRows = n.op->stateRows();
            }
            if (n.type->keepsState()) {
                const OperatorContext &context = n.op->operatorContext();
                p.stateOperators.push_back({n.id, n.op->stateRows(), counters.evictedRows, counters.lateRowsDropped,
                                            context.updatedRowsThisBatch(), context.lateRowsThisBatch(),
                                            n.op->stateBytes()});
            }
        } else if (n.sink) {
            // A sink's rows out are the rows it wrote (all it is given), so that
            // rules and charts on rows_out of a sink see them.
            np.rowsOut = n.rowsIn;
            int64_t &total = m_sinkTotals[n.id];
            total += n.rowsIn;
            p.sinks.push_back({n.id, n.rowsIn, total});
        }
    }
    if (m_metrics.isOpen() && m_metricsError.isEmpty()) {
        const QByteArray line = QJsonDocument(p.toJson()).toJson(QJsonDocument::Compact) + '\n';
        if (m_metrics.write(line) != line.size() || !m_metrics.flush())
            m_metricsError = QStringLiteral("cannot write metrics to %1: %2").arg(m_metrics.fileName(), m_metrics.errorString());
    }
    QMutexLocker lock(&m_mutex);
    m_recent.push_back(std::move(p));
    if (m_recent.size() > kKept)
        m_recent.pop_front();
}

void ProgressRecorder::refreshLag(const std::vector<RuntimeNode> &nodes)
{
    std::vector<SourceProgress> now;
    for (const auto &n : nodes) {
        if (!n.source)
            continue;
        SourceProgress s;
        n.source->describe(s);
        s.node = n.id;
        s.consumerLag = n.source->lag();
        now.push_back(std::move(s));
    }
    QMutexLocker lock(&m_mutex);
    if (m_recent.empty())
        return;
    BatchProgress &latest = m_recent.back();
    latest.consumerLag = 0;
    for (SourceProgress &s : latest.sources) {
        for (const SourceProgress &fresh : now) {
            if (fresh.node != s.node)
                continue;
            s.consumerLag = fresh.consumerLag;
            s.partitions = fresh.partitions; // planned ranges, latest offsets, positions
        }
        latest.consumerLag += s.consumerLag;
    }
}

std::optional<BatchProgress> ProgressRecorder::last() const
{
    QMutexLocker lock(&m_mutex);
    if (m_recent.empty())
        return std::nullopt;
    return m_recent.back();
}

std::vector<BatchProgress> ProgressRecorder::recent() const
{
    QMutexLocker lock(&m_mutex);
    return {m_recent.begin(), m_recent.end()};
}

std::vector<BatchProgress> ProgressRecorder::since(int64_t batchId) const
{
    QMutexLocker lock(&m_mutex);
    auto first = m_recent.end();
    while (first != m_recent.begin() && std::prev(first)->batchId > batchId)
        --first;
    return {first, m_recent.end()};
}

} // namespace sw::runtime
