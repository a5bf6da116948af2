// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expr/ColumnarExpression.h"
#include "expr/Expression.h"
#include "operators/Operator.h"

#include "settings/NodeSettings.h"

namespace sw::runtime {

// Computes columns from expressions over the input (Spark's select): the output
// has the schema the validator derived for the node.
class Map : public Operator
{
public:
    Map(const core::MapSettings &settings, const core::Schema &input, const core::Schema &output);
    void process(int inputPort, const Batch &batch, int64_t watermark, Emitter &out) override;

private:
    struct Source
    {
        int inputColumn = -1; // pass an input column through
        int expression = -1;  // or compute it
    };
    core::Schema m_output;
    std::vector<core::expr::CheckedExpression> m_checked;
    std::vector<std::unique_ptr<ColumnarExpression>> m_expressions;
    std::vector<Source> m_sources; // per output column
};

} // namespace sw::runtime
