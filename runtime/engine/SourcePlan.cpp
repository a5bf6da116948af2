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
    auto total = [&](int64_t t) {
        int64_t n = 0;
        for (size_t p = 0; p < ranges.size(); ++p)
            n += int64_t(rowsUpTo(p, t));
        return n;
    };
    // total() only steps at the running maxima, so a search over time finds the
    // same cut as one over them, without sorting every row read ahead.
    int64_t low = INT64_MAX, high = INT64_MIN;
    for (const auto &a : ahead) {
        for (int64_t m : a.runningMax) {
            if (m != INT64_MIN) {
                low = std::min(low, m);
                break;
            }
        }
        if (!a.runningMax.empty())
            high = std::max(high, a.runningMax.back());
    }
    int64_t t = INT64_MIN;
    if (low <= high) {
        // The largest time that fits, else the smallest: a batch always advances.
        while (low < high) {
            const uint64_t span = uint64_t(high) - uint64_t(low); // no overflow for far-apart times
            const int64_t mid = int64_t(uint64_t(low) + span / 2 + span % 2);
            if (total(mid) <= maxRows)
                low = mid;
            else
                high = mid - 1;
        }
        t = low;
    }
    for (size_t p = 0; p < ranges.size(); ++p) {
        const ReadAhead &a = ahead[p];
        const size_t rows = rowsUpTo(p, t);
        // Up to the first row left out; with every row in, also the dead letters after them.
        const int64_t end = rows < a.offsets.size() ? a.offsets[rows] : a.end;
        ranges[p].end = std::clamp(end, ranges[p].start, ranges[p].end);
    }
}

void limitPlan(SourcePlan &plan, int64_t maxRows, bool inEventTime,
               const std::function<bool(size_t partition, int64_t upTo, ReadAhead &out)> &readAhead)
{
    if (!inEventTime || maxRows <= 0 || plan.rows() <= maxRows) {
        limitToRows(plan.ranges, maxRows);
        return;
    }
    std::vector<OffsetRange> spark = plan.ranges;
    limitToRows(spark, maxRows);
    std::vector<ReadAhead> ahead(plan.ranges.size());
    for (size_t i = 0; i < plan.ranges.size(); ++i) {
        const int64_t want = std::min(plan.ranges[i].end, plan.ranges[i].start + 2 * spark[i].size() + 16);
        if (!readAhead(i, want, ahead[i])) {
            plan.ranges = spark;
            return;
        }
    }
    alignInEventTime(plan.ranges, maxRows, ahead);
}

} // namespace sw::runtime
