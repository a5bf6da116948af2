// SPDX-License-Identifier: GPL-3.0-or-later
#include "debug/DebuggerPanel.h"

#include "data/RowsView.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace sw::widgets {

namespace {
using runtime::RuntimeClient;
} // namespace

DebuggerPanel::DebuggerPanel(QWidget *parent) : QWidget(parent), m_poll(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *controls = new QHBoxLayout;
    m_back = new QPushButton(tr("Back"), this);
    m_back->setToolTip(tr("Go back one batch: the operators' state and the recording as they were after it"));
    m_step = new QPushButton(tr("Step"), this);
    m_step->setToolTip(tr("Run one batch (again, as it ran, after going back)"));
    m_run = new QPushButton(tr("Run to Breakpoint"), this);
    m_run->setToolTip(tr("Run until a breakpoint's node sees a row for which its condition holds"));
    m_pause = new QPushButton(tr("Pause"), this);
    m_where = new QLabel(tr("Not debugging: run a pipeline over recordings with Run › Debug"), this);
    m_where->setWordWrap(true);
    for (QPushButton *b : {m_back, m_step, m_run, m_pause})
        controls->addWidget(b);
    controls->addWidget(m_where, 1);
    layout->addLayout(controls);

    auto *tabs = new QTabWidget(this);
    layout->addWidget(tabs, 1);

    // Rows: what an edge carried in the batch.
    auto *rowsPage = new QWidget(tabs);
    auto *rowsLayout = new QVBoxLayout(rowsPage);
    m_edges = new QComboBox(rowsPage);
    m_edges->setToolTip(tr("The edge (node.port) whose rows to show"));
    m_edges->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_edges->setMinimumContentsLength(20);
    m_rows = new RowsView(m_edges, rowsPage);
    rowsLayout->addWidget(m_rows, 1);
    tabs->addTab(rowsPage, tr("Rows"));

    // State: a stateful node's windows, groups or join rows after the batch.
    auto *statePage = new QWidget(tabs);
    auto *stateLayout = new QVBoxLayout(statePage);
    m_stateNode = new QComboBox(statePage);
    m_stateNode->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_stateNode->setMinimumContentsLength(20);
    m_stateSummary = new QLabel(statePage);
    m_stateTable = new QTableWidget(statePage);
    m_stateTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *stateTop = new QHBoxLayout;
    stateTop->addWidget(m_stateNode);
    stateTop->addWidget(m_stateSummary, 1);
    stateLayout->addLayout(stateTop);
    stateLayout->addWidget(m_stateTable, 1);
    tabs->addTab(statePage, tr("State"));

    // Breakpoints.
    auto *breakPage = new QWidget(tabs);
    auto *breakLayout = new QVBoxLayout(breakPage);
    m_breakpoints = new QTableWidget(0, 2, breakPage);
    m_breakpoints->setHorizontalHeaderLabels({tr("Node"), tr("Condition")});
    m_breakpoints->horizontalHeader()->setStretchLastSection(true);
    m_breakpoints->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_breakpoints->setSelectionBehavior(QAbstractItemView::SelectRows);
    breakLayout->addWidget(m_breakpoints, 1);
    auto *add = new QHBoxLayout;
    m_breakNode = new QLineEdit(breakPage);
    m_breakNode->setPlaceholderText(tr("node id"));
    m_breakCondition = new QLineEdit(breakPage);
    m_breakCondition->setPlaceholderText(tr("condition (empty: any row), e.g. amount > 1000"));
    auto *addButton = new QPushButton(tr("Add"), breakPage);
    auto *removeButton = new QPushButton(tr("Remove"), breakPage);
    add->addWidget(m_breakNode);
    add->addWidget(m_breakCondition, 1);
    add->addWidget(addButton);
    add->addWidget(removeButton);
    breakLayout->addLayout(add);
    tabs->addTab(breakPage, tr("Breakpoints"));

    const auto command = [this](RuntimeClient::Command c) {
        if (!m_client)
            return;
        m_client->send(c, [this](std::optional<runtime::RunStatus> status, const QString &error) {
            if (!status)
                fail(error);
            refresh();
        });
    };
    connect(m_step, &QPushButton::clicked, this, [command] { command(RuntimeClient::Command::Step); });
    connect(m_run, &QPushButton::clicked, this, [command] { command(RuntimeClient::Command::Resume); });
    connect(m_pause, &QPushButton::clicked, this, [command] { command(RuntimeClient::Command::Pause); });
    connect(m_back, &QPushButton::clicked, this, [this] {
        if (!m_client)
            return;
        m_client->seek(m_info.batch - 1, [this](std::optional<RuntimeClient::DebugInfo> info, const QString &error) {
            if (!info)
                return fail(error);
            showInfo(*info);
        });
    });
    connect(addButton, &QPushButton::clicked, this, [this] {
        if (m_breakNode->text().trimmed().isEmpty())
            return fail(tr("name the node the breakpoint is on"));
        auto list = m_info.breakpoints;
        list.push_back({m_breakNode->text().trimmed(), m_breakCondition->text().trimmed()});
        sendBreakpoints(list);
    });
    connect(removeButton, &QPushButton::clicked, this, [this] {
        const int row = m_breakpoints->currentRow();
        if (row < 0 || size_t(row) >= m_info.breakpoints.size())
            return;
        auto list = m_info.breakpoints;
        list.erase(list.begin() + row);
        sendBreakpoints(list);
    });
    connect(m_edges, &QComboBox::currentTextChanged, this, [this] { showRows(); });
    connect(m_stateNode, &QComboBox::currentTextChanged, this, [this] { showState(); });
    connect(m_poll, &QTimer::timeout, this, &DebuggerPanel::refresh);
    // Names for tests and style sheets.
    m_where->setObjectName(QStringLiteral("where"));
    m_edges->setObjectName(QStringLiteral("edges"));
    m_stateNode->setObjectName(QStringLiteral("stateNode"));
    m_stateSummary->setObjectName(QStringLiteral("stateSummary"));
    m_stateTable->setObjectName(QStringLiteral("stateTable"));
    m_breakpoints->setObjectName(QStringLiteral("breakpoints"));
    m_breakNode->setObjectName(QStringLiteral("breakpointNode"));
    m_breakCondition->setObjectName(QStringLiteral("breakpointCondition"));
    setClient(nullptr);
}

