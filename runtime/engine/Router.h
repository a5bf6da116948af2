// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/RuntimeNode.h"

#include <QHash>
#include <QJsonObject>
#include <QMutex>

#include <map>

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

    // The debugger's record of a batch: every edge's rows (up to `limit` each, as
    // JSON), from beginBatch() to takeBatch(). 0: off.
    struct EdgeRows
    {
        int64_t rows = 0;              // carried in the batch
        std::vector<std::string> kept; // the first `limit`, as JSON objects
        QStringList columns;           // in the schema's order (JSON objects have none)
    };
    void captureBatches(size_t limit) { m_captureLimit = limit; }
    void beginBatch() { m_captured.clear(); }
    std::map<QString, EdgeRows> takeBatch() { return std::move(m_captured); }
    // The samples edgeSamples() serves, as a batch the debugger went back to had them.
    void setSamples(const std::map<QString, EdgeRows> &edges);

private:
    std::vector<RuntimeNode> &m_nodes;
    size_t m_captureLimit = 0;
    std::map<QString, EdgeRows> m_captured; // executor thread only
    mutable QMutex m_mutex;
    QHash<QString, std::vector<std::string>> m_samples; // edge -> rows as JSON text
};

} // namespace sw::runtime
