// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/PipelineDocument.h"

#include "document/DocumentCommands.h"
#include "format/PipelineFormat.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace sw::core {

PipelineDocument::PipelineDocument(QObject *parent) : QObject(parent)
{
    m_pipeline.name = QStringLiteral("untitled");
    connect(&m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
}

PipelineDocument::~PipelineDocument()
{
    // Commands refer to this document: drop them before the members go.
    m_undoStack.clear();
}

void PipelineDocument::reset(const Pipeline &pipeline)
{
    m_undoStack.clear();
    const QString oldPath = m_pipeline.filePath;
    m_pipeline = pipeline;
    emit pipelineReset();
    emit pipelineChanged();
    if (oldPath != m_pipeline.filePath)
        emit filePathChanged(m_pipeline.filePath);
}

bool PipelineDocument::load(const QString &filePath, Diagnostics *diagnostics)
{
    auto result = PipelineFormat::loadFile(filePath);
    if (diagnostics)
        *diagnostics = result.diagnostics;
    if (!result.pipeline)
        return false;
    reset(*result.pipeline);
    return true;
}

std::optional<QString> PipelineDocument::save(const QString &filePath)
{
    const QString path = filePath.isEmpty() ? m_pipeline.filePath : filePath;
    if (auto error = PipelineFormat::saveFile(m_pipeline, path))
        return error;
    if (path != m_pipeline.filePath) {
        m_pipeline.filePath = path;
        emit filePathChanged(path);
    }
    m_undoStack.setClean();
    return std::nullopt;
}

void PipelineDocument::addNode(const Node &node)
{
    if (node.id.isEmpty() || m_pipeline.node(node.id))
        return;
    m_undoStack.push(new AddNodeCommand(*this, node));
}

void PipelineDocument::removeNodes(const QStringList &ids)
{
    QStringList existing;
    for (const auto &id : ids) {
        if (m_pipeline.node(id) && !existing.contains(id))
            existing << id;
    }
    if (existing.isEmpty())
        return;
    m_undoStack.beginMacro(existing.size() == 1 ? tr("Delete %1").arg(existing.front())
                                                : tr("Delete %n node(s)", nullptr, int(existing.size())));
    const std::vector<Edge> edges = m_pipeline.edges;
    for (auto it = edges.rbegin(); it != edges.rend(); ++it) {
        if (existing.contains(it->from) || existing.contains(it->to))
            m_undoStack.push(new RemoveEdgeCommand(*this, *it));
    }
    for (const auto &id : existing)
        m_undoStack.push(new RemoveNodeCommand(*this, id));
    m_undoStack.endMacro();
}

void PipelineDocument::moveNodes(const QHash<QString, QPointF> &positions)
{
    std::vector<std::pair<Node, Node>> changes;
    for (auto it = positions.constBegin(); it != positions.constEnd(); ++it) {
        const Node *node = m_pipeline.node(it.key());
        if (!node || node->position == it.value())
            continue;
        Node after = *node;
        after.position = it.value();
        changes.emplace_back(*node, after);
    }
    if (changes.empty())
        return;
    m_undoStack.beginMacro(changes.size() == 1 ? tr("Move %1").arg(changes.front().first.id)
                                               : tr("Move %n node(s)", nullptr, int(changes.size())));
    for (auto &[before, after] : changes)
        m_undoStack.push(new SetNodeCommand(*this, before, after, tr("Move %1").arg(before.id)));
    m_undoStack.endMacro();
}

void PipelineDocument::setNodeSetting(const QString &id, const QString &key, const QJsonValue &value,
                                      EditMerge merge)
{
    const Node *node = m_pipeline.node(id);
    if (!node)
        return;
    QJsonObject config = node->config;
    if (value.isUndefined())
        config.remove(key);
    else
        config.insert(key, value);
    if (config == node->config)
        return;
    Node after = *node;
    after.config = config;
    auto *command = new SetNodeCommand(*this, *node, after, tr("Change %1 of %2").arg(key, id));
    if (merge == EditMerge::Typing)
        command->setMergeKey(id + QLatin1Char('\n') + key);
    m_undoStack.push(command);
}

void PipelineDocument::setNodeConfig(const QString &id, const QJsonObject &config)
{
    const Node *node = m_pipeline.node(id);
    if (!node || node->config == config)
        return;
    Node after = *node;
    after.config = config;
    m_undoStack.push(new SetNodeCommand(*this, *node, after, tr("Change settings of %1").arg(id)));
}

bool PipelineDocument::useRecordingAsSource(const QString &id, const QString &path)
{
    const Node *node = m_pipeline.node(id);
    if (!node || node->type != u"source.kafka")
        return false;
    Node after = *node;
    after.type = QStringLiteral("source.recording");
    after.config = {{QStringLiteral("path"), path}};
    for (const char *kept : {"topics", "format", "schema", "eventTime", "maxRecordBytes", "deadLetters"}) {
        const QJsonValue v = node->config.value(QLatin1String(kept));
        if (!v.isUndefined())
            after.config.insert(QLatin1String(kept), v);
    }
    m_undoStack.push(new SetNodeCommand(*this, *node, after, tr("Use a recording for %1").arg(id)));
    return true;
}

bool PipelineDocument::renameNode(const QString &id, const QString &newId)
{
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9_-]+$"));
    if (!m_pipeline.node(id) || id == newId || m_pipeline.node(newId) || !idPattern.match(newId).hasMatch())
        return false;
    m_undoStack.push(new RenameNodeCommand(*this, id, newId));
    return true;
}

