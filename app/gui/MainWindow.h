// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/PipelineDocument.h"

#include <QMainWindow>

class QLabel;
class QMenu;
class QPlainTextEdit;
class QTableView;

namespace sw::widgets {
class PipelineOutline;
class PipelineScene;
class PipelineView;
class ProblemsModel;
} // namespace sw::widgets

namespace sw::app {

// The desktop app's main window: a pipeline document with its JSON, its nodes and
// their schemas, and its problems. The node-editor canvas, inspector and run
// controls of the designer issue plug into this window.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    bool openFile(const QString &path);
    // Fits the whole pipeline into the canvas (after opening, and View > Fit).
    void fitPipeline();
    core::PipelineDocument &document() { return m_document; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createDocks();
    void newPipeline();
    void open();
    bool save();
    bool saveAs();
    bool maybeSave();
    void updateTitle();
    void updateJson();
    void addRecentFile(const QString &path);
    void rebuildRecentMenu();
    void showProblem(const QModelIndex &index);

    core::PipelineDocument m_document;
    widgets::ProblemsModel *m_problems = nullptr;
    widgets::PipelineOutline *m_outline = nullptr;
    widgets::PipelineScene *m_scene = nullptr;
    widgets::PipelineView *m_view = nullptr;
    QPlainTextEdit *m_json = nullptr;
    QTableView *m_problemsView = nullptr;
    QLabel *m_status = nullptr;
    QMenu *m_recentMenu = nullptr;
};

} // namespace sw::app
