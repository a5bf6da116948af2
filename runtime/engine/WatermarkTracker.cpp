// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/WatermarkTracker.h"

#include <algorithm>
#include <limits>

namespace sw::runtime {

void WatermarkTracker::observe(RuntimeNode &node, const Batch &rows)
{
    if (node.eventTimeColumn < 0)
        return;
    const Column &ts = rows.columns[size_t(node.eventTimeColumn)];
    int64_t largest = node.maxEventTime;
    RuntimeNode::EventTimes &seen = node.batchEventTimes;
    for (size_t r = 0; r < rows.rows; ++r) {
        if (!ts.valid[r])
            continue;
        const int64_t t = ts.ints[r];
        largest = std::max(largest, t);
        if (seen.count++ == 0) {
            seen.first = seen.min = seen.max = t;
        } else {
            seen.min = std::min(seen.min, t);
            seen.max = std::max(seen.max, t);
        }
        seen.sumFromFirst += double(t) - double(seen.first);
    }
    node.maxEventTime = largest;
}

bool WatermarkTracker::advance(const std::vector<RuntimeNode> &nodes)
{
    int64_t next = std::numeric_limits<int64_t>::max();
    bool any = false;
    for (const auto &n : nodes) {
        if (n.eventTimeColumn < 0) // neither a source with event time nor a watermark node
            continue;
        any = true;
        next = std::min(next, n.maxEventTime == std::numeric_limits<int64_t>::min() ? 0 : n.maxEventTime - n.watermarkDelay);
    }
    if (!any || next <= m_current)
        return false;
    m_current = next;
    return true;
}

} // namespace sw::runtime