void PipelineDocument::addEdge(const Edge &edge)
{
    if (!m_pipeline.node(edge.from) || !m_pipeline.node(edge.to) || m_pipeline.edgeIndex(edge) >= 0)
        return;
    m_undoStack.push(new AddEdgeCommand(*this, edge));
}

void PipelineDocument::removeEdge(const Edge &edge)
{
    if (m_pipeline.edgeIndex(edge) < 0)
        return;
    m_undoStack.push(new RemoveEdgeCommand(*this, edge));
}

PipelineDocument::Header PipelineDocument::header() const
{
    return Header{m_pipeline.name, m_pipeline.connections, m_pipeline.runtime, m_pipeline.alerts, m_pipeline.extra};
}

void PipelineDocument::setName(const QString &name)
{
    Header after = header();
    after.name = name;
    if (after == header())
        return;
    m_undoStack.push(new SetHeaderCommand(*this, header(), after, tr("Rename pipeline to %1").arg(name)));
}

void PipelineDocument::setConnection(const QString &name, const QJsonObject &settings)
{
    Header after = header();
    after.connections.insert(name, settings);
    if (after == header())
        return;
    m_undoStack.push(new SetHeaderCommand(*this, header(), after, tr("Change connection %1").arg(name)));
}

void PipelineDocument::removeConnection(const QString &name)
{
    Header after = header();
    if (!after.connections.remove(name))
        return;
    m_undoStack.push(new SetHeaderCommand(*this, header(), after, tr("Remove connection %1").arg(name)));
}

void PipelineDocument::setRuntime(const QJsonObject &runtime)
{
    Header after = header();
    after.runtime = runtime;
    if (after == header())
        return;
    m_undoStack.push(new SetHeaderCommand(*this, header(), after, tr("Change runtime settings")));
}

void PipelineDocument::setAlerts(const QJsonArray &alerts)
{
    Header after = header();
    after.alerts = alerts;
    if (after == header())
        return;
    m_undoStack.push(new SetHeaderCommand(*this, header(), after, tr("Change alerts")));
}

QString PipelineDocument::uniqueNodeId(const QString &base) const
{
    QString stem = base.isEmpty() ? QStringLiteral("node") : base;
    static const QRegularExpression numbered(QStringLiteral("^(.*)_([0-9]+)$"));
    const auto match = numbered.match(stem);
    if (match.hasMatch())
        stem = match.captured(1);
    if (!m_pipeline.node(base) && !base.isEmpty())
        return base;
    for (int i = 2;; ++i) {
        const QString candidate = QStringLiteral("%1_%2").arg(stem).arg(i);
        if (!m_pipeline.node(candidate))
            return candidate;
    }
}

