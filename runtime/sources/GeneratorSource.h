// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Source.h"
#include "settings/NodeSettings.h"
#include "sources/DemoEvents.h"

#include <QElapsedTimer>

#include <memory>

namespace sw::runtime {

// source.generator: the demo events, paced at `rate` events per second of wall
// clock (0: as fast as the pipeline takes them), stopping after `count` (0: never).
// Planned like a one-partition topic whose offsets count the events made.
class GeneratorSource : public Source
{
public:
    explicit GeneratorSource(const core::GeneratorSettings &settings);
    using Source::open;
    bool open(const SourceContext &context, std::string &error) override;
    SourcePlan plan(int64_t maxRows) override;
    SourceBatch read(const SourcePlan &plan) override;
    int msUntilInput() const override;
    bool exhausted() const override;
    bool endAtAvailable(std::string &error) override;
    void describe(SourceProgress &out) const override;
    // A checkpoint's position is the number of events made; restarting there makes
    // the same events again from the start (they are cheap), with the first run's
    // clock, so that their event times are the same too.
    std::vector<OffsetRange> positions() const override;
    void startAt(const std::vector<OffsetRange> &positions) override;
    std::string checkpointState() const override;
    bool restoreCheckpointState(const std::string &state, std::string &error) override;

private:
    core::GeneratorSettings m_settings;
    std::unique_ptr<DemoEvents> m_events;
    std::string m_stream;
    double m_rate = 0;
    uint64_t m_count = 0;
    QElapsedTimer m_clock;
    int64_t m_wallStart = 0;
    std::optional<int64_t> m_restoredWallStart;
    uint64_t m_startAt = 0;  // events made before this run (a checkpoint's position)
    std::optional<uint64_t> m_endAt; // endAtAvailable(): no events from here on
    SourcePlan m_lastPlan;
};

} // namespace sw::runtime
