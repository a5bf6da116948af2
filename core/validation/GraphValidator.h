// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "validation/ValidationContext.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <vector>

namespace sw::core {

// The shape of the graph once its edges are checked.
struct GraphInfo
{
    QStringList order; // node ids in topological order (nodes on cycles left out)
    // Valid edges into each node: node id -> (input port -> edge indices).
    QHash<QString, QHash<QString, std::vector<int>>> inputs;
    QSet<QString> usableNodes; // known type, unique valid id
    // Node id -> index in the pipeline's nodes (the first, for a duplicated id):
    // looked up once per edge and node, where a scan of the nodes made validating
    // a long pipeline quadratic.
    QHash<QString, int> nodeIndex;
};

// Node ids and types, edges, ports and cycles.
class GraphValidator
{
public:
    explicit GraphValidator(ValidationContext &context) : m_context(context) {}
    GraphInfo validate();

private:
    void checkNodes(GraphInfo &info);
    void checkEdges(GraphInfo &info);
    void checkConnectivity(const GraphInfo &info);
    void orderAndFindCycles(GraphInfo &info);

    ValidationContext &m_context;
    // "node/port" of inputs whose edges come from nodes with errors: not reported
    // again as unconnected.
    QSet<QString> m_inputsFedByBrokenNodes;
};

} // namespace sw::core
