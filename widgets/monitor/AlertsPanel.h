// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace sw::core {
class PipelineDocument;
}

namespace sw::widgets {

class SettingEditor;

// The alerts dock: the pipeline's alert rules, edited in a table (each change one
// undo step of the document), and while a run is followed, which rules fire, the
// history of firing and resolving, and each source's consumer-lag status.
class AlertsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AlertsPanel(core::PipelineDocument &document, QWidget *parent = nullptr);

    // The runtime's GET /api/alerts answer.
    void showAlerts(const QJsonObject &alerts);
    void clearRun();
    SettingEditor *rulesEditor() const { return m_rules; }
    int historyRows() const;

signals:
    // A rule started firing (for the tray and the log).
    void alertFired(const QString &severity, const QString &message);

private:
    void refreshRules();

    core::PipelineDocument &m_document;
    SettingEditor *m_rules = nullptr;
    QTableWidget *m_history = nullptr;
    QLabel *m_lagStatus = nullptr;
    int m_seenHistory = 0;
};

} // namespace sw::widgets
