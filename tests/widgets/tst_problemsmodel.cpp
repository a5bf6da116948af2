// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExamplePipelines.h"
#include "format/PipelineFormat.h"
#include "outline/PipelineOutline.h"
#include "problems/ProblemsModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace sw;

class tst_ProblemsModel : public QObject
{
    Q_OBJECT
private slots:
    void followsTheDocument();
    void locationsNameTheNode();
    void outlineShowsSchemas();
};

void tst_ProblemsModel::followsTheDocument()
{
    core::PipelineDocument doc;
    doc.reset(sw::testing::examplePipeline());
    widgets::ProblemsModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy validated(&model, &widgets::ProblemsModel::validated);
    QCOMPARE(model.rowCount(), 0);

    doc.setNodeSetting(QStringLiteral("only_views"), QStringLiteral("predicate"), QStringLiteral("event_typ = 1"));
    QCOMPARE(validated.count(), 1);
    QCOMPARE(validated.first().at(0).toInt(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.errorCount(), 1);
    const QModelIndex message = model.index(0, widgets::ProblemsModel::MessageColumn);
    QVERIFY(message.data().toString().contains(QStringLiteral("did you mean 'event_type'")));
    QCOMPARE(message.data(widgets::ProblemsModel::NodeIdRole).toString(), QStringLiteral("only_views"));
    QCOMPARE(message.data(widgets::ProblemsModel::PointerRole).toString(), QStringLiteral("/nodes/1/config/predicate"));

    doc.undoStack()->undo();
    QCOMPARE(model.rowCount(), 0);
}

void tst_ProblemsModel::locationsNameTheNode()
{
    core::PipelineDocument doc;
    doc.reset(sw::testing::examplePipeline());
    widgets::ProblemsModel model(doc);
    QJsonObject window = doc.pipeline().node(QStringLiteral("per_minute"))->config.value(QStringLiteral("window")).toObject();
    window.insert(QStringLiteral("size"), QStringLiteral("10 parsecs"));
    doc.setNodeSetting(QStringLiteral("per_minute"), QStringLiteral("window"), window);
    doc.setName(QString());
    QCOMPARE(model.rowCount(), 2);
    QStringList locations;
    for (int r = 0; r < model.rowCount(); ++r)
        locations << model.index(r, widgets::ProblemsModel::LocationColumn).data().toString();
    QVERIFY(locations.contains(QStringLiteral("per_minute › window/size")));
    QVERIFY(locations.contains(QStringLiteral("name")));
}

void tst_ProblemsModel::outlineShowsSchemas()
{
    core::PipelineDocument doc;
    doc.reset(sw::testing::examplePipeline());
    widgets::ProblemsModel model(doc);
    widgets::PipelineOutline outline(doc, model);
    QCOMPARE(outline.topLevelItemCount(), 4);
    QTreeWidgetItem *window = outline.topLevelItem(2);
    QCOMPARE(window->text(0), QStringLiteral("per_minute"));
    QTreeWidgetItem *out = window->child(0);
    QCOMPARE(out->childCount(), 4);
    QCOMPARE(out->child(0)->text(0), QStringLiteral("window_start"));
    QCOMPARE(out->child(0)->text(1), QStringLiteral("timestamp, event time"));
    doc.removeNodes({QStringLiteral("dashboard")});
    QCOMPARE(outline.topLevelItemCount(), 3);
}

QTEST_MAIN(tst_ProblemsModel)
#include "tst_problemsmodel.moc"
