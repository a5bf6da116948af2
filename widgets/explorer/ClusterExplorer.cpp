// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/ClusterExplorer.h"

#include "explorer/ConnectionProfiles.h"
#include "explorer/ConnectionProfilesDialog.h"
#include "model/Timestamps.h"
#include "recording/RecordingBrowser.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QThreadPool>
#include <QTimeZone>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

namespace sw::widgets {

using runtime::ClusterClient;

namespace {
QString pretty(const QByteArray &value)
{
    if (value.isNull())
        return QStringLiteral("(no value: a tombstone)");
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(value, &error);
    if (error.error == QJsonParseError::NoError && !json.isNull())
        return QString::fromUtf8(json.toJson(QJsonDocument::Indented));
    return QString::fromUtf8(value);
}

// Runs `work` on the thread pool against `target` (a cluster client or a
// recording), then `done` on the GUI thread unless the explorer is gone.
template <typename Target>
void runOn(QObject *owner, std::shared_ptr<Target> target, std::function<void(Target &)> work, std::function<void()> done)
{
    QPointer<QObject> self(owner);
    QThreadPool::globalInstance()->start([target, work = std::move(work), done = std::move(done), self] {
        work(*target);
        QMetaObject::invokeMethod(
            qApp, [self, done] {
                if (self)
                    done();
            },
            Qt::QueuedConnection);
    });
}

QFont monospace()
{
    QFont f(QStringLiteral("monospace"));
    f.setStyleHint(QFont::Monospace);
    return f;
}
} // namespace

ClusterExplorer::ClusterExplorer(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Cluster:"), this));
    m_connection = new QComboBox(this);
    m_connection->setEditable(true);
    m_connection->setMinimumContentsLength(24);
    m_connection->lineEdit()->setPlaceholderText(tr("a connection, or host:port of any broker"));
    bar->addWidget(m_connection, 1);
    auto *connect = new QPushButton(tr("Connect"), this);
    bar->addWidget(connect);
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    bar->addWidget(refreshButton);
    auto *profilesButton = new QPushButton(tr("Profiles..."), this);
    profilesButton->setToolTip(tr("Clusters of your own, with SASL/SSL settings; passwords in the desktop keyring"));
    bar->addWidget(profilesButton);
    auto *openRecordingButton = new QPushButton(tr("Open Recording..."), this);
    openRecordingButton->setToolTip(tr("Browse a recording (.swrec) as you browse a cluster's topics"));
    bar->addWidget(openRecordingButton);
    layout->addLayout(bar);
    m_status = new QLabel(tr("Not connected."), this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(splitter, 1);
    m_tree = new QTreeWidget(splitter);
    m_tree->setHeaderLabels({tr("Name"), tr("Messages"), tr("Rate/s"), tr("Offsets")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto *tabs = new QTabWidget(splitter);
    m_tabs = tabs;
    splitter->setStretchFactor(0, 1); // the topic tree a third, the tabs two thirds
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({400, 800});

    // Messages
    auto *browsePage = new QWidget(tabs);
    auto *browseLayout = new QVBoxLayout(browsePage);
    auto *browseBar = new QHBoxLayout;
    m_browseTopic = new QComboBox(browsePage);
    m_browseTopic->setEditable(true);
    m_browsePartition = new QSpinBox(browsePage);
    m_browsePartition->setRange(-1, 100000);
    m_browsePartition->setSpecialValueText(tr("all"));
    m_browsePartition->setValue(-1);
    m_from = new QComboBox(browsePage);
    m_from->addItem(tr("from the beginning"), int(ClusterClient::From::Beginning));
    m_from->addItem(tr("the last"), int(ClusterClient::From::End));
    m_from->addItem(tr("from offset"), int(ClusterClient::From::Offset));
    m_from->addItem(tr("from time"), int(ClusterClient::From::Time));
    m_position = new QLineEdit(browsePage);
    m_position->setPlaceholderText(tr("offset, or 2026-11-25T10:00:00Z"));
    m_limit = new QSpinBox(browsePage);
    m_limit->setRange(1, 10000);
    m_limit->setValue(100);
    m_limit->setSuffix(tr(" per partition"));
    auto *browseButton = new QPushButton(tr("Browse"), browsePage);
    for (QWidget *w : std::initializer_list<QWidget *>{m_browseTopic, m_browsePartition, m_from, m_position, m_limit, browseButton})
        browseBar->addWidget(w);
    browseBar->setStretch(0, 2);
    browseLayout->addLayout(browseBar);
    auto *messageSplit = new QSplitter(Qt::Vertical, browsePage);
    m_messageTable = new QTableWidget(0, 6, messageSplit);
    m_messageTable->setHorizontalHeaderLabels({tr("Partition"), tr("Offset"), tr("Timestamp"), tr("Key"), tr("Headers"), tr("Value")});
    m_messageTable->horizontalHeader()->setStretchLastSection(true);
    m_messageTable->verticalHeader()->hide();
    m_messageTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_messageTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_messageView = new QPlainTextEdit(messageSplit);
    m_messageView->setReadOnly(true);
    m_messageView->setFont(monospace());
    browseLayout->addWidget(messageSplit, 1);
    tabs->addTab(browsePage, tr("Messages"));

    // Produce
    auto *producePage = new QWidget(tabs);
    auto *produceForm = new QFormLayout(producePage);
    m_produceTopic = new QComboBox(producePage);
    m_produceTopic->setEditable(true);
    m_producePartition = new QSpinBox(producePage);
    m_producePartition->setRange(-1, 100000);
    m_producePartition->setSpecialValueText(tr("by key"));
    m_producePartition->setValue(-1);
    m_produceKey = new QLineEdit(producePage);
    m_produceHeaders = new QLineEdit(producePage);
    m_produceHeaders->setPlaceholderText(tr("name=value, name=value"));
    m_produceValue = new QPlainTextEdit(producePage);
    m_produceValue->setFont(monospace());
    m_produceValue->setPlaceholderText(QStringLiteral("{\"user_id\": \"u-1\", ...}"));
    auto *send = new QPushButton(tr("Produce"), producePage);
    produceForm->addRow(tr("Topic"), m_produceTopic);
    produceForm->addRow(tr("Partition"), m_producePartition);
    produceForm->addRow(tr("Key"), m_produceKey);
    produceForm->addRow(tr("Headers"), m_produceHeaders);
    produceForm->addRow(tr("Value"), m_produceValue);
    produceForm->addRow(QString(), send);
    tabs->addTab(producePage, tr("Produce"));

    // Consumer group
    auto *groupPage = new QWidget(tabs);
    auto *groupLayout = new QVBoxLayout(groupPage);
    auto *groupBar = new QHBoxLayout;
    m_group = new QComboBox(groupPage);
    m_group->setEditable(true);
    m_group->lineEdit()->setPlaceholderText(tr("consumer group"));
    auto *listButton = new QPushButton(tr("List Groups"), groupPage);
    auto *lagButton = new QPushButton(tr("Show Lag"), groupPage);
    m_watch = new QCheckBox(tr("Watch"), groupPage);
    m_watch->setToolTip(tr("Refresh every 2 seconds and chart the lag"));
    groupBar->addWidget(m_group, 1);
    groupBar->addWidget(listButton);
    groupBar->addWidget(lagButton);
    groupBar->addWidget(m_watch);
    groupLayout->addLayout(groupBar);
    m_groupSummary = new QLabel(groupPage);
    groupLayout->addWidget(m_groupSummary);
    m_groupTable = new QTableWidget(0, 6, groupPage);
    m_groupTable->setHorizontalHeaderLabels({tr("Topic"), tr("Partition"), tr("Committed"), tr("End"), tr("Lag"), tr("Status")});
    m_groupTable->horizontalHeaderItem(5)->setToolTip(
        tr("Burrow's evaluation of the partition's last commits: OK, WARN (falling behind), STALL (not moving), "
           "STOP (no commits for longer than the window spans)"));
    m_groupTable->horizontalHeader()->setStretchLastSection(true);
    m_groupTable->verticalHeader()->hide();
    m_groupTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *groupSplit = new QSplitter(Qt::Vertical, groupPage);
    groupSplit->addWidget(m_groupTable);
    // The group's total lag over time while watched.
    auto *chart = new QChart;
    chart->setTitle(tr("Total lag of the group (messages)"));
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_groupSeries = new QLineSeries(chart);
    chart->addSeries(m_groupSeries);
    auto *x = new QDateTimeAxis(chart);
    x->setFormat(QStringLiteral("HH:mm:ss"));
    x->setTickCount(4);
    auto *y = new QValueAxis(chart);
    y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    m_groupSeries->attachAxis(x);
    m_groupSeries->attachAxis(y);
    auto *chartView = new QChartView(chart, groupSplit);
    chartView->setRenderHint(QPainter::Antialiasing);
    chartView->setMinimumHeight(140);
    groupSplit->addWidget(chartView);
    groupLayout->addWidget(groupSplit, 1);
    m_watchTimer = new QTimer(this);
    m_watchTimer->setInterval(2000);
    QObject::connect(m_watchTimer, &QTimer::timeout, this, [this] { showGroupLag(m_group->currentText()); });
    tabs->addTab(groupPage, tr("Consumer Group"));

    // Record: topics of the cluster into a recording, with progress and a stop.
    auto *recordPage = new QWidget(tabs);
    auto *recordLayout = new QHBoxLayout(recordPage);
    auto *recordForm = new QFormLayout;
    m_recordTopics = new QListWidget(recordPage);
    m_recordTopics->setObjectName(QStringLiteral("recordTopics"));
    m_recordTopics->setToolTip(tr("Every partition of each checked topic is recorded"));
    m_recordTopics->setMinimumHeight(60);
    m_recordFrom = new QComboBox(recordPage);
    m_recordFrom->addItem(tr("from the beginning"), QStringLiteral("beginning"));
    m_recordFrom->addItem(tr("new messages only"), QStringLiteral("end"));
    m_recordFrom->addItem(tr("from time"), QStringLiteral("time"));
    m_recordFromTime = new QLineEdit(recordPage);
    m_recordFromTime->setPlaceholderText(tr("2026-11-25T10:00:00Z"));
    m_recordFromTime->setEnabled(false);
    auto *fromRow = new QHBoxLayout;
    fromRow->addWidget(m_recordFrom);
    fromRow->addWidget(m_recordFromTime, 1);
    m_recordStop = new QComboBox(recordPage);
    m_recordStop->setObjectName(QStringLiteral("recordStop"));
    m_recordStop->addItem(tr("when I press Stop"));
    m_recordStop->addItem(tr("when idle for (s)"));
    m_recordStop->addItem(tr("after records"));
    m_recordStop->addItem(tr("after seconds"));
    m_recordStopValue = new QSpinBox(recordPage);
    m_recordStopValue->setObjectName(QStringLiteral("recordStopValue"));
    m_recordStopValue->setRange(1, 1000000000);
    m_recordStopValue->setValue(10);
    m_recordStopValue->setEnabled(false);
    auto *stopRow = new QHBoxLayout;
    stopRow->addWidget(m_recordStop);
    stopRow->addWidget(m_recordStopValue, 1);
    m_recordFile = new QLineEdit(recordPage);
    m_recordFile->setObjectName(QStringLiteral("recordFile"));
    m_recordFile->setPlaceholderText(tr("chosen when you press Record"));
    auto *chooseFile = new QPushButton(tr("Choose..."), recordPage);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_recordFile, 1);
    fileRow->addWidget(chooseFile);
    m_recordButton = new QPushButton(tr("Record"), recordPage);
    m_recordButton->setObjectName(QStringLiteral("recordButton"));
    m_browseRecordingButton = new QPushButton(tr("Browse the Recording"), recordPage);
    m_browseRecordingButton->setObjectName(QStringLiteral("browseRecording"));
    m_browseRecordingButton->setEnabled(false);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_recordButton);
    buttonRow->addWidget(m_browseRecordingButton);
    buttonRow->addStretch(1);
    recordForm->addRow(tr("Topics"), m_recordTopics);
    recordForm->addRow(tr("Start"), fromRow);
    recordForm->addRow(tr("Stop"), stopRow);
    recordForm->addRow(tr("File"), fileRow);
    recordForm->addRow(QString(), buttonRow);
    recordLayout->addLayout(recordForm, 2);
    auto *progressColumn = new QVBoxLayout;
    m_recordStatus = new QLabel(tr("Check the topics to record, then press Record."), recordPage);
    m_recordStatus->setWordWrap(true);
    progressColumn->addWidget(m_recordStatus);
    m_recordTable = new QTableWidget(0, 5, recordPage);
    m_recordTable->setHorizontalHeaderLabels({tr("Topic"), tr("Partition"), tr("Recorded up to"), tr("End"), tr("Behind")});
    m_recordTable->horizontalHeader()->setStretchLastSection(true);
    m_recordTable->verticalHeader()->hide();
    m_recordTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    progressColumn->addWidget(m_recordTable, 1);
    recordLayout->addLayout(progressColumn, 3);
    tabs->addTab(recordPage, tr("Record"));
    QObject::connect(m_recordFrom, &QComboBox::currentIndexChanged, this,
                     [this](int index) { m_recordFromTime->setEnabled(index == 2); });
    QObject::connect(m_recordStop, &QComboBox::currentIndexChanged, this,
                     [this](int index) { m_recordStopValue->setEnabled(index > 0); });
    QObject::connect(chooseFile, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Record to"), m_recordFile->text(),
                                                          tr("Recordings (*.swrec)"));
        if (!path.isEmpty())
            m_recordFile->setText(path.endsWith(QLatin1String(".swrec")) ? path : path + QLatin1String(".swrec"));
    });
    QObject::connect(m_recordButton, &QPushButton::clicked, this, [this] {
        if (isRecording())
            stopRecording();
        else
            startRecordingFromForm();
    });
    QObject::connect(m_browseRecordingButton, &QPushButton::clicked, this, [this] { openRecording(m_recordedPath); });
    QObject::connect(openRecordingButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Recording"), QFileInfo(m_recordedPath).path(),
                                                          tr("Recordings (*.swrec);;All files (*)"));
        if (!path.isEmpty())
            openRecording(path);
    });
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(m_tree, &QTreeWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        const QTreeWidgetItem *item = m_tree->itemAt(at);
        const QString topic = item ? item->data(0, Qt::UserRole).toString() : QString();
        if (topic.isEmpty())
            return;
        QMenu menu(this);
        const int partition = item->data(1, Qt::UserRole).isValid() ? item->data(1, Qt::UserRole).toInt() : -1;
        menu.addAction(tr("Browse %1").arg(topic), this, [this, topic, partition] { browseNewest(topic, partition); });
        QAction *record = menu.addAction(tr("Record %1...").arg(topic), this, [this, topic] {
            for (int i = 0; i < m_recordTopics->count(); ++i) {
                QListWidgetItem *entry = m_recordTopics->item(i);
                entry->setCheckState(entry->text() == topic ? Qt::Checked : Qt::Unchecked);
            }
            m_tabs->setCurrentIndex(3);
        });
        record->setEnabled(!m_recording);
        menu.exec(m_tree->viewport()->mapToGlobal(at));
    });

    QObject::connect(connect, &QPushButton::clicked, this, &ClusterExplorer::connectToChoice);
    QObject::connect(m_connection->lineEdit(), &QLineEdit::returnPressed, this, &ClusterExplorer::connectToChoice);
    QObject::connect(profilesButton, &QPushButton::clicked, this, &ClusterExplorer::editProfiles);
    QObject::connect(refreshButton, &QPushButton::clicked, this, &ClusterExplorer::refresh);
    QObject::connect(browseButton, &QPushButton::clicked, this, [this] {
        browse(m_browseTopic->currentText(), m_browsePartition->value(),
               ClusterClient::From(m_from->currentData().toInt()), m_position->text(), m_limit->value());
    });
    QObject::connect(send, &QPushButton::clicked, this, [this] {
        produce(m_produceTopic->currentText(), m_producePartition->value(), m_produceKey->text(), m_produceHeaders->text(),
                m_produceValue->toPlainText());
    });
    QObject::connect(listButton, &QPushButton::clicked, this, &ClusterExplorer::listGroups);
    QObject::connect(lagButton, &QPushButton::clicked, this, [this] { showGroupLag(m_group->currentText()); });
    QObject::connect(m_watch, &QCheckBox::toggled, this, [this](bool on) {
        if (on) {
            showGroupLag(m_group->currentText());
            m_watchTimer->start();
        } else {
            m_watchTimer->stop();
        }
    });
    QObject::connect(m_messageTable, &QTableWidget::currentCellChanged, this, [this](int row) {
        m_messageView->setPlainText(messageText(row));
    });
    QObject::connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        // A topic (or one of its partitions): browse its newest messages.
        const QString topic = item->data(0, Qt::UserRole).toString();
        if (!topic.isEmpty())
            browseNewest(topic, item->data(1, Qt::UserRole).isValid() ? item->data(1, Qt::UserRole).toInt() : -1);
    });
}

