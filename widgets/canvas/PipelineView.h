// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsView>

#include <optional>

namespace sw::widgets {

class PipelineScene;

// The canvas view: wheel zoom around the cursor, pan with the middle button or
// space + drag,
// rubber-band selection, Delete removes the selection, and a finished drag
// becomes one undo step.
class PipelineView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit PipelineView(PipelineScene &scene, QWidget *parent = nullptr);
    void zoomBy(qreal factor);
    // Fits the whole pipeline into the view, now and whenever the view is resized
    // (it gets its real size only once the window is shown and laid out), until
    // the user zooms or pans.
    void fitPipeline();
    bool followsFit() const { return m_followFit; }

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void fitNow();

    // Dragging from an output port draws a wire; dropping it on an input port connects.
    struct Wire
    {
        QString from, fromPort;
        QPointF start;
        class QGraphicsPathItem *item = nullptr;
    };
    PipelineScene &m_scene;
    std::optional<Wire> m_wire;
    bool m_followFit = false;
    bool m_panning = false;
    bool m_spaceHeld = false;
    QPoint m_panFrom;
};

} // namespace sw::widgets
