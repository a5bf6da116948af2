// SPDX-License-Identifier: GPL-3.0-or-later
#include "canvas/PipelineView.h"

#include "canvas/NodeItem.h"
#include "canvas/PipelineScene.h"
#include "catalog/NodeCatalog.h"
#include "palette/PaletteModel.h"

#include <QGraphicsPathItem>
#include <QKeyEvent>
#include <QMimeData>
#include <QToolTip>
#include <QScrollBar>
#include <QWheelEvent>

namespace sw::widgets {

PipelineView::PipelineView(PipelineScene &scene, QWidget *parent) : QGraphicsView(&scene, parent), m_scene(scene)
{
    setRenderHint(QPainter::Antialiasing);
    setDragMode(RubberBandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setViewportUpdateMode(SmartViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
    setAcceptDrops(true);
    for (QScrollBar *bar : {horizontalScrollBar(), verticalScrollBar()})
        connect(bar, &QScrollBar::actionTriggered, this, [this] { m_followFit = false; }); // the user scrolled
}

void PipelineView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(QLatin1String(PaletteModel::kNodeTypeMimeType)))
        event->acceptProposedAction();
    else
        QGraphicsView::dragEnterEvent(event);
}

void PipelineView::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasFormat(QLatin1String(PaletteModel::kNodeTypeMimeType)))
        event->acceptProposedAction();
    else
        QGraphicsView::dragMoveEvent(event);
}

void PipelineView::dropEvent(QDropEvent *event)
{
    const QByteArray type = event->mimeData()->data(QLatin1String(PaletteModel::kNodeTypeMimeType));
    if (type.isEmpty()) {
        QGraphicsView::dropEvent(event);
        return;
    }
    const QPointF at = mapToScene(event->position().toPoint()) - QPointF(NodeItem::kWidth / 2, 20);
    m_scene.addNodeOfType(QString::fromUtf8(type), at);
    event->acceptProposedAction();
}

void PipelineView::zoomBy(qreal factor)
{
    m_followFit = false;
    const qreal current = transform().m11();
    const qreal next = std::clamp(current * factor, 0.2, 4.0);
    scale(next / current, next / current);
}

void PipelineView::fitPipeline()
{
    m_followFit = true;
    fitNow();
}

void PipelineView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_followFit)
        fitNow();
}

void PipelineView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    if (m_followFit)
        fitNow();
}

void PipelineView::fitNow()
{
    // Before the window is laid out the viewport has a placeholder size: a fit
    // then would zoom far out; the resize that follows fits for real.
    if (!isVisible() || viewport()->width() < 120 || viewport()->height() < 80)
        return;
    const QRectF bounds = m_scene.itemsBoundingRect().adjusted(-40, -40, 40, 40);
    if (bounds.isEmpty())
        return;
    fitInView(bounds, Qt::KeepAspectRatio);
    if (transform().m11() > 1.2) // never blow a small pipeline up
        setTransform(QTransform::fromScale(1.2, 1.2));
    centerOn(bounds.center());
}

void PipelineView::wheelEvent(QWheelEvent *event)
{
    zoomBy(std::pow(1.0015, event->angleDelta().y()));
    event->accept();
}

void PipelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_followFit = false;
        m_panFrom = event->pos();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton) {
        const QPointF at = mapToScene(event->pos());
        for (QGraphicsItem *item : scene()->items(at)) {
            auto *node = dynamic_cast<NodeItem *>(item);
            bool input = false;
            QString port;
            if (node && node->portAt(at, &input, &port) && !input) {
                const QPointF start = node->portPosition(false, port);
                m_wire = Wire{node->id(), port, start, scene()->addPath(QPainterPath(start), QPen(palette().highlight(), 2, Qt::DashLine))};
                event->accept();
                return;
            }
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void PipelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_wire) {
        const QPointF end = mapToScene(event->pos());
        QPainterPath path(m_wire->start);
        const qreal bend = std::max<qreal>(40, std::abs(end.x() - m_wire->start.x()) / 2);
        path.cubicTo(m_wire->start + QPointF(bend, 0), end - QPointF(bend, 0), end);
        m_wire->item->setPath(path);
        event->accept();
        return;
    }
    if (m_panning) {
        const QPoint delta = event->pos() - m_panFrom;
        m_panFrom = event->pos();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void PipelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_wire && event->button() == Qt::LeftButton) {
        const Wire wire = *m_wire;
        m_wire.reset();
        delete wire.item;
        const QPointF at = mapToScene(event->pos());
        for (QGraphicsItem *item : scene()->items(at)) {
            auto *node = dynamic_cast<NodeItem *>(item);
            bool input = false;
            QString port;
            if (!node || !node->portAt(at, &input, &port) || !input)
                continue;
            const core::Node *target = m_scene.document().pipeline().node(node->id());
            const core::NodeType *type = target ? core::NodeCatalog::instance().find(target->type) : nullptr;
            const core::NodeType *sourceType =
                core::NodeCatalog::instance().find(m_scene.document().pipeline().node(wire.from)->type);
            core::Edge edge{wire.from, sourceType && wire.fromPort == sourceType->defaultOutput() ? QString() : wire.fromPort,
                            node->id(), type && type->inputs.size() == 1 ? QString() : port, {}};
            const QString reason = m_scene.tryConnect(edge);
            if (!reason.isEmpty())
                QToolTip::showText(event->globalPosition().toPoint(), tr("Cannot connect: %1").arg(reason), this);
            break;
        }
        event->accept();
        return;
    }
    if (m_panning && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        m_panning = false;
        if (m_spaceHeld)
            setCursor(Qt::OpenHandCursor);
        else
            unsetCursor();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton)
        m_scene.commitMoves(); // a drag ends: one undo step for everything moved
}

void PipelineView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Delete) || event->key() == Qt::Key_Backspace) {
        m_scene.deleteSelection();
        return;
    }
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true; // space + drag pans, as in drawing tools
        setCursor(Qt::OpenHandCursor);
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void PipelineView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        if (!m_panning)
            unsetCursor();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void PipelineView::focusOutEvent(QFocusEvent *event)
{
    m_spaceHeld = false;
    QGraphicsView::focusOutEvent(event);
}

} // namespace sw::widgets
