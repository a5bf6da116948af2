// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "progress/BatchProgress.h"

#include <QPointF>
#include <QString>
#include <QStringList>

#include <deque>
#include <map>
#include <set>
#include <vector>

namespace sw::widgets {

// A run's progress records, folded into one point per second per metric: what
// the monitor's charts draw. Rates are rows in that second; gauges (lag, state
// rows) are the last value seen in it; durations and latencies the largest, so a
// slow batch is never averaged away. Keeps the last hour.
class ProgressHistory
{
public:
    static constexpr qint64 kKeepMs = 60 * 60 * 1000;

    // Metric names: "inputRows", "consumerLag", "lag.<source>/<topic>/<partition>",
    // "catchUpSeconds" (lag / processing rate), "processedRows" (rows per second of
    // batch time), "duration.poll" (and decode,
    // operators, sink, checkpoint, total), "batchMs" (summed), "latency.p50" (p95,
    // p99, max), "watermarkGapMs", "watermarkGapSeconds", "lateRows", "deadLetters",
    // "stateRows.<node>".
    void append(const runtime::BatchProgress &progress);
    void clear()
    {
        m_seconds.clear();
        m_names.clear();
    }
    bool isEmpty() const { return m_seconds.empty(); }
    // Points (x: ms since the epoch, y: value) with x >= sinceMs.
    std::vector<QPointF> series(const QString &metric, qint64 sinceMs = 0) const;
    QStringList metrics() const;
    qint64 lastMs() const { return m_seconds.empty() ? 0 : m_seconds.back().second; }
    qint64 firstMs() const { return m_seconds.empty() ? 0 : m_seconds.front().second; }

    // Whole seconds, for storing and loading a run's history.
    using Values = std::map<QString, double>;
    void setSecond(qint64 secondMs, const Values &values);
    // Seconds in [fromMs, toMs), oldest first.
    std::vector<std::pair<qint64, Values>> seconds(qint64 fromMs, qint64 toMs) const;
    // One line per second, one column per metric: "time,<metric>,...".
    QByteArray toCsv() const;

private:
    struct Second
    {
        qint64 second = 0; // ms since the epoch, at the start of the second
        std::map<QString, double> values;
    };
    Second &at(qint64 ms);

    std::deque<Second> m_seconds;
    std::set<QString> m_names; // every metric seen (the charts ask on each redraw)
};

} // namespace sw::widgets
