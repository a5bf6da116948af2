// SPDX-License-Identifier: GPL-3.0-or-later
#include "operators/Map.h"

namespace sw::runtime {

Map::Map(const core::MapSettings &settings, const core::Schema &input, const core::Schema &output) : m_output(output)
{
    QHash<QString, int> computed;
    for (const auto &column : settings.columns) {
        m_checked.push_back(core::expr::Expression::compile(column.expr, input));
        m_expressions.push_back(ColumnarExpression::compile(*m_checked.back().expr, input));
        computed.insert(column.name, int(m_expressions.size()) - 1);
    }
    for (const auto &f : output.fields) {
        Source s;
        if (computed.contains(f.name))
            s.expression = computed.value(f.name);
        else
            s.inputColumn = input.indexOf(f.name);
        m_sources.push_back(s);
    }
}

void Map::process(int, const Batch &batch, int64_t, Emitter &out)
{
    Batch result;
    result.schema = m_output;
    result.rows = batch.rows;
    result.shareArenasOf(batch);
    for (size_t i = 0; i < m_sources.size(); ++i) {
        const Source &s = m_sources[i];
        if (s.expression >= 0) {
            Column c = m_expressions[size_t(s.expression)]->evaluate(batch, result.arena());
            if (c.type == DataType::Null || c.type != m_output.fields[i].type) { // a NULL literal column
                Column typed(m_output.fields[i].type);
                typed.resizeNull(batch.rows);
                c = std::move(typed);
            }
            result.columns.push_back(std::move(c));
        } else {
            result.columns.push_back(batch.columns[size_t(s.inputColumn)]);
        }
    }
    out.push(0, std::move(result));
}

} // namespace sw::runtime
