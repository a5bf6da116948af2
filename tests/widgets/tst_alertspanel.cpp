// SPDX-License-Identifier: GPL-3.0-or-later
// The alerts dock: rules edited in a table as undo steps of the document, and a
// run's alert history shown newest first, announcing each new firing once.
#include "ExamplePipelines.h"
#include "document/PipelineDocument.h"
#include "inspector/SettingEditors.h"
#include "monitor/AlertsPanel.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace sw;

class tst_AlertsPanel : public QObject
{
    Q_OBJECT
private slots:
    void rulesAreEditedAsUndoSteps();
    void historyAnnouncesEachFiringOnce();
};

void tst_AlertsPanel::rulesAreEditedAsUndoSteps()
{
    core::PipelineDocument doc;
    doc.reset(sw::testing::examplePipeline());
    widgets::AlertsPanel panel(doc);
    auto *table = panel.rulesEditor()->findChild<QTableWidget *>();
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 1); // the example's consumer-lag rule
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("consumer_lag"));
    table->item(0, 2)->setText(QStringLiteral("5000")); // above
    QCOMPARE(doc.pipeline().alerts.at(0).toObject().value(QStringLiteral("above")).toDouble(), 5000.0);
    QCOMPARE(doc.pipeline().alerts.at(0).toObject().value(QStringLiteral("for")).toString(), QStringLiteral("30s"));
    QCOMPARE(doc.undoStack()->count(), 1);
    doc.undoStack()->undo();
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("10000")); // the table follows the document
    // A rule added in the JSON (or anywhere) shows up.
    QJsonArray alerts = doc.pipeline().alerts;
    alerts.append(QJsonObject{{QStringLiteral("metric"), QStringLiteral("e2e_latency_ms")}, {QStringLiteral("above"), 2000}});
    doc.setAlerts(alerts);
    QCOMPARE(table->rowCount(), 2);
}

void tst_AlertsPanel::historyAnnouncesEachFiringOnce()
{
    core::PipelineDocument doc;
    doc.reset(sw::testing::examplePipeline());
    widgets::AlertsPanel panel(doc);
    QSignalSpy fired(&panel, &widgets::AlertsPanel::alertFired);
    auto event = [](const char *state, const char *severity, const char *message) {
        return QJsonObject{{QStringLiteral("state"), QLatin1String(state)},
                           {QStringLiteral("severity"), QLatin1String(severity)},
                           {QStringLiteral("time"), QStringLiteral("2026-11-25T12:00:00.000Z")},
                           {QStringLiteral("message"), QLatin1String(message)}};
    };
    QJsonArray history{event("firing", "critical", "lag above 10000")};
    const QJsonObject lag{{QStringLiteral("views"), QStringLiteral("WARN")}};
    panel.showAlerts({{QStringLiteral("history"), history}, {QStringLiteral("lagStatus"), lag}});
    QCOMPARE(fired.size(), 1);
    QCOMPARE(fired.at(0).at(0).toString(), QStringLiteral("critical"));
    panel.showAlerts({{QStringLiteral("history"), history}}); // the same again: nothing new
    QCOMPARE(fired.size(), 1);
    history.append(event("resolved", "critical", "resolved: lag"));
    panel.showAlerts({{QStringLiteral("history"), history}});
    QCOMPARE(fired.size(), 1); // resolving is shown, not announced
    QCOMPARE(panel.historyRows(), 2);
    const auto *table = panel.findChild<QTableWidget *>(QStringLiteral("alert-history"));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("resolved")); // newest first
    panel.clearRun();
    QCOMPARE(panel.historyRows(), 0);
}

QTEST_MAIN(tst_AlertsPanel)
#include "tst_alertspanel.moc"
