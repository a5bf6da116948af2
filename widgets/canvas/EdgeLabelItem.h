// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QApplication>
#include <QGraphicsSimpleTextItem>
#include <QPainter>
#include <QPalette>

namespace sw::widgets {

// A figure on an edge (rows per second while running): small text on a rounded
// patch of the base colour, so it reads over nodes and edges alike.
class EdgeLabelItem : public QGraphicsSimpleTextItem
{
public:
    EdgeLabelItem()
    {
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        setFont(small);
        setBrush(QApplication::palette().color(QPalette::Text));
    }
    QRectF boundingRect() const override { return QGraphicsSimpleTextItem::boundingRect().adjusted(-3, -1, 3, 1); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override
    {
        QColor patch = QApplication::palette().color(QPalette::Base);
        patch.setAlpha(225);
        painter->setPen(QPen(QApplication::palette().color(QPalette::Mid), 0.8));
        painter->setBrush(patch);
        painter->drawRoundedRect(boundingRect(), 4, 4);
        QGraphicsSimpleTextItem::paint(painter, option, widget);
    }
};

} // namespace sw::widgets
