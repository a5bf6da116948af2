// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/PipelineDocument.h"
#include "ExamplePipelines.h"
#include "format/PipelineFormat.h"
#include "validation/PipelineValidator.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace sw::core;

namespace {

QByteArray saved(const PipelineDocument &doc)
{
    return PipelineFormat::save(doc.pipeline());
}

using Edit = std::function<void(PipelineDocument &)>;
} // namespace

Q_DECLARE_METATYPE(Edit)

class tst_PipelineDocument : public QObject
{
    Q_OBJECT
private slots:
    void undoRedo_data();
    void undoRedo();
    void editsThatChangeNothingPushNothing_data();
    void editsThatChangeNothingPushNothing();
    void signals_();
    void removeRestoresEdgeOrder();
    void renameUpdatesEdgesAndAlerts();
    void copiesGetNewIds();
    void saveMarksClean();
    void loadFailureKeepsDocument();
    void aRecordingKeepsWhatTheRecordsMean();
};

void tst_PipelineDocument::aRecordingKeepsWhatTheRecordsMean()
{
    PipelineDocument doc;
    doc.reset(sw::testing::examplePipeline());
    const Node before = *doc.pipeline().node(QStringLiteral("views"));
    QVERIFY(doc.useRecordingAsSource(QStringLiteral("views"), QStringLiteral("shop.swrec")));
    const Node &after = *doc.pipeline().node(QStringLiteral("views"));
    QCOMPARE(after.type, QStringLiteral("source.recording"));
    QCOMPARE(after.config.value(QStringLiteral("path")).toString(), QStringLiteral("shop.swrec"));
    for (const char *kept : {"topics", "schema", "eventTime", "format"})
        QCOMPARE(after.config.value(QLatin1String(kept)), before.config.value(QLatin1String(kept)));
    for (const char *gone : {"connection", "startingOffsets", "group"})
        QVERIFY(!after.config.contains(QLatin1String(gone)));
    QCOMPARE(after.position, before.position);
    // Still valid: the rest of the pipeline sees the same fields.
    QVERIFY(PipelineValidator::validate(doc.pipeline()).ok());
    QVERIFY(!doc.useRecordingAsSource(QStringLiteral("only_views"), QStringLiteral("shop.swrec"))); // not a Kafka source
    QCOMPARE(doc.undoStack()->count(), 1);
}

