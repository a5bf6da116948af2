// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "broker/KafkaClientConfig.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace sw::runtime {

// Produces a recording's records back to Kafka, in recorded order, each to its
// recorded partition with its key, value, headers and timestamp. Offsets cannot
// be kept (the target broker gives them), nor a LogAppendTime timestamp (the
// broker stamps its own when the topic is so configured): the summary says so.
struct ReplayOptions
{
    KafkaEndpoint endpoint;
    std::string recording;
    std::map<std::string, std::string> topicMap; // recorded topic -> topic to produce to
    double speed = 0; // times the recorded pace; 0: as fast as possible
};

struct ReplayProgress
{
    int64_t records = 0;
    int64_t total = 0;
    int64_t bytes = 0;
    double seconds = 0;
    int64_t behindMs = 0; // paced: how far behind the recorded pace (0 when keeping up)
};

struct ReplaySummary
{
    ReplayProgress progress;
    int64_t logAppendTimestamps = 0; // records whose LogAppendTime was produced as their CreateTime
    int64_t withoutTimestamp = 0;    // records that had none: the producer stamps them
    std::vector<std::string> notKept; // what could not be kept, in words
};

class Replayer
{
public:
    using Progress = std::function<void(const ReplayProgress &)>;
    static bool run(const ReplayOptions &options, const std::atomic<bool> &stop, const Progress &progress,
                    ReplaySummary &summary, std::string &error);
};

} // namespace sw::runtime