ClusterExplorer::~ClusterExplorer()
{
    // Calls still running hold their own reference to the client; their results
    // are dropped (the QPointer in runOn()). A recording is stopped and its file
    // finished, so that closing the app leaves a complete recording.
    if (m_recorder.joinable()) {
        *m_stopRecorder = true;
        m_recorder.join();
    }
}

void ClusterExplorer::setConnections(const QHash<QString, runtime::KafkaEndpoint> &connections)
{
    m_connections = connections;
    fillConnections();
    if (!m_followedEmbedded.isEmpty() && !m_recording && connections.contains(m_followedEmbedded)
        && (!m_client || m_endpoint.name != m_followedEmbedded)) {
        connectTo(connections.value(m_followedEmbedded)); // the next run's embedded broker
        return;
    }
    if (!m_client || m_recording || !m_endpoint.embedded)
        return;
    const auto now = connections.constFind(m_endpoint.name);
    if (now == connections.constEnd()) {
        // The run that had it stopped: what is shown is gone with it.
        m_followedEmbedded = m_endpoint.name;
        m_client.reset();
        m_cluster = {};
        m_tree->clear();
        m_status->setStyleSheet(QString());
        m_status->setText(tr("The embedded broker of the run has stopped with it: run again, or connect to another cluster."));
    } else if (now->bootstrap != m_endpoint.bootstrap) {
        connectTo(*now); // a new run, a new embedded broker
    }
}