void DebuggerPanel::setClient(runtime::RuntimeClient *client, int pollMs)
{
    if (client && client == m_client)
        return; // the same run: keep what is shown
    m_client = client;
    m_info = {};
    m_batch.reset();
    for (QPushButton *b : {m_back, m_step, m_run, m_pause})
        b->setEnabled(client != nullptr);
    if (client) {
        m_poll->start(pollMs);
        refresh();
    } else {
        m_poll->stop();
        m_where->setText(tr("Not debugging: run a pipeline over recordings with Run › Debug"));
    }
}

void DebuggerPanel::fail(const QString &why)
{
    m_where->setText(why);
    emit message(why, true);
}

void DebuggerPanel::refresh()
{
    if (!m_client || m_fetching)
        return;
    m_fetching = true;
    m_client->fetchDebugInfo([this](std::optional<RuntimeClient::DebugInfo> info, const QString &error) {
        m_fetching = false;
        if (!info) {
            m_where->setText(error);
            return;
        }
        showInfo(*info);
    });
}

void DebuggerPanel::showInfo(const RuntimeClient::DebugInfo &info)
{
    const bool changed = !m_batch || m_batch->batch != info.batch;
    m_info = info;
    if (!info.debugging) {
        m_where->setText(tr("This run is not being debugged: start it with Run › Debug (over recordings)"));
        for (QPushButton *b : {m_back, m_step, m_run})
            b->setEnabled(false);
        return;
    }
    QString where = info.batch < 0 ? tr("At the start") : tr("Batch %1").arg(info.batch);
    where += tr(" (kept: %1 to %2)").arg(info.first).arg(info.last);
    if (info.atEndOfInput)
        where += tr("; at the end of the recording");
    if (info.lastHitBatch && *info.lastHitBatch == info.batch)
        where += tr("; stopped at a breakpoint");
    if (info.status)
        where += QStringLiteral("; ") + runtime::RunStatus::stateName(info.status->state);
    m_where->setText(where);
    m_back->setEnabled(info.batch > info.first);
    m_breakpoints->setRowCount(int(info.breakpoints.size()));
    for (int r = 0; r < int(info.breakpoints.size()); ++r) {
        m_breakpoints->setItem(r, 0, new QTableWidgetItem(info.breakpoints[size_t(r)].node));
        m_breakpoints->setItem(r, 1, new QTableWidgetItem(info.breakpoints[size_t(r)].condition));
    }
    if (!changed || !m_client)
        return;
    m_client->fetchDebugBatch(info.batch, [this](std::optional<RuntimeClient::DebugBatch> batch, const QString &error) {
        if (!batch) {
            if (m_info.batch >= 0)
                m_where->setText(error);
            return;
        }
        showBatch(*batch);
    });
}