void tst_PipelineDocument::undoRedo_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QString>("expectedInJson"); // a fragment the edit must produce
    QTest::newRow("add node") << Edit([](PipelineDocument &d) {
        d.addNode(Node{QStringLiteral("preview"), QStringLiteral("sink.preview"), QPointF(700, 300), {}, {}});
    }) << QStringLiteral("\"id\": \"preview\"");
    QTest::newRow("use a recording for a Kafka source") << Edit([](PipelineDocument &d) {
        QVERIFY(d.useRecordingAsSource(QStringLiteral("views"), QStringLiteral("recordings/shop.swrec")));
    }) << QStringLiteral("\"type\": \"source.recording\"");
    QTest::newRow("remove node with edges") << Edit([](PipelineDocument &d) {
        d.removeNodes({QStringLiteral("only_views")});
    }) << QStringLiteral("{\"from\": \"per_minute\", \"to\": \"dashboard\"}\n  ]");
    QTest::newRow("remove two nodes") << Edit([](PipelineDocument &d) {
        d.removeNodes({QStringLiteral("per_minute"), QStringLiteral("views")});
    }) << QStringLiteral("\"edges\": []");
    QTest::newRow("move nodes") << Edit([](PipelineDocument &d) {
        d.moveNodes({{QStringLiteral("views"), QPointF(10, 20)}, {QStringLiteral("dashboard"), QPointF(900.5, 80)}});
    }) << QStringLiteral("\"position\": [900.5, 80]");
    QTest::newRow("set setting") << Edit([](PipelineDocument &d) {
        d.setNodeSetting(QStringLiteral("only_views"), QStringLiteral("predicate"), QStringLiteral("event_type = 'click'"));
    }) << QStringLiteral("event_type = 'click'");
    QTest::newRow("remove setting") << Edit([](PipelineDocument &d) {
        d.setNodeSetting(QStringLiteral("per_minute"), QStringLiteral("outputMode"), QJsonValue::Undefined);
    }) << QStringLiteral("\"aggregates\": [\n          {\"name\": \"views\", \"fn\": \"count\"}\n        ]\n      }");
    QTest::newRow("set config") << Edit([](PipelineDocument &d) {
        d.setNodeConfig(QStringLiteral("only_views"), {{QStringLiteral("predicate"), QStringLiteral("TRUE")}});
    }) << QStringLiteral("\"config\": {\"predicate\": \"TRUE\"}");
    QTest::newRow("rename node") << Edit([](PipelineDocument &d) {
        QVERIFY(d.renameNode(QStringLiteral("views"), QStringLiteral("events")));
    }) << QStringLiteral("{\"from\": \"events\", \"to\": \"only_views\"}");
    QTest::newRow("add edge") << Edit([](PipelineDocument &d) {
        d.addEdge(Edge{QStringLiteral("views"), QStringLiteral("dead"), QStringLiteral("dashboard"), {}, {}});
    }) << QStringLiteral("{\"from\": \"views\", \"fromPort\": \"dead\", \"to\": \"dashboard\"}");
    QTest::newRow("remove edge") << Edit([](PipelineDocument &d) {
        d.removeEdge(Edge{QStringLiteral("views"), {}, QStringLiteral("only_views"), {}, {}});
    }) << QStringLiteral("\"edges\": [\n    {\"from\": \"only_views\"");
    QTest::newRow("set name") << Edit([](PipelineDocument &d) { d.setName(QStringLiteral("renamed")); })
                              << QStringLiteral("\"name\": \"renamed\"");
    QTest::newRow("set connection") << Edit([](PipelineDocument &d) {
        d.setConnection(QStringLiteral("staging"), {{QStringLiteral("kind"), QStringLiteral("kafka")},
                                                    {QStringLiteral("bootstrap"), QStringLiteral("stg:9092")}});
    }) << QStringLiteral("\"staging\": {\"kind\": \"kafka\", \"bootstrap\": \"stg:9092\"}");
    QTest::newRow("remove connection") << Edit([](PipelineDocument &d) { d.removeConnection(QStringLiteral("prod")); })
                                       << QStringLiteral("\"local\": {\"kind\": \"embedded\", \"brokers\": 1}\n  },");
    QTest::newRow("set runtime") << Edit([](PipelineDocument &d) {
        d.setRuntime({{QStringLiteral("trigger"), QStringLiteral("5s")}});
    }) << QStringLiteral("\"runtime\": {\"trigger\": \"5s\"}");
    QTest::newRow("set alerts") << Edit([](PipelineDocument &d) { d.setAlerts({}); })
                                << QStringLiteral("\"checkpoint\": {\"dir\": \"checkpoints/trending-products\", \"everyBatches\": 10}\n  }\n}");
    QTest::newRow("insert copies") << Edit([](PipelineDocument &d) {
        d.insertCopies({*d.pipeline().node(QStringLiteral("only_views")), *d.pipeline().node(QStringLiteral("per_minute"))},
                       d.pipeline().edges, QPointF(20, 20));
    }) << QStringLiteral("{\"from\": \"only_views_2\", \"to\": \"per_minute_2\"}");
    QTest::newRow("replace pipeline") << Edit([](PipelineDocument &d) {
        Pipeline p = d.pipeline();
        p.nodes.pop_back();
        p.edges.pop_back();
        p.name = QStringLiteral("edited as JSON");
        d.replacePipeline(p);
    }) << QStringLiteral("\"name\": \"edited as JSON\"");
}