void ClusterExplorer::setSuggestedGroups(const QStringList &groups)
{
    if (groups == m_suggestedGroups)
        return;
    m_suggestedGroups = groups;
    const QString current = m_group->currentText();
    QStringList items = groups;
    for (int i = 0; i < m_group->count(); ++i) {
        if (!items.contains(m_group->itemText(i)))
            items << m_group->itemText(i); // listed from the cluster before
    }
    m_group->clear();
    m_group->addItems(items);
    m_group->setCurrentText(current.isEmpty() ? groups.value(0) : current);
}

void ClusterExplorer::setProfiles(ConnectionProfiles *profiles)
{
    m_profiles = profiles;
    QObject::connect(profiles, &ConnectionProfiles::changed, this, &ClusterExplorer::fillConnections);
    fillConnections();
}

void ClusterExplorer::fillConnections()
{
    const QString current = m_connection->currentText();
    m_connection->clear();
    QStringList names = m_connections.keys();
    names.sort();
    for (const QString &name : names)
        m_connection->addItem(tr("%1 (%2)").arg(name, m_connections.value(name).bootstrap), QStringLiteral("connection:") + name);
    if (m_profiles) {
        for (const auto &p : m_profiles->profiles())
            m_connection->addItem(tr("profile %1 (%2)").arg(p.name, p.bootstrap), QStringLiteral("profile:") + p.name);
    }
    // Until the user picks or types something, offer an entry so that Connect
    // just works: a running embedded broker first (that is where a run's data is),
    // else the first connection.
    const bool chosenByUser = !current.isEmpty() && current != m_offered;
    if (!chosenByUser && m_connection->count() > 0) {
        int offer = 0;
        for (int i = 0; i < names.size(); ++i) {
            if (m_connections.value(names[i]).embedded) {
                offer = i;
                break;
            }
        }
        m_connection->setCurrentIndex(offer);
        m_offered = m_connection->currentText();
    } else {
        m_connection->setCurrentText(current);
    }
}

