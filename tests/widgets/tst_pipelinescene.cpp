// SPDX-License-Identifier: GPL-3.0-or-later
// The canvas as a projection of the document: items follow every change, and
// moves and deletes go back as one undo step each.
#include "canvas/NodeItem.h"
#include "canvas/PipelineScene.h"
#include "canvas/PipelineView.h"
#include "palette/PaletteModel.h"
#include "ExamplePipelines.h"
#include "format/PipelineFormat.h"
#include "problems/ProblemsModel.h"

#include <QApplication>
#include <QClipboard>
#include <QGraphicsPathItem>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace sw;

namespace {
// A node type dragged from the palette and dropped on the view at `at`; returns
// whether the view accepted the drag when it entered.
bool dropFromPalette(widgets::PipelineView &view, const char *type, QPoint at)
{
    QMimeData mime;
    mime.setData(QLatin1String(widgets::PaletteModel::kNodeTypeMimeType), type);
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(view.viewport(), &enter);
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(view.viewport(), &drop);
    return enter.isAccepted();
}
} // namespace

class tst_PipelineScene : public QObject
{
    Q_OBJECT
private slots:
    void projectsTheDocument();
    void moveIsOneUndoStep();
    void deleteSelectionWithEdges();
    void problemsShowAsBadges();
    void layoutPlacesUnpositionedNodes();
    void connectOrRefuseWithReason();
    void connectByDraggingBetweenPorts();
    void dropFromThePaletteAddsANode();
    void copyPasteAndDuplicate();
    void buildAPipelineWithTheMouse();
    void spaceDragPans();
    void edgeRatesShowOnEdges();
};

void tst_PipelineScene::projectsTheDocument()
{
    core::PipelineDocument doc;
    doc.reset(sw::testing::examplePipeline());
    widgets::ProblemsModel problems(doc);
    widgets::PipelineScene scene(doc, problems);
    QVERIFY(scene.nodeItem(QStringLiteral("views")));
    QCOMPARE(scene.nodeItem(QStringLiteral("per_minute"))->pos(), QPointF(480, 80));
    QCOMPARE(scene.edgeCount(), 3);
    doc.addNode(core::Node{QStringLiteral("preview"), QStringLiteral("sink.preview"), QPointF(700, 300), {}, {}});
    doc.addEdge(core::Edge{QStringLiteral("per_minute"), {}, QStringLiteral("preview"), {}, {}});
    QVERIFY(scene.nodeItem(QStringLiteral("preview")));
    QCOMPARE(scene.edgeCount(), 4);
    QVERIFY(doc.renameNode(QStringLiteral("preview"), QStringLiteral("peek")));
    QVERIFY(!scene.nodeItem(QStringLiteral("preview")));
    QCOMPARE(scene.nodeItem(QStringLiteral("peek"))->id(), QStringLiteral("peek"));
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(scene.edgeCount(), 3);
    QVERIFY(!scene.nodeItem(QStringLiteral("preview")));
    // The edge starts at the output port and ends at the input port.
    const auto edges = scene.items();
    bool found = false;
    for (auto *item : edges) {
        if (auto *path = qgraphicsitem_cast<QGraphicsPathItem *>(item)) {
            const QPointF start = path->path().pointAtPercent(0);
            if (start == scene.nodeItem(QStringLiteral("views"))->portPosition(false, QStringLiteral("out"))) {
                QCOMPARE(path->path().pointAtPercent(1),
                         scene.nodeItem(QStringLiteral("only_views"))->portPosition(true, QStringLiteral("in")));
                found = true;
            }
        }
    }
    QVERIFY(found);
}

