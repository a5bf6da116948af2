// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/Edge.h"
#include "model/Node.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <vector>

namespace sw::core {

inline constexpr auto kPipelineFormat = "streamwright.pipeline/1";
inline constexpr int kPipelineFormatVersion = 1;

// The whole pipeline file as plain values. Sections whose settings are described by
// the catalog (connections, runtime, alerts) are kept as JSON so that a file
// round-trips byte for byte and unknown settings survive an edit.
struct Pipeline
{
    QString name;
    QMap<QString, QJsonObject> connections; // by connection name
    std::vector<Node> nodes;
    std::vector<Edge> edges;
    QJsonObject runtime;
    QJsonArray alerts;
    QJsonObject extra; // unknown top-level keys

    // Where the file was loaded from or saved to; not part of the file.
    // Relative paths in settings resolve against its folder.
    QString filePath;

    int nodeIndex(const QString &id) const;
    const Node *node(const QString &id) const;
    Node *node(const QString &id);
    int edgeIndex(const Edge &edge) const;

    // A path setting as the runtime should open it: absolute paths and paths
    // without a pipeline file stay as they are; others are taken relative to the
    // folder of `filePath`.
    QString resolvePath(const QString &path) const;

    friend bool operator==(const Pipeline &a, const Pipeline &b)
    {
        return a.name == b.name && a.connections == b.connections && a.nodes == b.nodes
            && a.edges == b.edges && a.runtime == b.runtime && a.alerts == b.alerts
            && a.extra == b.extra;
    }
};

} // namespace sw::core
