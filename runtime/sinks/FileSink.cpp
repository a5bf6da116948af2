// SPDX-License-Identifier: GPL-3.0-or-later
#include "sinks/FileSink.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "batch/RowJson.h"

#include <QDir>
#include <QFileInfo>

namespace sw::runtime {

FileSink::FileSink(const QString &path, const QString &format) : m_path(path), m_csv(format == u"csv")
{
}

bool FileSink::open(std::string &error)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    if (m_replace)
        return true; // written whole at each flush that has rows
    m_file.setFileName(m_path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        error = "cannot open " + m_path.toStdString() + " for writing: " + m_file.errorString().toStdString();
        return false;
    }
    if (m_truncateTo >= 0) {
        if (m_file.size() > m_truncateTo) {
            if (!m_file.resize(m_truncateTo)) {
                error = "cannot cut " + m_path.toStdString() + " back to its committed length " + std::to_string(m_truncateTo)
                        + ": " + m_file.errorString().toStdString();
                return false;
            }
        } else if (m_file.size() < m_truncateTo) {
            std::fprintf(stderr, "%s is shorter (%lld bytes) than when the checkpoint last committed (%lld): was it "
                                 "moved or rotated? Appending to it\n",
                         qPrintable(m_path), (long long)m_file.size(), (long long)m_truncateTo);
        }
    }
    m_headerWritten = m_file.size() > 0;
    return true;
}

std::string FileSink::committedState() const
{
    // A replaced file is whole after every flush: a batch run again replaces it again.
    return m_replace ? std::string() : std::to_string(m_file.size());
}

bool FileSink::restoreCommitted(const std::string &state, std::string &error)
{
    if (m_replace)
        return true;
    bool ok = false;
    const qint64 length = QByteArray::fromStdString(state).toLongLong(&ok);
    if (!ok || length < 0) {
        error = "the checkpoint's length of " + m_path.toStdString() + " is not a number: '" + state + "'";
        return false;
    }
    m_truncateTo = length;
    return true;
}

void FileSink::appendCsvField(std::string &out, std::string_view field)
{
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += field;
        return;
    }
    out.push_back('"');
    for (const char c : field) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

bool FileSink::write(const Batch &batch, std::string &)
{
    if (m_replace && !m_replacing) { // the first rows of this batch: a new table
        m_replacing = true;
        m_buffer.clear();
        m_headerWritten = false;
    }
    if (!m_csv) {
        if (m_keys.empty())
            m_keys = RowJson::keys(batch.schema);
        for (size_t r = 0; r < batch.rows; ++r) {
            RowJson::append(m_buffer, batch, r, m_keys);
            m_buffer.push_back('\n');
        }
        return true;
    }
    if (!m_headerWritten) {
        for (qsizetype c = 0; c < batch.schema.fields.size(); ++c) {
            if (c)
                m_buffer.push_back(',');
            appendCsvField(m_buffer, batch.schema.fields[c].name.toStdString());
        }
        m_buffer += "\r\n";
        m_headerWritten = true;
    }
    std::string cell;
    for (size_t r = 0; r < batch.rows; ++r) {
        for (size_t c = 0; c < batch.columns.size(); ++c) {
            if (c)
                m_buffer.push_back(',');
            const Column &col = batch.columns[c];
            if (col.type == DataType::Null || col.isNull(r))
                continue; // empty field
            if (col.usesStrings()) { // arrays: their JSON text
                appendCsvField(m_buffer, col.strings[r]);
                continue;
            }
            cell.clear();
            RowJson::appendValue(cell, col, r);
            if (col.type == DataType::Timestamp)
                cell = cell.substr(1, cell.size() - 2); // no JSON quotes
            m_buffer += cell;
        }
        m_buffer += "\r\n";
    }
    return true;
}

bool FileSink::replaceFile(std::string &error)
{
    m_replacing = false;
    const QString temporary = m_path + QStringLiteral(".tmp");
    QFile out(temporary);
    const bool ok = out.open(QIODevice::WriteOnly | QIODevice::Truncate)
                    && out.write(m_buffer.data(), qint64(m_buffer.size())) == qint64(m_buffer.size()) && out.flush()
                    && (!m_sync || ::fsync(out.handle()) == 0);
    if (!ok) {
        error = "cannot write " + temporary.toStdString() + ": " + out.errorString().toStdString();
        out.close();
        QFile::remove(temporary);
        return false;
    }
    out.close();
    if (std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(m_path).constData()) != 0) {
        error = "cannot rename " + temporary.toStdString() + " to " + m_path.toStdString() + ": " + std::strerror(errno);
        return false;
    }
    m_buffer.clear();
    return true;
}

bool FileSink::flush(std::string &error)
{
    if (m_replace)
        return !m_replacing || replaceFile(error);
    if (m_buffer.empty())
        return true;
    const qint64 written = m_file.write(m_buffer.data(), qint64(m_buffer.size()));
    if (written != qint64(m_buffer.size()) || !m_file.flush() || (m_sync && ::fsync(m_file.handle()) != 0)) {
        error = "cannot write " + m_path.toStdString() + ": " + m_file.errorString().toStdString();
        return false;
    }
    m_buffer.clear();
    return true;
}

void FileSink::close()
{
    std::string ignored;
    flush(ignored);
    if (m_file.isOpen())
        m_file.close();
}

} // namespace sw::runtime