void tst_PipelineScene::moveIsOneUndoStep()
{
    core::PipelineDocument doc;
    doc.reset(sw::testing::examplePipeline());
    widgets::ProblemsModel problems(doc);
    widgets::PipelineScene scene(doc, problems);
    scene.nodeItem(QStringLiteral("views"))->setPos(103, 47);
    scene.nodeItem(QStringLiteral("dashboard"))->setPos(800, 96);
    scene.commitMoves(); // what the view does when a drag ends
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(doc.pipeline().node(QStringLiteral("views"))->position, QPointF(100, 50)); // snapped to the grid
    QCOMPARE(doc.pipeline().node(QStringLiteral("dashboard"))->position, QPointF(800, 100));
    QCOMPARE(scene.nodeItem(QStringLiteral("views"))->pos(), QPointF(100, 50));
    doc.undoStack()->undo();
    QCOMPARE(scene.nodeItem(QStringLiteral("views"))->pos(), QPointF(40, 80));
    QCOMPARE(scene.nodeItem(QStringLiteral("dashboard"))->pos(), QPointF(700, 80));
    scene.commitMoves(); // nothing moved: nothing pushed
    QCOMPARE(doc.undoStack()->index(), 0);
}

void tst_PipelineScene::deleteSelectionWithEdges()
{
    core::PipelineDocument doc;
    doc.reset(sw::testing::examplePipeline());
    widgets::ProblemsModel problems(doc);
    widgets::PipelineScene scene(doc, problems);
    widgets::PipelineView view(scene);
    scene.nodeItem(QStringLiteral("only_views"))->setSelected(true);
    QTest::keyClick(&view, Qt::Key_Delete);
    QVERIFY(!doc.pipeline().node(QStringLiteral("only_views")));
    QCOMPARE(scene.edgeCount(), 1);
    doc.undoStack()->undo();
    QVERIFY(scene.nodeItem(QStringLiteral("only_views")));
    QCOMPARE(scene.edgeCount(), 3);
}

void tst_PipelineScene::problemsShowAsBadges()
{
    core::PipelineDocument doc;
    doc.reset(sw::testing::examplePipeline());
    widgets::ProblemsModel problems(doc);
    widgets::PipelineScene scene(doc, problems);
    QVERIFY(scene.nodeItem(QStringLiteral("only_views"))->toolTip().isEmpty());
    doc.setNodeSetting(QStringLiteral("only_views"), QStringLiteral("predicate"), QStringLiteral("event_typ = 'view'"));
    QVERIFY(scene.nodeItem(QStringLiteral("only_views"))->toolTip().contains(QStringLiteral("did you mean 'event_type'")));
    doc.undoStack()->undo();
    QVERIFY(scene.nodeItem(QStringLiteral("only_views"))->toolTip().isEmpty());
}

void tst_PipelineScene::layoutPlacesUnpositionedNodes()
{
    core::Pipeline p = sw::testing::examplePipeline();
    for (auto &n : p.nodes)
        n.position = QPointF();
    core::PipelineDocument doc;
    doc.reset(p);
    widgets::ProblemsModel problems(doc);
    widgets::PipelineScene scene(doc, problems);
    // Layers by longest path from the source: views, only_views, per_minute, dashboard.
    QCOMPARE(doc.pipeline().node(QStringLiteral("views"))->position, QPointF(40, 40));
    QCOMPARE(doc.pipeline().node(QStringLiteral("per_minute"))->position, QPointF(520, 40));
    QCOMPARE(scene.nodeItem(QStringLiteral("dashboard"))->pos(), QPointF(760, 40));
}

void tst_PipelineScene::connectOrRefuseWithReason()
{
    core::PipelineDocument doc;
    doc.reset(sw::testing::examplePipeline());
    widgets::ProblemsModel problems(doc);
    widgets::PipelineScene scene(doc, problems);
    QSignalSpy refused(&scene, &widgets::PipelineScene::connectionRefused);
    // The sink already has its input.
    QVERIFY(scene.tryConnect(core::Edge{QStringLiteral("views"), {}, QStringLiteral("dashboard"), {}, {}})
                .contains(QStringLiteral("already comes from")));
    // Sinks have no output.
    QVERIFY(scene.tryConnect(core::Edge{QStringLiteral("dashboard"), {}, QStringLiteral("only_views"), {}, {}})
                .contains(QStringLiteral("is a sink")));
    QVERIFY(!scene.tryConnect(core::Edge{QStringLiteral("views"), {}, QStringLiteral("views"), {}, {}}).isEmpty());
    QCOMPARE(refused.count(), 3);
    QCOMPARE(doc.undoStack()->count(), 0); // refusals change nothing
    doc.addNode(core::Node{QStringLiteral("late_rows"), QStringLiteral("sink.preview"), QPointF(700, 250), {}, {}});
    QCOMPARE(scene.tryConnect(core::Edge{QStringLiteral("per_minute"), QStringLiteral("late"), QStringLiteral("late_rows"), {}, {}}),
             QString());
    QCOMPARE(scene.edgeCount(), 4);
    QCOMPARE(doc.undoStack()->count(), 2);
}

