// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "monitor/ProgressHistory.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

struct sqlite3;

namespace sw::widgets {

// The history of a pipeline's runs in SQLite, next to the pipeline file
// (`<name>.history.sqlite`), so a finished or crashed run can be looked at, and
// exported, afterwards. Stores the per-second points the charts draw (about 2 MB
// per hour of running), not every batch.
class RunHistoryStore
{
public:
    struct Run
    {
        qint64 id = 0;
        QString pipeline;
        QDateTime started;
        QDateTime ended; // invalid while running (or if the app went down)
        QString outcome; // finished, stopped, failed, crashed, ...
    };

    ~RunHistoryStore();
    // Opens (creating) the database; returns an error message on failure.
    std::optional<QString> open(const QString &path);
    bool isOpen() const { return m_db != nullptr; }
    QString path() const { return m_path; }
    // The history file of a pipeline file (or of an unsaved pipeline, in `fallbackDir`).
    static QString pathFor(const QString &pipelineFile, const QString &pipelineName, const QString &fallbackDir);

    qint64 beginRun(const QString &pipeline, const QDateTime &started);
    void endRun(qint64 run, const QDateTime &ended, const QString &outcome);
    // Stores the complete seconds of `history` not stored yet (all, with `final`).
    void store(qint64 run, const ProgressHistory &history, bool final = false);
    std::vector<Run> runs() const;
    ProgressHistory load(qint64 run) const;

private:
    bool exec(const char *sql) const;

    sqlite3 *m_db = nullptr;
    QString m_path;
    qint64 m_storedUntil = 0; // of the run being stored
    qint64 m_storingRun = 0;
};

} // namespace sw::widgets
