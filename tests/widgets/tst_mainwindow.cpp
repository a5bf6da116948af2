// SPDX-License-Identifier: GPL-3.0-or-later
// The app's main window as a user meets it: an example opens, edits mark the
// title, saving and loading give identical JSON, and Run against the embedded
// broker shows rows flowing on the canvas's edges.
#include "ClickRecording.h"
#include "ExamplePipelines.h"
#include "MainWindow.h"
#include "canvas/PipelineScene.h"
#include "canvas/NodeItem.h"
#include "canvas/PipelineView.h"
#include "data/DataPanel.h"
#include "explorer/ClusterExplorer.h"
#include "format/PipelineFormat.h"
#include "inspector/NodeInspector.h"
#include "monitor/AlertsPanel.h"
#include "monitor/MonitorCharts.h"
#include "outline/PipelineOutline.h"
#include "run/RunController.h"

#include <QJsonArray>
#include <QLineEdit>
#include <QTableWidget>
#include <QDockWidget>
#include <QTranslator>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace sw;
using State = widgets::RunController::State;

namespace {
// An example written to a temporary file (opening reads a file).
QString exampleCopy(const QString &name)
{
    static QTemporaryDir folder;
    const QString path = folder.filePath(name);
    if (!QFile::exists(path))
        core::PipelineFormat::saveFile(sw::testing::examplePipeline(name.toUtf8().constData()), path);
    return path;
}
} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void saveAndLoadGiveIdenticalJson();
    void selectionShowsInTheInspector();
    void recordingOpensInTheClusterDock();
    void fitsALaptopScreen_data();
    void fitsALaptopScreen();
    void resetLayoutBringsEveryDockBack();
    void runShowsRowsOnTheEdges();
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings and recent files stay out of the user's
    qputenv("STREAMWRIGHT_CLI", STREAMWRIGHT_CLI_PATH);
}

void tst_MainWindow::saveAndLoadGiveIdenticalJson()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("p.json"));
    QVERIFY(!core::PipelineFormat::saveFile(sw::testing::examplePipeline("order-enrichment.json"), path));
    QFile original(path);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray bytes = original.readAll();

    app::MainWindow window;
    QVERIFY(window.openFile(path));
    QVERIFY(!window.isWindowModified());
    QVERIFY(window.windowTitle().startsWith(QLatin1String("p.json")));
    window.document().setName(QStringLiteral("changed"));
    QVERIFY(window.isWindowModified());
    window.document().undoStack()->undo();
    QVERIFY(!window.isWindowModified());
    QVERIFY(!window.document().save());
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), bytes);
}

void tst_MainWindow::selectionShowsInTheInspector()
{
    app::MainWindow window;
    window.document().reset(sw::testing::examplePipeline());
    window.selectNode(QStringLiteral("per_minute"));
    QCOMPARE(window.inspector()->nodeId(), QStringLiteral("per_minute"));
    window.scene()->clearSelection();
    QCOMPARE(window.inspector()->nodeId(), QString());
    // A click in the Nodes dock, on a node or on one of its fields, selects it too.
    auto *outline = window.findChild<widgets::PipelineOutline *>();
    QVERIFY(outline);
    QTreeWidgetItem *views = outline->topLevelItem(0);
    QCOMPARE(views->text(0), QStringLiteral("views"));
    emit outline->itemClicked(views, 0);
    QCOMPARE(window.inspector()->nodeId(), QStringLiteral("views"));
    emit outline->itemClicked(outline->topLevelItem(2)->child(0)->child(0), 0);
    QCOMPARE(window.inspector()->nodeId(), outline->topLevelItem(2)->text(0));
    QCOMPARE(window.scene()->selectedNodeIds(), QStringList{outline->topLevelItem(2)->text(0)});
}

void tst_MainWindow::recordingOpensInTheClusterDock()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("clicks.swrec"));
    sw::testing::writeClickRecording(path, 5);
    app::MainWindow window;
    const QString title = window.windowTitle();
    QSignalSpy refreshed(window.explorer(), &widgets::ClusterExplorer::refreshed);
    QVERIFY(window.openFile(path)); // as from the command line or File > Open
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(window.explorer()->openedRecording(), path);
    QCOMPARE(window.explorer()->cluster().topics.front().partitions.size(), size_t(3));
    QCOMPARE(window.windowTitle(), title); // the pipeline is untouched
    QVERIFY(!window.isWindowModified());
}

