// SPDX-License-Identifier: GPL-3.0-or-later
#include "canvas/PipelineScene.h"

#include "canvas/EdgeLabelItem.h"
#include "canvas/NodeItem.h"
#include "catalog/NodeCatalog.h"
#include "problems/ProblemsModel.h"
#include "format/PipelineFormat.h"
#include "validation/PipelineValidator.h"

#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QGraphicsPathItem>
#include <QGraphicsSceneMouseEvent>
#include <QPainterPathStroker>
#include <QGraphicsSimpleTextItem>
#include <QPalette>
#include <QPen>

namespace sw::widgets {

PipelineScene::PipelineScene(core::PipelineDocument &document, ProblemsModel &problems, QObject *parent)
    : QGraphicsScene(parent), m_document(document), m_problems(problems)
{
    connect(&m_document, &core::PipelineDocument::pipelineReset, this, &PipelineScene::rebuild);
    connect(&m_document, &core::PipelineDocument::nodeAdded, this, &PipelineScene::onNodeAdded);
    connect(&m_document, &core::PipelineDocument::nodeRemoved, this, &PipelineScene::onNodeRemoved);
    connect(&m_document, &core::PipelineDocument::nodeChanged, this, &PipelineScene::onNodeChanged);
    connect(&m_document, &core::PipelineDocument::nodeRenamed, this, &PipelineScene::onNodeRenamed);
    connect(&m_document, &core::PipelineDocument::edgeAdded, this, &PipelineScene::onEdgeAdded);
    connect(&m_document, &core::PipelineDocument::edgeRemoved, this, &PipelineScene::onEdgeRemoved);
    connect(&m_problems, &ProblemsModel::validated, this, &PipelineScene::updateProblems);
    rebuild();
}

PipelineScene::~PipelineScene()
{
    // Deleting a selected item changes the selection: nobody may look at a scene
    // that is half gone.
    blockSignals(true);
    // Items go before the maps that own them are destroyed member by member.
    m_edgeLabels.clear();
    m_edges.clear();
    m_nodes.clear();
}

NodeItem *PipelineScene::nodeItem(const QString &id) const
{
    const auto it = m_nodes.find(id);
    return it == m_nodes.end() ? nullptr : it->second.get();
}

QStringList PipelineScene::selectedNodeIds() const
{
    QStringList ids;
    for (const auto &node : m_document.pipeline().nodes) { // document order: stable
        if (const NodeItem *item = nodeItem(node.id); item && item->isSelected())
            ids << node.id;
    }
    return ids;
}

void PipelineScene::rebuild()
{
    m_edgeLabels.clear();
    m_edges.clear();
    m_nodes.clear();
    for (const auto &node : m_document.pipeline().nodes)
        onNodeAdded(node.id);
    for (const auto &edge : m_document.pipeline().edges)
        onEdgeAdded(edge);
    bool placed = false;
    for (const auto &node : m_document.pipeline().nodes)
        placed = placed || !node.position.isNull();
    if (!placed && !m_nodes.empty())
        layoutPipeline();
    updateProblems();
}

void PipelineScene::onNodeAdded(const QString &id)
{
    const core::Node *node = m_document.pipeline().node(id);
    if (!node || m_nodes.count(id))
        return;
    auto item = std::make_unique<NodeItem>(*this, id);
    m_applying = true;
    item->setPos(node->position);
    m_applying = false;
    addItem(item.get());
    m_nodes.emplace(id, std::move(item));
}

void PipelineScene::onNodeRemoved(const QString &id)
{
    m_nodes.erase(id);
}

void PipelineScene::onNodeChanged(const QString &id)
{
    NodeItem *item = nodeItem(id);
    const core::Node *node = m_document.pipeline().node(id);
    if (!item || !node)
        return;
    if (item->pos() != node->position) {
        m_applying = true;
        item->setPos(node->position);
        m_applying = false;
    }
    item->update();
    updateEdgesOf(id);
}

void PipelineScene::onNodeRenamed(const QString &oldId, const QString &newId)
{
    auto it = m_nodes.find(oldId);
    if (it == m_nodes.end())
        return;
    auto item = std::move(it->second);
    m_nodes.erase(it);
    item->setId(newId);
    m_nodes.emplace(newId, std::move(item));
    for (auto &[edge, path] : m_edges) {
        if (edge.from == oldId)
            edge.from = newId;
        if (edge.to == oldId)
            edge.to = newId;
    }
}

void PipelineScene::onEdgeAdded(const core::Edge &edge)
{
    auto path = std::make_unique<QGraphicsPathItem>();
    path->setPen(QPen(QApplication::palette().color(QPalette::Mid), 2));
    path->setZValue(0);
    addItem(path.get());
    updateEdge(edge, path.get());
    m_edges.emplace_back(edge, std::move(path));
}

void PipelineScene::onEdgeRemoved(const core::Edge &edge)
{
    for (auto it = m_edges.begin(); it != m_edges.end(); ++it) {
        if (it->first.sameEnds(edge)) {
            m_edgeLabels.erase(it->second.get());
            m_edges.erase(it);
            return;
        }
    }
}

void PipelineScene::updateEdge(const core::Edge &edge, QGraphicsPathItem *item)
{
    const NodeItem *from = nodeItem(edge.from);
    const NodeItem *to = nodeItem(edge.to);
    const core::Node *fromNode = m_document.pipeline().node(edge.from);
    const core::Node *toNode = m_document.pipeline().node(edge.to);
    if (!from || !to || !fromNode || !toNode) {
        item->setPath({});
        return;
    }
    const core::NodeType *fromType = core::NodeCatalog::instance().find(fromNode->type);
    const core::NodeType *toType = core::NodeCatalog::instance().find(toNode->type);
    const QString out = !edge.fromPort.isEmpty() ? edge.fromPort : fromType ? fromType->defaultOutput() : QString();
    const QString in = !edge.toPort.isEmpty() ? edge.toPort : toType ? toType->defaultInput() : QString();
    const QPointF a = from->portPosition(false, out);
    const QPointF b = to->portPosition(true, in);
    const qreal bend = std::max<qreal>(40, std::abs(b.x() - a.x()) / 2);
    QPainterPath path(a);
    path.cubicTo(a + QPointF(bend, 0), b - QPointF(bend, 0), b);
    item->setPath(path);
    const bool chosen = m_chosenEdge && m_chosenEdge->sameEnds(edge);
    item->setPen(chosen ? QPen(QApplication::palette().color(QPalette::Highlight), 3)
                        : QPen(QApplication::palette().color(QPalette::Mid), 2));
    item->setToolTip(tr("%1 → %2: click to see its rows in the Data dock").arg(edge.from + u'.' + out, edge.to));

    // While a run is shown: the rows per second leaving that port, above the middle
    // of the edge, drawn over the nodes (edges between close nodes are short).
    auto &label = m_edgeLabels[item];
    const auto rate = m_edgeRates.constFind(edge.from + QLatin1Char('.') + out);
    if (rate == m_edgeRates.constEnd()) {
        label.reset();
        return;
    }
    if (!label) {
        label = std::make_unique<EdgeLabelItem>();
        label->setZValue(10);
        addItem(label.get());
    }
    label->setText(tr("%1 rows/s").arg(QLocale().toString(qint64(std::llround(*rate)))));
    const QRectF bounds = label->boundingRect();
    label->setPos(path.pointAtPercent(0.5) - QPointF(bounds.width() / 2, bounds.height() + 3));
}

QString PipelineScene::edgeSource(const core::Edge &edge) const
{
    if (!edge.fromPort.isEmpty())
        return edge.from + u'.' + edge.fromPort;
    const core::Node *node = m_document.pipeline().node(edge.from);
    const core::NodeType *type = node ? core::NodeCatalog::instance().find(node->type) : nullptr;
    return edge.from + u'.' + (type ? type->defaultOutput() : QStringLiteral("out"));
}

std::optional<core::Edge> PipelineScene::edgeAt(QPointF scenePos) const
{
    QPainterPathStroker stroker;
    stroker.setWidth(10); // a 2 px line is hard to hit
    for (const auto &[edge, path] : m_edges) {
        if (stroker.createStroke(path->path()).contains(scenePos))
            return edge;
        const auto label = m_edgeLabels.find(path.get());
        if (label != m_edgeLabels.end() && label->second && label->second->sceneBoundingRect().contains(scenePos))
            return edge;
    }
    return std::nullopt;
}

void PipelineScene::chooseEdge(const std::optional<core::Edge> &edge)
{
    m_chosenEdge = edge;
    for (auto &[e, path] : m_edges)
        updateEdge(e, path.get());
}

void PipelineScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    // A click on an edge (not on a node or port over it) chooses the edge.
    if (event->button() == Qt::LeftButton) {
        const QGraphicsItem *top = itemAt(event->scenePos(), QTransform());
        const bool onEdgeOrEmpty = !top || dynamic_cast<const QGraphicsPathItem *>(top)
                                   || dynamic_cast<const EdgeLabelItem *>(top);
        if (onEdgeOrEmpty) {
            if (const auto edge = edgeAt(event->scenePos())) {
                clearSelection();
                chooseEdge(edge);
                emit edgeChosen(edgeSource(*edge));
                event->accept();
                return;
            }
        }
    }
    QGraphicsScene::mousePressEvent(event);
}

