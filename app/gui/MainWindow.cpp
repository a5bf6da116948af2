// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "ExampleLocator.h"
#include "format/PipelineFormat.h"
#include "canvas/PipelineScene.h"
#include "canvas/NodeItem.h"
#include "canvas/PipelineView.h"
#include "explorer/ClusterExplorer.h"
#include "explorer/ConnectionProfiles.h"
#include "inspector/NodeInspector.h"
#include "json/JsonSourceView.h"
#include "outline/PipelineOutline.h"
#include "palette/PaletteWidget.h"
#include "problems/ProblemsModel.h"
#include "monitor/AlertsPanel.h"
#include "monitor/MonitorCharts.h"
#include "monitor/RunHistoryStore.h"
#include "run/NodeFigures.h"
#include "run/RunController.h"
#include "run/RunSummary.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include "data/DataPanel.h"
#include "debug/DebuggerPanel.h"

#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGraphicsItem>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

namespace sw::app {

namespace {
constexpr int kMaxRecentFiles = 8;
}

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowIcon(QIcon(QStringLiteral(":/streamwright.svg")));
    m_problems = new widgets::ProblemsModel(m_document, this);
    m_json = new widgets::JsonSourceView(m_document, this);
    m_run = new widgets::RunController(this);
    m_scene = new widgets::PipelineScene(m_document, *m_problems, this);
    m_view = new widgets::PipelineView(*m_scene, this);
    setCentralWidget(m_view);
    connect(m_scene, &widgets::PipelineScene::connectionRefused, this, [this](const QString &reason) {
        statusBar()->showMessage(tr("Cannot connect: %1").arg(reason), 8000);
    });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &MainWindow::selectionChanged);
    connect(m_run, &widgets::RunController::stateChanged, this, &MainWindow::runStateChanged);
    connect(m_run, &widgets::RunController::logLine, this, &MainWindow::appendLog);
    connect(m_run, &widgets::RunController::pipelineReceived, this, &MainWindow::showAttachedPipeline);
    connect(m_run, &widgets::RunController::edgeRatesChanged, this, [this] { m_scene->setEdgeRates(m_run->edgeRates()); });
    createDocks();
    createActions();

    m_runStatus = new QLabel(widgets::RunController::stateName(widgets::RunController::State::Idle), this);
    statusBar()->addPermanentWidget(m_runStatus);
    m_status = new QLabel(this);
    statusBar()->addPermanentWidget(m_status);
    connect(m_problems, &widgets::ProblemsModel::validated, this, [this](int errors, int warnings) {
        m_status->setText(errors == 0 && warnings == 0
                              ? tr("Valid")
                              : tr("%n error(s)", nullptr, errors) + QStringLiteral(", ")
                                    + tr("%n warning(s)", nullptr, warnings));
    });
    connect(&m_document, &core::PipelineDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(&m_document, &core::PipelineDocument::filePathChanged, this, &MainWindow::updateTitle);
    updateTitle();
    runStateChanged();

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // First start: as much of the screen as a window should take, frame included
        // (a window of the screen's size would reach under a panel or off the edge).
        const QRect available = screen()->availableGeometry();
        const QSize wanted(std::max(1024, available.width() * 9 / 10), std::max(640, available.height() * 9 / 10));
        resize(wanted.boundedTo(available.size() - QSize(16, 48)));
        if (available.width() <= 1366 || available.height() <= 800)
            setWindowState(Qt::WindowMaximized); // a laptop's screen: all of it
    }
    applyDefaultLayout(); // at the window's size (restoreState below keeps the user's own)
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

MainWindow::~MainWindow()
{
    // The views hold references to m_document, a member that dies before QWidget's
    // destructor deletes the children: take them down while it still lives (a focus
    // change during teardown makes them read or even edit it).
    m_scene->disconnect(this);
    endHistory(QStringLiteral("stopped: the app was closed")); // quit without closing the window (a signal, --screenshot)
    delete m_run;
    qDeleteAll(findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly));
    delete m_view;
    delete m_scene;
    delete m_problems;
}

