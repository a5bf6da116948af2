// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace sw::core {

// Timestamps are epoch milliseconds, always UTC. Sinks and Kafka JSON values write
// them as ISO-8601 with milliseconds ("2026-11-25T10:00:00.000Z").
class Timestamps
{
public:
    // The range a timestamp may take, as Spark's: 0001-01-01T00:00:00.000Z to
    // 9999-12-31T23:59:59.999Z. Window ends and time bounds computed from times in
    // this range cannot overflow.
    static constexpr int64_t kMinMs = -62135596800000;
    static constexpr int64_t kMaxMs = 253402300799999;
    static bool inRange(int64_t epochMs) { return uint64_t(epochMs) - uint64_t(kMinMs) <= uint64_t(kMaxMs - kMinMs); }

    static QString toIso(int64_t epochMs);
    // ISO-8601 with or without milliseconds, 'T' or a space between date and time,
    // 'Z', an offset or nothing (UTC); a date alone means midnight UTC.
    static std::optional<int64_t> parseIso(const QString &text);
};

} // namespace sw::core
