// SPDX-License-Identifier: GPL-3.0-or-later
#include "sinks/PreviewSink.h"

#include "batch/RowJson.h"

namespace sw::runtime {

bool PreviewSink::write(const Batch &batch, std::string &)
{
    if (m_keys.empty())
        m_keys = RowJson::keys(batch.schema);
    QMutexLocker lock(&m_mutex);
    if (m_replace && !m_batchWritten)
        m_rows.clear();
    m_batchWritten = true;
    for (size_t r = batch.rows > m_capacity ? batch.rows - m_capacity : 0; r < batch.rows; ++r) {
        std::string row;
        RowJson::append(row, batch, r, m_keys);
        m_rows.push_back(std::move(row));
        if (m_rows.size() > m_capacity)
            m_rows.pop_front();
    }
    return true;
}

std::vector<std::string> PreviewSink::rows() const
{
    QMutexLocker lock(&m_mutex);
    return {m_rows.begin(), m_rows.end()};
}

} // namespace sw::runtime
