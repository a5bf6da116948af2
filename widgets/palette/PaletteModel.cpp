// SPDX-License-Identifier: GPL-3.0-or-later
#include "palette/PaletteModel.h"

#include "catalog/NodeCatalog.h"

#include <QMimeData>

namespace sw::widgets {

PaletteModel::PaletteModel(QObject *parent) : QStandardItemModel(parent)
{
    const auto &catalog = core::NodeCatalog::instance();
    for (auto category : {core::NodeCategory::Source, core::NodeCategory::Transform, core::NodeCategory::Window,
                          core::NodeCategory::Join, core::NodeCategory::Sink}) {
        auto *group = new QStandardItem(core::categoryName(category));
        group->setFlags(Qt::ItemIsEnabled);
        for (const auto &type : catalog.types()) {
            if (type.category != category)
                continue;
            auto *item = new QStandardItem(type.displayName);
            item->setData(type.id, TypeIdRole);
            item->setToolTip(QStringLiteral("%1\n%2").arg(type.id, type.help));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
            group->appendRow(item);
        }
        appendRow(group);
    }
}

QStringList PaletteModel::mimeTypes() const
{
    return {QLatin1String(kNodeTypeMimeType)};
}

QMimeData *PaletteModel::mimeData(const QModelIndexList &indexes) const
{
    for (const QModelIndex &index : indexes) {
        const QString type = index.data(TypeIdRole).toString();
        if (type.isEmpty())
            continue;
        auto *mime = new QMimeData;
        mime->setData(QLatin1String(kNodeTypeMimeType), type.toUtf8());
        return mime;
    }
    return nullptr;
}

} // namespace sw::widgets
