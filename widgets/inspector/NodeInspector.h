// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QLineEdit;
class QScrollArea;
class QStackedWidget;
class QTreeWidget;

namespace sw::core {
class PipelineDocument;
}

namespace sw::widgets {

class ProblemsModel;
class SettingEditor;
class SettingForm;

// The inspector: the selected node's id, type and help, a form generated from the
// node catalog's settings for its type, its problems next to the settings they
// concern, and the schemas flowing in and out. Every change goes to the document
// as one undo step (keystrokes in one setting merge into one).
class NodeInspector : public QWidget
{
    Q_OBJECT
public:
    NodeInspector(core::PipelineDocument &document, ProblemsModel &problems, QWidget *parent = nullptr);

    // Shows a node (empty: none).
    void showNode(const QString &id);
    // The shown Kafka source reads this recording instead (Use a Recording...).
    void useRecording(const QString &file);
    QString nodeId() const { return m_nodeId; }
    SettingEditor *editor(const QString &key) const;
    // Focuses the editor of the setting a JSON pointer names ("/nodes/2/config/window/size").
    void focusPointer(const QString &pointer);

private:
    void rebuild();
    void refreshValues();
    void refreshAnalysis();
    void rename();

    core::PipelineDocument &m_document;
    ProblemsModel &m_problems;
    QString m_nodeId;
    QString m_formType; // the type m_form was built for

    QStackedWidget *m_stack = nullptr;
    QLineEdit *m_id = nullptr;
    QLabel *m_type = nullptr;
    QLabel *m_help = nullptr;
    QLabel *m_nodeProblems = nullptr;
    QPushButton *m_useRecording = nullptr; // on a Kafka source
    QScrollArea *m_scroll = nullptr;
    SettingForm *m_form = nullptr;
    QTreeWidget *m_schemas = nullptr;
};

} // namespace sw::widgets
