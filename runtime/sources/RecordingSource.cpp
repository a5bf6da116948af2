// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/RecordingSource.h"

#include <QDir>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>

namespace sw::runtime {

namespace {
constexpr size_t kFetchRecords = 2000;
constexpr int64_t kPacedSliceMsAtTriggerZero = 1000;

void headersOf(const void *origin, std::vector<std::pair<std::string, std::string>> &out)
{
    for (const RecordHeader &h : static_cast<const RecordedRecord *>(origin)->headers)
        out.emplace_back(h.name, h.value.value_or(std::string()));
}
} // namespace

RecordingSource::RecordingSource(const QString &path, const core::RecordingSourceSettings &settings, int64_t triggerMs,
                                 const core::Schema &declared, const core::Schema &output)
    : m_path(path), m_settings(settings), m_output(output),
      m_records(declared, output, size_t(settings.maxRecordBytes), settings.eventTime.maxAheadMs.value_or(-1))
{
    if (m_settings.paced) {
        const double speed = m_settings.speed > 0 ? m_settings.speed : 1;
        m_settings.speed = speed;
        const int64_t wallSliceMs = triggerMs > 0 ? triggerMs : kPacedSliceMsAtTriggerZero;
        m_sliceMs = std::max<int64_t>(1, int64_t(std::llround(double(wallSliceMs) * speed)));
    }
}

bool RecordingSource::open(const SourceContext &, std::string &error)
{
    if (!m_reader.open(QDir::toNativeSeparators(m_path).toStdString(), error))
        return false;
    const RecordingInfo &info = m_reader.info();
    if (!info.complete)
        std::fprintf(stderr, "recording %s: the recorder did not finish it; reading the %lld records it has\n",
                     qPrintable(m_path), (long long)info.records);
    const std::vector<std::string> recorded = info.topics();
    for (const QString &topic : m_settings.topics) {
        if (std::find(recorded.begin(), recorded.end(), topic.toStdString()) == recorded.end()) {
            std::string names;
            for (const std::string &t : recorded)
                names += (names.empty() ? "" : ", ") + t;
            error = "topic " + topic.toStdString() + " is not in the recording " + m_path.toStdString()
                    + (names.empty() ? std::string(", which holds no topic") : "; it holds " + names);
            return false;
        }
    }
    for (const RecordedPartition &r : info.partitions) {
        if (!m_settings.topics.isEmpty() && !m_settings.topics.contains(QString::fromStdString(r.topic)))
            continue;
        auto p = std::make_unique<Partition>();
        p->recorded = r;
        const auto start = m_startAt.find({r.topic, r.partition});
        p->planned = start != m_startAt.end() ? start->second : std::max<int64_t>(0, r.firstOffset);
        p->fetchFrom = p->decodedEnd = p->planned;
        p->ahead.rows = Batch::empty(m_output);
        p->fileEnd = r.records == 0 || p->planned > r.lastOffset;
        m_partitions.push_back(std::move(p));
    }
    if (m_settings.paced)
        m_firstPace = info.firstTimestamp.value_or(0);
    m_clock.start();
    return true;
}

bool RecordingSource::fetch(Partition &p, size_t atLeast, std::string &error)
{
    while (!p.fileEnd && p.raw.size() < atLeast) {
        std::vector<RecordedRecord> got;
        const size_t want = std::max(atLeast - p.raw.size(), kFetchRecords);
        if (!m_reader.readPartition(p.recorded.topic, p.recorded.partition, p.fetchFrom, want, got, error))
            return false;
        for (RecordedRecord &r : got) {
            if (r.timestamp)
                p.paceSoFar = std::max(p.paceSoFar, *r.timestamp);
            p.rawPace.push_back(p.paceSoFar);
            p.fetchFrom = r.offset + 1;
            p.raw.push_back(std::move(r));
        }
        if (got.size() < want || p.fetchFrom > p.recorded.lastOffset)
            p.fileEnd = true;
    }
    return true;
}

// Decodes the partition's records before `end` into its read-ahead.
bool RecordingSource::decodeUpTo(Partition &p, int64_t end, std::string &error)
{
    std::vector<RecordedRecord> records;
    std::vector<RecordView> views;
    while (p.decodedEnd < end) {
        if (p.raw.empty() && !fetch(p, kFetchRecords, error))
            return false;
        if (p.raw.empty())
            break;
        records.clear();
        while (!p.raw.empty() && p.raw.front().offset < end && records.size() < kFetchRecords) {
            records.push_back(std::move(p.raw.front()));
            p.raw.pop_front();
            p.rawPace.pop_front();
        }
        if (records.empty())
            break;
        views.resize(records.size());
        for (size_t i = 0; i < records.size(); ++i) {
            const RecordedRecord &r = records[i];
            RecordView &v = views[i];
            v.offset = r.offset;
            v.timestamp = r.timestamp.value_or(-1);
            v.key.reset();
            v.value.reset();
            if (r.key)
                v.key.emplace(*r.key);
            if (r.value)
                v.value.emplace(*r.value);
            v.headers = r.headers.empty() ? nullptr : headersOf;
            v.origin = &r;
        }
        m_records.decode(p.recorded.topic, p.recorded.partition, views.data(), views.size(), p.ahead);
        p.decodedEnd = records.back().offset + 1;
    }
    if (p.raw.empty() && p.fileEnd)
        p.decodedEnd = std::max(p.decodedEnd, end); // nothing more: the range is done
    return true;
}

int64_t RecordingSource::sliceEndTime() const
{
    return *m_firstPace + (m_slice + 1) * m_sliceMs;
}

int64_t RecordingSource::dueMs(int64_t slice) const
{
    return int64_t(std::llround(double((slice + 1 - m_sliceAtOpen) * m_sliceMs) / m_settings.speed));
}

bool RecordingSource::availableEnd(Partition &p, int64_t &end, std::string &error)
{
    const int64_t all = p.recorded.records > 0 ? std::max(p.planned, p.recorded.lastOffset + 1) : p.planned;
    if (!m_settings.paced) {
        end = all;
        return true;
    }
    // The first record read from the file but not decoded whose pace time is past
    // the slice ends what is available. Records decoded and not read yet were
    // decoded for a plan of this slice (or an earlier one): they are available.
    const int64_t limit = sliceEndTime();
    for (size_t i = 0;; ++i) {
        if (i == p.raw.size()) {
            if (p.fileEnd) {
                end = all;
                return true;
            }
            if (!fetch(p, p.raw.size() + kFetchRecords, error))
                return false;
            if (i == p.raw.size()) {
                end = all;
                return true;
            }
        }
        if (p.rawPace[i] >= limit) {
            end = std::max(p.planned, i == 0 ? p.decodedEnd : p.raw[i - 1].offset + 1);
            return true;
        }
    }
}

SourcePlan RecordingSource::plan(int64_t maxRows)
{
    SourcePlan plan;
    std::string error;
    for (;;) {
        plan.ranges.clear();
        if (m_settings.paced && m_clock.elapsed() < dueMs(m_slice)) {
            for (auto &p : m_partitions)
                plan.ranges.push_back({p->recorded.topic, p->recorded.partition, p->planned, p->planned});
            return plan;
        }
        for (auto &p : m_partitions) {
            int64_t end = p->planned;
            if (!availableEnd(*p, end, error)) {
                m_planFailure.error = error;
                plan.ranges.clear();
                return plan;
            }
            plan.ranges.push_back({p->recorded.topic, p->recorded.partition, p->planned, end});
        }
        if (!m_settings.paced || !plan.empty() || exhausted())
            break;
        ++m_slice; // this slice is read: the next one, when it is due
    }
    if (m_settings.paced)
        m_behindMs = std::max<int64_t>(0, m_clock.elapsed() - dueMs(m_slice));
    // As source.kafka plans a backlog.
    limitPlan(plan, maxRows, m_records.eventTimeColumn() >= 0, [&](size_t i, int64_t want, ReadAhead &out) {
        Partition &p = *find(plan.ranges[i]);
        if (!decodeUpTo(p, want, error)) {
            m_planFailure.error = error;
            return false;
        }
        out = m_records.planningView(p.ahead, std::min(p.decodedEnd, plan.ranges[i].end));
        return true;
    });
    return plan;
}

RecordingSource::Partition *RecordingSource::find(const OffsetRange &range)
{
    for (auto &p : m_partitions) {
        if (p->recorded.partition == range.partition && p->recorded.topic == range.topic)
            return p.get();
    }
    return nullptr;
}

SourceBatch RecordingSource::read(const SourcePlan &plan)
{
    SourceBatch out;
    out.rows = Batch::empty(m_output);
    if (!m_planFailure.error.empty()) {
        std::swap(out.error, m_planFailure.error);
        return out;
    }
    std::string error;
    for (const OffsetRange &range : plan.ranges) {
        Partition *p = find(range);
        if (!p) {
            out.error = "the plan names " + range.topic + "/" + std::to_string(range.partition)
                        + ", which the recording source does not read";
            return out;
        }
        if (range.start != p->planned) {
            out.error = range.topic + "/" + std::to_string(range.partition) + ": the plan starts at offset "
                        + std::to_string(range.start) + ", the source is at " + std::to_string(p->planned);
            return out;
        }
        if (range.size() == 0)
            continue;
        if (!decodeUpTo(*p, range.end, error)) {
            out.error = error;
            return out;
        }
        m_records.takeAhead(p->ahead, range.end, out);
        p->planned = range.end;
    }
    m_lastPlan = plan;
    return out;
}

int RecordingSource::msUntilInput() const
{
    if (exhausted())
        return -1;
    if (!m_settings.paced)
        return 0;
    return int(std::clamp<int64_t>(dueMs(m_slice) - m_clock.elapsed(), 0, 1000));
}

bool RecordingSource::exhausted() const
{
    return std::all_of(m_partitions.begin(), m_partitions.end(), [](const auto &p) {
        return p->recorded.records == 0 || p->planned > p->recorded.lastOffset;
    });
}

bool RecordingSource::endAtAvailable(std::string &)
{
    return true; // a recording ends where it ends
}

int64_t RecordingSource::lag() const
{
    int64_t total = 0;
    const int64_t duePace = m_firstPace ? *m_firstPace + m_sliceAtOpen * m_sliceMs
                                              + int64_t(double(m_clock.elapsed()) * m_settings.speed)
                                        : INT64_MAX;
    for (const auto &p : m_partitions) {
        if (p->recorded.records == 0 || p->planned > p->recorded.lastOffset)
            continue;
        if (!m_settings.paced) {
            total += p->recorded.lastOffset + 1 - p->planned;
            continue;
        }
        // Due but not read: what was read from the file and is due by now (the
        // file is read ahead only as far as planning needs, so this may be less).
        total += int64_t(p->ahead.rows.rows);
        for (size_t i = 0; i < p->raw.size() && p->rawPace[i] <= duePace; ++i)
            ++total;
    }
    return total;
}

void RecordingSource::describe(SourceProgress &out) const
{
    out.description = QStringLiteral("Recording[%1]").arg(m_path);
    for (const auto &p : m_partitions) {
        PartitionProgress &partition = out.partition(QString::fromStdString(p->recorded.topic), p->recorded.partition);
        const int64_t latest = p->recorded.records > 0 ? p->recorded.lastOffset + 1 : p->planned;
        partition.latestOffset = latest;
        partition.nextOffset = p->planned;
        partition.lag = std::max<int64_t>(0, latest - p->planned);
    }
    for (const OffsetRange &r : m_lastPlan.ranges) {
        PartitionProgress &partition = out.partition(QString::fromStdString(r.topic), r.partition);
        partition.startOffset = r.start;
        partition.endOffset = r.end;
    }
    out.extra = {{QStringLiteral("records"), double(m_reader.info().records)}};
    if (m_settings.paced) {
        out.extra.insert(QStringLiteral("speed"), m_settings.speed);
        out.extra.insert(QStringLiteral("slice"), double(m_slice));
        // How late the current slice's batches run after it was due: grows while
        // the pipeline cannot keep up with the pace.
        out.extra.insert(QStringLiteral("behindMs"), double(m_behindMs));
    }
}

std::vector<OffsetRange> RecordingSource::positions() const
{
    std::vector<OffsetRange> out;
    for (const auto &p : m_partitions)
        out.push_back({p->recorded.topic, p->recorded.partition, p->planned, p->planned});
    return out;
}

void RecordingSource::startAt(const std::vector<OffsetRange> &positions)
{
    for (const OffsetRange &p : positions)
        m_startAt[{p.topic, p.partition}] = p.start;
}

bool RecordingSource::rewind(const std::vector<OffsetRange> &positions, const std::string &state, std::string &error)
{
    if (!restoreCheckpointState(state, error))
        return false;
    for (auto &p : m_partitions) {
        int64_t at = p->recorded.records > 0 ? p->recorded.firstOffset : 0;
        for (const OffsetRange &r : positions) {
            if (r.topic == p->recorded.topic && r.partition == p->recorded.partition)
                at = r.start;
        }
        p->planned = p->fetchFrom = p->decodedEnd = at;
        p->raw.clear();
        p->rawPace.clear();
        p->ahead = {};
        p->ahead.rows = Batch::empty(m_output);
        p->fileEnd = p->recorded.records == 0 || at > p->recorded.lastOffset;
        // The pace time carries on from the records before `at`, as it did.
        p->paceSoFar = INT64_MIN;
        if (m_settings.paced && at > std::max<int64_t>(0, p->recorded.firstOffset)) {
            std::vector<RecordedRecord> before;
            int64_t from = p->recorded.firstOffset;
            while (from < at) {
                before.clear();
                if (!m_reader.readPartition(p->recorded.topic, p->recorded.partition, from, kFetchRecords, before, error))
                    return false;
                if (before.empty())
                    break;
                for (const RecordedRecord &r : before) {
                    if (r.offset >= at)
                        break;
                    if (r.timestamp)
                        p->paceSoFar = std::max(p->paceSoFar, *r.timestamp);
                }
                from = before.back().offset + 1;
            }
        }
    }
    m_planFailure = {};
    m_lastPlan = {};
    m_clock.restart();
    return true;
}

std::string RecordingSource::checkpointState() const
{
    return m_settings.paced ? std::to_string(m_slice) : std::string();
}

bool RecordingSource::restoreCheckpointState(const std::string &state, std::string &error)
{
    if (!m_settings.paced || state.empty())
        return true;
    bool ok = false;
    const qint64 slice = QByteArray::fromStdString(state).toLongLong(&ok);
    if (!ok || slice < 0) {
        error = "recording source: the checkpoint's slice is not a number: '" + state + "'";
        return false;
    }
    m_slice = m_sliceAtOpen = slice;
    return true;
}

} // namespace sw::runtime