void tst_PipelineScene::connectByDraggingBetweenPorts()
{
    core::PipelineDocument doc;
    doc.reset(sw::testing::examplePipeline());
    doc.addNode(core::Node{QStringLiteral("peek"), QStringLiteral("sink.preview"), QPointF(700, 250), {}, {}});
    widgets::ProblemsModel problems(doc);
    widgets::PipelineScene scene(doc, problems);
    widgets::PipelineView view(scene);
    view.resize(1000, 600);
    view.show();
    view.fitPipeline();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QPoint from = view.mapFromScene(scene.nodeItem(QStringLiteral("per_minute"))->portPosition(false, QStringLiteral("out")));
    const QPoint to = view.mapFromScene(scene.nodeItem(QStringLiteral("peek"))->portPosition(true, QStringLiteral("in")));
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(view.viewport(), (from + to) / 2);
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, to);
    QCOMPARE(scene.edgeCount(), 4);
    QVERIFY(doc.pipeline().edgeIndex(core::Edge{QStringLiteral("per_minute"), {}, QStringLiteral("peek"), {}, {}}) >= 0);
    // Dropping onto an input that is taken is refused, and the document is unchanged.
    const QPoint taken = view.mapFromScene(scene.nodeItem(QStringLiteral("dashboard"))->portPosition(true, QStringLiteral("in")));
    QTest::mousePress(view.viewport(), Qt::LeftButton, {},
                      view.mapFromScene(scene.nodeItem(QStringLiteral("views"))->portPosition(false, QStringLiteral("out"))));
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, taken);
    QCOMPARE(scene.edgeCount(), 4);
}