void MainWindow::createDocks()
{
    m_outline = new widgets::PipelineOutline(m_document, *m_problems, this);
    connect(m_outline, &widgets::PipelineOutline::nodeChosen, this, [this](const QString &id) {
        m_scene->selectNodes({id}); // the inspector follows the canvas's selection
        if (auto *item = m_scene->nodeItem(id))
            m_view->ensureVisible(item);
    });
    auto *outlineDock = new QDockWidget(tr("Nodes"), this);
    outlineDock->setObjectName(QStringLiteral("nodesDock"));
    outlineDock->setWidget(m_outline);
    addDockWidget(Qt::LeftDockWidgetArea, outlineDock);

    m_problemsView = new QTableView(this);
    m_problemsView->setModel(m_problems);
    m_problemsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_problemsView->horizontalHeader()->setStretchLastSection(true);
    m_problemsView->horizontalHeader()->setSectionResizeMode(widgets::ProblemsModel::LocationColumn,
                                                             QHeaderView::ResizeToContents);
    m_problemsView->verticalHeader()->hide();
    m_problemsView->setWordWrap(false);
    connect(m_problemsView, &QTableView::activated, this, &MainWindow::showProblem);
    auto *palette = new widgets::PaletteWidget(this);
    connect(palette, &widgets::PaletteWidget::typeActivated, this, [this](const QString &type) {
        m_scene->addNodeOfType(type, m_view->mapToScene(m_view->viewport()->rect().center()));
    });
    auto *paletteDock = new QDockWidget(tr("Palette"), this);
    paletteDock->setObjectName(QStringLiteral("paletteDock"));
    paletteDock->setWidget(palette);
    addDockWidget(Qt::LeftDockWidgetArea, paletteDock);

    m_inspector = new widgets::NodeInspector(m_document, *m_problems, this);
    auto *inspectorDock = new QDockWidget(tr("Inspector"), this);
    inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    inspectorDock->setWidget(m_inspector);
    addDockWidget(Qt::RightDockWidgetArea, inspectorDock);

    auto *jsonDock = new QDockWidget(tr("JSON"), this);
    jsonDock->setObjectName(QStringLiteral("jsonDock"));
    jsonDock->setWidget(m_json);
    addDockWidget(Qt::RightDockWidgetArea, jsonDock);
    tabifyDockWidget(inspectorDock, jsonDock);
    inspectorDock->raise();

    auto *problemsDock = new QDockWidget(tr("Problems"), this);
    problemsDock->setObjectName(QStringLiteral("problemsDock"));
    problemsDock->setWidget(m_problemsView);
    addDockWidget(Qt::BottomDockWidgetArea, problemsDock);

    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setMaximumBlockCount(5000);
    auto *logDock = new QDockWidget(tr("Log"), this);
    logDock->setObjectName(QStringLiteral("logDock"));
    logDock->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, logDock);

    auto *monitor = new QSplitter(Qt::Horizontal, this);
    m_runSummary = new widgets::RunSummary(monitor);
    m_charts = new widgets::MonitorCharts(monitor);
    monitor->addWidget(m_runSummary);
    connect(m_run, &widgets::RunController::checkpointReported, m_runSummary, &widgets::RunSummary::setCheckpointReport);
    monitor->addWidget(m_charts);
    monitor->setStretchFactor(0, 1);
    monitor->setStretchFactor(1, 3);
    monitor->setSizes({300, 900});
    connect(m_run, &widgets::RunController::progressed, this,
            [this](const runtime::BatchProgress &latest, const std::vector<runtime::BatchProgress> &recent) {
        m_runSummary->showProgress(latest, recent, m_run->inputRowsPerSecond(), m_run->processedRowsPerSecond());
        m_charts->addProgress(recent);
        m_history.store(m_historyRun, m_charts->history());
        // A source that has read nothing for 10 s or more says so (the IoT example
        // sat at "batch 0" with no sign why).
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const runtime::SourceProgress &s : latest.sources) {
            if (!m_sourceReadAt.contains(s.node))
                m_sourceReadAt.insert(s.node, now);
        }
        for (const runtime::BatchProgress &p : recent) {
            for (const runtime::SourceProgress &s : p.sources) {
                if (s.numInputRows > 0)
                    m_sourceReadAt.insert(s.node, now);
            }
        }
        QHash<QString, int> idle;
        for (auto it = m_sourceReadAt.cbegin(); it != m_sourceReadAt.cend(); ++it) {
            if (now - it.value() >= 10000)
                idle.insert(it.key(), int((now - it.value()) / 1000));
        }
        m_scene->setNodeFigures(widgets::nodeFigures(latest, recent, m_lagStatus, m_unreachableSource, sinkDestinations(), idle));
    });
    // No batches run while a cluster is away: the source's figures say so from the status.
    connect(m_run, &widgets::RunController::sourceUnreachable, this, [this](const QString &node, const QString &) {
        m_unreachableSource = node;
        if (const auto &latest = m_run->latestProgress())
            m_scene->setNodeFigures(widgets::nodeFigures(*latest, {}, m_lagStatus, m_unreachableSource, sinkDestinations()));
    });
    auto *monitorDock = new QDockWidget(tr("Monitor"), this);
    monitorDock->setObjectName(QStringLiteral("monitorDock"));
    monitorDock->setWidget(monitor);
    addDockWidget(Qt::BottomDockWidgetArea, monitorDock);
    m_alerts = new widgets::AlertsPanel(m_document, this);
    connect(m_run, &widgets::RunController::alertsUpdated, m_alerts, &widgets::AlertsPanel::showAlerts);
    connect(m_run, &widgets::RunController::alertsUpdated, this,
            [this](const QJsonObject &alerts) { m_lagStatus = alerts.value(QStringLiteral("lagStatus")).toObject(); });
    connect(m_alerts, &widgets::AlertsPanel::alertFired, this, &MainWindow::notifyAlert);
    connect(m_charts, &widgets::MonitorCharts::runsRequested, this, &MainWindow::showStoredRun);
    auto *alertsDock = new QDockWidget(tr("Alerts"), this);
    alertsDock->setObjectName(QStringLiteral("alertsDock"));
    alertsDock->setWidget(m_alerts);
    addDockWidget(Qt::BottomDockWidgetArea, alertsDock);
    tabifyDockWidget(problemsDock, logDock);
    tabifyDockWidget(logDock, monitorDock);
    m_explorer = new widgets::ClusterExplorer(this);
    m_explorer->setProfiles(new widgets::ConnectionProfiles(this));
    auto *explorerDock = new QDockWidget(tr("Cluster"), this);
    explorerDock->setObjectName(QStringLiteral("clusterDock"));
    explorerDock->setWidget(m_explorer);
    addDockWidget(Qt::BottomDockWidgetArea, explorerDock);
    tabifyDockWidget(monitorDock, alertsDock);
    tabifyDockWidget(alertsDock, explorerDock);
    m_data = new widgets::DataPanel(m_document, *m_problems, this);
    auto *dataDock = new QDockWidget(tr("Data"), this);
    dataDock->setObjectName(QStringLiteral("dataDock"));
    dataDock->setWidget(m_data);
    addDockWidget(Qt::BottomDockWidgetArea, dataDock);
    connect(m_scene, &widgets::PipelineScene::edgeChosen, this, [this](const QString &edge) {
        m_data->follow(edge);
        m_debugger->showEdge(edge);
        if (!m_debugger->isVisible() || !m_run->isDebugging())
            raiseDock(QStringLiteral("data"));
    });
    m_debugger = new widgets::DebuggerPanel(this);
    connect(m_debugger, &widgets::DebuggerPanel::message, this, [this](const QString &text, bool isError) { appendLog(text, isError); });
    auto *debuggerDock = new QDockWidget(tr("Debugger"), this);
    debuggerDock->setObjectName(QStringLiteral("debuggerDock"));
    debuggerDock->setWidget(m_debugger);
    addDockWidget(Qt::BottomDockWidgetArea, debuggerDock);
    tabifyDockWidget(explorerDock, debuggerDock);
    connect(&m_document, &core::PipelineDocument::headerChanged, this, &MainWindow::updateExplorerConnections);
    connect(&m_document, &core::PipelineDocument::pipelineReset, this, &MainWindow::updateExplorerConnections);
    // Another pipeline (opened, new): the last run's figures were of the one before.
    connect(&m_document, &core::PipelineDocument::pipelineReset, this, [this] {
        if (m_run->isActive())
            return; // an attached run's pipeline arrives so; its figures follow
        clearRunViews();
        m_scene->setNodeFigures({});
        m_scene->setEdgeRates({});
        m_data->clear();
    });
    connect(m_run, &widgets::RunController::connectionsKnown, this, [this](const QHash<QString, QString> &bootstraps) {
        m_runBootstraps = bootstraps;
        updateExplorerConnections();
    });
    // Docks whose content needs more room than a squeezed dock has scroll, rather
    // than push the window larger than the screen.
    for (QDockWidget *dock : {monitorDock, alertsDock, explorerDock, debuggerDock})
        dock->setWidget(scrollable(dock->widget()));
}

