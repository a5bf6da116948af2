// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/ClusterExplorer.h"

#include "explorer/ConnectionProfiles.h"
#include "explorer/ConnectionProfilesDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
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
        QString topic = item->data(0, Qt::UserRole).toString();
        if (topic.isEmpty())
            return;
        m_browseTopic->setCurrentText(topic);
        m_browsePartition->setValue(item->data(1, Qt::UserRole).isValid() ? item->data(1, Qt::UserRole).toInt() : -1);
        m_from->setCurrentIndex(1);
        browse(topic, m_browsePartition->value(), ClusterClient::From::End, QString(), m_limit->value());
    });
}

ClusterExplorer::~ClusterExplorer()
{
    // Calls still running hold their own reference to the client; their results
    // are dropped (the QPointer in run()).
}

void ClusterExplorer::setConnections(const QHash<QString, runtime::KafkaEndpoint> &connections)
{
    m_connections = connections;
    fillConnections();
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
    if (!m_client) {
        fail(tr("Connect to a cluster first."));
        return;
    }
    std::shared_ptr<ClusterClient> client = m_client;
    QPointer<ClusterExplorer> self(this);
    QThreadPool::globalInstance()->start([client, work = std::move(work), done = std::move(done), self] {
        work(*client);
        QMetaObject::invokeMethod(
            qApp, [self, done] {
                if (self)
                    done();
            },
            Qt::QueuedConnection);
    });
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
    m_previousHigh.clear();
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Connecting to %1...").arg(endpoint.bootstrap));
    refresh();
}

void ClusterExplorer::refresh()
{
    auto result = std::make_shared<ClusterClient::Cluster>();
    run([result](ClusterClient &c) { *result = c.describe(); },
        [this, result] {
            if (!result->error.isEmpty()) {
                fail(result->error);
                return;
            }
            m_cluster = *result;
            showCluster();
            emit refreshed();
        });
}

void ClusterExplorer::showCluster()
{
    m_status->setStyleSheet(QString());
    const double seconds = m_sincePrevious.isValid() ? double(m_sincePrevious.restart()) / 1000.0 : 0;
    if (!m_sincePrevious.isValid())
        m_sincePrevious.start();
    m_status->setText(tr("%n broker(s), %1 topics. Double-click a topic to see its newest messages.", nullptr,
                         int(m_cluster.brokers.size()))
                          .arg(m_cluster.topics.size()));
    m_tree->clear();
    auto *brokers = new QTreeWidgetItem(m_tree, {tr("Brokers")});
    for (const auto &b : m_cluster.brokers)
        new QTreeWidgetItem(brokers, {QStringLiteral("%1  %2:%3").arg(b.id).arg(b.host).arg(b.port)});
    brokers->setExpanded(true);
    auto *topics = new QTreeWidgetItem(m_tree, {tr("Topics")});
    const QLocale locale;
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
            auto *partition = new QTreeWidgetItem(
                topic, {tr("partition %1").arg(p.id), locale.toString(qint64(std::max<int64_t>(0, p.high - p.low))), QString(),
                        tr("%1 – %2, leader %3").arg(p.low).arg(p.high).arg(p.leader)});
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
        combo->setCurrentText(current.isEmpty() && !names.isEmpty() ? names.front() : current);
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
    run([request, messages, error](ClusterClient &c) { *messages = c.browse(request, error.get()); },
        [this, messages, error, topic] {
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
            if (error->isEmpty()) {
                m_status->setStyleSheet(QString());
                m_status->setText(tr("%n message(s) of %1.", nullptr, int(m_messages.size())).arg(topic));
            }
            if (!m_messages.empty())
                m_messageTable->setCurrentCell(0, 0);
            emit browsed();
        });
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
                m_status->setStyleSheet(QString());
                m_status->setText(tr("Produced one message to %1.").arg(topic));
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
            m_group->clear();
            m_group->addItems(*groups);
            m_group->setCurrentText(current);
            if (error->isEmpty())
                m_status->setText(tr("%n consumer group(s).", nullptr, int(groups->size())));
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

} // namespace sw::widgets
