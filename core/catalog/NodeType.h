// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/SettingSpec.h"

#include <QString>

#include <vector>

namespace sw::core {

enum class NodeCategory { Source, Transform, Window, Join, Sink };

struct PortSpec
{
    QString name;
    QString help;
    bool multiple = false; // accepts more than one edge (union)
};

// The description of one node type, keyed by the type id saved in the file.
// Runtime registers an operator for the id; widgets may register an editor.
struct NodeType
{
    QString id;
    NodeCategory category = NodeCategory::Transform;
    QString displayName;
    QString help;
    std::vector<PortSpec> inputs;
    std::vector<PortSpec> outputs;
    std::vector<SettingSpec> settings;
    bool needsEventTime = false; // windows, stream joins, dedupe
    bool stateful = false;       // keeps state across batches without needing event time (aggregate)

    const SettingSpec *setting(const QString &key) const
    {
        for (const auto &s : settings) {
            if (s.key == key)
                return &s;
        }
        return nullptr;
    }
    const PortSpec *input(const QString &name) const;
    const PortSpec *output(const QString &name) const;
    QString defaultInput() const { return inputs.size() == 1 ? inputs.front().name : QString(); }
    QString defaultOutput() const { return outputs.empty() ? QString() : outputs.front().name; }
    bool keepsState() const { return needsEventTime || stateful; }
    bool isSource() const { return inputs.empty(); }
    bool isSink() const { return outputs.empty(); }
};

QString categoryName(NodeCategory category);

} // namespace sw::core
