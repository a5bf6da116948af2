// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Source.h"
#include "engine/SourcePlan.h"
#include "sources/JsonDecoder.h"

#include <optional>

namespace sw::runtime {

// One record to decode, as a Kafka message or a recorded record holds it.
struct RecordView
{
    int64_t offset = 0;
    int64_t timestamp = 0; // ms since the epoch; 0 or less: none
    std::optional<std::string_view> key;
    std::optional<std::string_view> value; // none: a tombstone
    // Its headers, asked for only when the record becomes a dead letter.
    void (*headers)(const void *origin, std::vector<std::pair<std::string, std::string>> &out) = nullptr;
    const void *origin = nullptr;
};

// What every source of Kafka records does with them: decodes the values into
// the declared fields, appends the metadata columns (_key, _topic, _partition,
// _offset, _timestamp), and makes a dead letter of each record that is too
// large (maxRecordBytes), does not decode, or whose event time is too far ahead
// of its own timestamp (eventTime.maxAhead), with its coordinates and bytes.
class RecordDecoder
{
public:
    // `output`: the declared fields, then the metadata columns; `maxAheadMs` -1: no limit.
    RecordDecoder(const core::Schema &declared, const core::Schema &output, size_t maxRecordBytes, int64_t maxAheadMs);

    // Records of one partition, in offset order, into `out` (rows, their
    // timestamps, dead letters, and the time spent decoding).
    void decode(const std::string &topic, int partition, const RecordView *records, size_t count, SourceBatch &out);

    // Read-ahead (records decoded for planning before a batch reads them): moves
    // the rows and dead letters of `ahead` with offsets before `end` to `out`.
    // Rows read ahead go to the read-ahead batch's arena, which stays alive as
    // long as any row of it waits, and on a backlog some always do: past 1 MiB
    // the waiting rows move to a fresh arena, so that it does not grow with the
    // whole backlog.
    void takeAhead(SourceBatch &ahead, int64_t end, SourceBatch &out) const;
    // What alignInEventTime needs to know of `ahead` (decoded up to offset `end`).
    ReadAhead planningView(const SourceBatch &ahead, int64_t end) const;

    int eventTimeColumn() const { return m_eventTimeColumn; } // in the output; -1: none
    size_t declaredFields() const { return m_declaredFields; }

private:
    core::Schema m_output;
    JsonDecoder m_decoder;
    size_t m_declaredFields = 0;
    int m_eventTimeColumn = -1;
    size_t m_maxRecordBytes;
    int64_t m_maxAheadMs;
    std::vector<std::string_view> m_values; // reused by every call
    std::vector<DecodeFailure> m_failures;
};

} // namespace sw::runtime
