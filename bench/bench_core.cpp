// SPDX-License-Identifier: GPL-3.0-or-later
// What the designer does on every keystroke and edit: compile an expression,
// validate the whole pipeline, save it as canonical JSON. These must stay far
// below a frame (16 ms) for pipelines much larger than the examples.
#include "expr/Evaluator.h"
#include "expr/Expression.h"
#include "format/PipelineFormat.h"
#include "validation/PipelineValidator.h"

#include <benchmark/benchmark.h>

using namespace sw::core;

namespace {
Pipeline example(const char *name)
{
    auto loaded = PipelineFormat::loadFile(QStringLiteral(STREAMWRIGHT_SOURCE_DIR "/resources/examples/") + QLatin1String(name));
    return *loaded.pipeline;
}

// The trending example repeated `copies` times side by side (ids made unique).
Pipeline widePipeline(int copies)
{
    const Pipeline base = example("trending-products.json");
    Pipeline p = base;
    p.nodes.clear();
    p.edges.clear();
    p.alerts = {};
    for (int c = 0; c < copies; ++c) {
        const QString suffix = QStringLiteral("_%1").arg(c);
        for (Node n : base.nodes) {
            n.id += suffix;
            p.nodes.push_back(n);
        }
        for (Edge e : base.edges) {
            e.from += suffix;
            e.to += suffix;
            p.edges.push_back(e);
        }
    }
    return p;
}

Schema schema()
{
    Schema s;
    s.fields = {{QStringLiteral("price"), DataType::Double}, {QStringLiteral("quantity"), DataType::Int},
                {QStringLiteral("category"), DataType::String}, {QStringLiteral("ts"), DataType::Timestamp}};
    return s;
}

const QString kExpression = QStringLiteral(
    "CASE WHEN price * quantity > 100 AND category IN ('books', 'toys') THEN 'big' "
    "WHEN lower(category) LIKE 'elec%' THEN 'tech' ELSE 'other' END");
} // namespace

static void BM_CompileExpression(benchmark::State &state)
{
    const Schema s = schema();
    for (auto _ : state) {
        auto checked = expr::Expression::compile(kExpression, s);
        benchmark::DoNotOptimize(checked);
    }
}
BENCHMARK(BM_CompileExpression);

static void BM_ReferenceEvaluator(benchmark::State &state)
{
    const Schema s = schema();
    const auto checked = expr::Expression::compile(kExpression, s);
    const std::vector<expr::Value> row = {expr::Value::real(12.5), expr::Value::integer(9),
                                          expr::Value::string(QStringLiteral("books")), expr::Value::timestamp(0)};
    for (auto _ : state)
        benchmark::DoNotOptimize(expr::Evaluator::evaluate(*checked.expr, s, row));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ReferenceEvaluator);

static void BM_ValidatePipeline(benchmark::State &state)
{
    const Pipeline p = widePipeline(int(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(PipelineValidator::validate(p));
    state.counters["nodes"] = double(p.nodes.size());
}
BENCHMARK(BM_ValidatePipeline)->Arg(1)->Arg(25)->Arg(100)->Unit(benchmark::kMicrosecond);

static void BM_SaveCanonicalJson(benchmark::State &state)
{
    const Pipeline p = widePipeline(int(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(PipelineFormat::save(p));
    state.counters["nodes"] = double(p.nodes.size());
}
BENCHMARK(BM_SaveCanonicalJson)->Arg(1)->Arg(100)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