void ClusterExplorer::connectToChoice()
{
    const int index = m_connection->findText(m_connection->currentText());
    const QString data = index >= 0 ? m_connection->itemData(index).toString() : QString();
    if (data.startsWith(QLatin1String("connection:"))) {
        connectTo(m_connections.value(data.mid(11)));
    } else if (data.startsWith(QLatin1String("profile:"))) {
        connectToProfile(data.mid(8));
    } else {
        runtime::KafkaEndpoint typed;
        typed.name = QStringLiteral("typed");
        typed.bootstrap = m_connection->currentText().trimmed();
        connectTo(typed);
    }
}

void ClusterExplorer::connectToProfile(const QString &name)
{
    if (!m_profiles) {
        fail(tr("No connection profiles."));
        return;
    }
    QPointer<ClusterExplorer> self(this);
    m_profiles->resolve(name, [self](const runtime::KafkaEndpoint &endpoint, const QString &error) {
        if (!self)
            return;
        if (!error.isEmpty())
            self->fail(error);
        else
            self->connectTo(endpoint);
    });
}

void ClusterExplorer::editProfiles()
{
    if (m_profiles)
        ConnectionProfilesDialog(*m_profiles, this).exec();
}

void ClusterExplorer::run(std::function<void(ClusterClient &)> work, std::function<void()> done)
{
    if (!m_client || m_recording) {
        fail(m_recording ? tr("A recording is open: connect to a cluster for this.") : tr("Connect to a cluster first."));
        return;
    }
    runOn(this, m_client, std::move(work), std::move(done));
}

void ClusterExplorer::succeed(const QString &message)
{
    m_lastError.clear();
    m_status->setStyleSheet(QString());
    m_status->setText(message);
}

void ClusterExplorer::fail(const QString &message)
{
    m_lastError = message;
    m_status->setText(message);
    m_status->setStyleSheet(QStringLiteral("color: #d03030;"));
    emit failed(message);
}

void ClusterExplorer::connectTo(const runtime::KafkaEndpoint &endpoint)
{
    if (endpoint.bootstrap.isEmpty()) {
        fail(tr("Choose a connection or type host:port."));
        return;
    }
    m_client = std::make_shared<ClusterClient>(endpoint);
    m_endpoint = endpoint;
    m_followedEmbedded = endpoint.embedded ? endpoint.name : QString();
    setRecordingMode(false);
    m_previousHigh.clear();
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Connecting to %1...").arg(endpoint.bootstrap));
    refresh();
}

