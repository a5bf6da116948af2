// SPDX-License-Identifier: GPL-3.0-or-later
#include "validation/GraphValidator.h"

#include "model/Suggest.h"

#include <QCoreApplication>

#include <algorithm>
#include <span>
#include <tuple>

namespace sw::core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("sw::core::GraphValidator", text);
}

QString portList(const std::vector<PortSpec> &ports)
{
    QStringList names;
    for (const auto &p : ports)
        names << p.name;
    return names.join(QStringLiteral(", "));
}
} // namespace

GraphInfo GraphValidator::validate()
{
    GraphInfo info;
    checkNodes(info);
    checkEdges(info);
    checkConnectivity(info);
    orderAndFindCycles(info);
    return info;
}

namespace {
// Letters, digits, '_' and '-' (what ^[A-Za-z0-9_-]+$ says, without a regex per node).
bool isValidId(const QString &id)
{
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_' || u == u'-'))
            return false;
    }
    return !id.isEmpty();
}
} // namespace

void GraphValidator::checkNodes(GraphInfo &info)
{
    const auto &nodes = m_context.pipeline.nodes;
    info.usable.assign(nodes.size(), 0);
    info.types.assign(nodes.size(), nullptr);
    info.inputs.resize(nodes.size());
    info.nodeIndex.reserve(qsizetype(nodes.size()));
    for (int i = 0; i < int(nodes.size()); ++i) {
        const Node &node = nodes[size_t(i)];
        const auto first = info.nodeIndex.constFind(node.id);
        const bool duplicate = first != info.nodeIndex.constEnd();
        if (!duplicate)
            info.nodeIndex.insert(node.id, i);
        const auto p = [i] { return ValidationContext::nodePointer(i); }; // only for a message
        bool usable = true;
        if (node.id.isEmpty()) {
            m_context.error(p() + QStringLiteral("/id"), tr("the node id is empty"));
            usable = false;
        } else if (!isValidId(node.id)) {
            m_context.error(p() + QStringLiteral("/id"),
                            tr("node id \"%1\" may only contain letters, digits, '_' and '-'").arg(node.id), node.id);
            usable = false;
        } else if (duplicate) {
            m_context.error(p() + QStringLiteral("/id"), tr("duplicate node id \"%1\" (also used by /nodes/%2)")
                                                            .arg(node.id)
                                                            .arg(*first),
                            node.id);
            usable = false;
        }
        const NodeType *type = m_context.catalog.find(node.type);
        info.types[size_t(i)] = type;
        if (!type) {
            m_context.error(p() + QStringLiteral("/type"),
                            tr("unknown node type \"%1\"%2").arg(node.type, didYouMean(node.type, m_context.catalog.typeIds())),
                            node.id);
            usable = false;
        }
        if (usable) {
            info.usable[size_t(i)] = 1;
            info.inputs[size_t(i)].resize(type->inputs.size());
        }
    }
}

