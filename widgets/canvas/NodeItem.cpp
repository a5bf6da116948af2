// SPDX-License-Identifier: GPL-3.0-or-later
#include "canvas/NodeItem.h"

#include "canvas/PipelineScene.h"
#include "catalog/NodeCatalog.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

namespace sw::widgets {

namespace {
constexpr qreal kHeader = 28;
constexpr qreal kPortSpacing = 20;
constexpr qreal kPortRadius = 5;

QColor categoryColour(core::NodeCategory c)
{
    switch (c) {
    case core::NodeCategory::Source: return QColor(0x2a, 0x8f, 0xd6);
    case core::NodeCategory::Transform: return QColor(0x4c, 0xaf, 0x50);
    case core::NodeCategory::Window: return QColor(0xf0, 0x9a, 0x1a);
    case core::NodeCategory::Join: return QColor(0x9c, 0x5b, 0xd1);
    case core::NodeCategory::Sink: return QColor(0x60, 0x6f, 0x7b);
    }
    return Qt::gray;
}
} // namespace

NodeItem::NodeItem(PipelineScene &scene, const QString &id) : m_scene(scene), m_id(id)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setCacheMode(DeviceCoordinateCache);
    setZValue(1);
}

void NodeItem::setId(const QString &id)
{
    m_id = id;
    update();
}

const core::NodeType *NodeItem::nodeType() const
{
    const core::Node *node = m_scene.document().pipeline().node(m_id);
    return node ? core::NodeCatalog::instance().find(node->type) : nullptr;
}

qreal NodeItem::height() const
{
    const core::NodeType *t = nodeType();
    const size_t ports = t ? std::max(t->inputs.size(), t->outputs.size()) : 0;
    return kHeader + 22 + qreal(std::max<size_t>(ports, 1)) * kPortSpacing;
}

QRectF NodeItem::boundingRect() const
{
    // Below the body: one line per run figure.
    return QRectF(-kPortRadius - 1, -10, kWidth + 2 * kPortRadius + 12,
                  height() + 12 + kFigureLine * qreal(m_figures.lines.size() + (m_figures.busyShare >= 0 ? 1 : 0)));
}

void NodeItem::setFigures(const NodeFigures &figures)
{
    if (figures == m_figures)
        return;
    prepareGeometryChange();
    m_figures = figures;
    update();
}

QPointF NodeItem::portPosition(bool input, const QString &port) const
{
    const core::NodeType *t = nodeType();
    int index = 0;
    if (t) {
        const auto &ports = input ? t->inputs : t->outputs;
        for (size_t i = 0; i < ports.size(); ++i) {
            if (ports[i].name == port)
                index = int(i);
        }
    }
    return mapToScene(QPointF(input ? 0 : kWidth, kHeader + 22 + kPortSpacing * (index + 0.5)));
}

bool NodeItem::portAt(QPointF scenePos, bool *input, QString *port) const
{
    const core::NodeType *t = nodeType();
    if (!t)
        return false;
    for (const bool in : {true, false}) {
        for (const auto &p : in ? t->inputs : t->outputs) {
            if (QLineF(portPosition(in, p.name), scenePos).length() <= kPortRadius + 5) {
                *input = in;
                *port = p.name;
                return true;
            }
        }
    }
    return false;
}

