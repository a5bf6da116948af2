// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "operators/Operator.h"

namespace sw::runtime {

// Merges streams with the same fields (matched by name) into the first input's shape.
class Union : public Operator
{
public:
    explicit Union(const core::Schema &output) : m_output(output) {}
    void process(int inputPort, const Batch &batch, int64_t watermark, Emitter &out) override;

private:
    core::Schema m_output;
};

} // namespace sw::runtime
