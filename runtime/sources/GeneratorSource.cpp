// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/GeneratorSource.h"

#include "model/Timestamps.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QThread>

namespace sw::runtime {

GeneratorSource::GeneratorSource(const QJsonObject &config) : m_config(config)
{
}

bool GeneratorSource::open(std::string &)
{
    const QString stream = m_config.value(QStringLiteral("stream")).toString(QStringLiteral("user-events"));
    m_rate = m_config.value(QStringLiteral("rate")).toDouble(1000);
    m_count = uint64_t(m_config.value(QStringLiteral("count")).toDouble(0));
    const uint64_t seed = uint64_t(m_config.value(QStringLiteral("seed")).toDouble(42));
    m_wallStart = QDateTime::currentMSecsSinceEpoch();
    const auto start = core::Timestamps::parseIso(m_config.value(QStringLiteral("startTime")).toString());
    m_events = std::make_unique<DemoEvents>(stream, seed, start.value_or(m_wallStart), m_rate,
                                            m_config.value(QStringLiteral("lateFraction")).toDouble(0.01));
    m_clock.start();
    return true;
}

bool GeneratorSource::exhausted() const
{
    return m_count > 0 && m_events->produced() >= m_count;
}

SourceBatch GeneratorSource::poll(size_t maxRows, int waitMs)
{
    SourceBatch out;
    out.rows = Batch::empty(m_events->schema());
    size_t due = maxRows;
    if (m_rate > 0) {
        // Pace by wall clock: produce what is due now, waiting a little if nothing is.
        auto dueNow = [this] { return uint64_t(double(m_clock.elapsed()) * m_rate / 1000.0); };
        if (dueNow() <= m_events->produced() && waitMs > 0) {
            const double msToNext = double(m_events->produced() + 1) * 1000.0 / m_rate - double(m_clock.elapsed());
            QThread::msleep(ulong(std::clamp(msToNext, 0.0, double(waitMs))));
        }
        due = size_t(std::min<uint64_t>(maxRows, dueNow() > m_events->produced() ? dueNow() - m_events->produced() : 0));
    }
    if (m_count > 0)
        due = size_t(std::min<uint64_t>(due, m_count - m_events->produced()));
    for (auto &c : out.rows.columns)
        c.reserve(due);
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    QElapsedTimer making; // making the rows is this source's decoding
    making.start();
    for (size_t i = 0; i < due; ++i)
        m_events->next(out.rows);
    out.decodeMs = double(making.nsecsElapsed()) / 1e6;
    out.recordTimestamps.assign(due, now);
    return out;
}

QJsonObject GeneratorSource::progress() const
{
    return {{QStringLiteral("produced"), double(m_events ? m_events->produced() : 0)},
            {QStringLiteral("eventClock"), m_events ? double(m_events->clock()) : 0.0}};
}

} // namespace sw::runtime
