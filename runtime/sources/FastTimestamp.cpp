// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/FastTimestamp.h"

#include <cstring>

namespace sw::runtime {

namespace {
// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
int64_t daysFromCivil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + int64_t(doe) - 719468;
}

bool digits(std::string_view s, size_t at, size_t count, int &out)
{
    if (at + count > s.size())
        return false;
    int v = 0;
    for (size_t i = at; i < at + count; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

bool leapYear(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}
} // namespace

std::optional<int64_t> parseIsoTimestamp(std::string_view s)
{
    // The form producers write most, "2026-11-25T10:15:30.250Z", checked and read
    // eight bytes at a time.
    if (s.size() == 24) {
        auto load = [&s](size_t at) {
            uint64_t v;
            std::memcpy(&v, s.data() + at, 8);
            return v; // little-endian: byte k of the text is bits 8k..8k+7
        };
        // Per word: which bytes are digits, and the text with '0' for every digit.
        constexpr uint64_t digitMask[3] = {0x00FFFF00FFFFFFFFull, 0xFFFF00FFFF00FFFFull, 0x00FFFFFF00FFFF00ull};
        constexpr uint64_t pattern[3] = {0x2D30302D30303030ull /* "0000-00-" */,
                                         0x30303A3030543030ull /* "00T00:00" */,
                                         0x5A3030302E30303Aull /* ":00.000Z" */};
        constexpr uint64_t zeros = 0x3030303030303030ull, sixes = 0x0606060606060606ull, high = 0xF0F0F0F0F0F0F0F0ull;
        uint64_t digitsOf[3];
        bool ok = true;
        for (int w = 0; w < 3; ++w) {
            const uint64_t text = load(size_t(w) * 8);
            // Separators exactly as in the pattern; every digit byte in '0'..'9'.
            const uint64_t v = (text & digitMask[w]) | (zeros & ~digitMask[w]);
            ok = ok && ((text ^ pattern[w]) & ~digitMask[w]) == 0
                 && ((v & high) | (((v + sixes) & high) >> 4)) == 0x3333333333333333ull;
            digitsOf[w] = v - zeros;
        }
        if (ok) {
            auto digit = [&digitsOf](int w, int k) { return int((digitsOf[w] >> (8 * k)) & 0xFF); };
            const int year = digit(0, 0) * 1000 + digit(0, 1) * 100 + digit(0, 2) * 10 + digit(0, 3),
                      month = digit(0, 5) * 10 + digit(0, 6), day = digit(1, 0) * 10 + digit(1, 1),
                      hour = digit(1, 3) * 10 + digit(1, 4), minute = digit(1, 6) * 10 + digit(1, 7),
                      second = digit(2, 1) * 10 + digit(2, 2),
                      millis = digit(2, 4) * 100 + digit(2, 5) * 10 + digit(2, 6);
            thread_local int cachedYear = -1, cachedMonth = -1, cachedDay = -1;
            thread_local int64_t cachedDays = 0;
            if (year == cachedYear && month == cachedMonth && day == cachedDay && hour < 24 && minute < 60 && second <= 60)
                return cachedDays * 86'400'000 + int64_t(hour) * 3'600'000 + minute * 60'000 + second * 1000 + millis;
            const auto slow = parseIsoTimestamp(s.substr(0, 23)); // validates the date, then caches it
            if (slow) {
                cachedYear = year;
                cachedMonth = month;
                cachedDay = day;
                cachedDays = daysFromCivil(year, unsigned(month), unsigned(day));
            }
            return slow;
        }
    }
    int year, month, day;
    if (!digits(s, 0, 4, year) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, month) || s[7] != '-'
        || !digits(s, 8, 2, day))
        return std::nullopt;
    static const int monthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > monthDays[month - 1] + (month == 2 && leapYear(year)))
        return std::nullopt;
    // Consecutive events mostly share a date: remember the last one.
    thread_local int lastYear = -1, lastMonth = -1, lastDay = -1;
    thread_local int64_t lastDays = 0;
    if (year != lastYear || month != lastMonth || day != lastDay) {
        lastDays = daysFromCivil(year, unsigned(month), unsigned(day));
        lastYear = year;
        lastMonth = month;
        lastDay = day;
    }
    int64_t ms = lastDays * 86'400'000;
    if (s.size() == 10)
        return ms;
    int hour, minute, second = 0;
    if ((s[10] != 'T' && s[10] != ' ') || !digits(s, 11, 2, hour) || s.size() < 16 || s[13] != ':'
        || !digits(s, 14, 2, minute))
        return std::nullopt;
    size_t i = 16;
    if (i < s.size() && s[i] == ':') {
        if (!digits(s, 17, 2, second))
            return std::nullopt;
        i = 19;
    }
    if (hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    int millis = 0;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        ++i;
        int scale = 100, count = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            millis += (s[i] - '0') * scale;
            scale /= 10;
            ++i;
            ++count;
        }
        if (count == 0)
            return std::nullopt;
    }
    ms += int64_t(hour) * 3'600'000 + int64_t(minute) * 60'000 + int64_t(second) * 1000 + millis;
    if (i == s.size())
        return ms;
    if (s[i] == 'Z' || s[i] == 'z')
        return i + 1 == s.size() ? std::optional<int64_t>(ms) : std::nullopt;
    if (s[i] != '+' && s[i] != '-')
        return std::nullopt;
    const int sign = s[i] == '+' ? 1 : -1;
    int oh, om = 0;
    if (!digits(s, i + 1, 2, oh))
        return std::nullopt;
    size_t j = i + 3;
    if (j < s.size() && s[j] == ':')
        ++j;
    if (j < s.size() && !digits(s, j, 2, om))
        return std::nullopt;
    if (j < s.size())
        j += 2;
    if (j != s.size() || oh > 23 || om > 59)
        return std::nullopt;
    return ms - sign * (int64_t(oh) * 3'600'000 + int64_t(om) * 60'000);
}

} // namespace sw::runtime
