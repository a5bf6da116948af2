// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "broker/KafkaClientConfig.h"
#include "alerts/LagStatus.h"
#include "cluster/ClusterClient.h"
#include "recording/Recorder.h"

#include <QElapsedTimer>
#include <QHash>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>

class QCheckBox;
class QComboBox;
class QLineSeries;
class QTimer;
class QLabel;
class QLineEdit;
class QListWidget;
class QTabWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTreeWidget;

namespace sw::runtime {
class RecordingBrowser;
}

namespace sw::widgets {

class ConnectionProfiles;

// The cluster explorer: any Kafka cluster's brokers and topics (partitions, low
// and high offsets, recent rate), a topic's messages from the beginning, the end,
// an offset or a time (key, headers, timestamp, pretty JSON), producing a message,
// a consumer group's committed offsets and lag, and recording topics to a file.
// A recording opens here too, browsed like a cluster's topics. Every call to the
// cluster or the file runs off the GUI thread.
class ClusterExplorer : public QWidget
{
    Q_OBJECT
public:
    explicit ClusterExplorer(QWidget *parent = nullptr);
    ~ClusterExplorer() override;

    // Named connections to offer (the pipeline's, and the bootstrap of a running
    // embedded broker); the user may also type a bootstrap.
    // Connected to an embedded broker of a run that stopped (its connection gone)
    // or started again (another port): dropped, or connected to the new one.
    void setConnections(const QHash<QString, runtime::KafkaEndpoint> &connections);
    // The pipeline's own consumer groups, offered first in the group box.
    void setSuggestedGroups(const QStringList &groups);
    // The user's own profiles (shown after the pipeline's connections); not owned.
    void setProfiles(ConnectionProfiles *profiles);
    // Connects to a profile (its password fetched from the keyring if kept there).
    void connectToProfile(const QString &name);
    void connectTo(const runtime::KafkaEndpoint &endpoint);
    void refresh();
    void browse(const QString &topic, int partition, runtime::ClusterClient::From from, const QString &position,
                int limit);
    void produce(const QString &topic, int partition, const QString &key, const QString &headers, const QString &value);
    void showGroupLag(const QString &group);
    void listGroups();
    // Shows a recording (FILE.swrec) in place of a cluster: its topics, partitions
    // and offsets, browsed as a cluster's are; Connect goes back to a cluster.
    void openRecording(const QString &path);
    QString openedRecording() const;
    // Records from the connected cluster in the background until a stop condition
    // of `options` is met or stopRecording(); the endpoint is the connected one.
    void startRecording(runtime::RecorderOptions options);
    void stopRecording();
    bool isRecording() const { return m_recorder.joinable(); }

    // For tests and the status bar: what the views show.
    const runtime::ClusterClient::Cluster &cluster() const { return m_cluster; }
    int messageCount() const;
    QString messageText(int row) const; // the pretty value of a message
    int groupRowCount() const;
    QString groupStatus(int row) const; // Burrow's status shown for a partition
    int groupChartPoints() const;
    qint64 groupTotalLag() const { return m_groupTotalLag; }
    QString lastError() const { return m_lastError; }
    QString recordingStatus() const; // the Record tab's progress line

signals:
    void refreshed();
    void browsed();
    void produced(bool ok);
    void groupShown();
    void groupsListed(const QStringList &groups);
    void failed(const QString &message);
    void recordingProgress(qint64 records);
    // After a recording ends: `ok` false when it could not start or write (`message` says why).
    void recordingFinished(bool ok, const QString &message);

private:
    // Runs `work` on the thread pool with this explorer's client, then `done` here.
    void run(std::function<void(runtime::ClusterClient &)> work, std::function<void()> done);
    void showCluster();
    void browseNewest(const QString &topic, int partition); // -1: every partition
    void fail(const QString &message);
    void succeed(const QString &message); // clears an error shown before
    void connectToChoice();
    void fillConnections();
    void editProfiles();
    void startRecordingFromForm();
    void showRecordingProgress(const runtime::RecorderProgress &progress);
    void finishRecording(bool ok, const runtime::RecorderProgress &result, const QString &error);
    void setRecordingMode(bool recording);

    QHash<QString, runtime::KafkaEndpoint> m_connections;
    ConnectionProfiles *m_profiles = nullptr;
    std::shared_ptr<runtime::ClusterClient> m_client;
    runtime::KafkaEndpoint m_endpoint; // of m_client
    std::shared_ptr<runtime::RecordingBrowser> m_recording; // shown in place of the cluster when set
    bool m_browseWhenShown = false;                         // once a recording opens
    runtime::ClusterClient::Cluster m_cluster;
    std::vector<runtime::ClusterClient::Message> m_messages;
    std::vector<runtime::ClusterClient::GroupLag> m_groupLag;
    qint64 m_groupTotalLag = 0;
    QHash<QString, int64_t> m_previousHigh; // topic -> sum of high offsets, for rates
    QElapsedTimer m_sincePrevious;
    QString m_lastError;

    QComboBox *m_connection = nullptr;
    QString m_offered; // the entry the box offered by itself, not chosen by the user
    QLabel *m_status = nullptr;
    QTreeWidget *m_tree = nullptr;
    QComboBox *m_browseTopic = nullptr;
    QSpinBox *m_browsePartition = nullptr;
    QComboBox *m_from = nullptr;
    QLineEdit *m_position = nullptr;
    QSpinBox *m_limit = nullptr;
    QTableWidget *m_messageTable = nullptr;
    QPlainTextEdit *m_messageView = nullptr;
    QComboBox *m_produceTopic = nullptr;
    QSpinBox *m_producePartition = nullptr;
    QLineEdit *m_produceKey = nullptr;
    QLineEdit *m_produceHeaders = nullptr;
    QPlainTextEdit *m_produceValue = nullptr;
    QComboBox *m_group = nullptr;
    QTableWidget *m_groupTable = nullptr;
    QLabel *m_groupSummary = nullptr;
    QCheckBox *m_watch = nullptr;
    QTimer *m_watchTimer = nullptr;
    QLineSeries *m_groupSeries = nullptr;
    QString m_watchedGroup;
    QHash<QString, std::vector<runtime::OffsetSample>> m_commits; // "topic/partition" -> last commits
    QStringList m_suggestedGroups;
    QString m_followedEmbedded; // a run's embedded broker, followed from run to run

    QTabWidget *m_tabs = nullptr;
    QListWidget *m_recordTopics = nullptr;
    QComboBox *m_recordFrom = nullptr;
    QLineEdit *m_recordFromTime = nullptr;
    QComboBox *m_recordStop = nullptr;
    QSpinBox *m_recordStopValue = nullptr;
    QLineEdit *m_recordFile = nullptr;
    QPushButton *m_recordButton = nullptr;
    QPushButton *m_browseRecordingButton = nullptr;
    QLabel *m_recordStatus = nullptr;
    QTableWidget *m_recordTable = nullptr;
    QString m_recordedPath; // of the recording running or last finished
    struct
    {
        int64_t records = 0;
        double seconds = 0;
    } m_lastProgress; // the report before, for the current rate
    std::thread m_recorder;
    std::shared_ptr<std::atomic<bool>> m_stopRecorder;
};

} // namespace sw::widgets
