// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Sink.h"

#include <QMutex>
#include <QStringList>

#include <deque>

namespace sw::runtime {

// sink.preview: the last N rows, as JSON objects, for the app and the control API.
// Written by the executor thread, read from any thread (guarded).
class PreviewSink : public Sink
{
public:
    explicit PreviewSink(int rows) : m_capacity(size_t(std::max(1, rows))) {}
    bool open(std::string &) override { return true; }
    bool write(const Batch &batch, std::string &error) override;
    bool flush(std::string &) override
    {
        m_batchWritten = false;
        return true;
    }
    void replaceEachBatch() override { m_replace = true; }
    std::vector<std::string> rows() const;

private:
    size_t m_capacity;
    mutable QMutex m_mutex;
    std::deque<std::string> m_rows;
    std::vector<std::string> m_keys;
    bool m_replace = false;      // complete mode: the rows of the last batch that had some
    bool m_batchWritten = false; // this batch wrote rows already
};

} // namespace sw::runtime
