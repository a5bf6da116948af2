// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's side of runs: starting and attaching, following the runtime
// (state, log, history, alerts) and the cluster explorer's connections. Editing
// lives in MainWindow.cpp.
#include "MainWindow.h"

#include "canvas/PipelineScene.h"
#include "checkpoint/CheckpointStore.h"
#include "engine/Executor.h"
#include "data/DataPanel.h"
#include "settings/NodeSettings.h"
#include "explorer/ClusterExplorer.h"
#include "format/PipelineFormat.h"
#include "model/Duration.h"
#include "monitor/AlertsPanel.h"
#include "monitor/MonitorCharts.h"
#include "problems/ProblemsModel.h"
#include "run/KeyringSecrets.h"
#include "run/NodeFigures.h"
#include "run/RunController.h"
#include "run/RunSummary.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include "debug/DebuggerPanel.h"

#include <QDockWidget>
#include <QFileInfo>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTime>

namespace sw::app {

void MainWindow::runPipeline()
{
    startRun(false);
}

void MainWindow::debugPipeline()
{
    startRun(true);
}

void MainWindow::startRun(bool debug)
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
    clearRunViews();
    showTrigger();
    const double demoRate = m_demoDataAction->isChecked() ? 1000 : 0;
    const QStringList secrets = widgets::KeyringSecrets::referencedNames(m_document.pipeline());
    if (secrets.isEmpty()) {
        m_run->start(m_document.pipeline(), demoRate, {}, debug);
    } else {
        // ${keyring:NAME} references: fetched from the keyring, handed to the runtime
        // through its environment, never written into the copy it runs.
        auto *keyring = new widgets::KeyringSecrets(this, this);
        keyring->resolve(secrets, [this, keyring, demoRate, debug](const QHash<QString, QString> &values, const QString &error) {
            keyring->deleteLater();
            if (!error.isEmpty()) {
                appendLog(error, true);
                return;
            }
            QHash<QString, QString> environment;
            const core::Pipeline copy = widgets::KeyringSecrets::withEnvironmentReferences(m_document.pipeline(), values, &environment);
            m_run->start(copy, demoRate, environment, debug);
        });
    }
    raiseDock(debug ? QStringLiteral("debugger") : QStringLiteral("monitor"));
}

void MainWindow::clearRunViews()
{
    m_log->clear();
    m_charts->clear();
    m_runSummary->clearRun();
    m_alerts->clearRun();
    m_sourceReadAt.clear();
}

void MainWindow::showTrigger()
{
    m_charts->setTriggerMs(double(core::Duration::parseMs(
        m_document.pipeline().runtime.value(QStringLiteral("trigger")).toString(QStringLiteral("0s"))).value_or(0)));
}

void MainWindow::recordRun(widgets::RunController::State state)
{
    using State = widgets::RunController::State;
    if (state == State::Starting) {
        if (!m_run->isAttached()) // an attached run's pipeline is known once it arrives
            beginHistory();
    } else if (!m_run->isActive()) {
        endHistory(state == State::Failed ? QStringLiteral("failed")
                   : state == State::Idle ? QStringLiteral("detached")
                                          : QStringLiteral("finished"));
    }
}

void MainWindow::endHistory(const QString &outcome)
{
    if (m_historyRun == 0)
        return;
    m_history.store(m_historyRun, m_charts->history(), true);
    m_history.endRun(m_historyRun, QDateTime::currentDateTime(), outcome);
    m_historyRun = 0;
}

QString MainWindow::historyPath() const
{
    return widgets::RunHistoryStore::pathFor(m_document.filePath(), m_document.pipeline().name,
                                             QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                                 + QStringLiteral("/history"));
}

void MainWindow::beginHistory()
{
    const QString path = historyPath();
    if (const auto error = m_history.open(path)) {
        appendLog(tr("The run's history cannot be kept in %1: %2").arg(path, *error), true);
        m_historyRun = 0;
        return;
    }
    m_historyRun = m_history.beginRun(m_document.pipeline().name, QDateTime::currentDateTime());
}

