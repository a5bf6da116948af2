// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSet>
#include <QString>

namespace sw::runtime {

// When the run ends (Spark's triggers). Continuous: when stopped, at the end of
// bounded input, or after --until-idle. AvailableNow: at what every source had when
// the run started, after the due no-data batches (--available-now). Once: after one
// batch that reads all of it, however many rows (--once).
enum class Trigger { Continuous, AvailableNow, Once };

struct RunOptions
{
    Trigger trigger = Trigger::Continuous;
    QHash<QString, QString> connectionBootstraps; // --connection NAME=BOOTSTRAP
    double untilIdleSeconds = -1;                 // < 0: run until stopped
    double failAfterSeconds = -1;                 // --fail-after: fail when a source is unreachable this long (< 0: never)
    QString metricsPath;                          // JSON Lines, one object per batch
    bool noCheckpoint = false;                    // --no-checkpoint: run without the pipeline's checkpoint
    // Connections whose brokers live only as long as this run (--demo-data's):
    // a checkpoint of what they held would mean nothing to the next run.
    QSet<QString> ephemeralConnections;
    // The debugger (--debug): every batch's state, plans and rows are kept so
    // that the run can go back to any batch and forward again (sources that can
    // go back only: recordings); no checkpoint; the run stays at the end of its
    // input instead of ending.
    bool debug = false;
    int debugFrames = 1000; // batches kept to go back to (the oldest are let go)
};

} // namespace sw::runtime
