// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/NodeType.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace sw::core {

// Every node type the product runs, and the settings of the pipeline-level
// sections (connections, runtime, alerts). One instance, built once, immutable:
// safe to read from any thread.
class NodeCatalog
{
public:
    static const NodeCatalog &instance();

    const std::vector<NodeType> &types() const { return m_types; }
    const NodeType *find(const QString &typeId) const;
    QStringList typeIds() const;

    const SettingSpec &connectionSpec() const { return m_connection; }
    const SettingSpec &runtimeSpec() const { return m_runtime; }
    const SettingSpec &alertSpec() const { return m_alert; }
    static QStringList metricNames();

    // A node's setting, or its default when the file leaves it out.
    static QJsonValue settingValue(const NodeType &type, const QJsonObject &config, const QString &key);
    // A new node's config: the required settings that have a default.
    static QJsonObject initialConfig(const NodeType &type);

private:
    NodeCatalog();
    std::vector<NodeType> m_types;
    QHash<QString, int> m_byId; // validation looks types up per node and edge end
    SettingSpec m_connection;
    SettingSpec m_runtime;
    SettingSpec m_alert;
};

} // namespace sw::core
