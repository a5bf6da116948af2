// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "ExampleLocator.h"
#include "format/PipelineFormat.h"
#include "canvas/PipelineScene.h"
#include "canvas/PipelineView.h"
#include "outline/PipelineOutline.h"
#include "palette/PaletteWidget.h"
#include "problems/ProblemsModel.h"

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
    m_json = new QPlainTextEdit(this);
    m_json->setReadOnly(true);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);

    m_problems = new widgets::ProblemsModel(m_document, this);
    m_scene = new widgets::PipelineScene(m_document, *m_problems, this);
    m_view = new widgets::PipelineView(*m_scene, this);
    setCentralWidget(m_view);
    connect(m_scene, &widgets::PipelineScene::connectionRefused, this, [this](const QString &reason) {
        statusBar()->showMessage(tr("Cannot connect: %1").arg(reason), 8000);
    });
    createDocks();
    createActions();

    m_status = new QLabel(this);
    statusBar()->addPermanentWidget(m_status);
    connect(m_problems, &widgets::ProblemsModel::validated, this, [this](int errors, int warnings) {
        m_status->setText(errors == 0 && warnings == 0
                              ? tr("Valid")
                              : tr("%n error(s)", nullptr, errors) + QStringLiteral(", ")
                                    + tr("%n warning(s)", nullptr, warnings));
    });
    connect(&m_document, &core::PipelineDocument::pipelineChanged, this, &MainWindow::updateJson);
    connect(&m_document, &core::PipelineDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(&m_document, &core::PipelineDocument::filePathChanged, this, &MainWindow::updateTitle);
    updateJson();
    updateTitle();

    QSettings settings;
    resize(1280, 800);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

MainWindow::~MainWindow() = default;

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

    auto *jsonDock = new QDockWidget(tr("JSON"), this);
    jsonDock->setObjectName(QStringLiteral("jsonDock"));
    jsonDock->setWidget(m_json);
    addDockWidget(Qt::RightDockWidgetArea, jsonDock);

    auto *problemsDock = new QDockWidget(tr("Problems"), this);
    problemsDock->setObjectName(QStringLiteral("problemsDock"));
    problemsDock->setWidget(m_problemsView);
    addDockWidget(Qt::BottomDockWidgetArea, problemsDock);
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
                openFile(path);
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
    QAction *remove = edit->addAction(tr("&Delete"), m_scene, &widgets::PipelineScene::deleteSelection);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(remove);
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

void MainWindow::updateJson()
{
    m_json->setPlainText(QString::fromUtf8(core::PipelineFormat::save(m_document.pipeline())));
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
    const QString nodeId = index.data(widgets::ProblemsModel::NodeIdRole).toString();
    if (!nodeId.isEmpty())
        m_outline->selectNode(nodeId);
}

} // namespace sw::app