QHash<QString, QString> MainWindow::sinkDestinations() const
{
    QHash<QString, QString> where;
    for (const core::Node &node : m_document.pipeline().nodes) {
        if (const QString text = widgets::sinkDestination(node.type, node.config); !text.isEmpty())
            where.insert(node.id, text);
    }
    return where;
}

QWidget *MainWindow::scrollable(QWidget *content)
{
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    return scroll;
}

void MainWindow::applyDefaultLayout()
{
    // Made for a 1280x800 laptop: the Nodes and Palette on the left at the window's
    // full height, the canvas in the middle with the Inspector on its right, and
    // the bottom docks under both (the monitor's charts need the width). Larger
    // screens give the room to the canvas and the inspector.
    setCorner(Qt::TopLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
    const auto dock = [this](const char *name) { return findChild<QDockWidget *>(QLatin1String(name)); };
    QDockWidget *nodes = dock("nodesDock"), *palette = dock("paletteDock"), *inspector = dock("inspectorDock"),
                *json = dock("jsonDock"), *problems = dock("problemsDock");
    addDockWidget(Qt::LeftDockWidgetArea, nodes);
    addDockWidget(Qt::LeftDockWidgetArea, palette);
    splitDockWidget(nodes, palette, Qt::Vertical);
    addDockWidget(Qt::RightDockWidgetArea, inspector);
    tabifyDockWidget(inspector, json);
    addDockWidget(Qt::BottomDockWidgetArea, problems);
    QDockWidget *previous = problems;
    for (const char *name : {"logDock", "monitorDock", "dataDock", "alertsDock", "clusterDock", "debuggerDock"}) {
        tabifyDockWidget(previous, dock(name));
        previous = dock(name);
    }
    for (QDockWidget *d : findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly)) {
        d->setFloating(false);
        d->show();
    }
    inspector->raise();
    problems->raise();
    const QSize room = size();
    resizeDocks({nodes, inspector}, {std::clamp(room.width() / 6, 200, 300), std::clamp(room.width() * 27 / 100, 320, 520)},
                Qt::Horizontal);
    resizeDocks({nodes, palette}, {room.height() * 2 / 5, room.height() * 3 / 5}, Qt::Vertical);
    resizeDocks({problems}, {std::clamp(room.height() * 36 / 100, 200, 440)}, Qt::Vertical);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));

    QAction *newAction = file->addAction(tr("&New"), this, &MainWindow::newPipeline);
    newAction->setShortcut(QKeySequence::New);
    newAction->setIcon(style()->standardIcon(QStyle::SP_FileIcon));
    QAction *openAction = file->addAction(tr("&Open..."), this, &MainWindow::open);
    openAction->setShortcut(QKeySequence::Open);
    openAction->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    QMenu *examples = file->addMenu(tr("Open &Example"));
    for (const QString &path : ExampleLocator::files()) {
        examples->addAction(QFileInfo(path).completeBaseName(), this, [this, path] {
            if (maybeSave())
                openFile(ExampleLocator::workingCopy(path));
        });
    }
    examples->setEnabled(!examples->isEmpty());
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addAction(tr("Open Recor&ding..."), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Recording"), QFileInfo(m_document.filePath()).path(),
                                                          tr("Recordings (*.swrec);;All files (*)"));
        if (!path.isEmpty())
            openRecording(path);
    });
    file->addSeparator();
    QAction *saveAction = file->addAction(tr("&Save"), this, &MainWindow::save);
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    file->addAction(tr("Save &As..."), this, &MainWindow::saveAs)->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document.undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document.undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    // Canvas actions: their shortcuts act on the canvas only, so text editors keep theirs.
    auto canvasAction = [this, edit](const QString &text, auto slot, QKeySequence shortcut) {
        QAction *action = edit->addAction(text, m_scene, slot);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_view->addAction(action);
        return action;
    };
    canvasAction(tr("Cu&t"), &widgets::PipelineScene::cutSelection, QKeySequence::Cut);
    canvasAction(tr("&Copy"), &widgets::PipelineScene::copySelection, QKeySequence::Copy);
    canvasAction(tr("&Paste"), &widgets::PipelineScene::paste, QKeySequence::Paste);
    canvasAction(tr("D&uplicate"), &widgets::PipelineScene::duplicateSelection, QKeySequence(Qt::CTRL | Qt::Key_D));
    canvasAction(tr("&Delete"), &widgets::PipelineScene::deleteSelection, QKeySequence::Delete);
    edit->addAction(tr("Select &All"), this, [this] {
        for (auto *item : m_scene->items())
            item->setSelected(item->flags() & QGraphicsItem::ItemIsSelectable);
    })->setShortcut(QKeySequence::SelectAll);

    QMenu *pipeline = menuBar()->addMenu(tr("&Pipeline"));
    QAction *validate = pipeline->addAction(tr("&Validate"), this, [this] {
        raiseDock(QStringLiteral("problems"));
        m_problemsView->setFocus();
    });
    validate->setShortcut(Qt::Key_F7);
    pipeline->addSeparator();
    m_runAction = pipeline->addAction(tr("&Run"), this, &MainWindow::runPipeline);
    m_runAction->setShortcut(Qt::Key_F5);
    m_runAction->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_runAction->setToolTip(tr("Run the pipeline in a runtime process (F5)"));
    m_debugAction = pipeline->addAction(tr("&Debug"), this, &MainWindow::debugPipeline);
    m_debugAction->setShortcut(Qt::CTRL | Qt::Key_F5);
    m_debugAction->setToolTip(tr("Run over recordings in the step debugger: step, go back, breakpoints, rows and state "
                                 "of every batch (Ctrl+F5)"));
    m_pauseAction = pipeline->addAction(tr("&Pause"), this, [this] {
        if (m_run->state() == widgets::RunController::State::Paused)
            m_run->resume();
        else
            m_run->pause();
    });
    m_pauseAction->setShortcut(Qt::Key_F6);
    m_pauseAction->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    m_stepAction = pipeline->addAction(tr("Step One &Batch"), m_run, &widgets::RunController::step);
    m_stepAction->setShortcut(Qt::Key_F10);
    m_stepAction->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_stopAction = pipeline->addAction(tr("S&top"), m_run, &widgets::RunController::stop);
    m_stopAction->setShortcut(Qt::SHIFT | Qt::Key_F5);
    m_stopAction->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    pipeline->addSeparator();
    m_attachAction = pipeline->addAction(tr("&Attach to Runtime..."), this, &MainWindow::attachToRuntime);
    m_attachAction->setToolTip(tr("Follow a pipeline running elsewhere (streamwright-cli run --listen HOST:PORT)"));
    m_detachAction = pipeline->addAction(tr("De&tach"), m_run, &widgets::RunController::detach);
    pipeline->addSeparator();
    m_demoDataAction = pipeline->addAction(tr("&Demo Data on Embedded Brokers"));
    m_demoDataAction->setCheckable(true);
    m_demoDataAction->setChecked(QSettings().value(QStringLiteral("run/demoData"), true).toBool());
    m_demoDataAction->setToolTip(tr("While running, write generated shop events (user-events, purchase-events, orders) "
                                    "into the pipeline's embedded brokers"));
    connect(m_demoDataAction, &QAction::toggled, this,
            [](bool on) { QSettings().setValue(QStringLiteral("run/demoData"), on); });
    m_resetCheckpointAction = pipeline->addAction(tr("Reset &Checkpoint..."), this, &MainWindow::resetCheckpoint);
    m_resetCheckpointAction->setToolTip(tr("Start the next run over: delete the checkpoint in runtime.checkpoint.dir"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("Zoom &In"), this, [this] { m_view->zoomBy(1.25); })->setShortcut(QKeySequence::ZoomIn);
    view->addAction(tr("Zoom &Out"), this, [this] { m_view->zoomBy(0.8); })->setShortcut(QKeySequence::ZoomOut);
    view->addAction(tr("&Fit"), this, &MainWindow::fitPipeline)->setShortcut(Qt::CTRL | Qt::Key_0);
    view->addAction(tr("&Lay Out"), this, [this] {
        m_scene->layoutPipeline();
        fitPipeline();
    });
    view->addSeparator();
    for (auto *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    view->addAction(tr("&Reset Layout"), this, &MainWindow::applyDefaultLayout);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Streamwright"), this, [this] {
        QMessageBox::about(this, tr("About Streamwright"),
                           tr("<h3>Streamwright %1</h3><p>Design, run and watch Kafka stream pipelines.</p>"
                              "<p>Licensed under the GNU GPL, version 3 or later.</p>")
                               .arg(QApplication::applicationVersion()));
    });

    toolbar->addAction(newAction);
    toolbar->addAction(openAction);
    toolbar->addAction(saveAction);
    toolbar->addSeparator();
    toolbar->addAction(undo);
    toolbar->addAction(redo);
    toolbar->addSeparator();
    toolbar->addAction(m_runAction);
    toolbar->addAction(m_pauseAction);
    toolbar->addAction(m_stepAction);
    toolbar->addAction(m_stopAction);
}

