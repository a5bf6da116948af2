// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace sw::widgets {

class PaletteModel;

// The palette dock's contents: a filter box over the catalog tree. Drag a type onto
// the canvas, or double-click it, to add a node.
class PaletteWidget : public QWidget
{
    Q_OBJECT
public:
    explicit PaletteWidget(QWidget *parent = nullptr);
    QLineEdit *filter() const { return m_filter; }
    QTreeView *tree() const { return m_tree; }

signals:
    void typeActivated(const QString &typeId);

private:
    PaletteModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTreeView *m_tree;
};

} // namespace sw::widgets
