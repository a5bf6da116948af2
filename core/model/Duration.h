// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace sw::core {

// Durations in pipeline files: `<number><unit>` with unit ms, s, m, h or d
// ("500ms", "10s", "1.5m", "-5m"). The value must be a whole number of milliseconds;
// whether a negative one makes sense is the caller's (the setting's) business.
class Duration
{
public:
    static std::optional<int64_t> parseMs(const QString &text);
    // The shortest exact spelling: 90000 -> "90s", 3600000 -> "1h", 1500 -> "1500ms".
    static QString format(int64_t ms);
    static QString syntaxHelp();
};

} // namespace sw::core
