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
    // The kept row numbers once, then one tight gather loop per column.
    // Without a branch per row: whether a row is kept is as good as random, and
    // mispredicting half of them cost more than writing every row number.
    std::vector<uint32_t> rows(batch.rows);
    size_t n = 0;
    for (size_t i = 0; i < batch.rows; ++i) {
        rows[n] = uint32_t(i);
        n += size_t((keep.valid[i] != 0) & (keep.ints[i] != 0));
    }
    for (size_t c = 0; c < batch.columns.size(); ++c) {
        const Column &from = batch.columns[c];
        Column &to = result.columns[c];
        to.valid.resize(n);
        for (size_t k = 0; k < n; ++k)
            to.valid[k] = from.valid[rows[k]];
        if (from.usesInts()) {
            to.ints.resize(n);
            for (size_t k = 0; k < n; ++k)
                to.ints[k] = from.ints[rows[k]];
        } else if (from.type == DataType::Double) {
            to.doubles.resize(n);
            for (size_t k = 0; k < n; ++k)
                to.doubles[k] = from.doubles[rows[k]];
        } else if (from.usesStrings()) {
            to.strings.resize(n);
            for (size_t k = 0; k < n; ++k)
                to.strings[k] = from.strings[rows[k]];
        }
    }
    result.rows = n;
    return result;
}

} // namespace sw::runtime
