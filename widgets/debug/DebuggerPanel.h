// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/RuntimeClient.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTabWidget;
class QTimer;

namespace sw::widgets {

class RowsView;

// The step debugger of a `run --debug` (over recordings), through the runtime's
// client API: step, back, run to a breakpoint, pause; the batch the run is at;
// for each edge the rows it carried in that batch, as a table and as JSON,
// filtered by an expression over the rows; each stateful node's state after
// the batch; breakpoints on nodes with a condition.
class DebuggerPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DebuggerPanel(QWidget *parent = nullptr);

    // The run to debug (nullptr: none); follows it every `pollMs` while set.
    void setClient(runtime::RuntimeClient *client, int pollMs = 500);
    // The edge ("node.port") or node whose rows to show (the canvas's selection).
    void showEdge(const QString &edge);

    int64_t batch() const { return m_info.batch; }
    QString edge() const;
    // The rows shown (after the filter), as JSON objects.
    QJsonArray shownRows() const;

signals:
    void message(const QString &text, bool isError);

private:
    void refresh();
    void showInfo(const runtime::RuntimeClient::DebugInfo &info);
    void showBatch(const runtime::RuntimeClient::DebugBatch &batch);
    void showRows();
    void showState();
    void sendBreakpoints(std::vector<runtime::RuntimeClient::Breakpoint> breakpoints);
    void fail(const QString &why);

    runtime::RuntimeClient *m_client = nullptr;
    QTimer *m_poll;
    runtime::RuntimeClient::DebugInfo m_info;
    std::optional<runtime::RuntimeClient::DebugBatch> m_batch;
    bool m_fetching = false;

    QPushButton *m_back, *m_step, *m_run, *m_pause;
    QLabel *m_where;
    QComboBox *m_edges;
    RowsView *m_rows;
    QComboBox *m_stateNode;
    QTableWidget *m_stateTable;
    QLabel *m_stateSummary;
    QTableWidget *m_breakpoints;
    QLineEdit *m_breakNode, *m_breakCondition;
};

} // namespace sw::widgets
