// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/GeneratorSource.h"

#include "model/Timestamps.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <algorithm>
#include <cmath>

namespace sw::runtime {

GeneratorSource::GeneratorSource(const core::GeneratorSettings &settings) : m_settings(settings)
{
}

bool GeneratorSource::open(const SourceContext &, std::string &)
{
    const QString &stream = m_settings.stream;
    m_stream = stream.toStdString();
    m_rate = m_settings.rate;
    m_count = uint64_t(m_settings.count);
    const uint64_t seed = uint64_t(m_settings.seed);
    m_wallStart = m_restoredWallStart.value_or(QDateTime::currentMSecsSinceEpoch());
    const auto start = core::Timestamps::parseIso(m_settings.startTime);
    m_events = std::make_unique<DemoEvents>(stream, seed, start.value_or(m_wallStart), m_rate, m_settings.lateFraction);
    Batch skipped = Batch::empty(m_events->schema());
    for (uint64_t i = 0; i < m_startAt; ++i) {
        m_events->next(skipped);
        if (skipped.columns.front().size() >= 4096)
            skipped = Batch::empty(m_events->schema());
    }
    m_clock.start();
    return true;
}

bool GeneratorSource::exhausted() const
{
    if (m_endAt && m_events->produced() >= *m_endAt)
        return true;
    return m_count > 0 && m_events->produced() >= m_count;
}

bool GeneratorSource::endAtAvailable(std::string &error)
{
    if (m_rate <= 0 && m_count == 0) {
        error = "a generator with rate 0 and no count makes events without end: set its count or rate";
        return false;
    }
    uint64_t end = m_count > 0 ? m_count : UINT64_MAX;
    if (m_rate > 0) // paced: the events due by now
        end = std::min(end, m_startAt + uint64_t(double(m_clock.elapsed()) * m_rate / 1000.0));
    m_endAt = std::max(end, m_events->produced());
    return true;
}

SourcePlan GeneratorSource::plan(int64_t maxRows)
{
    const uint64_t produced = m_events->produced();
    uint64_t available = UINT64_MAX; // unpaced: as many as the batch takes
    if (m_rate > 0) // paced by the wall clock: what is due now
        available = m_startAt + uint64_t(double(m_clock.elapsed()) * m_rate / 1000.0);
    if (m_count > 0)
        available = std::min(available, m_count);
    if (m_endAt)
        available = std::min(available, *m_endAt);
    const uint64_t due = available > produced ? std::min<uint64_t>(available - produced, uint64_t(std::max<int64_t>(maxRows, 1))) : 0;
    SourcePlan plan;
    plan.ranges.push_back({m_stream, 0, int64_t(produced), int64_t(produced + due)});
    return plan;
}

int GeneratorSource::msUntilInput() const
{
    if (exhausted())
        return -1;
    if (m_rate <= 0)
        return 0;
    const double msToNext = double(m_events->produced() - m_startAt + 1) * 1000.0 / m_rate - double(m_clock.elapsed());
    return int(std::clamp(std::ceil(msToNext), 0.0, 1000.0));
}

SourceBatch GeneratorSource::read(const SourcePlan &plan)
{
    SourceBatch out;
    out.rows = Batch::empty(m_events->schema());
    const OffsetRange &range = plan.ranges.at(0);
    if (range.start != int64_t(m_events->produced())) {
        out.error = "generator: the plan starts at event " + std::to_string(range.start) + ", the generator is at "
                    + std::to_string(m_events->produced());
        return out;
    }
    const size_t due = size_t(range.size());
    for (auto &c : out.rows.columns)
        c.reserve(due);
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    QElapsedTimer making; // making the rows is this source's decoding
    making.start();
    for (size_t i = 0; i < due; ++i)
        m_events->next(out.rows);
    out.decodeMs = double(making.nsecsElapsed()) / 1e6;
    out.recordTimestamps.assign(due, now);
    m_lastPlan = plan;
    return out;
}

std::vector<OffsetRange> GeneratorSource::positions() const
{
    const int64_t made = m_events ? int64_t(m_events->produced()) : int64_t(m_startAt);
    return {{m_settings.stream.toStdString(), 0, made, made}};
}

void GeneratorSource::startAt(const std::vector<OffsetRange> &positions)
{
    for (const OffsetRange &p : positions) {
        if (p.partition == 0 && p.start > 0)
            m_startAt = uint64_t(p.start);
    }
}

std::string GeneratorSource::checkpointState() const
{
    return std::to_string(m_wallStart);
}

bool GeneratorSource::restoreCheckpointState(const std::string &state, std::string &error)
{
    bool ok = false;
    const qint64 wallStart = QByteArray::fromStdString(state).toLongLong(&ok);
    if (!ok) {
        error = "generator: the checkpoint's clock start is not a number: '" + state + "'";
        return false;
    }
    m_restoredWallStart = wallStart;
    return true;
}

void GeneratorSource::describe(SourceProgress &out) const
{
    for (const OffsetRange &r : m_lastPlan.ranges) {
        PartitionProgress &partition = out.partition(QString::fromStdString(r.topic), int(r.partition));
        partition.startOffset = r.start;
        partition.endOffset = r.end;
    }
    out.extra = {{QStringLiteral("produced"), double(m_events ? m_events->produced() : 0)},
                 {QStringLiteral("eventClock"), m_events ? double(m_events->clock()) : 0.0}};
}

} // namespace sw::runtime