QString PipelineScene::edgeLabel(const core::Edge &edge) const
{
    for (const auto &[e, path] : m_edges) {
        if (!e.sameEnds(edge))
            continue;
        const auto label = m_edgeLabels.find(path.get());
        return label != m_edgeLabels.end() && label->second ? label->second->text() : QString();
    }
    return {};
}

void PipelineScene::setNodeFigures(const QHash<QString, NodeFigures> &figures)
{
    for (auto &[id, item] : m_nodes)
        item->setFigures(figures.value(id));
}

void PipelineScene::setEdgeRates(const QHash<QString, double> &rates)
{
    m_edgeRates = rates;
    for (auto &[edge, path] : m_edges)
        updateEdge(edge, path.get());
}

void PipelineScene::updateEdgesOf(const QString &id)
{
    for (auto &[edge, path] : m_edges) {
        if (edge.from == id || edge.to == id)
            updateEdge(edge, path.get());
    }
}

void PipelineScene::nodeMoved(const QString &id)
{
    updateEdgesOf(id);
}

void PipelineScene::commitMoves()
{
    if (m_applying)
        return;
    QHash<QString, QPointF> positions;
    for (const auto &[id, item] : m_nodes) {
        const core::Node *node = m_document.pipeline().node(id);
        // Positions snap to a 10-pixel grid, so files stay tidy.
        const QPointF snapped(std::round(item->pos().x() / 10) * 10, std::round(item->pos().y() / 10) * 10);
        if (node && node->position != snapped)
            positions.insert(id, snapped);
    }
    if (!positions.isEmpty())
        m_document.moveNodes(positions);
}

