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
// A complete-mode result is written to a new file that is renamed into place, so
// a reader sees the last batch's table or the one before, never a part.
class FileSink : public Sink
{
public:
    FileSink(const QString &path, const QString &format);
    bool open(std::string &error) override;
    bool write(const Batch &batch, std::string &error) override;
    bool flush(std::string &error) override;
    void close() override;
    void enableExactlyOnce(const QString &) override { m_sync = true; }
    void replaceEachBatch() override { m_replace = true; }
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
    bool m_replace = false;   // complete mode: each batch's rows replace the file
    bool m_replacing = false; // this batch has rows: the file is replaced at flush()
    bool replaceFile(std::string &error);
};

} // namespace sw::runtime
