// SPDX-License-Identifier: GPL-3.0-or-later
#include "problems/ProblemsModel.h"

#include <QApplication>
#include <QRegularExpression>
#include <QStyle>

namespace sw::widgets {

ProblemsModel::ProblemsModel(core::PipelineDocument &document, QObject *parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(&m_document, &core::PipelineDocument::pipelineChanged, this, &ProblemsModel::revalidate);
    revalidate();
}

void ProblemsModel::revalidate()
{
    beginResetModel();
    m_result = core::PipelineValidator::validate(m_document.pipeline());
    endResetModel();
    emit validated(errorCount(), warningCount());
}

int ProblemsModel::errorCount() const
{
    return int(std::count_if(m_result.diagnostics.begin(), m_result.diagnostics.end(),
                             [](const core::Diagnostic &d) { return d.isError(); }));
}

int ProblemsModel::warningCount() const
{
    return int(m_result.diagnostics.size()) - errorCount();
}

int ProblemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_result.diagnostics.size());
}

int ProblemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ProblemsModel::location(const core::Diagnostic &d) const
{
    // "/nodes/2/config/window/size" reads better as "per_minute › window/size".
    static const QRegularExpression nodePointer(QStringLiteral("^/nodes/(\\d+)(?:/config)?/?(.*)$"));
    const auto match = nodePointer.match(d.pointer);
    if (match.hasMatch()) {
        const size_t index = match.captured(1).toULongLong();
        const auto &nodes = m_document.pipeline().nodes;
        const QString id = index < nodes.size() ? nodes[index].id : match.captured(1);
        return match.captured(2).isEmpty() ? id : id + QStringLiteral(" › ") + match.captured(2);
    }
    return d.pointer.isEmpty() ? tr("file") : d.pointer.mid(1);
}

QVariant ProblemsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const core::Diagnostic &d = m_result.diagnostics[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn: return d.isError() ? tr("Error") : tr("Warning");
        case LocationColumn: return location(d);
        case MessageColumn: return d.message;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn)
            return QApplication::style()->standardIcon(d.isError() ? QStyle::SP_MessageBoxCritical
                                                                   : QStyle::SP_MessageBoxWarning);
        break;
    case Qt::ToolTipRole: return d.pointer.isEmpty() ? d.message : d.pointer + QStringLiteral("\n") + d.message;
    case PointerRole: return d.pointer;
    case NodeIdRole: return d.nodeId;
    }
    return {};
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn: return tr("Severity");
    case LocationColumn: return tr("Where");
    case MessageColumn: return tr("Problem");
    }
    return {};
}

} // namespace sw::widgets
