// SPDX-License-Identifier: GPL-3.0-or-later
#include "operators/Dedupe.h"

#include "batch/OwnedValue.h"
#include "model/Duration.h"
#include "operators/Filter.h"

#include <QJsonArray>

namespace sw::runtime {

Dedupe::Dedupe(const QJsonObject &config, const core::Schema &input)
    : m_eventTime(input.indexOf(input.eventTimeField)),
      m_within(core::Duration::parseMs(config.value(QStringLiteral("within")).toString()).value_or(0))
{
    for (const auto &k : config.value(QStringLiteral("key")).toArray())
        m_key.push_back(input.indexOf(k.toString()));
}

void Dedupe::process(int, const Batch &batch, int64_t watermark, Emitter &out)
{
    Column keep(DataType::Boolean);
    keep.valid.assign(batch.rows, 1);
    keep.ints.assign(batch.rows, 0);
    const Column &time = batch.columns[size_t(m_eventTime)];
    std::string key;
    for (size_t r = 0; r < batch.rows; ++r) {
        if (time.isNull(r) || time.ints[r] <= watermark) {
            ++m_late;
            continue;
        }
        rowKey(key, batch.columns, m_key, r); // NULLs are one key, as in Spark's dropDuplicates
        const auto [it, fresh] = m_expiry.try_emplace(key, time.ints[r] + m_within);
        if (!fresh && it->second > watermark)
            continue; // seen within the bound
        it->second = time.ints[r] + m_within;
        keep.ints[r] = 1;
    }
    out.push(0, Filter::select(batch, keep));
}

void Dedupe::endOfBatch(int64_t watermark, Emitter &)
{
    for (auto it = m_expiry.begin(); it != m_expiry.end();)
        it = it->second <= watermark ? m_expiry.erase(it) : std::next(it);
}

OperatorStats Dedupe::stats() const
{
    OperatorStats s;
    s.stateRows = int64_t(m_expiry.size());
    s.lateRowsDropped = m_late;
    return s;
}

} // namespace sw::runtime
