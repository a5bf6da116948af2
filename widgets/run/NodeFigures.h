// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "progress/BatchProgress.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

namespace sw::widgets {

// What the canvas shows on a node while a run is followed.
struct NodeFigures
{
    double busyShare = -1; // share of batch time spent in the node, 0..1; -1: unknown
    QStringList lines;     // "lag 1,204 (WARN)", "state 5,310 rows", "late 8", ...
    bool alarming = false; // a figure wants attention (lag not OK, dead letters)

    friend bool operator==(const NodeFigures &, const NodeFigures &) = default;
};

// From the latest progress record, the records since the last poll (for busy
// shares) and the runtime's consumer-lag statuses (GET /api/alerts "lagStatus");
// `unreachableSource`: a source the runtime says cannot reach its cluster now.
// `sinkDestinations`: where each sink writes, as sinkDestination() says it;
// `idleSeconds`: sources that have read nothing for a while, and for how long.
QHash<QString, NodeFigures> nodeFigures(const runtime::BatchProgress &latest, const std::vector<runtime::BatchProgress> &recent,
                                        const QJsonObject &lagStatus, const QString &unreachableSource = {},
                                        const QHash<QString, QString> &sinkDestinations = {},
                                        const QHash<QString, int> &idleSeconds = {});

// Where a sink node writes, for its figures ("trending.db, table trending",
// "topic alerts"); empty for other nodes.
QString sinkDestination(const QString &type, const QJsonObject &config);

} // namespace sw::widgets
