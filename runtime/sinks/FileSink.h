// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Sink.h"

#include <QFile>
#include <QString>

namespace sw::runtime {

// sink.file: appends rows to a JSON Lines or CSV file (a header row when the CSV
// file is new). Flushed to the OS at the end of every micro-batch. Exactly-once
// with a checkpoint: also synced to disk at every flush, and at a restart cut back
// to its length at the last committed batch, so a batch run again is written once.
class FileSink : public Sink
{
public:
    FileSink(const QString &path, const QString &format);
    bool open(std::string &error) override;
    bool write(const Batch &batch, std::string &error) override;
    bool flush(std::string &error) override;
    void close() override;
    void enableExactlyOnce(const QString &) override { m_sync = true; }
    std::string committedState() const override;
    bool restoreCommitted(const std::string &state, std::string &error) override;

    static void appendCsvField(std::string &out, std::string_view field);

private:
    QString m_path;
    bool m_csv;
    QFile m_file;
    bool m_headerWritten = false;
    std::vector<std::string> m_keys;
    std::string m_buffer;
    bool m_sync = false;
    qint64 m_truncateTo = -1; // restoreCommitted(): the length at the last committed batch
};

} // namespace sw::runtime
