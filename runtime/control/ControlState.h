// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>

namespace sw::runtime {

// What the control API asks of the executor thread; read by the run loop between
// batches (the executor never waits on a client).
struct ControlState
{
    std::atomic<bool> paused{false};
    std::atomic<int> stepsRequested{0}; // batches to run while paused
    std::atomic<bool> stopRequested{false};
    std::atomic<bool> finished{false};
    std::atomic<bool> failed{false};
};

} // namespace sw::runtime
