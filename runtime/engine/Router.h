// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/RuntimeNode.h"

#include <QHash>
#include <QJsonObject>
#include <QMutex>

#include <string>
#include <vector>

namespace sw::runtime {

// Carries what a node emits on an output port to the inputs it feeds (the last
// one gets the batch moved, the others a copy sharing its arenas), counts rows
// in and out of nodes and ports, and keeps a sample of what each edge carried
// (up to 20 rows, the app's and debugger's view of the data). route() runs on
// the executor thread; edgeSamples() on any thread.
class Router
{
public:
    explicit Router(std::vector<RuntimeNode> &nodes) : m_nodes(nodes) {}
    void route(int nodeIndex, int outputPort, Batch &&batch);
    // For every node output "node.port" that carried rows, the last rows as JSON.
    QJsonObject edgeSamples() const;

    static constexpr size_t kSampleRows = 20;

private:
    std::vector<RuntimeNode> &m_nodes;
    mutable QMutex m_mutex;
    QHash<QString, std::vector<std::string>> m_samples; // edge -> rows as JSON text
};

} // namespace sw::runtime
