// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "ExampleLocator.h"
#include "format/PipelineFormat.h"
#include "model/Duration.h"
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
#include "run/KeyringSecrets.h"
#include "run/NodeFigures.h"
#include "run/RunController.h"
#include "run/RunSummary.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
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
#include <QSettings>
#include <QSplitter>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QRegularExpression>
#include <QInputDialog>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTime>
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
    resize(1280, 800);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

MainWindow::~MainWindow()
{
    // The views hold references to m_document, a member that dies before QWidget's
    // destructor deletes the children: take them down while it still lives (a focus
    // change during teardown makes them read or even edit it).
    m_scene->disconnect(this);
    if (m_historyRun != 0) { // quit without closing the window (a signal, --screenshot)
        m_history.store(m_historyRun, m_charts->history(), true);
        m_history.endRun(m_historyRun, QDateTime::currentDateTime(), QStringLiteral("stopped: the app was closed"));
    }
    delete m_run;
    qDeleteAll(findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly));
    delete m_view;
    delete m_scene;
    delete m_problems;
}

void MainWindow::createDocks()
{
    m_outline = new widgets::PipelineOutline(m_document, *m_problems, this);
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
    monitor->addWidget(m_charts);
    monitor->setStretchFactor(1, 1);
    connect(m_run, &widgets::RunController::progressed, this, [this](const QJsonObject &latest, const QJsonArray &recent) {
        m_runSummary->showProgress(latest, m_run->inputRowsPerSecond(), m_run->processedRowsPerSecond());
        m_charts->addProgress(recent);
        m_history.store(m_historyRun, m_charts->history());
        m_scene->setNodeFigures(widgets::nodeFigures(latest, recent, m_lagStatus));
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
    connect(&m_document, &core::PipelineDocument::headerChanged, this, &MainWindow::updateExplorerConnections);
    connect(&m_document, &core::PipelineDocument::pipelineReset, this, &MainWindow::updateExplorerConnections);
    connect(m_run, &widgets::RunController::connectionsKnown, this, [this](const QHash<QString, QString> &bootstraps) {
        m_runBootstraps = bootstraps;
        updateExplorerConnections();
    });
    problemsDock->raise();
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
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("problemsDock"))) {
            dock->show();
            dock->raise();
        }
        m_problemsView->setFocus();
    });
    validate->setShortcut(Qt::Key_F7);
    pipeline->addSeparator();
    m_runAction = pipeline->addAction(tr("&Run"), this, &MainWindow::runPipeline);
    m_runAction->setShortcut(Qt::Key_F5);
    m_runAction->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_runAction->setToolTip(tr("Run the pipeline in a runtime process (F5)"));
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
    m_demoDataAction->setToolTip(tr("While running, write generated shop events (user-events, purchase-events) "
                                    "into the pipeline's embedded brokers"));
    connect(m_demoDataAction, &QAction::toggled, this,
            [](bool on) { QSettings().setValue(QStringLiteral("run/demoData"), on); });

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

void MainWindow::runPipeline()
{
    if (m_run->isActive())
        return;
    if (!m_problems->result().ok()) {
        const auto answer = QMessageBox::question(
            this, tr("Run with problems?"),
            tr("The pipeline has %n error(s); the runtime will refuse it. Run anyway to see its message?", nullptr,
               m_problems->errorCount()));
        if (answer != QMessageBox::Yes)
            return;
    }
    m_log->clear();
    m_charts->clear();
    m_charts->setTriggerMs(double(core::Duration::parseMs(
        m_document.pipeline().runtime.value(QStringLiteral("trigger")).toString(QStringLiteral("0s"))).value_or(0)));
    m_alerts->clearRun();
    const double demoRate = m_demoDataAction->isChecked() ? 1000 : 0;
    const QStringList secrets = widgets::KeyringSecrets::referencedNames(m_document.pipeline());
    if (secrets.isEmpty()) {
        m_run->start(m_document.pipeline(), demoRate);
    } else {
        // ${keyring:NAME} references: fetched from the keyring, handed to the runtime
        // through its environment, never written into the copy it runs.
        auto *keyring = new widgets::KeyringSecrets(this, this);
        keyring->resolve(secrets, [this, keyring, demoRate](const QHash<QString, QString> &values, const QString &error) {
            keyring->deleteLater();
            if (!error.isEmpty()) {
                appendLog(error, true);
                return;
            }
            QHash<QString, QString> environment;
            const core::Pipeline copy = widgets::KeyringSecrets::withEnvironmentReferences(m_document.pipeline(), values, &environment);
            m_run->start(copy, demoRate, environment);
        });
    }
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("monitorDock")))
        dock->raise();
}

