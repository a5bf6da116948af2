// SPDX-License-Identifier: GPL-3.0-or-later
// An operator's saved state as a damaged checkpoint may hold it: restored into a
// window aggregate (sessions and tumbling windows, every aggregate), a stream
// join and a dedupe. A restore may refuse it, never crash or allocate what the
// bytes cannot hold; what it accepts must write back to the same bytes' meaning
// (a second snapshot round trip is stable).
#include "operators/Dedupe.h"
#include "operators/StreamJoin.h"
#include "operators/WindowAggregate.h"

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>
#include <memory>

using namespace sw;
using namespace sw::runtime;

namespace {
core::Schema input()
{
    core::Schema s;
    s.fields = {{QStringLiteral("user"), core::DataType::String},
                {QStringLiteral("amount"), core::DataType::Double},
                {QStringLiteral("qty"), core::DataType::Int},
                {QStringLiteral("ts"), core::DataType::Timestamp}};
    s.eventTimeField = QStringLiteral("ts");
    return s;
}

core::Schema windowOutput()
{
    core::Schema s;
    s.fields = {{QStringLiteral("window_start"), core::DataType::Timestamp}, {QStringLiteral("window_end"), core::DataType::Timestamp},
                {QStringLiteral("user"), core::DataType::String},         {QStringLiteral("n"), core::DataType::Int},
                {QStringLiteral("total"), core::DataType::Double},        {QStringLiteral("lo"), core::DataType::String},
                {QStringLiteral("last_qty"), core::DataType::Int},        {QStringLiteral("d"), core::DataType::Int}};
    return s;
}

core::Schema joinOutput()
{
    core::Schema s;
    s.fields = {{QStringLiteral("user"), core::DataType::String},     {QStringLiteral("left_amount"), core::DataType::Double},
                {QStringLiteral("left_qty"), core::DataType::Int},    {QStringLiteral("left_ts"), core::DataType::Timestamp},
                {QStringLiteral("right_amount"), core::DataType::Double}, {QStringLiteral("right_qty"), core::DataType::Int},
                {QStringLiteral("right_ts"), core::DataType::Timestamp}};
    return s;
}

QJsonObject config(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

[[maybe_unused]] void tryRestore(Operator &op, std::string_view bytes)
{
    StateReader in(bytes);
    op.restore(in);
    if (!in.ok() && in.error().empty())
        __builtin_trap(); // a refusal always says why
    if (!in.ok())
        return;
    StateWriter once;
    op.snapshot(once);
    StateReader again(once.data());
    op.restore(again);
    StateWriter twice;
    op.snapshot(twice);
    if (!again.ok() || once.data() != twice.data())
        __builtin_trap();
}
} // namespace

// The operator a state is restored into: the first byte of the input picks it.
static std::unique_ptr<Operator> makeOperator(int pick)
{
    static const char *aggregates = R"("aggregates": [{"name": "n", "fn": "count"}, {"name": "total", "fn": "sum", "expr": "amount"},
        {"name": "lo", "fn": "min", "expr": "user"}, {"name": "last_qty", "fn": "last", "expr": "qty"},
        {"name": "d", "fn": "count_distinct", "expr": "qty"}])";
    switch (pick) {
    case 0:
        return std::make_unique<WindowAggregate>(
            core::WindowAggregateSettings::parse(config((std::string(R"({"window": {"kind": "session", "gap": "8s"}, "groupBy": ["user"], )") + aggregates + "}").c_str())),
            input(), windowOutput());
    case 1:
        return std::make_unique<WindowAggregate>(
            core::WindowAggregateSettings::parse(config((std::string(R"({"window": {"kind": "tumbling", "size": "1m"}, "groupBy": ["user"], )") + aggregates + "}").c_str())),
            input(), windowOutput());
    case 2:
        return std::make_unique<StreamJoin>(
            core::StreamJoinSettings::parse(config(R"({"on": [["user", "user"]], "joinType": "full", "within": {"left": "ts", "right": "ts", "from": "0s", "to": "20s"}})")),
            input(), input(), joinOutput());
    default: return std::make_unique<Dedupe>(core::DedupeSettings::parse(config(R"({"key": ["user", "qty"], "within": "1m"})")), input());
    }
}

#ifndef STREAMWRIGHT_FUZZ_STATE_SEEDS
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    std::unique_ptr<Operator> op = makeOperator(size > 0 ? data[0] % 4 : 0);
    OperatorContext context;
    std::string error;
    op->open(context, error);
    tryRestore(*op, size > 0 ? bytes.substr(1) : bytes);
    return 0;
}
#endif
