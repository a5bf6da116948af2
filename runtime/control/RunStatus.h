// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>

namespace sw::runtime {

// What GET /api/status (and every control request) answers: the run's state,
// where it is, and the bootstrap addresses its connections resolved to (embedded
// brokers get theirs at start). One JSON mapping, for the server and its clients.
struct RunStatus
{
    // Degraded: running, but a source cannot reach its cluster (`problem`, since `problemSinceMs`).
    enum class State { Running, Paused, Stopping, Finished, Failed, Degraded };

    QString pipeline;
    QHash<QString, QString> connections; // connection name -> bootstrap servers
    State state = State::Running;
    int64_t batchId = -1;
    int64_t watermark = 0; // BatchProgress::kWatermarkEnd at the end of bounded input
    QString error;
    QString problem;          // degraded: why
    QString problemNode;      // degraded: the source that cannot reach its cluster
    int64_t problemSinceMs = 0;

    static QString stateName(State state);
    QJsonObject toJson() const;
    static std::optional<RunStatus> fromJson(const QJsonObject &json, QString *error = nullptr);
};

} // namespace sw::runtime