void NodeItem::setProblems(const QStringList &messages)
{
    if (messages == m_problems)
        return;
    m_problems = messages;
    setToolTip(messages.join(u'\n'));
    update();
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const core::NodeType *t = nodeType();
    const core::Node *node = m_scene.document().pipeline().node(m_id);
    const QPalette palette = QApplication::palette();
    const QColor accent = t ? categoryColour(t->category) : QColor(Qt::red);
    const QRectF body(0, 0, kWidth, height());
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(option->state & QStyle::State_Selected ? palette.color(QPalette::Highlight) : accent.darker(130),
                         option->state & QStyle::State_Selected ? 2.5 : 1.2));
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(body, 6, 6);
    if (m_figures.busyShare >= 0) {
        // How busy the node is, as a heat tint of the body: green, through yellow, to red.
        QColor heat = QColor::fromHsvF(0.33 * (1.0 - m_figures.busyShare), 0.85, 0.9);
        heat.setAlphaF(0.12 + 0.4 * m_figures.busyShare);
        painter->setPen(Qt::NoPen);
        painter->setBrush(heat);
        painter->drawRoundedRect(body.adjusted(1, kHeader, -1, -1), 5, 5);
    }
    QPainterPath header;
    header.addRoundedRect(QRectF(0, 0, kWidth, kHeader), 6, 6);
    header.addRect(QRectF(0, kHeader - 6, kWidth, 6));
    painter->fillPath(header.simplified(), accent);

    QFont title = painter->font();
    title.setBold(true);
    painter->setFont(title);
    painter->setPen(Qt::white);
    painter->drawText(QRectF(8, 0, kWidth - 16, kHeader), Qt::AlignVCenter | Qt::AlignLeft,
                      painter->fontMetrics().elidedText(m_id, Qt::ElideRight, int(kWidth - 16)));
    title.setBold(false);
    painter->setFont(title);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(QRectF(8, kHeader, kWidth - 16, 20), Qt::AlignVCenter | Qt::AlignLeft,
                      t ? t->displayName : (node ? node->type : QString()));

    if (t) {
        painter->setPen(QPen(accent.darker(140), 1));
        QFont small = title;
        small.setPointSizeF(title.pointSizeF() * 0.85);
        painter->setFont(small);
        for (size_t i = 0; i < t->inputs.size(); ++i) {
            const QPointF p(0, kHeader + 22 + kPortSpacing * (qreal(i) + 0.5));
            painter->setBrush(accent.lighter(150));
            painter->drawEllipse(p, kPortRadius, kPortRadius);
            if (t->inputs.size() > 1)
                painter->drawText(QRectF(p.x() + 9, p.y() - 9, 60, 18), Qt::AlignVCenter, t->inputs[i].name);
        }
        for (size_t i = 0; i < t->outputs.size(); ++i) {
            const QPointF p(kWidth, kHeader + 22 + kPortSpacing * (qreal(i) + 0.5));
            painter->setBrush(accent);
            painter->drawEllipse(p, kPortRadius, kPortRadius);
            painter->drawText(QRectF(p.x() - 69, p.y() - 9, 60, 18), Qt::AlignVCenter | Qt::AlignRight, t->outputs[i].name);
        }
    }
    if (!m_figures.lines.isEmpty() || m_figures.busyShare >= 0) {
        QFont small = painter->font();
        small.setBold(false);
        small.setPointSizeF(QApplication::font().pointSizeF() * 0.85);
        painter->setFont(small);
        QStringList lines = m_figures.lines;
        if (m_figures.busyShare >= 0)
            lines.prepend(tr("busy %1 %").arg(qRound(m_figures.busyShare * 100)));
        painter->setPen(m_figures.alarming ? QColor(0xd0, 0x30, 0x30) : palette.color(QPalette::Text));
        painter->drawText(QRectF(2, height() + 2, kWidth - 4, kFigureLine * qreal(lines.size()) + 4),
                          Qt::AlignLeft | Qt::AlignTop, lines.join(QLatin1Char('\n')));
    }
    if (!m_problems.isEmpty()) { // the error badge; its tooltip is the item's
        const QRectF badge(kWidth - 4, -8, 16, 16);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0xd3, 0x2f, 0x2f));
        painter->drawEllipse(badge);
        painter->setPen(Qt::white);
        QFont bold = title;
        bold.setBold(true);
        painter->setFont(bold);
        painter->drawText(badge, Qt::AlignCenter, QStringLiteral("!"));
    }
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged)
        m_scene.nodeMoved(m_id);
    return QGraphicsObject::itemChange(change, value);
}

} // namespace sw::widgets
