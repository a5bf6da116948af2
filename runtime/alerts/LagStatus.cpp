// SPDX-License-Identifier: GPL-3.0-or-later
#include "alerts/LagStatus.h"

#include <QJsonArray>

#include <algorithm>

namespace sw::runtime {

QString lagStatusName(LagStatus status)
{
    switch (status) {
    case LagStatus::Ok: return QStringLiteral("OK");
    case LagStatus::Warn: return QStringLiteral("WARN");
    case LagStatus::Stall: return QStringLiteral("STALL");
    case LagStatus::Stop: return QStringLiteral("STOP");
    }
    return {};
}

LagStatus evaluateLag(const std::vector<OffsetSample> &window, qint64 nowMs, std::optional<int64_t> currentLag)
{
    if (window.empty() || currentLag.value_or(window.back().lag) == 0)
        return LagStatus::Ok;
    const OffsetSample &first = window.front();
    const OffsetSample &last = window.back();
    if (window.size() >= 2 && nowMs - last.timeMs > last.timeMs - first.timeMs)
        return LagStatus::Stop;
    if (std::any_of(window.begin(), window.end(), [](const OffsetSample &s) { return s.lag == 0; }))
        return LagStatus::Ok;
    if (window.size() < 3)
        return LagStatus::Ok;
    if (first.offset == last.offset)
        return LagStatus::Stall;
    bool neverDown = true;
    for (size_t i = 1; i < window.size(); ++i)
        neverDown = neverDown && window[i].lag >= window[i - 1].lag;
    return neverDown ? LagStatus::Warn : LagStatus::Ok;
}

void LagTracker::record(const BatchProgress &progress, qint64 nowMs)
{
    for (const SourceProgress &source : progress.sources) {
        m_unreachable[source.node] = !source.unreachable.isEmpty();
        for (const PartitionProgress &p : source.partitions) {
            if (!p.nextOffset)
                continue; // not a consumer's partition (the generator's)
            Partition &partition = m_partitions[source.node + u'/' + p.topic + u'/' + QString::number(p.partition)];
            partition.source = source.node;
            auto &window = partition.window;
            partition.currentLag = p.lag.value_or(0);
            if (!window.empty() && nowMs - window.back().timeMs < m_minIntervalMs)
                continue;
            window.push_back(OffsetSample{nowMs, *p.nextOffset, p.lag.value_or(0)});
            while (int(window.size()) > m_windowSize)
                window.pop_front();
        }
    }
}

void LagTracker::refresh(const BatchProgress &progress)
{
    for (const SourceProgress &source : progress.sources) {
        for (const PartitionProgress &p : source.partitions) {
            const auto it = m_partitions.find(source.node + u'/' + p.topic + u'/' + QString::number(p.partition));
            if (it != m_partitions.end() && p.lag)
                it->second.currentLag = *p.lag;
        }
    }
}

LagStatus LagTracker::status(const QString &source, qint64 nowMs) const
{
    if (const auto it = m_unreachable.find(source); it != m_unreachable.end() && it->second)
        return LagStatus::Stop; // its cluster cannot be reached: nothing moves
    LagStatus worst = LagStatus::Ok;
    for (const auto &[key, partition] : m_partitions) {
        if (partition.source != source)
            continue;
        const LagStatus s =
            evaluateLag(std::vector<OffsetSample>(partition.window.begin(), partition.window.end()), nowMs,
                        partition.currentLag);
        worst = std::max(worst, s);
    }
    return worst;
}

std::map<QString, LagStatus> LagTracker::statuses(qint64 nowMs) const
{
    std::map<QString, LagStatus> result;
    for (const auto &[key, partition] : m_partitions)
        result.emplace(partition.source, LagStatus::Ok);
    for (auto &[source, status] : result)
        status = this->status(source, nowMs);
    return result;
}

} // namespace sw::runtime
