// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/PipelineDocument.h"
#include "run/NodeFigures.h"

#include <QGraphicsScene>

#include <memory>
#include <optional>
#include <unordered_map>

class QGraphicsPathItem;

namespace sw::widgets {

class NodeItem;
class ProblemsModel;

// The canvas: a projection of a PipelineDocument (CONVENTIONS.md). It keeps one
// item per node and per edge, keyed by id, and only reacts to the document's
// signals; user actions (move, delete) go back to the document as undo commands.
class PipelineScene : public QGraphicsScene
{
    Q_OBJECT
public:
    static constexpr const char *kNodesMimeType = "application/x-streamwright-nodes";
    PipelineScene(core::PipelineDocument &document, ProblemsModel &problems, QObject *parent = nullptr);
    ~PipelineScene() override;

    core::PipelineDocument &document() { return m_document; }
    NodeItem *nodeItem(const QString &id) const;
    int edgeCount() const { return int(m_edges.size()); }
    QStringList selectedNodeIds() const;

    // A finished drag of the selected nodes: one undo step.
    void commitMoves();
    void deleteSelection();
    // The selected nodes and the edges between them, as a pipeline file (the
    // clipboard's format; also readable as text). Empty when nothing is selected.
    QByteArray selectionAsJson() const;
    // Adds copies of the nodes of such a file with fresh ids, moved by `offset`,
    // as one undo step, and selects them. Returns their ids (none if unreadable).
    QStringList pasteJson(const QByteArray &json, QPointF offset);
    void copySelection();
    void cutSelection();
    void paste();
    void duplicateSelection();
    void selectNodes(const QStringList &ids);
    // Places nodes in layers by their longest path from a source (for files
    // without positions, and the Layout action).
    void layoutPipeline();
    void nodeMoved(const QString &id);
    // Adds the edge if the pipeline stays free of new errors (a second input into
    // one port, an edge out of a sink, a cycle, mismatched schemas, ...); otherwise
    // changes nothing, emits connectionRefused and returns the reason.
    QString tryConnect(const core::Edge &edge);
    // A new node of `typeId` at `pos` with a fresh id and the catalog's initial
    // settings; returns its id (empty for an unknown type).
    QString addNodeOfType(const QString &typeId, QPointF pos);
    // Rows per second by "node.port", shown on the edges leaving each port while a
    // run is followed; an empty map removes the labels.
    void setEdgeRates(const QHash<QString, double> &rates);
    QString edgeLabel(const core::Edge &edge) const; // the shown rate text, if any
    // Run figures per node id (busy share, lag, state, ...); an empty map removes them.
    void setNodeFigures(const QHash<QString, NodeFigures> &figures);

    // The edge at `scenePos` (within a few pixels of its line), if any.
    std::optional<core::Edge> edgeAt(QPointF scenePos) const;
    // Draws `edge` as the chosen one (none: no edge chosen).
    void chooseEdge(const std::optional<core::Edge> &edge);
    // "node.port" of the port an edge leaves (the default port when it names none).
    QString edgeSource(const core::Edge &edge) const;

signals:
    void connectionRefused(const QString &reason);
    // A click on an edge: its "node.port", whose rows the Data dock shows.
    void edgeChosen(const QString &nodePort);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void rebuild();
    void onNodeAdded(const QString &id);
    void onNodeRemoved(const QString &id);
    void onNodeChanged(const QString &id);
    void onNodeRenamed(const QString &oldId, const QString &newId);
    void onEdgeAdded(const core::Edge &edge);
    void onEdgeRemoved(const core::Edge &edge);
    void updateEdgesOf(const QString &id);
    void updateEdge(const core::Edge &edge, QGraphicsPathItem *item);
    void updateProblems();

    core::PipelineDocument &m_document;
    ProblemsModel &m_problems;
    std::unordered_map<QString, std::unique_ptr<NodeItem>> m_nodes;
    std::vector<std::pair<core::Edge, std::unique_ptr<QGraphicsPathItem>>> m_edges;
    static constexpr qreal kPasteStep = 30; // each paste of the same nodes lands further off
    QHash<QString, double> m_edgeRates;
    std::unordered_map<QGraphicsPathItem *, std::unique_ptr<class EdgeLabelItem>> m_edgeLabels;
    QByteArray m_lastPaste;
    int m_pasteCount = 0;
    bool m_applying = false; // positions being set from the document, not dragged
    std::optional<core::Edge> m_chosenEdge;
};

} // namespace sw::widgets
