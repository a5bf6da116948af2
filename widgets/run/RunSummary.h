// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "progress/BatchProgress.h"

#include <QMap>
#include <QWidget>

class QLabel;

namespace sw::widgets {

// The latest progress record of a run, as figures a person reads at a glance
// (the monitor dock's first page; its charts come with the monitor).
class RunSummary : public QWidget
{
    Q_OBJECT
public:
    explicit RunSummary(QWidget *parent = nullptr);
    void setState(const QString &state);
    // The latest record, with the rates over the last poll (the record's own are
    // for one batch, often an empty one). Batch duration and latency are those of
    // the last batch that read rows, from `recent` (the records since the last
    // poll) or an earlier poll of the same run: between data batches the executor
    // runs empty ones of a fraction of a millisecond, and those figures said nothing.
    void showProgress(const runtime::BatchProgress &progress, const std::vector<runtime::BatchProgress> &recent,
                      double inputRowsPerSecond, double processedRowsPerSecond);
    void clearRun(); // a new run starts, or another is attached
    // What the runtime said of its checkpoint at start ("checkpoint: ... resuming
    // after batch 41 ..."), shown with the checkpoint's state.
    void setCheckpointReport(const QString &report);
    QString figure(const QString &key) const; // the shown text, for tests

private:
    QLabel *m_state = nullptr;
    QMap<QString, QLabel *> m_figures;
    std::optional<runtime::BatchProgress> m_lastDataBatch;
    QString m_checkpointReport;
};

} // namespace sw::widgets
