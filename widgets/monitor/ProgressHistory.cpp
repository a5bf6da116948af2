// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitor/ProgressHistory.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

#include <set>

namespace sw::widgets {

ProgressHistory::Second &ProgressHistory::at(qint64 ms)
{
    const qint64 second = ms - ms % 1000;
    if (m_seconds.empty() || m_seconds.back().second < second) {
        m_seconds.push_back(Second{second, {}});
        while (m_seconds.front().second < second - kKeepMs)
            m_seconds.pop_front();
        return m_seconds.back();
    }
    // A record for an earlier second (clocks are not perfectly ordered): find it.
    for (auto it = m_seconds.rbegin(); it != m_seconds.rend(); ++it) {
        if (it->second <= second)
            return it->second == second ? *it : *m_seconds.insert(it.base(), Second{second, {}});
    }
    return m_seconds.front(); // older than everything kept: fold into the oldest
}

void ProgressHistory::append(const runtime::BatchProgress &p)
{
    if (p.timestampMs <= 0)
        return;
    Second &s = at(p.timestampMs);
    auto sum = [&s](const QString &key, double v) { s.values[key] += v; };
    auto last = [&s](const QString &key, double v) { s.values[key] = v; };
    auto most = [&s](const QString &key, double v) {
        auto [it, inserted] = s.values.emplace(key, v);
        if (!inserted)
            it->second = std::max(it->second, v);
    };
    sum(QStringLiteral("inputRows"), double(p.numInputRows));
    last(QStringLiteral("consumerLag"), double(p.consumerLag));
    last(QStringLiteral("lateRows"), double(p.lateRowsDropped));
    last(QStringLiteral("deadLetters"), double(p.deadLetters));
    const runtime::BatchDurations &d = p.durationMs;
    for (const auto &[part, ms] : {std::pair{"checkpoint", d.checkpoint}, std::pair{"decode", d.decode},
                                   std::pair{"operators", d.operators}, std::pair{"poll", d.poll}, std::pair{"sink", d.sink},
                                   std::pair{"total", d.total}})
        most(QStringLiteral("duration.") + QLatin1String(part), ms);
    if (p.e2eLatencyMs) {
        const runtime::LatencyQuantiles &l = *p.e2eLatencyMs;
        for (const auto &[quantile, ms] : {std::pair{"max", l.max}, std::pair{"p50", l.p50}, std::pair{"p95", l.p95},
                                           std::pair{"p99", l.p99}})
            most(QStringLiteral("latency.") + QLatin1String(quantile), ms);
    }
    if (p.watermarkGapMs) {
        last(QStringLiteral("watermarkGapMs"), double(*p.watermarkGapMs));
        last(QStringLiteral("watermarkGapSeconds"), double(*p.watermarkGapMs) / 1000.0);
    }
    sum(QStringLiteral("batchMs"), d.total);
    for (const runtime::SourceProgress &source : p.sources) {
        for (const runtime::PartitionProgress &partition : source.partitions) {
            if (partition.lag)
                last(QStringLiteral("lag.%1/%2/%3").arg(source.node, partition.topic).arg(partition.partition),
                     double(*partition.lag));
        }
    }
    // Time to catch up: the lag at the rate rows are processed (rows per second of batch time).
    const auto rows = s.values.find(QStringLiteral("inputRows"));
    const auto batchMs = s.values.find(QStringLiteral("batchMs"));
    const auto lag = s.values.find(QStringLiteral("consumerLag"));
    if (rows != s.values.end() && batchMs != s.values.end() && batchMs->second > 0)
        last(QStringLiteral("processedRows"), rows->second * 1000.0 / batchMs->second);
    if (rows != s.values.end() && batchMs != s.values.end() && lag != s.values.end() && rows->second > 0 && batchMs->second > 0)
        last(QStringLiteral("catchUpSeconds"), lag->second / (rows->second * 1000.0 / batchMs->second));
    else if (lag != s.values.end() && lag->second == 0)
        last(QStringLiteral("catchUpSeconds"), 0);
    for (const runtime::StateOperatorProgress &op : p.stateOperators)
        last(QStringLiteral("stateRows.") + op.node, double(op.numRowsTotal));
    for (const auto &[name, value] : s.values)
        m_names.insert(name);
}

std::vector<QPointF> ProgressHistory::series(const QString &metric, qint64 sinceMs) const
{
    std::vector<QPointF> points;
    for (const Second &s : m_seconds) {
        if (s.second < sinceMs)
            continue;
        const auto value = s.values.find(metric);
        if (value != s.values.end())
            points.emplace_back(double(s.second), value->second);
    }
    return points;
}

void ProgressHistory::setSecond(qint64 secondMs, const Values &values)
{
    at(secondMs).values = values;
    for (const auto &[name, value] : values)
        m_names.insert(name);
}

std::vector<std::pair<qint64, ProgressHistory::Values>> ProgressHistory::seconds(qint64 fromMs, qint64 toMs) const
{
    std::vector<std::pair<qint64, Values>> out;
    for (const Second &s : m_seconds) {
        if (s.second >= fromMs && s.second < toMs)
            out.emplace_back(s.second, s.values);
    }
    return out;
}

QByteArray ProgressHistory::toCsv() const
{
    const QStringList names = metrics();
    QByteArray csv = "time";
    for (const QString &name : names)
        csv += ',' + name.toUtf8();
    csv += '\n';
    for (const Second &s : m_seconds) {
        csv += QDateTime::fromMSecsSinceEpoch(s.second, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'")).toUtf8();
        for (const QString &name : names) {
            csv += ',';
            const auto value = s.values.find(name);
            if (value != s.values.end())
                csv += QByteArray::number(value->second, 'g', 15);
        }
        csv += '\n';
    }
    return csv;
}

QStringList ProgressHistory::metrics() const
{
    return QStringList(m_names.begin(), m_names.end());
}

} // namespace sw::widgets