void MainWindow::recordRun(widgets::RunController::State state)
{
    using State = widgets::RunController::State;
    if (state == State::Starting) {
        if (!m_run->isAttached()) // an attached run's pipeline is known once it arrives
            beginHistory();
    } else if (!m_run->isActive() && m_historyRun != 0) {
        m_history.store(m_historyRun, m_charts->history(), true);
        m_history.endRun(m_historyRun, QDateTime::currentDateTime(),
                         state == State::Failed ? QStringLiteral("failed")
                         : state == State::Idle ? QStringLiteral("detached")
                                                : QStringLiteral("finished"));
        m_historyRun = 0;
    }
}

void MainWindow::beginHistory()
{
    const QString path = widgets::RunHistoryStore::pathFor(
        m_document.filePath(), m_document.pipeline().name,
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/history"));
    if (const auto error = m_history.open(path)) {
        appendLog(tr("The run's history cannot be kept in %1: %2").arg(path, *error), true);
        m_historyRun = 0;
        return;
    }
    m_historyRun = m_history.beginRun(m_document.pipeline().name, QDateTime::currentDateTime());
}

void MainWindow::showStoredRun()
{
    const QString path = widgets::RunHistoryStore::pathFor(
        m_document.filePath(), m_document.pipeline().name,
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/history"));
    if (!QFileInfo::exists(path) || m_history.open(path)) {
        QMessageBox::information(this, tr("Runs"), tr("No run of this pipeline has been recorded yet."));
        return;
    }
    const auto runs = m_history.runs();
    QStringList items;
    for (const auto &r : runs)
        items << tr("Run %1: %2, %3 – %4, %5")
                     .arg(r.id)
                     .arg(r.pipeline, QLocale().toString(r.started, QLocale::ShortFormat),
                          r.ended.isValid() ? QLocale().toString(r.ended.time(), QLocale::ShortFormat) : QStringLiteral("?"),
                          r.outcome.isEmpty() ? tr("ended without a word (the app or the machine went down)") : r.outcome);
    if (items.isEmpty()) {
        QMessageBox::information(this, tr("Runs"), tr("No run of this pipeline has been recorded yet."));
        return;
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Runs"), tr("Show the charts of:"), items, 0, false, &ok);
    if (!ok)
        return;
    m_charts->setRangeMinutes(60);
    m_charts->setHistory(m_history.load(runs[size_t(items.indexOf(chosen))].id));
    statusBar()->showMessage(tr("Showing %1 (history in %2)").arg(chosen, QDir::toNativeSeparators(path)), 10000);
}

void MainWindow::runStateChanged()
{
    using State = widgets::RunController::State;
    const State state = m_run->state();
    recordRun(state);
    m_runStatus->setText(widgets::RunController::stateName(state));
    m_runSummary->setState(widgets::RunController::stateName(state));
    m_runAction->setEnabled(!m_run->isActive());
    m_attachAction->setEnabled(!m_run->isActive());
    m_detachAction->setEnabled(m_run->isAttached());
    m_stopAction->setEnabled(m_run->isActive() && state != State::Stopping);
    m_pauseAction->setEnabled(state == State::Running || state == State::Paused);
    m_pauseAction->setText(state == State::Paused ? tr("Res&ume") : tr("&Pause"));
    m_pauseAction->setIcon(style()->standardIcon(state == State::Paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    m_stepAction->setEnabled(state == State::Paused);
    if (!m_run->isActive() && !m_runBootstraps.isEmpty()) {
        m_runBootstraps.clear();
        updateExplorerConnections();
    }
    if (!m_run->isActive()) {
        m_scene->setEdgeRates({});
        m_scene->setNodeFigures({});
        m_lagStatus = {};
    }
    if (state == State::Failed) {
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("logDock")))
            dock->raise();
    }
}

void MainWindow::appendLog(const QString &line, bool isError)
{
    const QString stamp = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
    const QString html = QStringLiteral("<span style=\"color:gray\">%1</span> %2")
                             .arg(stamp, isError ? QStringLiteral("<span style=\"color:#d03030\">%1</span>")
                                                       .arg(line.toHtmlEscaped())
                                                 : line.toHtmlEscaped());
    m_log->appendHtml(html);
}

void MainWindow::attachToRuntime()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Attach to Runtime"));
    auto *form = new QFormLayout(&dialog);
    auto *intro = new QLabel(tr("The control line a runtime prints when it starts, or its address and token:"), &dialog);
    intro->setWordWrap(true);
    form->addRow(intro);
    auto *url = new QLineEdit(QSettings().value(QStringLiteral("attach/url")).toString(), &dialog);
    url->setPlaceholderText(QStringLiteral("http://pipeline-host:8080"));
    auto *token = new QLineEdit(&dialog);
    token->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Address"), url);
    form->addRow(tr("&Token"), token);
    // Pasting the whole "control=URL token=T" line fills both fields.
    connect(url, &QLineEdit::textChanged, &dialog, [url, token](const QString &text) {
        const auto match = QRegularExpression(QStringLiteral("control=(\\S+)\\s+token=(\\S+)")).match(text);
        if (match.hasMatch()) {
            url->setText(match.captured(1));
            token->setText(match.captured(2));
        }
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!maybeSave())
        return;
    QSettings().setValue(QStringLiteral("attach/url"), url->text());
    m_log->clear();
    m_charts->clear();
    m_alerts->clearRun();
    if (!m_run->attach(QUrl(url->text().trimmed()), token->text().trimmed()))
        QMessageBox::warning(this, tr("Cannot attach"), tr("\"%1\" is not a runtime's control address (http://HOST:PORT).").arg(url->text()));
}

void MainWindow::showAttachedPipeline(const QByteArray &json)
{
    // The attached runtime's pipeline becomes the document (unsaved: it came from
    // the server), so the canvas shows what runs there.
    const auto loaded = core::PipelineFormat::load(json);
    if (!loaded.pipeline) {
        appendLog(tr("The runtime sent a pipeline that cannot be read."), true);
        return;
    }
    m_document.reset(*loaded.pipeline);
    fitPipeline();
    m_charts->setTriggerMs(double(core::Duration::parseMs(
        m_document.pipeline().runtime.value(QStringLiteral("trigger")).toString(QStringLiteral("0s"))).value_or(0)));
    beginHistory();
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("monitorDock")))
        dock->raise();
}

void MainWindow::updateExplorerConnections()
{
    // The pipeline's Kafka connections, and the embedded brokers of the current run
    // (they live in the runtime process, so only while it runs).
    QHash<QString, runtime::KafkaEndpoint> endpoints;
    const auto &connections = m_document.pipeline().connections;
    for (auto it = connections.begin(); it != connections.end(); ++it) {
        runtime::KafkaEndpoint e;
        e.name = it.key();
        e.properties = it.value().value(QStringLiteral("properties")).toObject();
        e.embedded = it.value().value(QStringLiteral("kind")).toString() == QLatin1String("embedded");
        e.bootstrap = m_runBootstraps.value(it.key(), it.value().value(QStringLiteral("bootstrap")).toString());
        if (!e.bootstrap.isEmpty())
            endpoints.insert(it.key(), e);
    }
    m_explorer->setConnections(endpoints);
}

void MainWindow::notifyAlert(const QString &severity, const QString &message)
{
    appendLog(tr("Alert: %1").arg(message), severity == QLatin1String("critical"));
    if (severity != QLatin1String("critical"))
        return;
    // A critical alert reaches the person even when the window is not in front.
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(windowIcon(), this);
            m_tray->setToolTip(tr("Streamwright"));
            m_tray->show();
        }
        m_tray->showMessage(tr("Critical alert in %1").arg(m_document.pipeline().name), message,
                            QSystemTrayIcon::Critical, 15000);
    }
    QApplication::alert(this);
    statusBar()->showMessage(tr("Critical alert: %1").arg(message), 15000);
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
}

bool MainWindow::openFile(const QString &path)
{
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
                                                      tr("Pipelines (*.json);;All files (*)"));
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
        if (m_historyRun != 0) {
            m_history.store(m_historyRun, m_charts->history(), true);
            m_history.endRun(m_historyRun, QDateTime::currentDateTime(), QStringLiteral("stopped: the app was closed"));
            m_historyRun = 0;
        }
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
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("inspectorDock"))) {
        dock->show();
        dock->raise();
    }
    m_inspector->focusPointer(index.data(widgets::ProblemsModel::PointerRole).toString());
}

} // namespace sw::app
