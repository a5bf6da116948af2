// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expr/ColumnarExpression.h"
#include "expr/Expression.h"
#include "operators/Operator.h"

namespace sw::runtime {

// Keeps the rows whose predicate is TRUE (FALSE and NULL are dropped).
class Filter : public Operator
{
public:
    Filter(const QString &predicate, const core::Schema &input);
    void process(int inputPort, const Batch &batch, int64_t watermark, Emitter &out) override;

    // The rows of `batch` where `keep` is valid and non-zero.
    static Batch select(const Batch &batch, const Column &keep);

private:
    core::expr::CheckedExpression m_checked;
    std::unique_ptr<ColumnarExpression> m_predicate;
};

} // namespace sw::runtime
