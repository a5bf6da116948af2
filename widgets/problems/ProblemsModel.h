// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/PipelineDocument.h"
#include "validation/PipelineValidator.h"

#include <QAbstractTableModel>

namespace sw::widgets {

// The validator's diagnostics of a document, live: revalidates after every change
// of the document (validation is a pure function, fast enough for every edit).
// Columns: severity, location (node and setting), message.
class ProblemsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, LocationColumn, MessageColumn, ColumnCount };
    enum Role { PointerRole = Qt::UserRole + 1, NodeIdRole };

    explicit ProblemsModel(core::PipelineDocument &document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const core::ValidationResult &result() const { return m_result; }
    int errorCount() const;
    int warningCount() const;

signals:
    // After each revalidation, with the new counts (for a status bar).
    void validated(int errors, int warnings);

private:
    void revalidate();
    QString location(const core::Diagnostic &d) const;

    core::PipelineDocument &m_document;
    core::ValidationResult m_result;
};

} // namespace sw::widgets