void GraphValidator::checkEdges(GraphInfo &info)
{
    const Pipeline &p = m_context.pipeline;
    QStringList ids; // for "did you mean", made when first needed
    info.edgeFrom.assign(p.edges.size(), -1);
    for (int k = 0; k < int(p.edges.size()); ++k) {
        const Edge &edge = p.edges[size_t(k)];
        // The edge's pointer, only made for a message: most edges have none.
        const auto ep = [k] { return QStringLiteral("/edges/%1").arg(k); };
        bool ok = true;
        const auto fromIt = info.nodeIndex.constFind(edge.from), toIt = info.nodeIndex.constFind(edge.to);
        for (const auto &[end, key, found] : {std::tuple{edge.from, QStringLiteral("from"), fromIt != info.nodeIndex.constEnd()},
                                              std::tuple{edge.to, QStringLiteral("to"), toIt != info.nodeIndex.constEnd()}}) {
            if (!found) {
                if (ids.isEmpty()) {
                    for (const auto &n : p.nodes)
                        ids << n.id;
                }
                m_context.error(ep() + u'/' + key, tr("the edge refers to node \"%1\", which does not exist%2")
                                                     .arg(end, didYouMean(end, ids)));
                ok = false;
            }
        }
        if (!ok)
            continue;
        const int from = *fromIt, to = *toIt;
        info.edgeFrom[size_t(k)] = from;
        if (!info.usable[size_t(from)])
            m_inputsFedByBrokenNodes.insert(edge.to + u'/' + edge.toPort);
        if (!info.usable[size_t(from)] || !info.usable[size_t(to)])
            continue;
        const NodeType *fromType = info.types[size_t(from)];
        const NodeType *toType = info.types[size_t(to)];
        if (fromType->isSink()) {
            m_context.error(ep() + QStringLiteral("/from"),
                            tr("\"%1\" is a sink (%2) and has no output").arg(edge.from, fromType->id), edge.from);
            continue;
        }
        if (!edge.fromPort.isEmpty() && !fromType->output(edge.fromPort)) {
            m_context.error(ep() + QStringLiteral("/fromPort"), tr("\"%1\" (%2) has no output \"%3\"; its outputs are %4")
                                                                  .arg(edge.from, fromType->id, edge.fromPort,
                                                                       portList(fromType->outputs)),
                            edge.from);
            continue;
        }
        if (toType->isSource()) {
            m_context.error(ep() + QStringLiteral("/to"),
                            tr("\"%1\" is a source (%2) and takes no input").arg(edge.to, toType->id), edge.to);
            continue;
        }
        QString port = edge.toPort;
        if (port.isEmpty()) {
            port = toType->defaultInput();
            if (port.isEmpty()) {
                m_context.error(ep(), tr("edges into \"%1\" (%2) must name the port: %3")
                                        .arg(edge.to, toType->id, portList(toType->inputs)),
                                edge.to);
                continue;
            }
        } else if (!toType->input(port)) {
            m_context.error(ep() + QStringLiteral("/port"), tr("\"%1\" (%2) has no input port \"%3\"; its ports are %4")
                                                              .arg(edge.to, toType->id, port, portList(toType->inputs)),
                            edge.to);
            continue;
        }
        const auto portIndex = size_t(toType->input(port) - toType->inputs.data());
        auto &edgesIntoPort = info.inputs[size_t(to)][portIndex];
        bool duplicate = false;
        for (int other : edgesIntoPort) {
            const Edge &o = p.edges[size_t(other)];
            if (o.from == edge.from && o.fromPort == edge.fromPort) {
                m_context.error(ep(), tr("the same edge is already at /edges/%1").arg(other), edge.to);
                duplicate = true;
            }
        }
        if (duplicate)
            continue;
        if (!edgesIntoPort.empty() && !toType->input(port)->multiple) {
            m_context.error(ep(), tr("input \"%1\" of \"%2\" already comes from \"%3\" (/edges/%4); to merge streams use a "
                                   "union node")
                                    .arg(port, edge.to, p.edges[size_t(edgesIntoPort.front())].from)
                                    .arg(edgesIntoPort.front()),
                            edge.to);
            continue;
        }
        edgesIntoPort.push_back(k);
    }
}

void GraphValidator::checkConnectivity(const GraphInfo &info)
{
    const Pipeline &p = m_context.pipeline;
    std::vector<char> hasOutput(p.nodes.size(), 0);
    for (size_t k = 0; k < p.edges.size(); ++k) {
        const Edge &e = p.edges[k];
        if (!e.fromPort.isEmpty() && e.fromPort != u"out")
            continue;
        if (info.edgeFrom[k] >= 0) // both ends exist
            hasOutput[size_t(info.edgeFrom[k])] = 1;
        else if (const auto it = info.nodeIndex.constFind(e.from); it != info.nodeIndex.constEnd())
            hasOutput[size_t(*it)] = 1; // an edge to nowhere: reported as such, not as an output going nowhere
    }
    for (int i = 0; i < int(p.nodes.size()); ++i) {
        const Node &node = p.nodes[size_t(i)];
        // A later node with a usable node's id is not that node (found by fuzzing:
        // a duplicate id of an unknown type crashed here).
        if (!info.usable[size_t(i)])
            continue;
        const NodeType *type = info.types[size_t(i)];
        const auto &connected = info.inputs[size_t(i)];
        for (size_t port = 0; port < type->inputs.size(); ++port) {
            const QString &name = type->inputs[port].name;
            if (!connected[port].empty())
                continue;
            if (!m_inputsFedByBrokenNodes.isEmpty()
                && (m_inputsFedByBrokenNodes.contains(node.id + u'/' + name)
                    || (type->inputs.size() == 1 && m_inputsFedByBrokenNodes.contains(node.id + u'/'))))
                continue;
            if (type->inputs.size() > 1)
                m_context.error(ValidationContext::nodePointer(i),
                                tr("\"%1\" (%2) needs an input on port \"%3\"").arg(node.id, type->id, name), node.id);
            else
                m_context.error(ValidationContext::nodePointer(i),
                                tr("\"%1\" (%2) has no input; connect an edge to it").arg(node.id, type->id), node.id);
        }
        if (!type->isSink() && !hasOutput[size_t(i)])
            m_context.warning(ValidationContext::nodePointer(i),
                              tr("the output of \"%1\" goes nowhere; connect it to a sink").arg(node.id), node.id);
    }
}