bool MainWindow::raiseDock(const QString &name)
{
    auto *dock = findChild<QDockWidget *>(name.toLower() + QStringLiteral("Dock"));
    if (!dock)
        return false;
    dock->show();
    dock->raise();
    return true;
}

void MainWindow::selectNode(const QString &id)
{
    m_scene->selectNodes({id});
}

void MainWindow::selectionChanged()
{
    const QStringList ids = m_scene->selectedNodeIds();
    m_inspector->showNode(ids.size() == 1 ? ids.front() : QString());
    if (ids.size() == 1) {
        m_debugger->showEdge(ids.front()); // the node's rows, in the debugger
        m_data->follow(ids.front());       // and in the Data dock
    }
    if (!ids.isEmpty())
        m_scene->chooseEdge(std::nullopt);
}

bool MainWindow::openFile(const QString &path)
{
    if (path.endsWith(QLatin1String(".swrec"))) {
        openRecording(path);
        return true;
    }
    core::Diagnostics diagnostics;
    if (!m_document.load(path, &diagnostics)) {
        QStringList lines;
        for (const auto &d : diagnostics) {
            const QString where = d.line > 0 ? tr("line %1, column %2").arg(d.line).arg(d.column) : d.pointer;
            lines << (where.isEmpty() ? d.message : where + QStringLiteral(": ") + d.message);
        }
        QMessageBox::warning(this, tr("Cannot open %1").arg(QFileInfo(path).fileName()), lines.join(u'\n'));
        return false;
    }
    addRecentFile(QFileInfo(path).absoluteFilePath());
    fitPipeline();
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

void MainWindow::openRecording(const QString &path)
{
    // Browsed in the cluster explorer, as a cluster's topics are.
    raiseDock(QStringLiteral("cluster"));
    m_explorer->openRecording(path);
    statusBar()->showMessage(tr("Opened the recording %1 in the Cluster dock").arg(QDir::toNativeSeparators(path)), 5000);
}

void MainWindow::fitPipeline()
{
    m_view->fitPipeline();
}

void MainWindow::newPipeline()
{
    if (!maybeSave())
        return;
    core::Pipeline p;
    p.name = QStringLiteral("untitled");
    p.connections.insert(QStringLiteral("local"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("embedded")}});
    m_document.reset(p);
}

