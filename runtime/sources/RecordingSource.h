// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Source.h"
#include "recording/Recording.h"
#include "settings/NodeSettings.h"
#include "sources/RecordDecoder.h"

#include <QElapsedTimer>

#include <deque>
#include <memory>

namespace sw::runtime {

// source.recording: a recording's records, decoded as source.kafka decodes them
// (the same columns, dead letters and poison-record guard), in batches planned
// from the recording alone, so that two runs with the same settings read the
// same batches and a checkpointed restart continues with them:
//
// - pace "max": every recorded record is available at once; a batch takes the
//   next maxBatchRows records, divided over the partitions as source.kafka
//   divides a backlog (cut at one event time when there is one, else by Spark's
//   maxOffsetsPerTrigger rule), each partition in offset order.
// - pace "recorded": the recording is cut into slices of `trigger x speed` of
//   recorded time (one second when the trigger is 0s), by each record's pace
//   time: the largest Kafka timestamp of its partition up to it. A slice's
//   batches wait until its end is due on the clock (the recorded time since the
//   first record, divided by speed), then take its records as above. A pipeline
//   too slow for the pace falls behind: its lag grows, in records and in time.
class RecordingSource : public Source
{
public:
    RecordingSource(const QString &path, const core::RecordingSourceSettings &settings, int64_t triggerMs,
                    const core::Schema &declared, const core::Schema &output);
    using Source::open;
    bool open(const SourceContext &context, std::string &error) override;
    SourcePlan plan(int64_t maxRows) override;
    SourceBatch read(const SourcePlan &plan) override;
    int msUntilInput() const override;
    bool exhausted() const override;
    bool endAtAvailable(std::string &error) override;
    void describe(SourceProgress &out) const override;
    int64_t lag() const override;
    std::vector<OffsetRange> positions() const override;
    void startAt(const std::vector<OffsetRange> &positions) override;
    std::string checkpointState() const override;
    bool canRewind() const override { return true; }
    bool rewind(const std::vector<OffsetRange> &positions, const std::string &state, std::string &error) override;
    bool restoreCheckpointState(const std::string &state, std::string &error) override;

private:
    struct Partition
    {
        RecordedPartition recorded;
        int64_t planned = 0;   // where the next plan starts (an offset)
        int64_t fetchFrom = 0; // the offset the next read of the file starts at
        bool fileEnd = false;  // every record of the partition has been read from the file
        std::deque<RecordedRecord> raw; // read from the file, not decoded yet (offsets from `decodedEnd`)
        std::deque<int64_t> rawPace;    // each raw record's pace time
        int64_t paceSoFar = INT64_MIN;  // the pace time of the last record read from the file
        SourceBatch ahead;              // decoded, from `planned` to `decodedEnd`
        int64_t decodedEnd = 0;
    };

    bool fetch(Partition &p, size_t atLeast, std::string &error);
    bool decodeUpTo(Partition &p, int64_t end, std::string &error);
    // The offset after the records of `p` that are available to plan now.
    bool availableEnd(Partition &p, int64_t &end, std::string &error);
    int64_t sliceEndTime() const;
    int64_t dueMs(int64_t slice) const; // the slice's end on the run's clock
    Partition *find(const OffsetRange &range);

    QString m_path;
    core::RecordingSourceSettings m_settings;
    int64_t m_sliceMs = 0; // recorded time per slice (paced)
    core::Schema m_output;
    RecordDecoder m_records;
    RecordingReader m_reader;
    std::vector<std::unique_ptr<Partition>> m_partitions; // by topic, then partition
    std::map<std::pair<std::string, int>, int64_t> m_startAt;
    std::optional<int64_t> m_firstPace; // the recording's first pace time (paced)
    int64_t m_slice = 0;                 // the slice being read (paced)
    int64_t m_sliceAtOpen = 0;           // where this run's clock starts
    QElapsedTimer m_clock;
    SourceBatch m_planFailure;
    SourcePlan m_lastPlan;
    mutable int64_t m_behindMs = 0;
};

} // namespace sw::runtime
