// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "operators/Operator.h"

#include "settings/NodeSettings.h"

#include <string>
#include <unordered_map>

namespace sw::runtime {

// dedupe: keeps the first row of each key and drops later rows with the same key
// until the watermark passes that first row's event time plus `within` (Spark's
// dropDuplicatesWithinWatermark); then the key is forgotten and may come again.
// Rows with event time <= watermark are late: dropped and counted.
class Dedupe : public Operator
{
public:
    Dedupe(const core::DedupeSettings &settings, const core::Schema &input);
    void process(int inputPort, const Batch &batch, int64_t watermark, Emitter &out) override;
    void endOfBatch(int64_t watermark, Emitter &out) override;
    bool isStateful() const override { return true; }
    void snapshot(StateWriter &out) const override;
    void restore(StateReader &in) override;
    int64_t stateRows() const override { return int64_t(m_expiry.size()); }
    int64_t stateBytes() const override
    {
        size_t bytes = m_expiry.bucket_count() * sizeof(void *);
        for (const auto &[key, expiry] : m_expiry)
            bytes += 48 + (key.capacity() > 15 ? key.capacity() : 0);
        return int64_t(bytes);
    }

private:
    std::vector<int> m_key;
    int m_eventTime = -1;
    int64_t m_within = 0;
    std::unordered_map<std::string, int64_t> m_expiry; // key -> first event time + within
};

} // namespace sw::runtime