void DebuggerPanel::showBatch(const RuntimeClient::DebugBatch &batch)
{
    m_batch = batch;
    const QString edge = m_edges->currentText();
    {
        const QSignalBlocker block(m_edges);
        m_edges->clear();
        for (const auto &[name, rows] : batch.edgeRows)
            m_edges->addItem(name);
        const int at = m_edges->findText(edge);
        if (at >= 0)
            m_edges->setCurrentIndex(at);
    }
    const QString node = m_stateNode->currentText();
    {
        const QSignalBlocker block(m_stateNode);
        m_stateNode->clear();
        m_stateNode->addItems(batch.state.keys());
        const int at = m_stateNode->findText(node);
        if (at >= 0)
            m_stateNode->setCurrentIndex(at);
    }
    showRows();
    showState();
}

QString DebuggerPanel::edge() const
{
    return m_edges->currentText();
}

void DebuggerPanel::showEdge(const QString &edge)
{
    int at = m_edges->findText(edge);
    if (at < 0 && !edge.contains(u'.'))
        at = m_edges->findText(edge + QStringLiteral(".out"));
    if (at >= 0)
        m_edges->setCurrentIndex(at);
}

QJsonArray DebuggerPanel::shownRows() const
{
    return m_rows->shownRows();
}

void DebuggerPanel::showRows()
{
    QJsonArray rows;
    int64_t carried = 0;
    QStringList order;
    if (m_batch) {
        const auto it = m_batch->edges.find(m_edges->currentText());
        if (it != m_batch->edges.end()) {
            rows = it->second;
            const auto count = m_batch->edgeRows.find(it->first);
            carried = count == m_batch->edgeRows.end() ? 0 : count->second;
        }
        const auto columns = m_batch->edgeColumns.find(m_edges->currentText());
        if (columns != m_batch->edgeColumns.end())
            order = columns->second;
    }
    if (m_batch && m_batch->noData && m_batch->edges.empty())
        m_rows->setMessage(tr("No rows: a no-data batch, run to emit what the new watermark closed"));
    else
        m_rows->setRows(rows, order,
                        tr("%n row(s) in this batch", nullptr, int(carried))
                            + (carried > rows.size() ? tr(" (the first %1 kept)").arg(rows.size()) : QString()));
}

void DebuggerPanel::showState()
{
    QJsonArray rows;
    QString summary;
    QStringList order;
    if (m_batch) {
        const QJsonObject node = m_batch->state.value(m_stateNode->currentText()).toObject();
        QStringList parts;
        for (const QJsonValue &t : node.value(QStringLiteral("tables")).toArray()) {
            const QJsonObject table = t.toObject();
            const QJsonArray tableRows = table.value(QStringLiteral("rows")).toArray();
            for (const QJsonValue &c : table.value(QStringLiteral("columns")).toArray()) {
                if (!order.contains(c.toString()))
                    order << c.toString();
            }
            for (const QJsonValue &r : tableRows) {
                QJsonObject row = r.toObject();
                if (node.value(QStringLiteral("tables")).toArray().size() > 1)
                    row.insert(QStringLiteral("(held in)"), table.value(QStringLiteral("name")));
                rows.append(row);
            }
            parts << tr("%1 %2").arg(qint64(table.value(QStringLiteral("total")).toDouble())).arg(table.value(QStringLiteral("name")).toString());
        }
        summary = parts.isEmpty() ? tr("no state") : tr("held after this batch: %1").arg(parts.join(QStringLiteral(", ")));
    }
    m_stateSummary->setText(summary);
    fillRowsTable(m_stateTable, rows, order);
}

void DebuggerPanel::sendBreakpoints(std::vector<runtime::RuntimeClient::Breakpoint> breakpoints)
{
    if (!m_client)
        return;
    m_client->setBreakpoints(breakpoints, [this](std::optional<RuntimeClient::DebugInfo> info, const QString &error) {
        if (!info)
            return fail(error);
        m_breakCondition->clear();
        showInfo(*info);
    });
}

} // namespace sw::widgets
