// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/Batch.h"

#include <QJsonObject>

#include <string>
#include <vector>

namespace sw::runtime {

// A record that could not be decoded: kept with its reason and coordinates.
struct DeadLetter
{
    std::string reason;
    std::string topic;
    int partition = -1;
    int64_t offset = -1;
    int64_t timestamp = 0;
    std::string key;
    bool hasKey = false; // a record without a key has NULL as _key, as decoded rows do
    std::string value;
};

// What one poll of a source produced.
struct SourceBatch
{
    Batch rows;
    std::vector<int64_t> recordTimestamps; // wall-clock ms the records were produced (latency)
    std::vector<DeadLetter> deadLetters;
    double decodeMs = 0; // part of the poll spent decoding (for the batch's duration parts)
};

// An input of the pipeline. Called on the executor thread only.
class Source
{
public:
    virtual ~Source() = default;
    // Starts reading; false with `error` set when the source cannot work at all.
    virtual bool open(std::string &error) = 0;
    // Up to `maxRows` rows, waiting at most `waitMs` for the first ones.
    virtual SourceBatch poll(size_t maxRows, int waitMs) = 0;
    // Bounded input that has been read completely.
    virtual bool exhausted() const { return false; }
    // The batch's rows reached their sinks: offsets may be committed.
    virtual void commit() {}
    // Progress for metrics: offsets, lag, whatever the source knows.
    virtual QJsonObject progress() const { return {}; }
    virtual int64_t lag() const { return 0; }
};

} // namespace sw::runtime