void tst_PipelineScene::dropFromThePaletteAddsANode()
{
    core::PipelineDocument doc;
    doc.reset(sw::testing::examplePipeline());
    widgets::ProblemsModel problems(doc);
    widgets::PipelineScene scene(doc, problems);
    widgets::PipelineView view(scene);
    view.resize(1000, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(dropFromPalette(view, "window.aggregate", QPoint(500, 400)));
    const core::Node *node = doc.pipeline().node(QStringLiteral("window_aggregate"));
    QVERIFY(node);
    QCOMPARE(node->type, QStringLiteral("window.aggregate"));
    QVERIFY(scene.nodeItem(QStringLiteral("window_aggregate")));
    QCOMPARE(doc.undoStack()->count(), 1);
    // A second one gets a fresh id; sources and sinks drop their prefix.
    QCOMPARE(scene.addNodeOfType(QStringLiteral("window.aggregate"), QPointF(0, 0)), QStringLiteral("window_aggregate_2"));
    QCOMPARE(scene.addNodeOfType(QStringLiteral("source.generator"), QPointF(0, 0)), QStringLiteral("generator"));
    QCOMPARE(doc.pipeline().node(QStringLiteral("generator"))->config.value(QStringLiteral("stream")).toString(),
             QStringLiteral("user-events")); // the catalog's initial settings
    QVERIFY(scene.addNodeOfType(QStringLiteral("no.such.type"), QPointF(0, 0)).isEmpty());
}

void tst_PipelineScene::copyPasteAndDuplicate()
{
    core::PipelineDocument doc;
    doc.reset(sw::testing::examplePipeline());
    widgets::ProblemsModel problems(doc);
    widgets::PipelineScene scene(doc, problems);
    scene.selectNodes({QStringLiteral("only_views"), QStringLiteral("per_minute")});
    scene.copySelection();
    // The clipboard holds a pipeline file: the two nodes and the edge between them.
    const auto copied = core::PipelineFormat::load(QGuiApplication::clipboard()->text().toUtf8());
    QVERIFY(copied.pipeline);
    QCOMPARE(copied.pipeline->nodes.size(), size_t(2));
    QCOMPARE(copied.pipeline->edges.size(), size_t(1));

    const core::Pipeline before = doc.pipeline();
    scene.paste();
    QCOMPARE(doc.pipeline().nodes.size(), size_t(6));
    const core::Node *pasted = doc.pipeline().node(QStringLiteral("per_minute_2"));
    QVERIFY(pasted);
    QCOMPARE(pasted->config, before.node(QStringLiteral("per_minute"))->config);
    QCOMPARE(pasted->position, before.node(QStringLiteral("per_minute"))->position + QPointF(30, 30));
    QVERIFY(doc.pipeline().edgeIndex(core::Edge{QStringLiteral("only_views_2"), {}, QStringLiteral("per_minute_2"), {}, {}}) >= 0);
    QCOMPARE(scene.selectedNodeIds(), QStringList({QStringLiteral("only_views_2"), QStringLiteral("per_minute_2")}));
    QCOMPARE(doc.undoStack()->count(), 1); // a paste is one step
    // A second paste lands further off instead of on top of the first.
    scene.paste();
    QCOMPARE(doc.pipeline().node(QStringLiteral("per_minute_3"))->position,
             before.node(QStringLiteral("per_minute"))->position + QPointF(60, 60));

    scene.selectNodes({QStringLiteral("views")});
    scene.duplicateSelection();
    QVERIFY(doc.pipeline().node(QStringLiteral("views_2")));
    scene.cutSelection(); // the duplicate is selected: cut it
    QVERIFY(!doc.pipeline().node(QStringLiteral("views_2")));
    QVERIFY(QGuiApplication::clipboard()->text().contains(QLatin1String("\"views_2\"")));

    while (doc.undoStack()->canUndo())
        doc.undoStack()->undo();
    QCOMPARE(doc.pipeline(), before);
    // Text that is not a pipeline pastes nothing.
    QVERIFY(scene.pasteJson("not json", {}).isEmpty());
    QCOMPARE(doc.undoStack()->count(), 4);
}

// Builds generator -> filter -> preview only with mouse events (drops from the
// palette, drags between ports), then undoes every step back to the empty pipeline.
void tst_PipelineScene::buildAPipelineWithTheMouse()
{
    core::PipelineDocument doc;
    core::Pipeline empty;
    empty.name = QStringLiteral("built");
    doc.reset(empty);
    widgets::ProblemsModel problems(doc);
    widgets::PipelineScene scene(doc, problems);
    widgets::PipelineView view(scene);
    view.resize(1000, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setSceneRect(0, 0, 1000, 600);

    dropFromPalette(view, "source.generator", QPoint(150, 200));
    dropFromPalette(view, "filter", QPoint(450, 200));
    dropFromPalette(view, "sink.preview", QPoint(750, 200));
    QCOMPARE(doc.pipeline().nodes.size(), size_t(3));
    auto wire = [&](const QString &from, const QString &to) {
        const QPoint a = view.mapFromScene(scene.nodeItem(from)->portPosition(false, QStringLiteral("out")));
        const QPoint b = view.mapFromScene(scene.nodeItem(to)->portPosition(true, QStringLiteral("in")));
        QTest::mousePress(view.viewport(), Qt::LeftButton, {}, a);
        QTest::mouseMove(view.viewport(), (a + b) / 2);
        QTest::mouseMove(view.viewport(), b);
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, b);
    };
    QSignalSpy refused(&scene, &widgets::PipelineScene::connectionRefused);
    wire(QStringLiteral("generator"), QStringLiteral("filter"));
    wire(QStringLiteral("filter"), QStringLiteral("preview"));
    QVERIFY2(refused.isEmpty(), qPrintable(refused.value(0).value(0).toString()));
    QCOMPARE(scene.edgeCount(), 2);
    // Move the filter by dragging its title: one more undo step, snapped to the grid.
    const QPointF title = scene.nodeItem(QStringLiteral("filter"))->pos() + QPointF(30, 10);
    const QPoint grab = view.mapFromScene(title);
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, grab);
    QTest::mouseMove(view.viewport(), grab + QPoint(20, 30));
    QTest::mouseMove(view.viewport(), grab + QPoint(43, 61));
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, grab + QPoint(43, 61));
    const QPointF moved = doc.pipeline().node(QStringLiteral("filter"))->position;
    QVERIFY(moved != QPointF());
    QCOMPARE(std::fmod(moved.x(), 10.0), 0.0);

    // Only the filter's predicate is missing: the pipeline is otherwise sound.
    const auto &diagnostics = problems.result().diagnostics;
    QStringList messages;
    for (const auto &d : diagnostics)
        messages << d.pointer + QStringLiteral(": ") + d.message;
    QVERIFY2(diagnostics.size() == 1, qPrintable(messages.join(u'\n')));
    QCOMPARE(diagnostics.front().nodeId, QStringLiteral("filter"));
    doc.setNodeSetting(QStringLiteral("filter"), QStringLiteral("predicate"), QStringLiteral("price > 10"));
    QVERIFY2(problems.result().ok(), qPrintable(problems.result().diagnostics.empty() ? QString() : problems.result().diagnostics.front().message));

    QCOMPARE(doc.undoStack()->count(), 7); // 3 drops, 2 wires, 1 move, 1 setting
    while (doc.undoStack()->canUndo())
        doc.undoStack()->undo();
    QCOMPARE(doc.pipeline(), empty);
    QCOMPARE(scene.edgeCount(), 0);
    while (doc.undoStack()->canRedo())
        doc.undoStack()->redo();
    QCOMPARE(scene.edgeCount(), 2);
    QCOMPARE(doc.pipeline().node(QStringLiteral("filter"))->position, moved);
}

