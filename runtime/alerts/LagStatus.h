// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "progress/BatchProgress.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <deque>
#include <optional>
#include <map>
#include <vector>

namespace sw::runtime {

// Consumer-lag status after Burrow (github.com/linkedin/Burrow, "Consumer Lag
// Evaluation Rules"): judged from the trend of the consumer's offsets and lag over a
// window of commits, not from one number, so a consumer that falls behind slowly is
// seen before its lag crosses a threshold.
enum class LagStatus { Ok, Warn, Stall, Stop };
QString lagStatusName(LagStatus status);

struct OffsetSample
{
    qint64 timeMs = 0;  // when the consumer committed (finished a batch at) this offset
    int64_t offset = 0; // next offset to read
    int64_t lag = 0;    // high watermark - offset, then
};

// One partition. The window is oldest first; `currentLag` is the lag now (the
// partition's end asked of the broker since the last commit; none: the last
// commit's lag).
// - the lag now is zero: OK;
// - no commit for longer than the window spans: STOP (a consumer that stopped,
//   or a paused run, while records wait; also when it had caught up before);
// - unless some lag in the window is zero (it caught up meanwhile):
//   - the offset did not move over the window: STALL;
//   - the offset moved but the lag never went down between commits: WARN;
// - otherwise OK. Fewer than three commits say nothing yet: OK.
LagStatus evaluateLag(const std::vector<OffsetSample> &window, qint64 nowMs, std::optional<int64_t> currentLag = {});

// Keeps the last `windowSize` commits per partition of each source, sampled from
// progress records at most once per `minIntervalMs`, and gives each source the worst
// status of its partitions.
class LagTracker
{
public:
    explicit LagTracker(int windowSize = 10, qint64 minIntervalMs = 1000)
        : m_windowSize(windowSize), m_minIntervalMs(minIntervalMs)
    {
    }
    void record(const BatchProgress &progress, qint64 nowMs);
    // The lag now of each partition, from a record that is no commit (the latest
    // one refreshed while paused): no sample is added.
    void refresh(const BatchProgress &progress);
    LagStatus status(const QString &source, qint64 nowMs) const;
    std::map<QString, LagStatus> statuses(qint64 nowMs) const;

private:
    struct Partition
    {
        QString source;
        std::deque<OffsetSample> window;
        std::optional<int64_t> currentLag;
    };
    int m_windowSize;
    qint64 m_minIntervalMs;
    std::map<QString, Partition> m_partitions; // "source/topic/partition"
    std::map<QString, bool> m_unreachable;     // per source, as its latest progress said: STOP
};

} // namespace sw::runtime
