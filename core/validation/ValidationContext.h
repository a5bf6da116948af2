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

// A JSON pointer written out only when a message needs it: validation walks
// every setting of every node of a pipeline that may have 100,000, and nearly
// all are fine. Each part refers to its parent and key, which must outlive it.
class LazyPointer
{
public:
    explicit LazyPointer(const QString &pointer) : m_text(&pointer) {}
    static LazyPointer nodeConfig(int nodeIndex)
    {
        LazyPointer p;
        p.m_nodeIndex = nodeIndex;
        return p;
    }
    LazyPointer(const LazyPointer &parent, const QString &key) : m_parent(&parent), m_key(&key) {}
    LazyPointer(const LazyPointer &parent, qsizetype index) : m_parent(&parent), m_index(index) {}

    QString str() const
    {
        if (m_parent)
            return m_parent->str() + u'/' + (m_key ? ValidationContext::token(*m_key) : QString::number(m_index));
        if (m_text)
            return *m_text;
        return ValidationContext::configPointer(m_nodeIndex);
    }

private:
    LazyPointer() = default;
    const LazyPointer *m_parent = nullptr;
    const QString *m_key = nullptr;
    qsizetype m_index = 0;
    const QString *m_text = nullptr;
    int m_nodeIndex = 0;
};

} // namespace sw::core
