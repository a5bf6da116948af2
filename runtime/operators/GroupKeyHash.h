// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/Column.h"
#include "batch/OwnedValue.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

// The hashes a window aggregate finds its groups by: computed from a batch's
// columns as rows arrive, and again from the kept key values when state is
// restored, so both must come from these functions.
namespace sw::runtime::groupkeys {

inline uint64_t mix(uint64_t h)
{
    h = (h ^ (h >> 32)) * 0xff51afd7ed558ccdull;
    return h ^ (h >> 29);
}

inline uint64_t hashBytes(const char *p, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    while (n >= 8) {
        uint64_t v;
        std::memcpy(&v, p, 8);
        h = (h ^ v) * 0xff51afd7ed558ccdull;
        h ^= h >> 32;
        p += 8;
        n -= 8;
    }
    // The last 0-7 bytes with fixed-size loads (overlapping for 4-7 bytes).
    uint64_t v = 0;
    if (n >= 4) {
        uint32_t first, last;
        std::memcpy(&first, p, 4);
        std::memcpy(&last, p + n - 4, 4);
        v = (uint64_t(first) << 32) | last;
    } else if (n > 0) {
        v = (uint64_t(uint8_t(p[0])) << 16) | (uint64_t(uint8_t(p[n / 2])) << 8) | uint8_t(p[n - 1]);
    }
    h = (h ^ v) * 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 29);
}

// Hashes of the group key of every row, one tight loop per column. Equal under
// SQL grouping equality (NULLs together, -0.0 = 0.0, NaN = NaN) means equal hash.
inline void hashGroupKeys(const std::vector<const Column *> &columns, size_t rows, std::vector<uint64_t> &hashes)
{
    hashes.assign(rows, 0x2545F4914F6CDD1Dull);
    for (const Column *c : columns) {
        for (size_t r = 0; r < rows; ++r) {
            uint64_t cell;
            if (c->type == DataType::Null || c->isNull(r)) {
                cell = 0x51A7;
            } else if (c->usesInts()) {
                cell = mix(uint64_t(c->ints[r]));
            } else if (c->type == DataType::Double) {
                double d = c->doubles[r];
                if (d == 0)
                    d = 0; // -0.0
                uint64_t bits;
                if (std::isnan(d))
                    d = std::nan("");
                std::memcpy(&bits, &d, 8);
                cell = mix(bits);
            } else {
                cell = hashBytes(c->strings[r].data(), c->strings[r].size());
            }
            hashes[r] = mix(hashes[r] * 31 + cell);
        }
    }
}

inline uint64_t withWindow(uint64_t keyHash, int64_t start)
{
    return mix(keyHash ^ (uint64_t(start) * 0x9E3779B97F4A7C15ull));
}

// Where a window goes in the output order: its start (big-endian, sign flipped,
// so that bytes sort as the signed value), then the group key of `row`. Built once
// per window and group, never per row.
inline std::string windowOrderKey(int64_t start, const std::vector<const Column *> &groupColumns, size_t row)
{
    std::string key;
    const uint64_t ordered = uint64_t(start) ^ (uint64_t(1) << 63);
    for (int b = 7; b >= 0; --b)
        key.push_back(char((ordered >> (8 * b)) & 0xFF));
    for (const Column *c : groupColumns)
        appendKey(key, *c, row);
    return key;
}

} // namespace sw::runtime::groupkeys