void GraphValidator::orderAndFindCycles(GraphInfo &info)
{
    const Pipeline &p = m_context.pipeline;
    const int n = int(p.nodes.size());
    // By node index, not id: this runs on every edit, and pipelines may be long.
    const auto count = size_t(n);
    std::vector<int> indegree(count, -1); // -1: not usable
    for (int i = 0; i < n; ++i) {
        if (info.usable[size_t(i)])
            indegree[size_t(i)] = 0;
    }
    // Each node's outgoing valid edges, in file order, as one array (offsets by
    // node): no allocation per node.
    std::vector<int> edgeTo(p.edges.size(), -1);
    std::vector<int> outgoingStart(count + 1, 0);
    for (int to = 0; to < n; ++to) {
        for (const auto &edgeIndices : info.inputs[size_t(to)]) {
            for (int k : edgeIndices) {
                indegree[size_t(to)] += 1;
                edgeTo[size_t(k)] = to;
                outgoingStart[size_t(info.edgeFrom[size_t(k)]) + 1] += 1;
            }
        }
    }
    for (size_t i = 0; i < count; ++i)
        outgoingStart[i + 1] += outgoingStart[i];
    std::vector<int> outgoingEdges(static_cast<size_t>(outgoingStart[count]));
    {
        std::vector<int> filled(outgoingStart.begin(), outgoingStart.end() - 1);
        for (int k = 0; k < int(p.edges.size()); ++k) {
            if (edgeTo[size_t(k)] >= 0)
                outgoingEdges[size_t(filled[size_t(info.edgeFrom[size_t(k)])]++)] = k;
        }
    }
    const auto outgoing = [&](int node) {
        return std::span<const int>(outgoingEdges.data() + outgoingStart[size_t(node)],
                                    size_t(outgoingStart[size_t(node) + 1] - outgoingStart[size_t(node)]));
    };
    // Kahn's algorithm over valid edges, keeping file order among ready nodes so the
    // order is stable.
    std::vector<char> ordered(count, 0);
    std::vector<int> ready;
    for (int i = 0; i < n; ++i) {
        if (indegree[size_t(i)] == 0)
            ready.push_back(i);
    }
    int usable = 0;
    for (int d : indegree)
        usable += d >= 0 ? 1 : 0;
    for (size_t next = 0; next < ready.size(); ++next) {
        const int i = ready[next];
        info.order << p.nodes[size_t(i)].id;
        info.orderIndex.push_back(i);
        ordered[size_t(i)] = 1;
        for (int k : outgoing(i)) {
            if (--indegree[size_t(edgeTo[size_t(k)])] == 0)
                ready.push_back(edgeTo[size_t(k)]);
        }
    }
    if (int(info.order.size()) == usable)
        return;
    // Nodes left over lie on a cycle or downstream of one. Find each cycle by a
    // depth-first search (iterative: a cycle may be as long as the pipeline) for an
    // edge back into the current path, and report it once.
    std::vector<char> done(count, 0), reported(count, 0);
    std::vector<int> pathPosition(count, -1);
    std::vector<int> path;
    struct Frame
    {
        int node;
        size_t nextEdge;
    };
    std::vector<Frame> stack;
    auto describe = [&](const std::vector<int> &cycle) {
        QStringList names;
        const size_t shown = 12;
        for (size_t c = 0; c < cycle.size(); ++c) {
            if (cycle.size() > shown && c == shown / 2) {
                names << tr("… %1 more …").arg(cycle.size() - shown);
                c = cycle.size() - shown / 2;
            }
            names << p.nodes[size_t(cycle[c])].id;
        }
        names << p.nodes[size_t(cycle.front())].id;
        return names.join(QStringLiteral(" → "));
    };
    for (int root = 0; root < n; ++root) {
        if (indegree[size_t(root)] < 0 || ordered[size_t(root)] || done[size_t(root)])
            continue;
        stack.push_back({root, 0});
        pathPosition[size_t(root)] = 0;
        path.push_back(root);
        while (!stack.empty()) {
            Frame &frame = stack.back();
            const auto edges = outgoing(frame.node);
            if (frame.nextEdge == edges.size()) {
                pathPosition[size_t(frame.node)] = -1;
                done[size_t(frame.node)] = 1;
                path.pop_back();
                stack.pop_back();
                continue;
            }
            const int k = edges[frame.nextEdge++];
            const int to = edgeTo[size_t(k)];
            if (ordered[size_t(to)] || done[size_t(to)])
                continue;
            if (pathPosition[size_t(to)] >= 0) {
                const std::vector<int> cycle(path.begin() + pathPosition[size_t(to)], path.end());
                bool known = false;
                for (int c : cycle)
                    known = known || reported[size_t(c)];
                if (!known) {
                    for (int c : cycle)
                        reported[size_t(c)] = 1;
                    m_context.error(QStringLiteral("/edges/%1").arg(k),
                                    tr("this edge closes a cycle: %1; pipelines must flow one way").arg(describe(cycle)),
                                    p.nodes[size_t(to)].id);
                }
                continue;
            }
            pathPosition[size_t(to)] = int(path.size());
            path.push_back(to);
            stack.push_back({to, 0});
        }
    }
}

} // namespace sw::core
