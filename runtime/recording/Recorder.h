// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "broker/KafkaClientConfig.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace sw::runtime {

// Records Kafka topics into a recording (Recording.h): every partition of each
// topic, assigned directly (no consumer group, nothing committed), every record
// with its coordinates, timestamp and its type, key, value and headers.
struct RecorderOptions
{
    KafkaEndpoint endpoint;
    std::vector<std::string> topics;
    std::string from = "beginning"; // beginning, end, or an ISO-8601 time
    double untilIdleSeconds = -1;   // stop when nothing arrived for this long (-1: never)
    int64_t count = -1;             // stop after this many records (-1: no limit)
    double durationSeconds = -1;    // stop after this long (-1: no limit)
    std::string out;
    bool overwrite = false;
};

struct RecorderProgress
{
    struct Partition
    {
        std::string topic;
        int partition = 0;
        int64_t next = -1; // the offset after the last record recorded (-1: none yet)
        int64_t high = -1; // the partition's high watermark, as last known (-1: not yet)
    };
    int64_t records = 0;
    int64_t bytes = 0;
    double seconds = 0;
    std::vector<Partition> partitions;
    std::string stoppedBecause; // when done: what ended the recording

    // Records written to the partitions since recording reached them and not recorded yet.
    int64_t behind() const
    {
        int64_t sum = 0;
        for (const Partition &p : partitions) {
            if (p.high >= 0 && p.next >= 0)
                sum += std::max<int64_t>(0, p.high - p.next);
        }
        return sum;
    }
};

class Recorder
{
public:
    using Progress = std::function<void(const RecorderProgress &)>;
    using Warning = std::function<void(const std::string &)>;
    // Records until a stop condition is met or `stop` is set; `progress` is called
    // about twice a second and once at the end. False with `error` when recording
    // could not start or the file could not be written (what was written is kept).
    static bool run(const RecorderOptions &options, const std::atomic<bool> &stop, const Progress &progress,
                    const Warning &warning, RecorderProgress &result, std::string &error);
};

} // namespace sw::runtime
