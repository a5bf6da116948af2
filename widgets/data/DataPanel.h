// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/RuntimeClient.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QTimer;

namespace sw::core {
class PipelineDocument;
}

namespace sw::widgets {

class ProblemsModel;
class RowsView;

// The Data dock: the rows an edge carried in the run's last batch that had rows
// (the runtime keeps up to 20 per edge, GET /api/samples), and the rows each
// sink.preview keeps, in a table and as JSON, filterable; it follows the edge or
// node chosen on the canvas.
class DataPanel : public QWidget
{
    Q_OBJECT
public:
    // `problems` gives the schemas, for the columns' order.
    DataPanel(const core::PipelineDocument &document, const ProblemsModel &problems, QWidget *parent = nullptr);

    // The run to show (nullptr: none); asked every `pollMs` while set and shown.
    void setClient(runtime::RuntimeClient *client, int pollMs = 1000);
    // The canvas's choice: a node id or an edge's "node.port". A node shows what
    // leaves it (a sink: what reaches it; a preview: the rows it keeps).
    void follow(const QString &nodeOrEdge);
    void refresh();
    // Nothing shown: another pipeline was opened.
    void clear();

    // For tests: what is shown ("edge:node.port" or "preview:node") and its rows.
    QString shown() const;
    QJsonArray shownRows() const;

signals:
    void refreshed();

private:
    void showSamples();
    void showChoice();
    QString choiceFor(const QString &nodeOrEdge) const;
    static QString labelOf(const QString &choice); // the picker's text for a choice
    QStringList columnsOf(const QString &choice) const; // the schema's order

    const ProblemsModel &m_problems;
    const core::PipelineDocument &m_document;
    runtime::RuntimeClient *m_client = nullptr;
    QTimer *m_poll;
    bool m_fetching = false;
    std::optional<runtime::RuntimeClient::EdgeSamples> m_samples;
    QString m_wanted; // the choice to show once the run has it
    QComboBox *m_choice;
    QLabel *m_status;
    RowsView *m_rows;
};

} // namespace sw::widgets
