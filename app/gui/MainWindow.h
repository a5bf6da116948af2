// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/PipelineDocument.h"
#include "monitor/RunHistoryStore.h"
#include "run/RunController.h"

#include <QJsonObject>
#include <QMainWindow>

class QAction;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QSystemTrayIcon;
class QTableView;

namespace sw::widgets {
class AlertsPanel;
class ClusterExplorer;
class DataPanel;
class DebuggerPanel;
class JsonSourceView;
class MonitorCharts;
class NodeInspector;
class PipelineOutline;
class PipelineScene;
class PipelineView;
class ProblemsModel;
class RunController;
class RunSummary;
} // namespace sw::widgets

namespace sw::app {

// The desktop app's main window: the canvas in the middle; palette, nodes,
// inspector, JSON source, problems, log and monitor docks around it; runs driven
// through a runtime process.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    bool openFile(const QString &path); // a pipeline, or a recording (.swrec) to browse
    void openRecording(const QString &path);
    // Fits the whole pipeline into the canvas (after opening, and View > Fit).
    void fitPipeline();
    core::PipelineDocument &document() { return m_document; }
    widgets::PipelineScene *scene() const { return m_scene; }
    widgets::PipelineView *view() const { return m_view; }
    widgets::NodeInspector *inspector() const { return m_inspector; }
    widgets::JsonSourceView *jsonView() const { return m_json; }
    widgets::RunController *runController() const { return m_run; }
    widgets::MonitorCharts *charts() const { return m_charts; }
    widgets::AlertsPanel *alerts() const { return m_alerts; }
    widgets::ClusterExplorer *explorer() const { return m_explorer; }
    QPlainTextEdit *log() const { return m_log; }
    // Starts the open pipeline in a runtime process (Pipeline > Run).
    void runPipeline();
    // Run › Debug: the step debugger (over recordings), in the Debugger dock.
    void debugPipeline();
    widgets::DebuggerPanel *debugger() const { return m_debugger; }
    widgets::DataPanel *data() const { return m_data; }
    // Selects one node on the canvas (and so shows it in the inspector).
    void selectNode(const QString &id);
    // Brings a dock to the front by short name (problems, log, monitor, alerts, cluster, json, inspector).
    bool raiseDock(const QString &name);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createDocks();
    // View > Reset Layout: every dock where it starts, at sizes for the window's size.
    void applyDefaultLayout();
    QWidget *scrollable(QWidget *content);
    QHash<QString, QString> sinkDestinations() const; // for the sinks' figures on the canvas
    void newPipeline();
    void open();
    bool save();
    bool saveAs();
    bool maybeSave();
    void updateTitle();
    void addRecentFile(const QString &path);
    void rebuildRecentMenu();
    void showProblem(const QModelIndex &index);
    void selectionChanged();
    void resetCheckpoint();
    void runStateChanged();
    void appendLog(const QString &line, bool isError);
    void notifyAlert(const QString &severity, const QString &message);
    void attachToRuntime();
    void recordRun(widgets::RunController::State state);
    void showStoredRun();
    void beginHistory();
    void endHistory(const QString &outcome); // no-op without a run being recorded
    QString historyPath() const;
    // The log, charts and alert history, ready for a run (started or attached).
    void clearRunViews();
    void showTrigger(); // the pipeline's trigger interval on the batch-duration chart
    void updateExplorerConnections();
    void showAttachedPipeline(const QByteArray &json);

    core::PipelineDocument m_document;
    widgets::ProblemsModel *m_problems = nullptr;
    widgets::PipelineOutline *m_outline = nullptr;
    widgets::PipelineScene *m_scene = nullptr;
    widgets::PipelineView *m_view = nullptr;
    widgets::JsonSourceView *m_json = nullptr;
    widgets::NodeInspector *m_inspector = nullptr;
    widgets::RunController *m_run = nullptr;
    widgets::RunSummary *m_runSummary = nullptr;
    widgets::MonitorCharts *m_charts = nullptr;
    widgets::AlertsPanel *m_alerts = nullptr;
    widgets::DebuggerPanel *m_debugger = nullptr;
    widgets::DataPanel *m_data = nullptr;
    QAction *m_debugAction = nullptr;
    void startRun(bool debug);
    QSystemTrayIcon *m_tray = nullptr;
    QJsonObject m_lagStatus; // the runtime's Burrow status per source
    widgets::RunHistoryStore m_history;
    widgets::ClusterExplorer *m_explorer = nullptr;
    QHash<QString, QString> m_runBootstraps;
    qint64 m_historyRun = 0;
    QPlainTextEdit *m_log = nullptr;
    QLabel *m_runStatus = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_resetCheckpointAction = nullptr;
    QString m_unreachableSource; // a source the runtime says cannot reach its cluster
    QHash<QString, qint64> m_sourceReadAt; // source -> when it last read rows (this run), epoch ms
    QAction *m_pauseAction = nullptr;
    QAction *m_stepAction = nullptr;
    QAction *m_demoDataAction = nullptr;
    QAction *m_attachAction = nullptr;
    QAction *m_detachAction = nullptr;
    QTableView *m_problemsView = nullptr;
    QLabel *m_status = nullptr;
    QMenu *m_recentMenu = nullptr;
};

} // namespace sw::app
