// SPDX-License-Identifier: GPL-3.0-or-later
#include "operators/Union.h"

namespace sw::runtime {

void Union::process(int, const Batch &batch, int64_t, Emitter &out)
{
    Batch result;
    result.schema = m_output;
    result.rows = batch.rows;
    result.shareArenasOf(batch);
    for (const auto &f : m_output.fields)
        result.columns.push_back(batch.columns[size_t(batch.columnIndex(f.name))]);
    out.push(0, std::move(result));
}

} // namespace sw::runtime
