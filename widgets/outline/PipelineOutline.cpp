// SPDX-License-Identifier: GPL-3.0-or-later
#include "outline/PipelineOutline.h"

#include "catalog/NodeCatalog.h"

#include <QHeaderView>

namespace sw::widgets {

PipelineOutline::PipelineOutline(core::PipelineDocument &document, ProblemsModel &problems, QWidget *parent)
    : QTreeWidget(parent), m_document(document), m_problems(problems)
{
    setColumnCount(2);
    setHeaderLabels({tr("Node"), tr("Type")});
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    setAlternatingRowColors(true);
    connect(&m_problems, &ProblemsModel::validated, this, &PipelineOutline::rebuild);
    auto chosen = [this](QTreeWidgetItem *item) {
        while (item && item->parent()) // a port or a field: its node
            item = item->parent();
        if (item)
            emit nodeChosen(item->data(0, Qt::UserRole).toString());
    };
    connect(this, &QTreeWidget::itemClicked, this, chosen);
    connect(this, &QTreeWidget::itemActivated, this, chosen);
    rebuild();
}

void PipelineOutline::rebuild()
{
    clear();
    const core::Pipeline &p = m_document.pipeline();
    const core::ValidationResult &result = m_problems.result();
    QStringList ids = result.order;
    for (const auto &n : p.nodes) { // nodes the validator could not order come last
        if (!ids.contains(n.id))
            ids << n.id;
    }
    QSet<QString> withErrors;
    for (const auto &d : result.diagnostics) {
        if (d.isError() && !d.nodeId.isEmpty())
            withErrors.insert(d.nodeId);
    }
    for (const QString &id : ids) {
        const core::Node *node = p.node(id);
        const core::NodeType *type = core::NodeCatalog::instance().find(node->type);
        auto *item = new QTreeWidgetItem(this, {id, type ? type->displayName : node->type});
        item->setData(0, Qt::UserRole, id);
        item->setToolTip(1, type ? type->help : tr("unknown node type"));
        if (withErrors.contains(id))
            item->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxCritical));
        const auto schemas = result.schemas.constFind(id);
        if (schemas == result.schemas.constEnd() || !type)
            continue;
        for (const auto &port : type->outputs) {
            const auto found = schemas->outputs.find(port.name);
            if (found == schemas->outputs.end())
                continue;
            auto *portItem = new QTreeWidgetItem(item, {tr("%1 (%n field(s))", nullptr, int(found->second.fields.size())).arg(port.name)});
            for (const auto &field : found->second.fields) {
                QString typeText = core::typeName(field.type);
                if (field.name == found->second.eventTimeField)
                    typeText += tr(", event time");
                new QTreeWidgetItem(portItem, {field.name, typeText});
            }
        }
    }
    expandToDepth(0);
}

void PipelineOutline::selectNode(const QString &id)
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        if (topLevelItem(i)->data(0, Qt::UserRole).toString() == id) {
            setCurrentItem(topLevelItem(i));
            scrollToItem(topLevelItem(i));
            return;
        }
    }
}

} // namespace sw::widgets
