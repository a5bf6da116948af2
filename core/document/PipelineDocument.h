// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/Pipeline.h"
#include "validation/Diagnostic.h"

#include <QHash>
#include <QObject>
#include <QPointF>
#include <QUndoStack>

#include <optional>

namespace sw::core {

// The single source of truth of an open pipeline. Canvas, inspector, JSON view and
// problems list observe it through its signals and keep no copy of their own.
// Every public mutator pushes exactly one undo step (a command or a macro); the
// commands call the private perform* methods, which make the raw change and emit
// the signals (Okular's document/command split). Lives in the GUI thread.
class PipelineDocument : public QObject
{
    Q_OBJECT
public:
    explicit PipelineDocument(QObject *parent = nullptr);
    ~PipelineDocument() override;

    const Pipeline &pipeline() const { return m_pipeline; }
    QUndoStack *undoStack() { return &m_undoStack; }
    QString filePath() const { return m_pipeline.filePath; }
    bool isModified() const { return !m_undoStack.isClean(); }

    // Replaces the whole pipeline without an undo step (New, Open): clears history.
    void reset(const Pipeline &pipeline);
    // Loads a file; on failure the document is unchanged and `diagnostics` says why.
    bool load(const QString &filePath, Diagnostics *diagnostics);
    // Saves to `filePath` (or the current path); returns an error message on failure.
    std::optional<QString> save(const QString &filePath = {});

    // Edits. Ids that do not exist are ignored (the edit does nothing).
    void addNode(const Node &node);
    void removeNodes(const QStringList &ids); // with their edges, one undo step
    void moveNodes(const QHash<QString, QPointF> &positions); // a finished drag
    // How an edit of a setting joins the undo history: Typing merges with the
    // previous edit of the same setting (keystrokes in an editor are one step).
    enum class EditMerge { Separate, Typing };
    void setNodeSetting(const QString &id, const QString &key, const QJsonValue &value,
                        EditMerge merge = EditMerge::Separate); // Undefined removes
    void setNodeConfig(const QString &id, const QJsonObject &config);
    // A Kafka source reads a recording instead (source.recording), keeping what
    // its records mean (schema, event time, dead letters, size limit) and its
    // topics as the recorded ones to read; one undo step. `path` as it is to be
    // written (relative to the pipeline file where it can be). False: not a Kafka source.
    bool useRecordingAsSource(const QString &id, const QString &path);
    bool renameNode(const QString &id, const QString &newId); // false if newId is taken or empty
    void addEdge(const Edge &edge);
    void removeEdge(const Edge &edge);
    void setName(const QString &name);
    void setConnection(const QString &name, const QJsonObject &settings);
    void removeConnection(const QString &name);
    void setRuntime(const QJsonObject &runtime);
    void setAlerts(const QJsonArray &alerts);
    // Adds copies of nodes (new ids where taken, edges between them kept): paste, duplicate.
    // Returns the new ids.
    QStringList insertCopies(std::vector<Node> nodes, std::vector<Edge> edges, QPointF offset);
    // An edit of the whole file (the JSON view), as one undo step.
    void replacePipeline(const Pipeline &pipeline);

    QString uniqueNodeId(const QString &base) const;

    // The pipeline-level part of the file (what SetHeaderCommand swaps).
    struct Header
    {
        QString name;
        QMap<QString, QJsonObject> connections;
        QJsonObject runtime;
        QJsonArray alerts;
        QJsonObject extra;
        friend bool operator==(const Header &, const Header &) = default;
    };
    Header header() const;

signals:
    void nodeAdded(const QString &id);
    void nodeRemoved(const QString &id);
    void nodeChanged(const QString &id); // settings or position
    void nodeRenamed(const QString &oldId, const QString &newId);
    void edgeAdded(const sw::core::Edge &edge);
    void edgeRemoved(const sw::core::Edge &edge);
    void headerChanged();
    void pipelineReset();   // everything may have changed
    void pipelineChanged(); // after any change, once per raw change
    void filePathChanged(const QString &filePath);
    void modifiedChanged(bool modified);

private:
    friend class AddNodeCommand;
    friend class RemoveNodeCommand;
    friend class SetNodeCommand;
    friend class RenameNodeCommand;
    friend class AddEdgeCommand;
    friend class RemoveEdgeCommand;
    friend class SetHeaderCommand;
    friend class ReplacePipelineCommand;

    void performInsertNode(int index, const Node &node);
    Node performRemoveNode(const QString &id, int *index);
    void performSetNode(const Node &node);
    void performRenameNode(const QString &oldId, const QString &newId);
    void performInsertEdge(int index, const Edge &edge);
    int performRemoveEdge(const Edge &edge);
    void performSetHeader(const Header &header);
    void performReplace(const Pipeline &pipeline);

    Pipeline m_pipeline;
    QUndoStack m_undoStack;
};

} // namespace sw::core
