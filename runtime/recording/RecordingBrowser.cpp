// SPDX-License-Identifier: GPL-3.0-or-later
#include "recording/RecordingBrowser.h"

namespace sw::runtime {

bool RecordingBrowser::open(const QString &path, QString *error)
{
    std::lock_guard lock(m_mutex);
    std::string why;
    if (!m_reader.open(path.toStdString(), why)) {
        *error = QString::fromStdString(why);
        return false;
    }
    m_path = path;
    return true;
}

RecordingInfo RecordingBrowser::info() const
{
    std::lock_guard lock(m_mutex);
    return m_reader.info();
}

ClusterClient::Cluster RecordingBrowser::describe()
{
    std::lock_guard lock(m_mutex);
    ClusterClient::Cluster cluster;
    std::string why;
    if (!m_reader.open(m_path.toStdString(), why)) {
        cluster.error = QString::fromStdString(why);
        return cluster;
    }
    for (const RecordedPartition &p : m_reader.info().partitions) {
        const QString topic = QString::fromStdString(p.topic);
        if (cluster.topics.empty() || cluster.topics.back().name != topic)
            cluster.topics.push_back({topic, {}, {}});
        ClusterClient::Partition partition;
        partition.id = p.partition;
        if (p.records > 0) {
            partition.low = p.firstOffset;
            partition.high = p.lastOffset + 1;
        }
        cluster.topics.back().partitions.push_back(partition);
    }
    return cluster;
}

std::vector<ClusterClient::Message> RecordingBrowser::browse(const ClusterClient::Browse &request, QString *error)
{
    std::lock_guard lock(m_mutex);
    std::vector<ClusterClient::Message> messages;
    const std::string topic = request.topic.toStdString();
    bool known = false;
    std::string why;
    for (const RecordedPartition &p : m_reader.info().partitions) {
        if (p.topic != topic)
            continue;
        known = true;
        if ((request.partition >= 0 && p.partition != request.partition) || p.records == 0 || request.limit <= 0)
            continue;
        std::optional<int64_t> start;
        switch (request.from) {
        case ClusterClient::From::Beginning: start = p.firstOffset; break;
        case ClusterClient::From::End: start = m_reader.offsetFromEnd(topic, p.partition, request.limit, why); break;
        case ClusterClient::From::Offset: start = request.position; break;
        case ClusterClient::From::Time: start = m_reader.offsetAtTime(topic, p.partition, request.position, why); break;
        }
        std::vector<RecordedRecord> records;
        if (start && !m_reader.readPartition(topic, p.partition, *start, size_t(request.limit), records, why))
            break;
        if (!why.empty())
            break;
        for (RecordedRecord &r : records) {
            ClusterClient::Message m;
            m.topic = request.topic;
            m.partition = r.partition;
            m.offset = r.offset;
            m.timestampMs = r.timestamp.value_or(-1);
            if (r.key)
                m.key = QByteArray::fromStdString(*r.key);
            if (r.value)
                m.value = QByteArray::fromStdString(*r.value);
            for (const RecordHeader &h : r.headers)
                m.headers.emplace_back(QString::fromStdString(h.name),
                                       h.value ? QByteArray::fromStdString(*h.value) : QByteArray());
            messages.push_back(std::move(m));
        }
    }
    if (!why.empty())
        *error = QString::fromStdString(why);
    else if (!known)
        *error = QStringLiteral("the recording has no topic \"%1\"").arg(request.topic);
    ClusterClient::sortForBrowsing(messages);
    return messages;
}

} // namespace sw::runtime
