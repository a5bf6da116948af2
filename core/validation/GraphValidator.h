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
    std::vector<int> orderIndex; // the same nodes, by index
    // By node index, as the graph is walked per node and edge (by index, not by id:
    // hashing ids made a 100,000-node file slow to validate):
    std::vector<char> usable; // known type, valid id, the first node of its id
    std::vector<const NodeType *> types; // the catalog's type (null: unknown)
    // The valid edges into each usable node, per input port of its type (in the
    // catalog's order of the type's inputs).
    std::vector<std::vector<std::vector<int>>> inputs;
    // By edge index: the index of the node it comes from (-1: no such node).
    std::vector<int> edgeFrom;
    // Node id -> index in the pipeline's nodes (the first, for a duplicated id).
    QHash<QString, int> nodeIndex;

    // Whether `id` names a usable node.
    bool isUsable(const QString &id) const
    {
        const auto it = nodeIndex.constFind(id);
        return it != nodeIndex.constEnd() && usable[size_t(*it)];
    }
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
