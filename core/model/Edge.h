// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace sw::core {

// A connection from an output port of one node to an input port of another.
// An edge is its own id (like QtNodes' ConnectionId): the four names identify it.
// Empty port names mean the node's default port ("out" / "in"); the file stores the
// input port as "port" and a non-default output port as "fromPort".
struct Edge
{
    QString from;
    QString fromPort;
    QString to;
    QString toPort;
    QJsonObject extra = {};

    bool sameEnds(const Edge &other) const
    {
        return from == other.from && fromPort == other.fromPort && to == other.to
            && toPort == other.toPort;
    }
    friend bool operator==(const Edge &, const Edge &) = default;
};

} // namespace sw::core
