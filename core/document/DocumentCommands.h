// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/PipelineDocument.h"

#include <QUndoCommand>

namespace sw::core {

// The undo commands of PipelineDocument. Each receives ids and values (never a
// scene or a selection), records what it needs in its constructor or first redo,
// and calls the document's perform* methods. Kept in one file like Okular's
// documentcommands.cpp: they are small and only make sense together.

class AddNodeCommand : public QUndoCommand
{
public:
    AddNodeCommand(PipelineDocument &doc, Node node, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    PipelineDocument &m_doc;
    Node m_node;
};

class RemoveNodeCommand : public QUndoCommand
{
public:
    RemoveNodeCommand(PipelineDocument &doc, QString id, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    PipelineDocument &m_doc;
    QString m_id;
    Node m_node;
    int m_index = -1;
};

// Replaces a node's settings and position (moves, setting edits).
class SetNodeCommand : public QUndoCommand
{
public:
    SetNodeCommand(PipelineDocument &doc, Node before, Node after, const QString &text, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    // Typing in one setting merges into one undo step (see PipelineDocument::EditMerge).
    void setMergeKey(const QString &key) { m_mergeKey = key; }
    int id() const override { return m_mergeKey.isEmpty() ? -1 : 1; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    PipelineDocument &m_doc;
    Node m_before;
    Node m_after;
    QString m_mergeKey; // node id + setting; empty: never merges
};

class RenameNodeCommand : public QUndoCommand
{
public:
    RenameNodeCommand(PipelineDocument &doc, QString oldId, QString newId);
    void redo() override;
    void undo() override;

private:
    PipelineDocument &m_doc;
    QString m_oldId;
    QString m_newId;
};

class AddEdgeCommand : public QUndoCommand
{
public:
    AddEdgeCommand(PipelineDocument &doc, Edge edge, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    PipelineDocument &m_doc;
    Edge m_edge;
    int m_index = -1;
};

class RemoveEdgeCommand : public QUndoCommand
{
public:
    RemoveEdgeCommand(PipelineDocument &doc, Edge edge, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    PipelineDocument &m_doc;
    Edge m_edge;
    int m_index = -1;
};

class SetHeaderCommand : public QUndoCommand
{
public:
    SetHeaderCommand(PipelineDocument &doc, PipelineDocument::Header before, PipelineDocument::Header after,
                     const QString &text);
    void redo() override;
    void undo() override;

private:
    PipelineDocument &m_doc;
    PipelineDocument::Header m_before;
    PipelineDocument::Header m_after;
};

class ReplacePipelineCommand : public QUndoCommand
{
public:
    ReplacePipelineCommand(PipelineDocument &doc, Pipeline before, Pipeline after);
    void redo() override;
    void undo() override;

private:
    PipelineDocument &m_doc;
    Pipeline m_before;
    Pipeline m_after;
};

} // namespace sw::core
