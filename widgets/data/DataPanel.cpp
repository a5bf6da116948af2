// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/DataPanel.h"

#include "catalog/NodeCatalog.h"
#include "data/RowsView.h"
#include "document/PipelineDocument.h"
#include "problems/ProblemsModel.h"

#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QTimer>
#include <QVBoxLayout>

namespace sw::widgets {

namespace {
const QString kEdge = QStringLiteral("edge:");
const QString kPreview = QStringLiteral("preview:");
} // namespace

DataPanel::DataPanel(const core::PipelineDocument &document, const ProblemsModel &problems, QWidget *parent)
    : QWidget(parent), m_problems(problems), m_document(document), m_poll(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    m_choice = new QComboBox(this);
    m_choice->setObjectName(QStringLiteral("dataChoice"));
    m_choice->setToolTip(tr("An edge (node.port) of the running pipeline, or a preview sink"));
    m_choice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_choice->setMinimumContentsLength(18);
    m_status = new QLabel(tr("Run the pipeline to see the rows on its edges; choose an edge or node on the canvas."), this);
    m_status->setObjectName(QStringLiteral("dataStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_rows = new RowsView(m_choice, this);
    layout->addWidget(m_rows, 1);
    connect(m_choice, &QComboBox::activated, this, [this] {
        m_wanted = m_choice->currentData().toString();
        showChoice();
    });
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
}

void DataPanel::setClient(runtime::RuntimeClient *client, int pollMs)
{
    if (client == m_client)
        return; // the same run (paused, resumed)
    m_client = client;
    m_fetching = false;
    if (client) {
        m_samples.reset(); // a new run: nothing of the previous one
        m_poll->start(pollMs);
        refresh();
    } else {
        m_poll->stop();
        m_status->setText(m_samples ? tr("The run has ended; its last rows:")
                                    : tr("Run the pipeline to see the rows on its edges; choose an edge or node on the canvas."));
    }
}

QString DataPanel::labelOf(const QString &choice)
{
    return choice.startsWith(kPreview) ? tr("%1 (preview)").arg(choice.mid(kPreview.size())) : choice.mid(kEdge.size());
}

QString DataPanel::choiceFor(const QString &nodeOrEdge) const
{
    const core::Pipeline &pipeline = m_document.pipeline();
    const auto outputOf = [&](const QString &node, const QString &port) -> QString {
        if (!port.isEmpty())
            return kEdge + node + u'.' + port;
        const core::Node *n = pipeline.node(node);
        const core::NodeType *type = n ? core::NodeCatalog::instance().find(n->type) : nullptr;
        if (!type || type->outputs.empty())
            return {};
        return kEdge + node + u'.' + type->defaultOutput();
    };
    const core::Node *node = pipeline.node(nodeOrEdge);
    if (!node) { // "node.port"
        const qsizetype dot = nodeOrEdge.lastIndexOf(u'.');
        return dot > 0 && pipeline.node(nodeOrEdge.left(dot)) ? kEdge + nodeOrEdge : QString();
    }
    if (node->type == u"sink.preview")
        return kPreview + node->id;
    if (const QString out = outputOf(node->id, {}); !out.isEmpty())
        return out;
    for (const core::Edge &e : pipeline.edges) { // a sink: what reaches it
        if (e.to == node->id)
            return outputOf(e.from, e.fromPort);
    }
    return {};
}

void DataPanel::follow(const QString &nodeOrEdge)
{
    const QString choice = choiceFor(nodeOrEdge);
    if (choice.isEmpty())
        return;
    m_wanted = choice;
    showChoice();
}

void DataPanel::refresh()
{
    if (!m_client || m_fetching)
        return;
    m_fetching = true;
    runtime::RuntimeClient *client = m_client;
    m_client->fetchSamples([this, client](std::optional<runtime::RuntimeClient::EdgeSamples> samples, const QString &error) {
        if (client != m_client)
            return; // an answer of a run no longer followed
        m_fetching = false;
        if (!samples) {
            m_status->setText(tr("Cannot read the run's rows: %1").arg(error));
            return;
        }
        m_samples = std::move(samples);
        showSamples();
        emit refreshed();
    });
}

void DataPanel::showSamples()
{
    // The choices: every edge that carried rows, and every preview.
    QStringList keys;
    for (const auto &[edge, rows] : m_samples->edges)
        keys << kEdge + edge;
    for (const auto &[node, rows] : m_samples->previews)
        keys << kPreview + node;
    if (!m_wanted.isEmpty() && !keys.contains(m_wanted))
        keys.prepend(m_wanted); // chosen on the canvas, nothing there yet
    QStringList current;
    for (int i = 0; i < m_choice->count(); ++i)
        current << m_choice->itemData(i).toString();
    if (current != keys) {
        const QSignalBlocker blocker(m_choice);
        m_choice->clear();
        for (const QString &key : std::as_const(keys))
            m_choice->addItem(labelOf(key), key);
    }
    if (m_wanted.isEmpty() && !keys.isEmpty())
        m_wanted = keys.front();
    showChoice();
}

void DataPanel::showChoice()
{
    const int index = m_choice->findData(m_wanted);
    if (index < 0 && !m_wanted.isEmpty()) {
        const QSignalBlocker blocker(m_choice);
        m_choice->insertItem(0, labelOf(m_wanted), m_wanted);
    }
    {
        const QSignalBlocker blocker(m_choice);
        m_choice->setCurrentIndex(std::max(0, m_choice->findData(m_wanted)));
    }
    if (!m_samples) {
        m_rows->setMessage(m_client ? tr("Waiting for the run's first batch...")
                                    : tr("Not running: the rows appear here while the pipeline runs."));
        return;
    }
    const QLocale locale;
    m_status->setText(m_client ? tr("Batch %1: each edge's rows of the last batch that had rows (up to 20), each "
                                    "preview's last rows.")
                                     .arg(locale.toString(qint64(m_samples->batchId)))
                               : tr("The run has ended; its last rows:"));
    if (m_wanted.startsWith(kPreview)) {
        const auto it = m_samples->previews.find(m_wanted.mid(kPreview.size()));
        if (it == m_samples->previews.end())
            m_rows->setMessage(tr("No rows have reached this preview yet."));
        else
            m_rows->setRows(it->second, columnsOf(m_wanted), tr("%n row(s) kept by the preview, oldest first", nullptr, int(it->second.size())));
        return;
    }
    const auto it = m_samples->edges.find(m_wanted.mid(kEdge.size()));
    if (it == m_samples->edges.end())
        m_rows->setMessage(tr("No rows have passed this edge yet."));
    else
        m_rows->setRows(it->second, columnsOf(m_wanted), tr("%n row(s) of its last batch with rows", nullptr, int(it->second.size())));
}

QStringList DataPanel::columnsOf(const QString &choice) const
{
    const auto &schemas = m_problems.result().schemas;
    const core::Schema *schema = nullptr;
    if (choice.startsWith(kPreview)) {
        const auto it = schemas.constFind(choice.mid(kPreview.size()));
        if (it != schemas.constEnd() && !it->inputs.empty())
            schema = &it->inputs.begin()->second;
    } else {
        const QString edge = choice.mid(kEdge.size());
        const qsizetype dot = edge.lastIndexOf(u'.');
        const auto it = schemas.constFind(edge.left(dot));
        if (it != schemas.constEnd()) {
            const auto port = it->outputs.find(edge.mid(dot + 1));
            if (port != it->outputs.end())
                schema = &port->second;
        }
    }
    QStringList names;
    if (schema) {
        for (const core::Field &f : schema->fields)
            names << f.name;
    }
    return names;
}

void DataPanel::clear()
{
    m_samples.reset();
    m_wanted.clear();
    m_choice->clear();
    m_status->setText(tr("Run the pipeline to see the rows on its edges; choose an edge or node on the canvas."));
    m_rows->setMessage(tr("Not running: the rows appear here while the pipeline runs."));
}

QString DataPanel::shown() const
{
    return m_wanted;
}

QJsonArray DataPanel::shownRows() const
{
    return m_rows->shownRows();
}

} // namespace sw::widgets
