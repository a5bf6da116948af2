// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace sw::runtime {

// What one partition of a source contributes to a micro-batch: the records with
// offsets in [start, end). For a generated stream, "offsets" count its events.
struct OffsetRange
{
    std::string topic;
    int partition = 0;
    int64_t start = 0;
    int64_t end = 0;

    int64_t size() const { return end > start ? end - start : 0; }
    bool operator==(const OffsetRange &) const = default;
};

// The ranges a source reads in one micro-batch, fixed before the batch runs
// (Spark's offset ranges): the batch reads exactly these, so it covers every
// partition, and a re-run of the same plan reads the same records.
struct SourcePlan
{
    std::vector<OffsetRange> ranges; // every assigned partition, empty ranges included

    int64_t rows() const
    {
        int64_t n = 0;
        for (const auto &r : ranges)
            n += r.size();
        return n;
    }
    bool empty() const { return rows() == 0; }
};

// Spark's maxOffsetsPerTrigger rule: when more than `maxRows` records wait in all,
// each partition gets a share in proportion to what it has waiting (rounded down,
// but a partition with records waiting gets at least one, so a small partition is
// never starved; the total may then pass `maxRows` by up to one per partition).
// `ranges` arrive as [next, latest) and leave as [next, next + share).
void limitToRows(std::vector<OffsetRange> &ranges, int64_t maxRows);

// What a source has read (and decoded) of one partition ahead of its plans.
struct ReadAhead
{
    std::vector<int64_t> offsets;    // of each row read ahead, in offset order
    std::vector<int64_t> runningMax; // per row: the largest event time up to it (INT64_MIN: none yet)
    int64_t end = 0;                 // the offset after the last record read ahead
};

// Like limitToRows, but every partition ends the batch at the same event time T:
// the largest T whose rows (in each partition, the rows before the first whose
// running maximum event time passes T) fit in `maxRows`; at least the rows of the
// smallest T. Spark's rule divides by offsets alone, and on a backlog its
// partitions drift apart in event time like random walks (by about the square
// root of what they read): the watermark, set by the partition furthest ahead,
// then drops the others' rows as late. `ahead[p]` holds what partition p has read
// ahead from ranges[p].start; a partition with nothing read ahead gets no rows.
void alignInEventTime(std::vector<OffsetRange> &ranges, int64_t maxRows, const std::vector<ReadAhead> &ahead);

// How a source of Kafka records (source.kafka, source.recording) limits a plan
// to about maxRows: with an event time, each partition with records waiting is
// read a little ahead (twice its share by Spark's rule) and all are cut at one
// event time (alignInEventTime); without one, Spark's rule (limitToRows).
// `readAhead(i, upTo, out)` makes partition i's rows before offset `upTo` known
// in `out`; false when it could not (the plan is then Spark's rule, and the
// source's read says why).
void limitPlan(SourcePlan &plan, int64_t maxRows, bool inEventTime,
               const std::function<bool(size_t partition, int64_t upTo, ReadAhead &out)> &readAhead);

} // namespace sw::runtime
