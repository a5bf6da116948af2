// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cluster/ClusterClient.h"
#include "recording/Recording.h"

#include <QString>

#include <mutex>

namespace sw::runtime {

// A recording seen as the cluster explorer sees a cluster: its topics with their
// partitions and offsets, and messages from the beginning, the end, an offset or
// a time of a partition. Safe to call from several threads (one at a time inside).
class RecordingBrowser
{
public:
    // False with `error` for a file that is not a readable recording.
    bool open(const QString &path, QString *error);
    QString path() const { return m_path; }
    RecordingInfo info() const;

    // Reads the recording's summary again (a recorder may still be adding to it);
    // no brokers. Offsets are those recorded: low is the first, high one past the last.
    ClusterClient::Cluster describe();
    // As ClusterClient::browse: up to `limit` messages a partition, by timestamp.
    std::vector<ClusterClient::Message> browse(const ClusterClient::Browse &request, QString *error);

private:
    QString m_path;
    mutable std::mutex m_mutex;
    RecordingReader m_reader;
};

} // namespace sw::runtime