void tst_PipelineDocument::undoRedo()
{
    QFETCH(Edit, edit);
    QFETCH(QString, expectedInJson);
    PipelineDocument doc;
    doc.reset(sw::testing::examplePipeline());
    const QByteArray before = saved(doc);
    QVERIFY(!doc.isModified());
    edit(doc);
    const QByteArray after = saved(doc);
    QVERIFY2(after.contains(expectedInJson.toUtf8()), after.constData());
    QVERIFY(after != before);
    QCOMPARE(doc.undoStack()->count(), 1); // one edit, one undo step
    QVERIFY(doc.isModified());
    doc.undoStack()->undo();
    QCOMPARE(QString::fromUtf8(saved(doc)), QString::fromUtf8(before));
    QVERIFY(!doc.isModified());
    doc.undoStack()->redo();
    QCOMPARE(QString::fromUtf8(saved(doc)), QString::fromUtf8(after));
    doc.undoStack()->undo();
    QCOMPARE(QString::fromUtf8(saved(doc)), QString::fromUtf8(before));
}

void tst_PipelineDocument::editsThatChangeNothingPushNothing_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::newRow("add existing id") << Edit([](PipelineDocument &d) {
        d.addNode(Node{QStringLiteral("views"), QStringLiteral("filter"), {}, {}, {}});
    });
    QTest::newRow("remove unknown") << Edit([](PipelineDocument &d) { d.removeNodes({QStringLiteral("ghost")}); });
    QTest::newRow("same setting") << Edit([](PipelineDocument &d) {
        d.setNodeSetting(QStringLiteral("only_views"), QStringLiteral("predicate"), QStringLiteral("event_type = 'view'"));
    });
    QTest::newRow("move to same place") << Edit([](PipelineDocument &d) {
        d.moveNodes({{QStringLiteral("views"), QPointF(40, 80)}});
    });
    QTest::newRow("rename to taken id") << Edit([](PipelineDocument &d) {
        QVERIFY(!d.renameNode(QStringLiteral("views"), QStringLiteral("dashboard")));
    });
    QTest::newRow("rename to bad id") << Edit([](PipelineDocument &d) {
        QVERIFY(!d.renameNode(QStringLiteral("views"), QStringLiteral("has space")));
    });
    QTest::newRow("duplicate edge") << Edit([](PipelineDocument &d) {
        d.addEdge(Edge{QStringLiteral("views"), {}, QStringLiteral("only_views"), {}, {}});
    });
    QTest::newRow("edge to unknown node") << Edit([](PipelineDocument &d) {
        d.addEdge(Edge{QStringLiteral("views"), {}, QStringLiteral("ghost"), {}, {}});
    });
    QTest::newRow("same name") << Edit([](PipelineDocument &d) { d.setName(QStringLiteral("trending-products")); });
}

void tst_PipelineDocument::editsThatChangeNothingPushNothing()
{
    QFETCH(Edit, edit);
    PipelineDocument doc;
    doc.reset(sw::testing::examplePipeline());
    const QByteArray before = saved(doc);
    edit(doc);
    QCOMPARE(doc.undoStack()->count(), 0);
    QCOMPARE(saved(doc), before);
}

void tst_PipelineDocument::signals_()
{
    PipelineDocument doc;
    doc.reset(sw::testing::examplePipeline());
    QSignalSpy added(&doc, &PipelineDocument::nodeAdded);
    QSignalSpy removed(&doc, &PipelineDocument::nodeRemoved);
    QSignalSpy changed(&doc, &PipelineDocument::nodeChanged);
    QSignalSpy edgeAdded(&doc, &PipelineDocument::edgeAdded);
    QSignalSpy edgeRemoved(&doc, &PipelineDocument::edgeRemoved);
    QSignalSpy modified(&doc, &PipelineDocument::modifiedChanged);
    QSignalSpy any(&doc, &PipelineDocument::pipelineChanged);

    doc.addNode(Node{QStringLiteral("p"), QStringLiteral("sink.preview"), {}, {}, {}});
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.takeFirst().at(0).toString(), QStringLiteral("p"));
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.takeFirst().at(0).toBool(), true);

    doc.addEdge(Edge{QStringLiteral("per_minute"), {}, QStringLiteral("p"), {}, {}});
    QCOMPARE(edgeAdded.count(), 1);
    QCOMPARE(edgeAdded.takeFirst().at(0).value<Edge>().to, QStringLiteral("p"));

    doc.setNodeSetting(QStringLiteral("p"), QStringLiteral("rows"), 10);
    QCOMPARE(changed.count(), 1);

    doc.removeNodes({QStringLiteral("p")});
    QCOMPARE(edgeRemoved.count(), 1);
    QCOMPARE(removed.count(), 1);

    doc.undoStack()->undo();
    QCOMPARE(added.count(), 1);
    QCOMPARE(edgeAdded.count(), 1);
    QCOMPARE(any.count(), 7); // add, connect, set, disconnect, remove, then undo: insert node and edge
    while (doc.undoStack()->canUndo())
        doc.undoStack()->undo();
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.takeFirst().at(0).toBool(), false);
}

