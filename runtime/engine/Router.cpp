// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/Router.h"

#include "batch/RowJson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace sw::runtime {

void Router::route(int nodeIndex, int outputPort, Batch &&batch)
{
    RuntimeNode &from = m_nodes[size_t(nodeIndex)];
    from.rowsOut += int64_t(batch.rows);
    from.portRowsOut[size_t(outputPort)] += int64_t(batch.rows);
    if (batch.rows > 0) { // a sample of what this edge carried, for the debugger and the app
        std::vector<std::string> rows(std::min(batch.rows, kSampleRows));
        const auto keys = RowJson::keys(batch.schema);
        if (m_captureLimit > 0) {
            EdgeRows &edge = m_captured[from.id + u'.' + from.type->outputs[size_t(outputPort)].name];
            edge.rows += int64_t(batch.rows);
            if (edge.columns.isEmpty())
                edge.columns = batch.schema.names();
            for (size_t r = 0; r < batch.rows && edge.kept.size() < m_captureLimit; ++r)
                RowJson::append(edge.kept.emplace_back(), batch, r, keys);
        }
        for (size_t r = 0; r < rows.size(); ++r)
            RowJson::append(rows[r], batch, r, keys);
        QMutexLocker lock(&m_mutex);
        m_samples.insert(from.id + u'.' + from.type->outputs[size_t(outputPort)].name, std::move(rows));
    }
    const auto &targets = from.outputs[size_t(outputPort)];
    for (size_t t = 0; t < targets.size(); ++t) {
        RuntimeNode &to = m_nodes[size_t(targets[t].first)];
        to.rowsIn += int64_t(batch.rows);
        if (t + 1 == targets.size())
            to.inbox[size_t(targets[t].second)].push_back(std::move(batch));
        else
            to.inbox[size_t(targets[t].second)].push_back(batch);
    }
}

void Router::setSamples(const std::map<QString, EdgeRows> &edges)
{
    QMutexLocker lock(&m_mutex);
    m_samples.clear();
    for (const auto &[edge, rows] : edges)
        m_samples.insert(edge, std::vector<std::string>(rows.kept.begin(),
                                                        rows.kept.begin() + long(std::min(rows.kept.size(), kSampleRows))));
}

QJsonObject Router::edgeSamples() const
{
    // Parsed here, on the asking thread, not on the executor's hot path.
    QHash<QString, std::vector<std::string>> samples;
    {
        QMutexLocker lock(&m_mutex);
        samples = m_samples;
    }
    QJsonObject edges;
    for (auto it = samples.constBegin(); it != samples.constEnd(); ++it) {
        QJsonArray rows;
        for (const std::string &row : it.value())
            rows.append(QJsonDocument::fromJson(QByteArray::fromStdString(row)).object());
        edges.insert(it.key(), rows);
    }
    return edges;
}

} // namespace sw::runtime