void ClusterExplorer::refresh()
{
    auto result = std::make_shared<ClusterClient::Cluster>();
    const ClusterClient *asked = m_recording ? nullptr : m_client.get();
    const auto shown = [this, result, asked] {
            if (!m_recording && m_client.get() != asked)
                return; // the answer of a cluster no longer shown
            if (!result->error.isEmpty()) {
                fail(result->error);
                return;
            }
            m_cluster = *result;
            showCluster();
            emit refreshed();
            if (std::exchange(m_browseWhenShown, false) && m_recording && !m_cluster.topics.empty()) {
                // A recording just opened: its first messages, as a start.
                const QString topic = m_cluster.topics.front().name;
                m_browseTopic->setCurrentText(topic);
                m_browsePartition->setValue(-1);
                m_from->setCurrentIndex(0);
                browse(topic, -1, ClusterClient::From::Beginning, QString(), m_limit->value());
            }
        };
    if (m_recording)
        runOn<runtime::RecordingBrowser>(this, m_recording, [result](runtime::RecordingBrowser &r) { *result = r.describe(); }, shown);
    else
        run([result](ClusterClient &c) { *result = c.describe(); }, shown);
}

void ClusterExplorer::showCluster()
{
    m_lastError.clear();
    m_status->setStyleSheet(QString());
    const double seconds = m_sincePrevious.isValid() ? double(m_sincePrevious.restart()) / 1000.0 : 0;
    if (!m_sincePrevious.isValid())
        m_sincePrevious.start();
    const QLocale locale;
    m_tree->clear();
    if (m_recording) {
        const runtime::RecordingInfo info = m_recording->info();
        m_status->setText(tr("Recording %1: %2 records of %n topic(s)%3. Double-click a topic to see its newest messages.",
                             nullptr, int(info.topics().size()))
                              .arg(QFileInfo(m_recording->path()).fileName(), locale.toString(qint64(info.records)))
                              .arg(info.complete ? QString() : tr(" (incomplete: still being recorded, or the recorder stopped early)")));
        auto *about = new QTreeWidgetItem(m_tree, {tr("Recording")});
        about->setToolTip(0, m_recording->path());
        QStringList facts{tr("from %1").arg(QString::fromStdString(info.source)),
                          tr("recorded %1, starting at %2").arg(QString::fromStdString(info.createdAt), QString::fromStdString(info.from))};
        if (info.firstTimestamp)
            facts << tr("messages of %1 – %2")
                         .arg(core::Timestamps::toIso(*info.firstTimestamp), core::Timestamps::toIso(*info.lastTimestamp));
        facts << tr("%1 of keys, values and headers").arg(locale.formattedDataSize(info.bytes));
        for (const QString &fact : facts) {
            auto *item = new QTreeWidgetItem(about, {fact});
            item->setToolTip(0, fact);
            item->setFirstColumnSpanned(true); // a sentence, not a name: the whole row
        }
        about->setExpanded(true);
    } else {
        m_status->setText(tr("%n broker(s), %1. Double-click a topic to see its newest messages.", nullptr,
                             int(m_cluster.brokers.size()))
                              .arg(tr("%n topic(s)", nullptr, int(m_cluster.topics.size()))));
        auto *brokers = new QTreeWidgetItem(m_tree, {tr("Brokers")});
        for (const auto &b : m_cluster.brokers)
            new QTreeWidgetItem(brokers, {QStringLiteral("%1  %2:%3").arg(b.id).arg(b.host).arg(b.port)});
        for (int i = 0; i < brokers->childCount(); ++i)
            brokers->child(i)->setFirstColumnSpanned(true);
        brokers->setExpanded(true);
    }
    auto *topics = new QTreeWidgetItem(m_tree, {tr("Topics")});
    QStringList names;
    for (const auto &t : m_cluster.topics) {
        int64_t messages = 0, high = 0;
        for (const auto &p : t.partitions) {
            messages += std::max<int64_t>(0, p.high - p.low);
            high += std::max<int64_t>(0, p.high);
        }
        QString rate;
        if (m_previousHigh.contains(t.name) && seconds > 0)
            rate = locale.toString(double(high - m_previousHigh.value(t.name)) / seconds, 'f', 1);
        m_previousHigh.insert(t.name, high);
        auto *topic = new QTreeWidgetItem(topics, {t.name, locale.toString(qint64(messages)), rate,
                                                   tr("%n partition(s)", nullptr, int(t.partitions.size()))});
        topic->setData(0, Qt::UserRole, t.name);
        if (!t.error.isEmpty())
            topic->setToolTip(0, t.error);
        for (const auto &p : t.partitions) {
            const QString offsets = m_recording ? (p.high < 0 ? tr("no records") : tr("%1 – %2").arg(p.low).arg(p.high))
                                                : tr("%1 – %2, leader %3").arg(p.low).arg(p.high).arg(p.leader);
            auto *partition = new QTreeWidgetItem(
                topic, {tr("partition %1").arg(p.id), locale.toString(qint64(std::max<int64_t>(0, p.high - p.low))), QString(),
                        offsets});
            partition->setData(0, Qt::UserRole, t.name);
            partition->setData(1, Qt::UserRole, p.id);
        }
        names << t.name;
    }
    topics->setExpanded(true);
    for (QComboBox *combo : {m_browseTopic, m_produceTopic}) {
        const QString current = combo->currentText();
        combo->clear();
        combo->addItems(names);
        combo->setCurrentText(current.isEmpty() || !names.contains(current) ? names.value(0) : current);
    }
    if (!m_recording) { // the topics to record, keeping what the user checked
        QSet<QString> checked;
        for (int i = 0; i < m_recordTopics->count(); ++i) {
            if (m_recordTopics->item(i)->checkState() == Qt::Checked)
                checked.insert(m_recordTopics->item(i)->text());
        }
        m_recordTopics->clear();
        for (const QString &name : names) {
            if (name.startsWith(QLatin1String("__")))
                continue; // the cluster's own topics
            auto *entry = new QListWidgetItem(name, m_recordTopics);
            entry->setCheckState(checked.contains(name) ? Qt::Checked : Qt::Unchecked);
        }
    }
}

