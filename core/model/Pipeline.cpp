// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/Pipeline.h"

#include <QDir>
#include <QFileInfo>

namespace sw::core {

int Pipeline::nodeIndex(const QString &id) const
{
    for (size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].id == id)
            return int(i);
    }
    return -1;
}

const Node *Pipeline::node(const QString &id) const
{
    const int i = nodeIndex(id);
    return i < 0 ? nullptr : &nodes[size_t(i)];
}

Node *Pipeline::node(const QString &id)
{
    const int i = nodeIndex(id);
    return i < 0 ? nullptr : &nodes[size_t(i)];
}

int Pipeline::edgeIndex(const Edge &edge) const
{
    for (size_t i = 0; i < edges.size(); ++i) {
        if (edges[i].sameEnds(edge))
            return int(i);
    }
    return -1;
}

QString Pipeline::resolvePath(const QString &path) const
{
    if (path.isEmpty() || QDir::isAbsolutePath(path) || filePath.isEmpty())
        return path;
    return QDir::cleanPath(QFileInfo(filePath).absoluteDir().filePath(path));
}

} // namespace sw::core
