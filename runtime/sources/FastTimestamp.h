// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace sw::runtime {

// ISO-8601 timestamps as event payloads write them, parsed without allocation:
// "2026-11-25T10:00:00Z", with 'T' or a space, optional fraction (any digits,
// milliseconds kept), 'Z', "+hh:mm"/"-hh:mm"/"+hhmm" or nothing (UTC); a date alone
// means midnight UTC. Returns epoch milliseconds.
std::optional<int64_t> parseIsoTimestamp(std::string_view text);

} // namespace sw::runtime