void ClusterExplorer::browse(const QString &topic, int partition, ClusterClient::From from, const QString &position,
                             int limit)
{
    ClusterClient::Browse request{topic, partition, from, 0, limit};
    if (from == ClusterClient::From::Offset) {
        bool ok = false;
        request.position = position.trimmed().toLongLong(&ok);
        if (!ok) {
            fail(tr("\"%1\" is not an offset.").arg(position));
            return;
        }
    } else if (from == ClusterClient::From::Time) {
        const QDateTime time = QDateTime::fromString(position.trimmed(), Qt::ISODate);
        if (!time.isValid()) {
            fail(tr("\"%1\" is not a time; write 2026-11-25T10:00:00Z.").arg(position));
            return;
        }
        request.position = time.toMSecsSinceEpoch();
    }
    auto messages = std::make_shared<std::vector<ClusterClient::Message>>();
    auto error = std::make_shared<QString>();
    const auto shown = [this, messages, error, topic] {
            if (!error->isEmpty())
                fail(*error);
            m_messages = *messages;
            m_messageTable->setRowCount(0);
            const QLocale locale;
            for (const auto &m : m_messages) {
                const int row = m_messageTable->rowCount();
                m_messageTable->insertRow(row);
                QStringList headers;
                for (const auto &[name, value] : m.headers)
                    headers << name + QLatin1Char('=') + QString::fromUtf8(value);
                const QStringList cells{
                    QString::number(m.partition), QString::number(m.offset),
                    m.timestampMs >= 0 ? QDateTime::fromMSecsSinceEpoch(m.timestampMs, QTimeZone::utc()).toString(Qt::ISODateWithMs)
                                       : QString(),
                    m.key.isNull() ? tr("(none)") : QString::fromUtf8(m.key), headers.join(QStringLiteral(", ")),
                    QString::fromUtf8(m.value.left(300)).simplified()};
                for (int c = 0; c < cells.size(); ++c)
                    m_messageTable->setItem(row, c, new QTableWidgetItem(cells[c]));
            }
            if (error->isEmpty())
                succeed(tr("%n message(s) of %1.", nullptr, int(m_messages.size())).arg(topic));
            if (!m_messages.empty())
                m_messageTable->setCurrentCell(0, 0);
            emit browsed();
        };
    if (m_recording)
        runOn<runtime::RecordingBrowser>(
            this, m_recording,
            [request, messages, error](runtime::RecordingBrowser &r) { *messages = r.browse(request, error.get()); }, shown);
    else
        run([request, messages, error](ClusterClient &c) { *messages = c.browse(request, error.get()); }, shown);
}

void ClusterExplorer::browseNewest(const QString &topic, int partition)
{
    m_browseTopic->setCurrentText(topic);
    m_browsePartition->setValue(partition);
    m_from->setCurrentIndex(1);
    m_tabs->setCurrentIndex(0);
    browse(topic, partition, ClusterClient::From::End, QString(), m_limit->value());
}

int ClusterExplorer::messageCount() const
{
    return int(m_messages.size());
}

QString ClusterExplorer::messageText(int row) const
{
    if (row < 0 || row >= int(m_messages.size()))
        return {};
    const auto &m = m_messages[size_t(row)];
    QString text = tr("partition %1, offset %2").arg(m.partition).arg(m.offset);
    if (!m.key.isNull())
        text += tr(", key %1").arg(QString::fromUtf8(m.key));
    for (const auto &[name, value] : m.headers)
        text += QStringLiteral("\n%1: %2").arg(name, QString::fromUtf8(value));
    return text + QStringLiteral("\n\n") + pretty(m.value);
}

void ClusterExplorer::produce(const QString &topic, int partition, const QString &key, const QString &headers,
                              const QString &value)
{
    if (topic.trimmed().isEmpty()) {
        fail(tr("Name the topic to produce to."));
        return;
    }
    std::vector<std::pair<QString, QByteArray>> parsed;
    for (const QString &header : headers.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype eq = header.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            fail(tr("Headers are name=value pairs, not \"%1\".").arg(header.trimmed()));
            return;
        }
        parsed.emplace_back(header.left(eq).trimmed(), header.mid(eq + 1).trimmed().toUtf8());
    }
    auto error = std::make_shared<QString>();
    auto ok = std::make_shared<bool>(false);
    const QByteArray keyBytes = key.isEmpty() ? QByteArray() : key.toUtf8();
    run([=](ClusterClient &c) { *ok = c.produce(topic.trimmed(), keyBytes, value.toUtf8(), parsed, error.get(), partition); },
        [this, ok, error, topic] {
            if (*ok) {
                succeed(tr("Produced one message to %1.").arg(topic));
                refresh();
            } else {
                fail(tr("Cannot produce to %1: %2").arg(topic, *error));
            }
            emit produced(*ok);
        });
}

void ClusterExplorer::listGroups()
{
    auto groups = std::make_shared<QStringList>();
    auto error = std::make_shared<QString>();
    run([groups, error](ClusterClient &c) { *groups = c.listGroups(error.get()); },
        [this, groups, error] {
            if (!error->isEmpty())
                fail(*error);
            const QString current = m_group->currentText();
            QStringList items = m_suggestedGroups; // the pipeline's first
            for (const QString &g : std::as_const(*groups)) {
                if (!items.contains(g))
                    items << g;
            }
            m_group->clear();
            m_group->addItems(items);
            m_group->setCurrentText(current);
            if (error->isEmpty())
                succeed(tr("%n consumer group(s).", nullptr, int(groups->size())));
            emit groupsListed(*groups);
        });
}

