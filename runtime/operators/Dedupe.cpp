// SPDX-License-Identifier: GPL-3.0-or-later
#include "operators/Dedupe.h"

#include "batch/OwnedValue.h"
#include "operators/Filter.h"

#include <algorithm>

namespace sw::runtime {

Dedupe::Dedupe(const core::DedupeSettings &settings, const core::Schema &input)
    : m_eventTime(input.indexOf(input.eventTimeField)), m_within(settings.within())
{
    for (const QString &k : settings.key)
        m_key.push_back(input.indexOf(k));
}

void Dedupe::process(int, const Batch &batch, int64_t watermark, Emitter &out)
{
    Column keep(DataType::Boolean);
    keep.valid.assign(batch.rows, 1);
    keep.ints.assign(batch.rows, 0);
    const Column &time = batch.columns[size_t(m_eventTime)];
    std::string key;
    int64_t late = 0, kept = 0;
    for (size_t r = 0; r < batch.rows; ++r) {
        if (time.isNull(r) || time.ints[r] <= watermark) {
            ++late;
            continue;
        }
        rowKey(key, batch.columns, m_key, r); // NULLs are one key, as in Spark's dropDuplicates
        const auto [it, fresh] = m_expiry.try_emplace(key, time.ints[r] + m_within);
        if (!fresh && it->second > watermark)
            continue; // seen within the bound
        it->second = time.ints[r] + m_within;
        keep.ints[r] = 1;
        ++kept;
    }
    context().countLateRows(late);
    context().countUpdatedRows(kept);
    out.push(0, Filter::select(batch, keep));
}

void Dedupe::endOfBatch(int64_t watermark, Emitter &)
{
    for (auto it = m_expiry.begin(); it != m_expiry.end();)
        it = it->second <= watermark ? m_expiry.erase(it) : std::next(it);
}

void Dedupe::snapshot(StateWriter &out) const
{
    out.section("dedupe", 1);
    out.u64(m_key.size());
    out.i64(m_within);
    std::vector<std::pair<std::string_view, int64_t>> entries(m_expiry.begin(), m_expiry.end());
    std::sort(entries.begin(), entries.end());
    out.u64(entries.size());
    for (const auto &[key, expiry] : entries) {
        out.bytes(key);
        out.i64(expiry);
    }
}

void Dedupe::restore(StateReader &in)
{
    if (!in.section("dedupe", 1))
        return;
    in.expectSame("number of key fields", int64_t(in.u64()), int64_t(m_key.size()));
    in.expectSame("bound \"within\" (ms)", in.i64(), m_within);
    std::unordered_map<std::string, int64_t> expiry;
    const size_t n = in.count(16);
    for (size_t i = 0; i < n && in.ok(); ++i) {
        std::string key = in.bytes();
        expiry[std::move(key)] = in.i64();
    }
    if (in.ok())
        m_expiry = std::move(expiry);
}

} // namespace sw::runtime