void PipelineScene::deleteSelection()
{
    const QStringList ids = selectedNodeIds();
    if (!ids.isEmpty())
        m_document.removeNodes(ids);
}

QByteArray PipelineScene::selectionAsJson() const
{
    const QStringList ids = selectedNodeIds();
    if (ids.isEmpty())
        return {};
    const core::Pipeline &pipeline = m_document.pipeline();
    core::Pipeline copied;
    copied.name = pipeline.name;
    for (const QString &id : ids) {
        copied.nodes.push_back(*pipeline.node(id));
        // Connections the nodes use travel with them, so a paste elsewhere can tell.
        const QString connection = pipeline.node(id)->config.value(QStringLiteral("connection")).toString();
        if (pipeline.connections.contains(connection))
            copied.connections.insert(connection, pipeline.connections.value(connection));
    }
    for (const core::Edge &edge : pipeline.edges) {
        if (ids.contains(edge.from) && ids.contains(edge.to))
            copied.edges.push_back(edge);
    }
    return core::PipelineFormat::save(copied);
}

QStringList PipelineScene::pasteJson(const QByteArray &json, QPointF offset)
{
    const auto loaded = core::PipelineFormat::load(json);
    if (!loaded.pipeline || loaded.pipeline->nodes.empty())
        return {};
    const QStringList ids = m_document.insertCopies(loaded.pipeline->nodes, loaded.pipeline->edges, offset);
    selectNodes(ids);
    return ids;
}

void PipelineScene::copySelection()
{
    const QByteArray json = selectionAsJson();
    if (json.isEmpty())
        return;
    auto *mime = new QMimeData;
    mime->setData(QLatin1String(kNodesMimeType), json);
    mime->setText(QString::fromUtf8(json));
    QGuiApplication::clipboard()->setMimeData(mime);
}

void PipelineScene::cutSelection()
{
    copySelection();
    deleteSelection();
}

