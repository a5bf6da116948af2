// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QPointF>
#include <QString>

namespace sw::core {

// One operator of a pipeline, as saved in the file. `config` holds the node's settings
// exactly as written (settings the catalog does not know are kept, never dropped);
// `extra` holds unknown keys at the node level for the same reason.
struct Node
{
    QString id;
    QString type;
    QPointF position;
    QJsonObject config;
    QJsonObject extra;

    friend bool operator==(const Node &, const Node &) = default;
};

} // namespace sw::core