void tst_PipelineDocument::removeRestoresEdgeOrder()
{
    PipelineDocument doc;
    doc.reset(sw::testing::examplePipeline());
    const auto edgesBefore = doc.pipeline().edges;
    doc.removeNodes({QStringLiteral("only_views"), QStringLiteral("per_minute")});
    QCOMPARE(doc.pipeline().edges.size(), size_t(0));
    QCOMPARE(doc.pipeline().nodes.size(), size_t(2));
    doc.undoStack()->undo();
    QVERIFY(doc.pipeline().edges == edgesBefore);
    QCOMPARE(doc.pipeline().nodes[1].id, QStringLiteral("only_views"));
    QCOMPARE(doc.pipeline().nodes[2].id, QStringLiteral("per_minute"));
}

void tst_PipelineDocument::renameUpdatesEdgesAndAlerts()
{
    PipelineDocument doc;
    doc.reset(sw::testing::examplePipeline());
    QSignalSpy renamed(&doc, &PipelineDocument::nodeRenamed);
    QVERIFY(doc.renameNode(QStringLiteral("views"), QStringLiteral("events")));
    QCOMPARE(renamed.count(), 1);
    QCOMPARE(doc.pipeline().edges[0].from, QStringLiteral("events"));
    QCOMPARE(doc.pipeline().alerts[0].toObject().value(QStringLiteral("node")).toString(), QStringLiteral("events"));
    doc.undoStack()->undo();
    QCOMPARE(doc.pipeline().alerts[0].toObject().value(QStringLiteral("node")).toString(), QStringLiteral("views"));
}

void tst_PipelineDocument::copiesGetNewIds()
{
    PipelineDocument doc;
    doc.reset(sw::testing::examplePipeline());
    const QStringList ids = doc.insertCopies({*doc.pipeline().node(QStringLiteral("views"))}, {}, QPointF(30, 30));
    QCOMPARE(ids, QStringList{QStringLiteral("views_2")});
    const QStringList again = doc.insertCopies({*doc.pipeline().node(QStringLiteral("views_2"))}, {}, QPointF(30, 30));
    QCOMPARE(again, QStringList{QStringLiteral("views_3")});
    QCOMPARE(doc.pipeline().node(QStringLiteral("views_3"))->position, QPointF(100, 140));
}

void tst_PipelineDocument::saveMarksClean()
{
    QTemporaryDir dir;
    PipelineDocument doc;
    doc.reset(sw::testing::examplePipeline());
    QSignalSpy pathChanged(&doc, &PipelineDocument::filePathChanged);
    doc.setName(QStringLiteral("saved"));
    QVERIFY(doc.isModified());
    const QString path = dir.filePath(QStringLiteral("saved.json"));
    QVERIFY(!doc.save(path));
    QVERIFY(!doc.isModified());
    QCOMPARE(doc.filePath(), path);
    QCOMPARE(pathChanged.count(), 1);
    PipelineDocument other;
    Diagnostics diagnostics;
    QVERIFY(other.load(path, &diagnostics));
    QCOMPARE(saved(other), saved(doc));
    QVERIFY(!other.isModified());
}

void tst_PipelineDocument::loadFailureKeepsDocument()
{
    PipelineDocument doc;
    doc.reset(sw::testing::examplePipeline());
    Diagnostics diagnostics;
    QVERIFY(!doc.load(QStringLiteral("/nonexistent/x.json"), &diagnostics));
    QCOMPARE(diagnostics.size(), size_t(1));
    QCOMPARE(doc.pipeline().name, QStringLiteral("trending-products"));
}

QTEST_GUILESS_MAIN(tst_PipelineDocument)
#include "tst_pipelinedocument.moc"