void tst_PipelineScene::spaceDragPans()
{
    core::PipelineDocument doc;
    doc.reset(sw::testing::examplePipeline());
    widgets::ProblemsModel problems(doc);
    widgets::PipelineScene scene(doc, problems);
    widgets::PipelineView view(scene);
    view.resize(400, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setSceneRect(-2000, -2000, 4000, 4000);
    view.zoomBy(2);
    const QPointF centreBefore = view.mapToScene(view.viewport()->rect().center());
    const QPointF nodeBefore = scene.nodeItem(QStringLiteral("views"))->pos();
    QTest::keyPress(&view, Qt::Key_Space);
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, QPoint(200, 150));
    QTest::mouseMove(view.viewport(), QPoint(150, 120));
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, QPoint(150, 120));
    QTest::keyRelease(&view, Qt::Key_Space);
    const QPointF centreAfter = view.mapToScene(view.viewport()->rect().center());
    QVERIFY(centreAfter.x() > centreBefore.x());
    QCOMPARE(scene.nodeItem(QStringLiteral("views"))->pos(), nodeBefore);
    QCOMPARE(doc.undoStack()->count(), 0); // panning is not an edit
}

void tst_PipelineScene::edgeRatesShowOnEdges()
{
    core::PipelineDocument doc;
    doc.reset(sw::testing::examplePipeline());
    widgets::ProblemsModel problems(doc);
    widgets::PipelineScene scene(doc, problems);
    const core::Edge first{QStringLiteral("views"), {}, QStringLiteral("only_views"), {}, {}};
    QVERIFY(scene.edgeLabel(first).isEmpty());
    scene.setEdgeRates({{QStringLiteral("views.out"), 1234.4}, {QStringLiteral("only_views.out"), 800}});
    QCOMPARE(scene.edgeLabel(first), QStringLiteral("%1 rows/s").arg(QLocale().toString(1234)));
    QCOMPARE(scene.edgeLabel(core::Edge{QStringLiteral("per_minute"), {}, QStringLiteral("dashboard"), {}, {}}), QString());
    scene.setEdgeRates({});
    QVERIFY(scene.edgeLabel(first).isEmpty());
}

QTEST_MAIN(tst_PipelineScene)
#include "tst_pipelinescene.moc"
