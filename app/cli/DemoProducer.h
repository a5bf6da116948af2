// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <atomic>
#include <cstdint>
#include <utility>

namespace sw::cli {

// Produces the demo events to Kafka (for produce-demo and demo).
class DemoProducer
{
public:
    struct Options
    {
        QString bootstrap;
        double rate = 1000; // user events per second; 0: as fast as possible
        uint64_t count = 0; // 0: until stopped
        uint64_t seed = 42;
        bool orders = false; // also an order (nested lines) to "orders" with every purchase
        bool sensors = false; // also a device reading (nested JSON) to "sensor-readings" every 4th user event
    };
    // Returns (user events, purchases) produced; `error` set on failure.
    static std::pair<uint64_t, uint64_t> run(const Options &options, const std::atomic<bool> &stop, QString &error);
};

} // namespace sw::cli
