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
    static QString toIso(int64_t epochMs);
    // ISO-8601 with or without milliseconds, 'T' or a space between date and time,
    // 'Z', an offset or nothing (UTC); a date alone means midnight UTC.
    static std::optional<int64_t> parseIso(const QString &text);
};

} // namespace sw::core