int ClusterExplorer::groupRowCount() const
{
    return m_groupTable->rowCount();
}

QString ClusterExplorer::groupStatus(int row) const
{
    const QTableWidgetItem *item = m_groupTable->item(row, 5);
    return item ? item->text() : QString();
}

int ClusterExplorer::groupChartPoints() const
{
    return m_groupSeries->count();
}

void ClusterExplorer::showGroupLag(const QString &group)
{
    if (group.trimmed().isEmpty()) {
        fail(tr("Type the consumer group's name."));
        return;
    }
    auto rows = std::make_shared<std::vector<ClusterClient::GroupLag>>();
    auto error = std::make_shared<QString>();
    run([rows, error, group](ClusterClient &c) { *rows = c.groupLag(group.trimmed(), {}, error.get()); },
        [this, rows, error, group] {
            if (!error->isEmpty()) {
                fail(*error);
                return;
            }
            if (group != m_watchedGroup) { // another group: its own history
                m_watchedGroup = group;
                m_commits.clear();
                m_groupSeries->clear();
            }
            m_groupLag = *rows;
            m_groupTable->setRowCount(0);
            m_groupTotalLag = 0;
            const QLocale locale;
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            int committedPartitions = 0;
            for (const auto &r : m_groupLag) {
                const int row = m_groupTable->rowCount();
                m_groupTable->insertRow(row);
                m_groupTotalLag += r.lag();
                committedPartitions += r.committed >= 0 ? 1 : 0;
                // Burrow looks at commits: a sample when the committed offset moves.
                auto &window = m_commits[r.topic + QLatin1Char('/') + QString::number(r.partition)];
                if (r.committed >= 0 && (window.empty() || window.back().offset != r.committed)) {
                    window.push_back(runtime::OffsetSample{now, r.committed, r.lag()});
                    while (window.size() > 10)
                        window.erase(window.begin());
                }
                const QString status = r.lag() == 0 ? QStringLiteral("OK")
                                       : r.committed < 0 ? tr("no commits")
                                                         : runtime::lagStatusName(runtime::evaluateLag(window, now));
                const QStringList cells{r.topic, QString::number(r.partition),
                                        r.committed < 0 ? tr("none") : locale.toString(qint64(r.committed)),
                                        locale.toString(qint64(r.high)), locale.toString(qint64(r.lag())), status};
                for (int c = 0; c < cells.size(); ++c)
                    m_groupTable->setItem(row, c, new QTableWidgetItem(cells[c]));
            }
            succeed(tr("Consumer group %1.").arg(group));
            m_groupSummary->setText(tr("Group %1: total lag %2 over %3 partitions with committed offsets")
                                        .arg(group, locale.toString(m_groupTotalLag))
                                        .arg(committedPartitions));
            m_groupSeries->append(double(now), double(m_groupTotalLag));
            while (m_groupSeries->count() > 1800) // an hour at one point per 2 s
                m_groupSeries->remove(0);
            const auto points = m_groupSeries->points();
            double top = 10;
            for (const QPointF &p : points)
                top = std::max(top, p.y());
            QChart *chart = m_groupSeries->chart();
            chart->axes(Qt::Horizontal).front()->setRange(QDateTime::fromMSecsSinceEpoch(qint64(points.first().x())),
                                                          QDateTime::fromMSecsSinceEpoch(std::max(qint64(points.last().x()), qint64(points.first().x()) + 10000)));
            chart->axes(Qt::Vertical).front()->setRange(0, top * 1.1);
            emit groupShown();
        });
}

// ---------------------------------------------------------------------------
// Recordings

void ClusterExplorer::openRecording(const QString &path)
{
    auto browser = std::make_shared<runtime::RecordingBrowser>();
    QString error;
    if (!browser->open(path, &error)) {
        fail(error);
        return;
    }
    m_recording = browser;
    setRecordingMode(true);
    m_previousHigh.clear();
    m_sincePrevious.invalidate();
    m_messages.clear();
    m_messageTable->setRowCount(0);
    m_messageView->clear();
    m_browseWhenShown = true;
    refresh();
}

QString ClusterExplorer::openedRecording() const
{
    return m_recording ? m_recording->path() : QString();
}

void ClusterExplorer::setRecordingMode(bool recording)
{
    if (!recording)
        m_recording.reset();
    // A recording is read, never written to: no producing, no consumer groups.
    m_tabs->setTabEnabled(1, !recording);
    m_tabs->setTabEnabled(2, !recording);
    if (recording && (m_tabs->currentIndex() == 1 || m_tabs->currentIndex() == 2))
        m_tabs->setCurrentIndex(0);
    m_recordButton->setEnabled(!recording || isRecording());
    m_recordButton->setToolTip(recording && !isRecording() ? tr("Connect to a cluster to record from it") : QString());
}

