// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "run/NodeFigures.h"

#include <QGraphicsObject>
#include <QStringList>

namespace sw::core {
struct NodeType;
}

namespace sw::widgets {

class PipelineScene;

// A node on the canvas. It stores only its id and reads everything else from the
// document through the scene; moving it reports to the scene, which pushes one undo
// command when the drag ends.
class NodeItem : public QGraphicsObject
{
    Q_OBJECT
public:
    NodeItem(PipelineScene &scene, const QString &id);

    QString id() const { return m_id; }
    void setId(const QString &id);
    // Where an edge attaches: input or output port `port` (catalog name).
    QPointF portPosition(bool input, const QString &port) const;
    void setProblems(const QStringList &messages);
    // Figures of a followed run (busy colour, lag, state, late rows); default: none.
    void setFigures(const NodeFigures &figures);
    const NodeFigures &figures() const { return m_figures; }
    // The port under a scene position, if any: whether it is an input, and its name.
    bool portAt(QPointF scenePos, bool *input, QString *port) const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    static constexpr qreal kWidth = 180;
    static constexpr qreal kFigureLine = 14;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    const core::NodeType *nodeType() const;
    qreal height() const;

    PipelineScene &m_scene;
    QString m_id;
    QStringList m_problems;
    NodeFigures m_figures;
};

} // namespace sw::widgets
