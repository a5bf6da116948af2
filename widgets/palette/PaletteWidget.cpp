// SPDX-License-Identifier: GPL-3.0-or-later
#include "palette/PaletteWidget.h"

#include "palette/PaletteModel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace sw::widgets {

PaletteWidget::PaletteWidget(QWidget *parent)
    : QWidget(parent), m_model(new PaletteModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_filter(new QLineEdit(this)), m_tree(new QTreeView(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setPlaceholderText(tr("Filter node types"));
    m_filter->setClearButtonEnabled(true);
    m_tree->setModel(m_proxy);
    m_tree->setHeaderHidden(true);
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->expandAll();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        m_tree->expandAll();
    });
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QString type = index.data(PaletteModel::TypeIdRole).toString();
        if (!type.isEmpty())
            emit typeActivated(type);
    });
}

} // namespace sw::widgets