void tst_MainWindow::fitsALaptopScreen_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QString();
    QTest::newRow("German") << QStringLiteral(STREAMWRIGHT_GERMAN_QM);
}

void tst_MainWindow::fitsALaptopScreen()
{
    // At 1280x800 the window keeps its size (it grew to 1453 px wide in German
    // and to 828 px high), every dock can be made smaller than its content, and
    // the canvas and the inspector get the room.
    QFETCH(QString, language);
    QTranslator translator;
    if (!language.isEmpty()) {
        QVERIFY2(translator.load(language), qPrintable(language));
        QCoreApplication::installTranslator(&translator);
    }
    {
        app::MainWindow window;
        window.setWindowState(Qt::WindowNoState);
        window.resize(1280, 800);
        QVERIFY(window.openFile(exampleCopy(QStringLiteral("trending-products.json"))));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(50);
        QVERIFY2(window.minimumSizeHint().width() <= 1024 && window.minimumSizeHint().height() <= 640,
                 qPrintable(QStringLiteral("%1x%2").arg(window.minimumSizeHint().width()).arg(window.minimumSizeHint().height())));
        QCOMPARE(window.size(), QSize(1280, 800));
        window.raiseDock(QStringLiteral("monitor"));
        window.raiseDock(QStringLiteral("cluster"));
        QCOMPARE(window.size(), QSize(1280, 800));
        for (QDockWidget *dock : window.findChildren<QDockWidget *>())
            QVERIFY2(dock->minimumSizeHint().height() <= 320, qPrintable(dock->objectName()));
        QVERIFY2(window.view()->height() >= 360, qPrintable(QString::number(window.view()->height())));
        auto *inspector = window.findChild<QDockWidget *>(QStringLiteral("inspectorDock"));
        QVERIFY2(inspector->height() >= 380, qPrintable(QString::number(inspector->height())));
        // The pipeline opened before the window had its size: fitted once it did
        // (nodes were ~20 px wide on screen).
        const QRect node = window.view()->mapFromScene(window.scene()->nodeItem(QStringLiteral("views"))->sceneBoundingRect()).boundingRect();
        QVERIFY2(node.width() >= 120, qPrintable(QString::number(node.width())));
    }
    if (!language.isEmpty())
        QCoreApplication::removeTranslator(&translator);
}

void tst_MainWindow::resetLayoutBringsEveryDockBack()
{
    app::MainWindow window;
    window.setWindowState(Qt::WindowNoState);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *inspector = window.findChild<QDockWidget *>(QStringLiteral("inspectorDock"));
    auto *log = window.findChild<QDockWidget *>(QStringLiteral("logDock"));
    inspector->hide();
    log->setFloating(true);
    window.addDockWidget(Qt::LeftDockWidgetArea, window.findChild<QDockWidget *>(QStringLiteral("monitorDock")));
    QAction *reset = nullptr;
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->text() == QStringLiteral("&Reset Layout"))
            reset = action;
    }
    QVERIFY(reset);
    reset->trigger();
    QTest::qWait(50);
    QVERIFY(inspector->isVisible());
    QVERIFY(!log->isFloating());
    QCOMPARE(window.dockWidgetArea(inspector), Qt::RightDockWidgetArea);
    QCOMPARE(window.dockWidgetArea(window.findChild<QDockWidget *>(QStringLiteral("monitorDock"))), Qt::BottomDockWidgetArea);
    QCOMPARE(window.tabifiedDockWidgets(log).size(), 6); // problems, monitor, data, alerts, cluster, debugger
    QCOMPARE(window.size(), QSize(1280, 800));
}

