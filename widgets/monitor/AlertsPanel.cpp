// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitor/AlertsPanel.h"

#include "catalog/NodeCatalog.h"
#include "document/PipelineDocument.h"
#include "inspector/SettingEditors.h"

#include <QDateTime>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sw::widgets {

AlertsPanel::AlertsPanel(core::PipelineDocument &document, QWidget *parent) : QWidget(parent), m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    layout->addWidget(splitter);

    auto *rulesBox = new QWidget(splitter);
    auto *rulesLayout = new QVBoxLayout(rulesBox);
    rulesLayout->setContentsMargins(0, 0, 0, 0);
    rulesLayout->addWidget(new QLabel(tr("<b>Rules</b> (saved in the pipeline file; the runtime evaluates them)"), rulesBox));
    core::SettingSpec spec = core::NodeCatalog::instance().alertSpec();
    spec.key = QStringLiteral("alerts");
    spec.kind = core::SettingKind::ObjectList;
    m_rules = createSettingEditor(spec, rulesBox);
    rulesLayout->addWidget(m_rules);
    rulesLayout->addStretch();
    connect(m_rules, &SettingEditor::edited, this,
            [this](const QJsonValue &value, bool) { m_document.setAlerts(value.toArray()); });

    auto *runBox = new QWidget(splitter);
    auto *runLayout = new QVBoxLayout(runBox);
    runLayout->setContentsMargins(0, 0, 0, 0);
    m_lagStatus = new QLabel(tr("Consumer-lag status: not running"), runBox);
    runLayout->addWidget(m_lagStatus);
    m_history = new QTableWidget(0, 4, runBox);
    m_history->setObjectName(QStringLiteral("alert-history"));
    m_history->setHorizontalHeaderLabels({tr("Time"), tr("Severity"), tr("State"), tr("Alert")});
    m_history->horizontalHeader()->setStretchLastSection(true);
    m_history->verticalHeader()->hide();
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    runLayout->addWidget(m_history);

    connect(&m_document, &core::PipelineDocument::headerChanged, this, &AlertsPanel::refreshRules);
    connect(&m_document, &core::PipelineDocument::pipelineReset, this, &AlertsPanel::refreshRules);
    connect(&m_document, &core::PipelineDocument::pipelineChanged, this, &AlertsPanel::refreshRules);
    refreshRules();
}

void AlertsPanel::refreshRules()
{
    const QJsonArray alerts = m_document.pipeline().alerts;
    m_rules->setValue(alerts.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(alerts));
}

int AlertsPanel::historyRows() const
{
    return m_history->rowCount();
}

void AlertsPanel::clearRun()
{
    m_history->setRowCount(0);
    m_seenHistory = 0;
    m_lagStatus->setText(tr("Consumer-lag status: not running"));
}

void AlertsPanel::showAlerts(const QJsonObject &alerts)
{
    const QJsonArray history = alerts.value(QStringLiteral("history")).toArray();
    if (history.size() < m_seenHistory) // the runtime keeps the last 1000: it wrapped
        m_seenHistory = 0;
    for (qsizetype i = m_seenHistory; i < history.size(); ++i) {
        const QJsonObject e = history.at(i).toObject();
        const QString severity = e.value(QStringLiteral("severity")).toString();
        const bool firing = e.value(QStringLiteral("state")).toString() == QLatin1String("firing");
        const QDateTime time = QDateTime::fromString(e.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
        m_history->insertRow(0); // newest first
        const QStringList cells{time.toLocalTime().toString(QStringLiteral("HH:mm:ss")), severity,
                                firing ? tr("firing") : tr("resolved"), e.value(QStringLiteral("message")).toString()};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (firing && severity == QLatin1String("critical"))
                item->setForeground(QColor(0xd0, 0x30, 0x30));
            m_history->setItem(0, c, item);
        }
        if (firing)
            emit alertFired(severity, e.value(QStringLiteral("message")).toString());
    }
    m_seenHistory = int(history.size());
    const QJsonObject lag = alerts.value(QStringLiteral("lagStatus")).toObject();
    QStringList parts;
    for (auto it = lag.begin(); it != lag.end(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.key(), it.value().toString());
    m_lagStatus->setText(parts.isEmpty() ? tr("Consumer-lag status: no Kafka sources")
                                         : tr("Consumer-lag status: %1").arg(parts.join(QStringLiteral(", "))));
}

} // namespace sw::widgets
