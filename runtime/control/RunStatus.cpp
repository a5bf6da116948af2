// SPDX-License-Identifier: GPL-3.0-or-later
#include "control/RunStatus.h"

#include "expr/Casts.h"
#include "model/Timestamps.h"

#include "progress/BatchProgress.h"

namespace sw::runtime {

QString RunStatus::stateName(State state)
{
    switch (state) {
    case State::Running: return QStringLiteral("running");
    case State::Paused: return QStringLiteral("paused");
    case State::Stopping: return QStringLiteral("stopping");
    case State::Finished: return QStringLiteral("finished");
    case State::Failed: return QStringLiteral("failed");
    case State::Degraded: return QStringLiteral("degraded");
    }
    return {};
}

QJsonObject RunStatus::toJson() const
{
    QJsonObject byName;
    for (auto it = connections.begin(); it != connections.end(); ++it)
        byName.insert(it.key(), it.value());
    return {{QStringLiteral("pipeline"), pipeline},
            {QStringLiteral("connections"), byName},
            {QStringLiteral("state"), stateName(state)},
            {QStringLiteral("batchId"), double(batchId)},
            {QStringLiteral("watermark"), watermark == BatchProgress::kWatermarkEnd ? QJsonValue(QStringLiteral("end"))
                                                                                   : QJsonValue(double(watermark))},
            {QStringLiteral("error"), error},
            {QStringLiteral("problem"), problem.isEmpty() ? QJsonValue() : QJsonValue(problem)},
            {QStringLiteral("problemNode"), problemNode.isEmpty() ? QJsonValue() : QJsonValue(problemNode)},
            {QStringLiteral("problemSince"),
             problem.isEmpty() ? QJsonValue() : QJsonValue(core::Timestamps::toIso(problemSinceMs))}};
}

std::optional<RunStatus> RunStatus::fromJson(const QJsonObject &json, QString *error)
{
    RunStatus s;
    const QString state = json.value(QStringLiteral("state")).toString();
    bool known = false;
    for (State candidate : {State::Running, State::Paused, State::Stopping, State::Finished, State::Failed, State::Degraded}) {
        if (state == stateName(candidate)) {
            s.state = candidate;
            known = true;
        }
    }
    if (!known) {
        if (error)
            *error = QStringLiteral("not a run status: state \"%1\" is none of running, paused, stopping, finished, "
                                    "failed, degraded")
                         .arg(state);
        return std::nullopt;
    }
    s.pipeline = json.value(QStringLiteral("pipeline")).toString();
    const QJsonObject connections = json.value(QStringLiteral("connections")).toObject();
    for (auto it = connections.begin(); it != connections.end(); ++it)
        s.connections.insert(it.key(), it.value().toString());
    s.batchId = core::expr::Casts::toInt64(json.value(QStringLiteral("batchId")).toDouble(-1));
    const QJsonValue watermark = json.value(QStringLiteral("watermark"));
    s.watermark = watermark.toString() == u"end" ? BatchProgress::kWatermarkEnd : core::expr::Casts::toInt64(watermark.toDouble());
    s.error = json.value(QStringLiteral("error")).toString();
    s.problem = json.value(QStringLiteral("problem")).toString();
    s.problemNode = json.value(QStringLiteral("problemNode")).toString();
    s.problemSinceMs = core::Timestamps::parseIso(json.value(QStringLiteral("problemSince")).toString()).value_or(0);
    return s;
}

} // namespace sw::runtime