void tst_MainWindow::runShowsRowsOnTheEdges()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("trending-products.json"));
    QVERIFY(!core::PipelineFormat::saveFile(sw::testing::examplePipeline(), path));
    app::MainWindow window;
    QVERIFY(window.openFile(path));
    // A rule that holds as soon as rows flow: the runtime fires it, the app shows it.
    QJsonArray alerts = window.document().pipeline().alerts;
    alerts.append(QJsonObject{{QStringLiteral("metric"), QStringLiteral("rows_out")}, {QStringLiteral("node"), QStringLiteral("views")},
                              {QStringLiteral("above"), 0}, {QStringLiteral("severity"), QStringLiteral("critical")}});
    window.document().setAlerts(alerts);
    // A preview of the filtered views: its rows show in the Data dock.
    window.document().addNode(core::Node{QStringLiteral("peek"), QStringLiteral("sink.preview"), QPointF(500, 300), {}, {}});
    window.document().addEdge(core::Edge{QStringLiteral("only_views"), {}, QStringLiteral("peek"), {}, {}});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.runPipeline(); // demo data on the embedded broker is on by default
    widgets::RunController *run = window.runController();
    QVERIFY(QTest::qWaitFor([run] { return run->state() == State::Running; }, 20000));
    const core::Edge firstEdge{QStringLiteral("views"), {}, QStringLiteral("only_views"), {}, {}};
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     const QString label = window.scene()->edgeLabel(firstEdge);
                     return label.endsWith(QLatin1String("rows/s")) && !label.startsWith(QLatin1Char('0'));
                 },
                 20000),
             qPrintable(window.log()->toPlainText()));
    QVERIFY(window.log()->toPlainText().contains(QLatin1String("Runtime started")));

    // A click on the edge shows the rows it carried in the Data dock, in the schema's order.
    const QPointF a = window.scene()->nodeItem(QStringLiteral("views"))->portPosition(false, QStringLiteral("out"));
    const QPointF b = window.scene()->nodeItem(QStringLiteral("only_views"))->portPosition(true, QStringLiteral("in"));
    const QPoint middle = window.view()->mapFromScene((a + b) / 2); // a symmetric curve's middle
    QTest::mouseClick(window.view()->viewport(), Qt::LeftButton, {}, middle);
    QCOMPARE(window.data()->shown(), QStringLiteral("edge:views.out"));
    QVERIFY(window.data()->isVisible()); // brought to the front
    QVERIFY(QTest::qWaitFor([&] { return !window.data()->shownRows().isEmpty(); }, 10000));
    QVERIFY(window.data()->shownRows().first().toObject().contains(QStringLiteral("product_id")));
    auto *table = window.data()->findChild<QTableWidget *>(QStringLiteral("rowsTable"));
    QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("user_id")); // the schema's first field
    // A preview node shows the rows it keeps; a filter narrows them.
    window.selectNode(QStringLiteral("peek"));
    QCOMPARE(window.data()->shown(), QStringLiteral("preview:peek"));
    QVERIFY(QTest::qWaitFor([&] { return window.data()->shownRows().size() > 1; }, 10000));
    for (const QJsonValue &row : window.data()->shownRows())
        QCOMPARE(row.toObject().value(QStringLiteral("event_type")).toString(), QStringLiteral("view"));
    window.data()->findChild<QLineEdit *>(QStringLiteral("filter"))->setText(QStringLiteral("event_type = 'click'"));
    QVERIFY(window.data()->shownRows().isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return window.alerts()->historyRows() > 0; }, 10000));
    QVERIFY(window.log()->toPlainText().contains(QLatin1String("rows_out of views above 0")));
    run->stop();
    QVERIFY(QTest::qWaitFor([run] { return run->state() == State::Finished; }, 20000));
    QVERIFY(window.scene()->edgeLabel(firstEdge).isEmpty()); // no figures once it stopped
    QVERIFY(QFileInfo::exists(folder.filePath(QStringLiteral("trending.db")))); // the sink wrote next to the file

    // Another pipeline: the last run's charts, figures and rows were of this one.
    QVERIFY(!window.charts()->history().isEmpty());
    QVERIFY(window.openFile(exampleCopy(QStringLiteral("fraud-rules.json"))));
    QVERIFY(window.charts()->history().isEmpty());
    QVERIFY(window.data()->shown().isEmpty());
    QVERIFY(window.data()->shownRows().isEmpty());
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