void MainWindow::open()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Pipeline"), QFileInfo(m_document.filePath()).path(),
                                                      tr("Pipelines (*.json);;Recordings (*.swrec);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::save()
{
    if (m_document.filePath().isEmpty())
        return saveAs();
    if (auto error = m_document.save()) {
        QMessageBox::warning(this, tr("Cannot save"), *error);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_document.filePath())), 5000);
    return true;
}

bool MainWindow::saveAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save Pipeline As"),
                                                m_document.filePath().isEmpty() ? m_document.pipeline().name + QStringLiteral(".json")
                                                                                : m_document.filePath(),
                                                tr("Pipelines (*.json)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QStringLiteral(".json")))
        path += QStringLiteral(".json");
    if (auto error = m_document.save(path)) {
        QMessageBox::warning(this, tr("Cannot save"), *error);
        return false;
    }
    addRecentFile(path);
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_document.isModified())
        return true;
    const auto answer = QMessageBox::warning(this, tr("Unsaved changes"),
                                             tr("The pipeline \"%1\" has unsaved changes. Save them?")
                                                 .arg(m_document.pipeline().name),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    if (m_run->isActive()) {
        const auto answer = QMessageBox::question(this, tr("Stop the run?"),
                                                  tr("The pipeline is running. Stop it and quit?"));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        endHistory(QStringLiteral("stopped: the app was closed"));
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::updateTitle()
{
    const QString name = m_document.filePath().isEmpty() ? tr("Untitled") : QFileInfo(m_document.filePath()).fileName();
    setWindowFilePath(m_document.filePath());
    setWindowTitle(tr("%1[*] — Streamwright").arg(name));
    setWindowModified(m_document.isModified());
}

void MainWindow::addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(QStringLiteral("recentFiles"), recent.mid(0, kMaxRecentFiles));
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString &path : recent) {
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] {
            if (maybeSave())
                openFile(path);
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::showProblem(const QModelIndex &index)
{
    // Select the node, and focus the setting the problem is about in the inspector.
    const QString nodeId = index.data(widgets::ProblemsModel::NodeIdRole).toString();
    if (nodeId.isEmpty())
        return;
    m_outline->selectNode(nodeId);
    m_scene->selectNodes({nodeId});
    if (auto *item = m_scene->nodeItem(nodeId))
        m_view->ensureVisible(item);
    m_inspector->showNode(nodeId);
    raiseDock(QStringLiteral("inspector"));
    m_inspector->focusPointer(index.data(widgets::ProblemsModel::PointerRole).toString());
}

} // namespace sw::app
