// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "operators/Operator.h"

#include "settings/NodeSettings.h"

#include <memory>

namespace sw::runtime {

// explode: one row per element of an array field (Spark's explode, posexplode
// and explode_outer). The other columns are repeated; the array's place in the
// output holds the position (from 0, as Spark's posexplode) when asked for, then
// the element, or an array<object>'s element fields. A NULL or empty array gives
// no row, or with `outer` one row of NULLs. The output has the schema the
// validator derived for the node.
class Explode : public Operator
{
public:
    Explode(const core::ExplodeSettings &settings, const core::Schema &input, const core::Schema &output);
    ~Explode() override;
    void process(int inputPort, const Batch &batch, int64_t watermark, Emitter &out) override;

private:
    struct Parser;
    int m_array = -1;             // input column
    core::DataType m_arrayType = core::DataType::Null;
    std::vector<core::Field> m_elementFields; // array<object>
    std::vector<std::string> m_elementNames;
    bool m_outer = false;
    bool m_position = false;
    core::Schema m_output;
    size_t m_firstElementColumn = 0; // output column of the position, or else of the (first) element
    std::unique_ptr<Parser> m_parser;
};

} // namespace sw::runtime
