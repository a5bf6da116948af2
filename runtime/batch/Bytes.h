// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace sw::runtime {

// Equality and order of short byte strings (field names, group keys, string
// literals) without a library call per comparison.
inline bool sameBytes(const char *a, const char *b, size_t n)
{
    // Whole words, with the last word overlapping the previous one: no byte loop.
    auto load64 = [](const char *p) {
        uint64_t v;
        std::memcpy(&v, p, 8);
        return v;
    };
    auto load32 = [](const char *p) {
        uint32_t v;
        std::memcpy(&v, p, 4);
        return v;
    };
    if (n >= 8) {
        for (size_t i = 0; i + 8 < n; i += 8) {
            if (load64(a + i) != load64(b + i))
                return false;
        }
        return load64(a + n - 8) == load64(b + n - 8);
    }
    if (n >= 4)
        return load32(a) == load32(b) && load32(a + n - 4) == load32(b + n - 4);
    return n == 0 || (a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1]);
}

inline bool sameBytes(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && sameBytes(a.data(), b.data(), a.size());
}

// Byte order (as memcmp), eight bytes per step and inline: sorting the groups of a
// closing window called memcmp a few hundred thousand times for short keys.
inline bool lessBytes(std::string_view a, std::string_view b)
{
    const size_t n = a.size() < b.size() ? a.size() : b.size();
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x, y;
        std::memcpy(&x, a.data() + i, 8);
        std::memcpy(&y, b.data() + i, 8);
        if (x != y)
            return __builtin_bswap64(x) < __builtin_bswap64(y);
    }
    for (; i < n; ++i) {
        if (a[i] != b[i])
            return uint8_t(a[i]) < uint8_t(b[i]);
    }
    return a.size() < b.size();
}

} // namespace sw::runtime
