// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/RuntimeNode.h"

#include <atomic>
#include <vector>

namespace sw::runtime {

// The run's event-time watermark, by Spark's rule: a batch runs with the watermark
// computed at the end of the batch before it, the minimum over the sources that
// have event time and the watermark nodes of (the largest event time seen there
// so far - its watermarkDelay); it never goes back. One that has seen nothing yet
// holds it at 0. At the end of bounded input it is kWatermarkEnd, which closes
// everything. current() may be read on any thread.
class WatermarkTracker
{
public:
    // Takes in the event times of rows a source just read, or a watermark node got.
    static void observe(RuntimeNode &node, const Batch &rows);
    // After a batch: the watermark for the next one. Whether it moved (then a
    // no-data batch is due, so that what it closed comes out).
    bool advance(const std::vector<RuntimeNode> &nodes);
    void end() { m_current = kWatermarkEnd; }
    // A checkpoint's watermark, before the first batch of a resumed run.
    void restore(int64_t watermark) { m_current = watermark; }
    int64_t current() const { return m_current; }

private:
    std::atomic<int64_t> m_current{0};
};

} // namespace sw::runtime