void PipelineScene::paste()
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    if (!mime)
        return;
    // Our own format, or pipeline JSON copied from a text editor.
    const QByteArray json = mime->hasFormat(QLatin1String(kNodesMimeType)) ? mime->data(QLatin1String(kNodesMimeType))
                                                                         : mime->text().toUtf8();
    m_pasteCount = json == m_lastPaste ? m_pasteCount + 1 : 1;
    m_lastPaste = json;
    pasteJson(json, QPointF(kPasteStep, kPasteStep) * m_pasteCount);
}

void PipelineScene::duplicateSelection()
{
    pasteJson(selectionAsJson(), QPointF(kPasteStep, kPasteStep));
}

void PipelineScene::selectNodes(const QStringList &ids)
{
    clearSelection();
    for (const QString &id : ids) {
        if (NodeItem *item = nodeItem(id))
            item->setSelected(true);
    }
}

void PipelineScene::layoutPipeline()
{
    // Layer = longest path from a source; within a layer, document order.
    const auto &p = m_document.pipeline();
    QHash<QString, int> layer;
    for (const auto &n : p.nodes)
        layer.insert(n.id, 0);
    for (size_t round = 0; round < p.nodes.size(); ++round) {
        bool changed = false;
        for (const auto &e : p.edges) {
            if (layer.contains(e.from) && layer.contains(e.to) && layer[e.to] < layer[e.from] + 1
                && layer[e.from] + 1 < int(p.nodes.size())) {
                layer[e.to] = layer[e.from] + 1;
                changed = true;
            }
        }
        if (!changed)
            break;
    }
    QHash<int, int> rows;
    QHash<QString, QPointF> positions;
    for (const auto &n : p.nodes) {
        const int l = layer.value(n.id);
        positions.insert(n.id, QPointF(40 + l * 240, 40 + rows[l]++ * 140));
    }
    m_document.moveNodes(positions);
}

QString PipelineScene::addNodeOfType(const QString &typeId, QPointF pos)
{
    const core::NodeType *type = core::NodeCatalog::instance().find(typeId);
    if (!type)
        return {};
    // "window.aggregate" -> "window_aggregate", "sink.sqlite" -> "sqlite"
    QString base = typeId.startsWith(u"source.") || typeId.startsWith(u"sink.") ? typeId.section(u'.', 1) : typeId;
    base.replace(u'.', u'_');
    const QString id = m_document.uniqueNodeId(base);
    m_document.addNode(core::Node{id, typeId, QPointF(std::round(pos.x() / 10) * 10, std::round(pos.y() / 10) * 10),
                                  core::NodeCatalog::initialConfig(*type), {}});
    return id;
}

QString PipelineScene::tryConnect(const core::Edge &edge)
{
    // What the connection itself breaks: errors on edges (a second input into a
    // port, an edge out of a sink, a cycle) or on a node as a whole (streams of
    // different shapes into a union). Errors in settings are not the connection's
    // fault: a new node is usually connected first and configured after, and its
    // settings are only checked once it has an input.
    auto connectionErrors = [](const core::Pipeline &p) {
        QStringList found;
        for (const auto &d : core::PipelineValidator::validate(p).diagnostics) {
            const QStringList parts = d.pointer.split(QLatin1Char('/'));
            const bool onEdge = parts.value(1) == QLatin1String("edges");
            const bool onWholeNode = parts.value(1) == QLatin1String("nodes") && parts.size() == 3;
            if (d.isError() && (onEdge || onWholeNode))
                found << d.message;
        }
        return found;
    };
    QString reason;
    if (edge.from == edge.to)
        reason = tr("a node cannot feed itself");
    else if (m_document.pipeline().edgeIndex(edge) >= 0)
        reason = tr("these ports are already connected");
    if (reason.isEmpty()) {
        const QStringList before = connectionErrors(m_document.pipeline());
        core::Pipeline candidate = m_document.pipeline();
        candidate.edges.push_back(edge);
        for (const QString &message : connectionErrors(candidate)) {
            if (!before.contains(message)) {
                reason = message;
                break;
            }
        }
    }
    if (!reason.isEmpty()) {
        emit connectionRefused(reason);
        return reason;
    }
    m_document.addEdge(edge);
    return {};
}

void PipelineScene::updateProblems()
{
    QHash<QString, QStringList> byNode;
    for (const auto &d : m_problems.result().diagnostics) {
        if (d.isError() && !d.nodeId.isEmpty())
            byNode[d.nodeId] << d.message;
    }
    for (const auto &[id, item] : m_nodes)
        item->setProblems(byNode.value(id));
}

} // namespace sw::widgets
