// SPDX-License-Identifier: GPL-3.0-or-later
// An expression as typed in a filter or map: parsed and type-checked against a
// schema with a field of every type; when it compiles, evaluated column by column
// on a few rows (NULLs, NaN, int64's extremes, the last millisecond of 9999).
#include "batch/Batch.h"
#include "expr/ColumnarExpression.h"
#include "expr/Expression.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>

using namespace sw;

namespace {
core::Schema schema()
{
    core::Schema s;
    s.fields = {{QStringLiteral("a"), core::DataType::Int},       {QStringLiteral("x"), core::DataType::Double},
                {QStringLiteral("s"), core::DataType::String},    {QStringLiteral("b"), core::DataType::Boolean},
                {QStringLiteral("ts"), core::DataType::Timestamp}, {QStringLiteral("n"), core::DataType::Null}};
    return s;
}

runtime::Batch rows(const core::Schema &s)
{
    runtime::Batch b = runtime::Batch::empty(s);
    const int64_t ints[] = {0, -1, std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::min()};
    const double doubles[] = {0.5, -0.0, std::nan(""), 1e308};
    const char *strings[] = {"", "abc", "1e3", "\xc3\xa9t\xc3\xa9"};
    for (int r = 0; r < 4; ++r) {
        b.columns[0].appendInt(ints[r]);
        b.columns[1].appendDouble(doubles[r]);
        b.columns[2].appendString(b.arena().copy(strings[r]));
        b.columns[3].appendInt(r % 2);
        b.columns[4].appendInt(r == 2 ? 253402300799999 : ints[r] / 1000);
        b.columns[5].appendNull();
    }
    b.columns[0].appendNull();
    b.columns[1].appendNull();
    b.columns[2].appendNull();
    b.columns[3].appendNull();
    b.columns[4].appendNull();
    b.columns[5].appendNull();
    b.rows = 5;
    return b;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const core::Schema s = schema();
    static const runtime::Batch batch = rows(s);
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto checked = core::expr::Expression::compile(text, s);
    if (!checked.ok())
        return 0;
    auto columnar = runtime::ColumnarExpression::compile(*checked.expr, s);
    runtime::StringArena arena;
    const runtime::Column result = columnar->evaluate(batch, arena);
    if (result.valid.size() != batch.rows)
        __builtin_trap();
    return 0;
}
