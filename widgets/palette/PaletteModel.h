// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStandardItemModel>

namespace sw::widgets {

// The node catalog by category (Sources, Transforms, Windows and Aggregates, Joins,
// Sinks); each type's help text is its tooltip. Types drag out as
// kNodeTypeMimeType carrying the type id.
class PaletteModel : public QStandardItemModel
{
    Q_OBJECT
public:
    static constexpr auto kNodeTypeMimeType = "application/x-streamwright-node-type";
    enum Role { TypeIdRole = Qt::UserRole + 1 };

    explicit PaletteModel(QObject *parent = nullptr);
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
};

} // namespace sw::widgets