void ClusterExplorer::startRecordingFromForm()
{
    runtime::RecorderOptions options;
    for (int i = 0; i < m_recordTopics->count(); ++i) {
        if (m_recordTopics->item(i)->checkState() == Qt::Checked)
            options.topics.push_back(m_recordTopics->item(i)->text().toStdString());
    }
    if (options.topics.empty()) {
        fail(tr("Check at least one topic to record."));
        return;
    }
    const QString from = m_recordFrom->currentData().toString();
    options.from = (from == QLatin1String("time") ? m_recordFromTime->text().trimmed() : from).toStdString();
    const int value = m_recordStopValue->value();
    switch (m_recordStop->currentIndex()) {
    case 1: options.untilIdleSeconds = value; break;
    case 2: options.count = value; break;
    case 3: options.durationSeconds = value; break;
    default: break;
    }
    QString path = m_recordFile->text().trimmed();
    if (path.isEmpty()) {
        const QString suggested = QStringLiteral("%1-%2.swrec")
                                      .arg(QString::fromStdString(options.topics.front()),
                                           QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
        path = QFileDialog::getSaveFileName(this, tr("Record to"), suggested, tr("Recordings (*.swrec)"));
        if (path.isEmpty())
            return;
        options.overwrite = true; // the dialog asked
        m_recordFile->setText(path);
    } else if (QFileInfo::exists(path)) {
        if (QMessageBox::question(this, tr("Replace the Recording?"), tr("%1 exists. Replace it?").arg(path))
            != QMessageBox::Yes)
            return;
        options.overwrite = true;
    }
    options.out = path.toStdString();
    startRecording(std::move(options));
}

void ClusterExplorer::startRecording(runtime::RecorderOptions options)
{
    if (isRecording()) {
        fail(tr("A recording is running; stop it first."));
        return;
    }
    if (!m_client || m_recording) {
        fail(tr("Connect to a cluster to record from it."));
        return;
    }
    options.endpoint = m_endpoint;
    m_recordedPath = QString::fromStdString(options.out);
    m_stopRecorder = std::make_shared<std::atomic<bool>>(false);
    m_recordButton->setText(tr("Stop"));
    m_browseRecordingButton->setEnabled(false);
    m_recordStatus->setStyleSheet(QString());
    m_recordStatus->setText(tr("Connecting to %1...").arg(m_endpoint.bootstrap));
    m_recordTable->setRowCount(0);
    m_lastProgress = {};
    QPointer<ClusterExplorer> self(this);
    const auto post = [self](std::function<void(ClusterExplorer &)> call) {
        QMetaObject::invokeMethod(
            qApp, [self, call] {
                if (self)
                    call(*self);
            },
            Qt::QueuedConnection);
    };
    m_recorder = std::thread([options = std::move(options), stop = m_stopRecorder, post] {
        runtime::RecorderProgress result;
        std::string error;
        const bool ok = runtime::Recorder::run(
            options, *stop, [&](const runtime::RecorderProgress &p) { post([p](ClusterExplorer &e) { e.showRecordingProgress(p); }); },
            [&](const std::string &warning) {
                const QString text = QString::fromStdString(warning);
                post([text](ClusterExplorer &e) { e.m_recordStatus->setToolTip(text); });
            },
            result, error);
        post([ok, result, error = QString::fromStdString(error)](ClusterExplorer &e) { e.finishRecording(ok, result, error); });
    });
}

void ClusterExplorer::stopRecording()
{
    if (m_stopRecorder)
        *m_stopRecorder = true;
    m_recordButton->setEnabled(false); // until the recorder has finished the file
    m_recordStatus->setText(tr("Stopping..."));
}

QString ClusterExplorer::recordingStatus() const
{
    return m_recordStatus->text();
}

void ClusterExplorer::showRecordingProgress(const runtime::RecorderProgress &p)
{
    const QLocale locale;
    // The rate since the last report: an average since the start hides a stall.
    const double interval = p.seconds - m_lastProgress.seconds;
    const int perSecond = interval > 0 ? int(double(p.records - m_lastProgress.records) / interval) : 0;
    m_lastProgress.records = p.records;
    m_lastProgress.seconds = p.seconds;
    m_recordStatus->setText(tr("Recording to %1: %2 records, %3, %4 records/s, %5 behind, for %6 s.")
                                .arg(QFileInfo(m_recordedPath).fileName(), locale.toString(qint64(p.records)),
                                     locale.formattedDataSize(p.bytes), locale.toString(perSecond),
                                     locale.toString(qint64(p.behind())))
                                .arg(int(p.seconds)));
    m_recordTable->setRowCount(int(p.partitions.size()));
    for (int row = 0; row < int(p.partitions.size()); ++row) {
        const auto &part = p.partitions[size_t(row)];
        const QStringList cells{QString::fromStdString(part.topic), QString::number(part.partition),
                                part.next >= 0 ? locale.toString(qint64(part.next)) : tr("nothing yet"),
                                part.high >= 0 ? locale.toString(qint64(part.high)) : QStringLiteral("?"),
                                part.next >= 0 && part.high >= 0 ? locale.toString(qint64(std::max<int64_t>(0, part.high - part.next)))
                                                                 : QString()};
        for (int c = 0; c < cells.size(); ++c)
            m_recordTable->setItem(row, c, new QTableWidgetItem(cells[c]));
    }
    emit recordingProgress(p.records);
}

void ClusterExplorer::finishRecording(bool ok, const runtime::RecorderProgress &result, const QString &error)
{
    if (m_recorder.joinable())
        m_recorder.join(); // it posted this as its last act
    if (ok)
        showRecordingProgress(result); // the final figures per partition
    m_recordButton->setText(tr("Record"));
    m_recordButton->setEnabled(!m_recording);
    const QLocale locale;
    QString message;
    if (ok) {
        message = tr("Recorded %1 records (%2) of %n partition(s) in %3 s into %4 (%5).", nullptr, int(result.partitions.size()))
                      .arg(locale.toString(qint64(result.records)), locale.formattedDataSize(result.bytes),
                           locale.toString(result.seconds, 'f', 1), m_recordedPath,
                           QString::fromStdString(result.stoppedBecause));
        m_recordStatus->setStyleSheet(QString());
    } else {
        message = tr("Recording failed: %1").arg(error);
        if (result.records > 0)
            message += tr(" (%1 records were written to %2 before that)").arg(locale.toString(qint64(result.records)), m_recordedPath);
        m_recordStatus->setStyleSheet(QStringLiteral("color: #d03030;"));
    }
    m_recordStatus->setText(message);
    m_browseRecordingButton->setEnabled(QFileInfo::exists(m_recordedPath) && (ok || result.records > 0));
    emit recordingFinished(ok, message);
}

} // namespace sw::widgets