QStringList PipelineDocument::insertCopies(std::vector<Node> nodes, std::vector<Edge> edges,
                                           QPointF offset)
{
    if (nodes.empty())
        return {};
    QHash<QString, QString> newIds;
    QStringList taken;
    m_undoStack.beginMacro(tr("Paste %n node(s)", nullptr, int(nodes.size())));
    for (const Node &original : nodes) {
        Node copy = original;
        copy.id = uniqueNodeId(original.id);
        copy.position += offset;
        newIds.insert(original.id, copy.id);
        taken << copy.id;
        m_undoStack.push(new AddNodeCommand(*this, copy));
    }
    for (const Edge &original : edges) {
        if (!newIds.contains(original.from) || !newIds.contains(original.to))
            continue;
        Edge copy = original;
        copy.from = newIds.value(original.from);
        copy.to = newIds.value(original.to);
        m_undoStack.push(new AddEdgeCommand(*this, copy));
    }
    m_undoStack.endMacro();
    return taken;
}

void PipelineDocument::replacePipeline(const Pipeline &pipeline)
{
    Pipeline after = pipeline;
    after.filePath = m_pipeline.filePath;
    if (after == m_pipeline)
        return;
    m_undoStack.push(new ReplacePipelineCommand(*this, m_pipeline, after));
}

void PipelineDocument::performInsertNode(int index, const Node &node)
{
    index = std::clamp(index, 0, int(m_pipeline.nodes.size()));
    m_pipeline.nodes.insert(m_pipeline.nodes.begin() + index, node);
    emit nodeAdded(node.id);
    emit pipelineChanged();
}

Node PipelineDocument::performRemoveNode(const QString &id, int *index)
{
    *index = m_pipeline.nodeIndex(id);
    if (*index < 0)
        return {};
    Node node = m_pipeline.nodes[size_t(*index)];
    m_pipeline.nodes.erase(m_pipeline.nodes.begin() + *index);
    emit nodeRemoved(id);
    emit pipelineChanged();
    return node;
}

void PipelineDocument::performSetNode(const Node &node)
{
    Node *target = m_pipeline.node(node.id);
    if (!target)
        return;
    *target = node;
    emit nodeChanged(node.id);
    emit pipelineChanged();
}

void PipelineDocument::performRenameNode(const QString &oldId, const QString &newId)
{
    Node *node = m_pipeline.node(oldId);
    if (!node)
        return;
    node->id = newId;
    for (Edge &e : m_pipeline.edges) {
        if (e.from == oldId)
            e.from = newId;
        if (e.to == oldId)
            e.to = newId;
    }
    for (auto &&value : m_pipeline.alerts) {
        QJsonObject alert = value.toObject();
        if (alert.value(QStringLiteral("node")).toString() == oldId) {
            alert.insert(QStringLiteral("node"), newId);
            value = alert;
        }
    }
    emit nodeRenamed(oldId, newId);
    emit pipelineChanged();
}

void PipelineDocument::performInsertEdge(int index, const Edge &edge)
{
    index = std::clamp(index, 0, int(m_pipeline.edges.size()));
    m_pipeline.edges.insert(m_pipeline.edges.begin() + index, edge);
    emit edgeAdded(edge);
    emit pipelineChanged();
}

int PipelineDocument::performRemoveEdge(const Edge &edge)
{
    const int index = m_pipeline.edgeIndex(edge);
    if (index < 0)
        return -1;
    const Edge removed = m_pipeline.edges[size_t(index)];
    m_pipeline.edges.erase(m_pipeline.edges.begin() + index);
    emit edgeRemoved(removed);
    emit pipelineChanged();
    return index;
}

void PipelineDocument::performSetHeader(const Header &header)
{
    m_pipeline.name = header.name;
    m_pipeline.connections = header.connections;
    m_pipeline.runtime = header.runtime;
    m_pipeline.alerts = header.alerts;
    m_pipeline.extra = header.extra;
    emit headerChanged();
    emit pipelineChanged();
}

void PipelineDocument::performReplace(const Pipeline &pipeline)
{
    m_pipeline = pipeline;
    emit pipelineReset();
    emit pipelineChanged();
}

} // namespace sw::core
