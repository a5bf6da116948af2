// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/RecordDecoder.h"

#include "engine/DeadLetters.h"
#include "model/Duration.h"
#include "model/Timestamps.h"

#include <QElapsedTimer>

#include <algorithm>
#include <climits>

namespace sw::runtime {

RecordDecoder::RecordDecoder(const core::Schema &declared, const core::Schema &output, size_t maxRecordBytes,
                             int64_t maxAheadMs)
    : m_output(output), m_decoder(declared), m_declaredFields(size_t(declared.fields.size())),
      m_eventTimeColumn(output.indexOf(output.eventTimeField)), m_maxRecordBytes(maxRecordBytes),
      // The guard needs an event time decoded from the value (not _timestamp itself).
      m_maxAheadMs(m_eventTimeColumn >= 0 && m_eventTimeColumn < int(m_declaredFields) ? maxAheadMs : -1)
{
}

void RecordDecoder::decode(const std::string &topic, int partition, const RecordView *records, size_t count,
                           SourceBatch &out)
{
    Batch &batch = out.rows;
    StringArena &arena = batch.arena();
    const size_t declared = m_declaredFields;
    m_values.clear();
    std::vector<size_t> oversized; // records not decoded: their values are larger than maxRecordBytes
    for (size_t k = 0; k < count; ++k) {
        const size_t size = records[k].value ? records[k].value->size() : 0;
        if (size > m_maxRecordBytes) {
            oversized.push_back(k);
            m_values.emplace_back(); // decoded as nothing, and then replaced by the dead letter below
            continue;
        }
        m_values.push_back(records[k].value.value_or(std::string_view()));
    }
    m_failures.clear();
    QElapsedTimer decoding;
    decoding.start();
    m_decoder.decodeMany(m_values.data(), m_values.size(), batch, arena, m_failures);
    out.decodeMs += double(decoding.nsecsElapsed()) / 1e6;
    const std::string_view topicName = arena.copy(topic);
    size_t nextFailure = 0;
    std::vector<size_t> poison; // rows whose event time is too far ahead (eventTime.maxAhead)
    const size_t firstTimestamp = out.recordTimestamps.size() - batch.rows; // recordTimestamps[firstTimestamp + row]
    for (size_t k = 0; k < count; ++k) {
        const RecordView &record = records[k];
        const int64_t timestamp = record.timestamp;
        // The record as a dead letter: its coordinates, key and whole value, and why.
        auto deadLetter = [&](std::string_view kind, std::string reason) {
            DeadLetter d;
            d.reason = std::move(reason);
            d.kind = kind;
            d.topic = topic;
            d.partition = partition;
            d.offset = record.offset;
            d.timestamp = timestamp;
            d.hasKey = record.key.has_value();
            if (record.key)
                d.key.assign(record.key->data(), record.key->size());
            if (record.value)
                d.value.assign(record.value->data(), record.value->size());
            if (record.headers)
                record.headers(record.origin, d.headers);
            out.deadLetters.push_back(std::move(d));
        };
        const bool failed = nextFailure < m_failures.size() && m_failures[nextFailure].record == k;
        std::string failure = failed ? std::move(m_failures[nextFailure++].reason) : std::string();
        if (std::binary_search(oversized.begin(), oversized.end(), k)) {
            deadLetter(DeadLetters::kTooLarge, "the record's value is " + std::to_string(record.value->size())
                                                   + " bytes, more than maxRecordBytes (" + std::to_string(m_maxRecordBytes)
                                                   + "): not decoded");
            continue;
        }
        if (failed) {
            const std::string kind = DeadLetters::kindOf(failure); // before the reason is moved away
            deadLetter(kind, std::move(failure));
            continue;
        }
        auto &c = batch.columns;
        if (m_maxAheadMs >= 0) {
            const Column &eventTime = c[size_t(m_eventTimeColumn)];
            const size_t row = batch.rows;
            if (eventTime.valid[row] && timestamp > 0 && eventTime.ints[row] - timestamp > m_maxAheadMs) {
                // Decided by the record alone (its event time and its own Kafka
                // timestamp), so a replay decides the same.
                deadLetter(DeadLetters::kEventTimeAhead,
                           "event time " + core::Timestamps::toIso(eventTime.ints[row]).toStdString() + " is more than "
                               + core::Duration::format(m_maxAheadMs).toStdString()
                               + " ahead of the record's Kafka timestamp " + core::Timestamps::toIso(timestamp).toStdString()
                               + ": not used for the watermark (eventTime.maxAhead)");
                poison.push_back(row);
            }
        }
        if (record.key)
            c[declared].appendString(arena.copy(*record.key));
        else
            c[declared].appendNull();
        c[declared + 1].appendString(topicName);
        c[declared + 2].appendInt(partition);
        c[declared + 3].appendInt(record.offset);
        c[declared + 4].appendInt(timestamp);
        out.recordTimestamps.push_back(timestamp);
        ++batch.rows;
    }
    if (!poison.empty()) {
        batch.eraseRows(poison);
        size_t next = 0, kept = firstTimestamp;
        for (size_t i = firstTimestamp; i < out.recordTimestamps.size(); ++i) {
            if (next < poison.size() && poison[next] == i - firstTimestamp) {
                ++next;
                continue;
            }
            out.recordTimestamps[kept++] = out.recordTimestamps[i];
        }
        out.recordTimestamps.resize(kept);
    }
}

void RecordDecoder::takeAhead(SourceBatch &a, int64_t end, SourceBatch &out) const
{
    const std::vector<int64_t> &offsets = a.rows.columns[m_declaredFields + 3].ints;
    const size_t rows = size_t(std::lower_bound(offsets.begin(), offsets.end(), end) - offsets.begin());
    out.rows.appendRows(a.rows, 0, rows);
    a.rows.dropFrontRows(rows);
    out.recordTimestamps.insert(out.recordTimestamps.end(), a.recordTimestamps.begin(), a.recordTimestamps.begin() + long(rows));
    a.recordTimestamps.erase(a.recordTimestamps.begin(), a.recordTimestamps.begin() + long(rows));
    size_t dead = 0;
    while (dead < a.deadLetters.size() && a.deadLetters[dead].offset < end)
        out.deadLetters.push_back(std::move(a.deadLetters[dead++]));
    a.deadLetters.erase(a.deadLetters.begin(), a.deadLetters.begin() + long(dead));
    out.decodeMs += a.decodeMs;
    a.decodeMs = 0;
    constexpr size_t kArenaBytes = 1 << 20;
    if (a.rows.rows == 0)
        a.rows = Batch::empty(m_output); // let go of the arenas
    else if (a.rows.arena().bytes() > kArenaBytes)
        a.rows = a.rows.copyRows(0, a.rows.rows);
}

ReadAhead RecordDecoder::planningView(const SourceBatch &ahead, int64_t end) const
{
    const Batch &rows = ahead.rows;
    ReadAhead a;
    a.end = end;
    a.offsets.assign(rows.columns[m_declaredFields + 3].ints.begin(), rows.columns[m_declaredFields + 3].ints.end());
    a.runningMax.resize(rows.rows);
    const Column &time = rows.columns[size_t(m_eventTimeColumn)];
    int64_t runningMax = INT64_MIN;
    for (size_t r = 0; r < rows.rows; ++r) {
        if (!time.isNull(r))
            runningMax = std::max(runningMax, time.ints[r]);
        a.runningMax[r] = runningMax;
    }
    return a;
}

} // namespace sw::runtime
