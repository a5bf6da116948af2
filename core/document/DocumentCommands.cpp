// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/DocumentCommands.h"

#include <QCoreApplication>

namespace sw::core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("sw::core::DocumentCommands", text);
}
} // namespace

AddNodeCommand::AddNodeCommand(PipelineDocument &doc, Node node, QUndoCommand *parent)
    : QUndoCommand(tr("Add %1").arg(node.id), parent), m_doc(doc), m_node(std::move(node))
{
}

void AddNodeCommand::redo()
{
    m_doc.performInsertNode(int(m_doc.pipeline().nodes.size()), m_node);
}

void AddNodeCommand::undo()
{
    int index = -1;
    m_doc.performRemoveNode(m_node.id, &index);
}

RemoveNodeCommand::RemoveNodeCommand(PipelineDocument &doc, QString id, QUndoCommand *parent)
    : QUndoCommand(tr("Delete %1").arg(id), parent), m_doc(doc), m_id(std::move(id))
{
}

void RemoveNodeCommand::redo()
{
    m_node = m_doc.performRemoveNode(m_id, &m_index);
}

void RemoveNodeCommand::undo()
{
    if (m_index >= 0)
        m_doc.performInsertNode(m_index, m_node);
}

SetNodeCommand::SetNodeCommand(PipelineDocument &doc, Node before, Node after, const QString &text,
                               QUndoCommand *parent)
    : QUndoCommand(text, parent), m_doc(doc), m_before(std::move(before)), m_after(std::move(after))
{
}

void SetNodeCommand::redo()
{
    m_doc.performSetNode(m_after);
}

void SetNodeCommand::undo()
{
    m_doc.performSetNode(m_before);
}

bool SetNodeCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetNodeCommand *>(other); // same id() means same class
    if (next->m_mergeKey != m_mergeKey || next->m_before != m_after)
        return false;
    m_after = next->m_after;
    // Typing back to where it started leaves nothing to undo.
    if (m_after == m_before)
        setObsolete(true);
    return true;
}

RenameNodeCommand::RenameNodeCommand(PipelineDocument &doc, QString oldId, QString newId)
    : QUndoCommand(tr("Rename %1 to %2").arg(oldId, newId)), m_doc(doc), m_oldId(std::move(oldId)),
      m_newId(std::move(newId))
{
}

void RenameNodeCommand::redo()
{
    m_doc.performRenameNode(m_oldId, m_newId);
}

void RenameNodeCommand::undo()
{
    m_doc.performRenameNode(m_newId, m_oldId);
}

AddEdgeCommand::AddEdgeCommand(PipelineDocument &doc, Edge edge, QUndoCommand *parent)
    : QUndoCommand(tr("Connect %1 to %2").arg(edge.from, edge.to), parent), m_doc(doc), m_edge(std::move(edge))
{
}

void AddEdgeCommand::redo()
{
    m_index = int(m_doc.pipeline().edges.size());
    m_doc.performInsertEdge(m_index, m_edge);
}

void AddEdgeCommand::undo()
{
    m_doc.performRemoveEdge(m_edge);
}

RemoveEdgeCommand::RemoveEdgeCommand(PipelineDocument &doc, Edge edge, QUndoCommand *parent)
    : QUndoCommand(tr("Disconnect %1 from %2").arg(edge.from, edge.to), parent), m_doc(doc), m_edge(std::move(edge))
{
}

void RemoveEdgeCommand::redo()
{
    const int i = m_doc.pipeline().edgeIndex(m_edge);
    if (i >= 0)
        m_edge = m_doc.pipeline().edges[size_t(i)]; // keep its extra keys for undo
    m_index = m_doc.performRemoveEdge(m_edge);
}

void RemoveEdgeCommand::undo()
{
    if (m_index >= 0)
        m_doc.performInsertEdge(m_index, m_edge);
}

SetHeaderCommand::SetHeaderCommand(PipelineDocument &doc, PipelineDocument::Header before,
                                   PipelineDocument::Header after, const QString &text)
    : QUndoCommand(text), m_doc(doc), m_before(std::move(before)), m_after(std::move(after))
{
}

void SetHeaderCommand::redo()
{
    m_doc.performSetHeader(m_after);
}

void SetHeaderCommand::undo()
{
    m_doc.performSetHeader(m_before);
}

ReplacePipelineCommand::ReplacePipelineCommand(PipelineDocument &doc, Pipeline before, Pipeline after)
    : QUndoCommand(tr("Edit JSON")), m_doc(doc), m_before(std::move(before)), m_after(std::move(after))
{
}

void ReplacePipelineCommand::redo()
{
    m_doc.performReplace(m_after);
}

void ReplacePipelineCommand::undo()
{
    m_doc.performReplace(m_before);
}

} // namespace sw::core
