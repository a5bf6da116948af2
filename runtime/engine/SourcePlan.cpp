// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/SourcePlan.h"

#include <algorithm>
#include <climits>
#include <cmath>

namespace sw::runtime {

void limitToRows(std::vector<OffsetRange> &ranges, int64_t maxRows)
{
    int64_t total = 0;
    for (const auto &r : ranges)
        total += r.size();
    if (maxRows <= 0 || total <= maxRows)
        return;
    for (auto &r : ranges) {
        const int64_t waiting = r.size();
        if (waiting == 0)
            continue;
        const double share = double(maxRows) * (double(waiting) / double(total));
        const int64_t take = share < 1 ? int64_t(std::ceil(share)) : int64_t(std::floor(share));
        r.end = r.start + std::min(waiting, take);
    }
}

void alignInEventTime(std::vector<OffsetRange> &ranges, int64_t maxRows, const std::vector<ReadAhead> &ahead)
{
    auto rowsUpTo = [&](size_t p, int64_t t) {
        const auto &m = ahead[p].runningMax;
        return size_t(std::upper_bound(m.begin(), m.end(), t) - m.begin());
    };
    std::vector<int64_t> candidates;
    for (const auto &a : ahead)
        candidates.insert(candidates.end(), a.runningMax.begin(), a.runningMax.end());
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    auto total = [&](int64_t t) {
        int64_t n = 0;
        for (size_t p = 0; p < ranges.size(); ++p)
            n += int64_t(rowsUpTo(p, t));
        return n;
    };
    // The largest candidate that fits, else the smallest: a batch always advances.
    size_t low = 0, high = candidates.size();
    while (low + 1 < high) {
        const size_t mid = (low + high) / 2;
        if (total(candidates[mid]) <= maxRows)
            low = mid;
        else
            high = mid;
    }
    const int64_t t = candidates.empty() ? INT64_MIN : candidates[low];
    for (size_t p = 0; p < ranges.size(); ++p) {
        const ReadAhead &a = ahead[p];
        const size_t rows = rowsUpTo(p, t);
        // Up to the first row left out; with every row in, also the dead letters after them.
        const int64_t end = rows < a.offsets.size() ? a.offsets[rows] : a.end;
        ranges[p].end = std::clamp(end, ranges[p].start, ranges[p].end);
    }
}

} // namespace sw::runtime
