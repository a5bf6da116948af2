// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/Batch.h"
#include "expr/Ast.h"

#include <memory>

namespace sw::runtime {

// An expression compiled to evaluate over whole columns of a batch: each node runs
// one loop over the rows, with no heap allocation per row for numbers, booleans,
// timestamps, comparisons, LIKE and string pass-through. Results are identical to
// core's reference evaluator (tested). Function calls and casts that produce or
// consume text go through core's scalar implementation, which converts the string
// values (an allocation per row for those only).
// Immutable after compile; evaluate() may be called from the executor thread only.
class ColumnarExpression
{
public:
    virtual ~ColumnarExpression() = default;

    // `expr` must have been type checked against `schema`, and must outlive the result.
    static std::unique_ptr<ColumnarExpression> compile(const core::expr::Expr &expr, const core::Schema &schema);

    DataType type() const { return m_type; }
    // One value per row of `batch`; new strings are written to `arena`.
    virtual Column evaluate(const Batch &batch, StringArena &arena) const = 0;
    // The column of the batch this expression is, when it is no more than that
    // (callers may read it in place instead of a copy); else -1.
    virtual int columnIndex() const { return -1; }

protected:
    explicit ColumnarExpression(DataType type) : m_type(type) {}
    DataType m_type;
};

// Bridges between columns and core's scalar values (for the fallback paths and tests).
core::expr::Value cellValue(const Column &column, size_t row);
void appendValue(Column &column, const core::expr::Value &value, StringArena &arena);

} // namespace sw::runtime