void MainWindow::showStoredRun()
{
    const QString path = historyPath();
    if (!QFileInfo::exists(path) || m_history.open(path)) {
        QMessageBox::information(this, tr("Runs"), tr("No run of this pipeline has been recorded yet."));
        return;
    }
    const auto runs = m_history.runs();
    QStringList items;
    for (const auto &r : runs) {
        const bool live = r.id == m_historyRun && m_run->isActive(); // being recorded now
        items << tr("Run %1: %2, %3 – %4, %5")
                     .arg(r.id)
                     .arg(r.pipeline, QLocale().toString(r.started, QLocale::ShortFormat),
                          live ? tr("now") : r.ended.isValid() ? QLocale().toString(r.ended.time(), QLocale::ShortFormat) : QStringLiteral("?"),
                          live ? tr("running")
                          : r.outcome.isEmpty() ? tr("ended without a word (the app or the machine went down)") : r.outcome);
    }
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

void MainWindow::resetCheckpoint()
{
    core::Pipeline pipeline = m_document.pipeline();
    pipeline.filePath = m_document.filePath();
    const QString dir = runtime::Executor::checkpointDir(pipeline);
    if (dir.isEmpty() || (pipeline.filePath.isEmpty() && QDir::isRelativePath(dir))) {
        QMessageBox::information(this, tr("Reset Checkpoint"),
                                 tr("This pipeline keeps no checkpoint: set runtime.checkpoint.dir (and save the file) "
                                    "for runs that resume where they stopped."));
        return;
    }
    const QString database = runtime::CheckpointStore::databasePath(dir);
    if (!QFileInfo::exists(database)) {
        QMessageBox::information(this, tr("Reset Checkpoint"),
                                 tr("There is no checkpoint in %1 yet: the next run starts from the sources' "
                                    "startingOffsets.").arg(QDir::toNativeSeparators(dir)));
        return;
    }
    if (QMessageBox::question(this, tr("Reset Checkpoint"),
                              tr("Delete the checkpoint in %1?\n\nThe next run starts over: the sources from their "
                                 "startingOffsets, with no window, join or dedupe state. What the sinks hold stays.")
                                  .arg(QDir::toNativeSeparators(dir)),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    std::string error;
    if (!runtime::CheckpointStore::reset(dir, error)) {
        QMessageBox::warning(this, tr("Reset Checkpoint"), QString::fromStdString(error));
        return;
    }
    statusBar()->showMessage(tr("Checkpoint deleted: the next run starts over"), 10000);
}

void MainWindow::runStateChanged()
{
    using State = widgets::RunController::State;
    const State state = m_run->state();
    recordRun(state);
    m_runStatus->setText(widgets::RunController::stateName(state));
    m_runSummary->setState(widgets::RunController::stateName(state));
    m_runAction->setEnabled(!m_run->isActive());
    m_debugAction->setEnabled(!m_run->isActive());
    // The debugger follows a debugged run once its control API is known.
    if (m_run->isDebugging() && (state == State::Running || state == State::Paused))
        m_debugger->setClient(m_run->client());
    else if (!m_run->isActive())
        m_debugger->setClient(nullptr);
    if (state == State::Running || state == State::Paused)
        m_data->setClient(m_run->client());
    else if (!m_run->isActive())
        m_data->setClient(nullptr);
    m_attachAction->setEnabled(!m_run->isActive());
    m_detachAction->setEnabled(m_run->isAttached());
    m_stopAction->setEnabled(m_run->isActive() && state != State::Stopping);
    m_pauseAction->setEnabled(state == State::Running || state == State::Paused);
    m_pauseAction->setText(state == State::Paused ? tr("Res&ume") : tr("&Pause"));
    m_pauseAction->setIcon(style()->standardIcon(state == State::Paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    m_stepAction->setEnabled(state == State::Paused);
    m_resetCheckpointAction->setEnabled(!m_run->isActive());
    if (!m_run->isActive() && !m_runBootstraps.isEmpty()) {
        m_runBootstraps.clear();
        updateExplorerConnections();
    }
    if (!m_run->isActive()) {
        m_scene->setEdgeRates({});
        m_scene->setNodeFigures({});
        m_lagStatus = {};
        m_unreachableSource.clear();
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
    clearRunViews();
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
    showTrigger();
    beginHistory();
    raiseDock(QStringLiteral("monitor"));
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
    QStringList groups; // the pipeline's Kafka sources' consumer groups
    for (const core::Node &node : m_document.pipeline().nodes) {
        if (node.type == u"source.kafka")
            groups << core::KafkaSourceSettings::parse(node.config).consumerGroup(m_document.pipeline().name, node.id);
    }
    m_explorer->setSuggestedGroups(groups);
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

} // namespace sw::app
