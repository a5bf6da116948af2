// SPDX-License-Identifier: GPL-3.0-or-later
#include "operators/Filter.h"

namespace sw::runtime {

Filter::Filter(const QString &predicate, const core::Schema &input)
    : m_checked(core::expr::Expression::compile(predicate, input)),
      m_predicate(ColumnarExpression::compile(*m_checked.expr, input))
{
}

void Filter::process(int, const Batch &batch, int64_t, Emitter &out)
{
    StringArena scratch;
    const Column keep = m_predicate->evaluate(batch, scratch);
    out.push(0, select(batch, keep));
}

Batch Filter::select(const Batch &batch, const Column &keep)
{
    Batch result = Batch::empty(batch.schema);
    result.shareArenasOf(batch);
    size_t kept = 0;
    for (size_t i = 0; i < batch.rows; ++i)
        kept += keep.valid[i] && keep.ints[i];
    for (auto &c : result.columns)
        c.reserve(kept);
    for (size_t c = 0; c < batch.columns.size(); ++c) {
        const Column &from = batch.columns[c];
        Column &to = result.columns[c];
        for (size_t i = 0; i < batch.rows; ++i) {
            if (keep.valid[i] && keep.ints[i])
                to.appendFrom(from, i);
        }
    }
    result.rows = kept;
    return result;
}

} // namespace sw::runtime
