// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/NodeCatalog.h"
#include "model/Pipeline.h"
#include "validation/Diagnostic.h"

#include <QString>

namespace sw::core {

// What the validation passes share: the pipeline, the catalog and the list they
// add diagnostics to. Pointers are JSON pointers into the saved file.
struct ValidationContext
{
    const Pipeline &pipeline;
    const NodeCatalog &catalog;
    Diagnostics &diagnostics;

    void error(const QString &pointer, const QString &message, const QString &nodeId = {})
    {
        diagnostics.push_back(Diagnostic::error(pointer, message, nodeId));
    }
    void warning(const QString &pointer, const QString &message, const QString &nodeId = {})
    {
        diagnostics.push_back(Diagnostic::warning(pointer, message, nodeId));
    }

    // One reference token of a JSON pointer: "~" and "/" escaped (RFC 6901).
    static QString token(const QString &key)
    {
        if (!key.contains(u'~') && !key.contains(u'/'))
            return key;
        return QString(key).replace(u'~', QStringLiteral("~0")).replace(u'/', QStringLiteral("~1"));
    }
    static QString nodePointer(int index) { return QStringLiteral("/nodes/%1").arg(index); }
    static QString configPointer(int index, const QString &path = {})
    {
        return nodePointer(index) + QStringLiteral("/config") + (path.isEmpty() ? QString() : u'/' + path);
    }
};

} // namespace sw::core
