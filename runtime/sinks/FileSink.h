// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Sink.h"

#include <QFile>
#include <QString>

namespace sw::runtime {

// sink.file: appends rows to a JSON Lines or CSV file (a header row when the CSV
// file is new). Flushed to the OS at the end of every micro-batch.
class FileSink : public Sink
{
public:
    FileSink(const QString &path, const QString &format);
    bool open(std::string &error) override;
    bool write(const Batch &batch, std::string &error) override;
    bool flush(std::string &error) override;
    void close() override;

    static void appendCsvField(std::string &out, std::string_view field);

private:
    QString m_path;
    bool m_csv;
    QFile m_file;
    bool m_headerWritten = false;
    std::vector<std::string> m_keys;
    std::string m_buffer;
};

} // namespace sw::runtime
