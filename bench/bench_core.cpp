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

// A source, `filters` filters one after another, a sink: the longest path a
// pipeline can have for its size (the validator once took 2.5 s for 8,000).
Pipeline chainPipeline(int filters)
{
    Pipeline p = example("trending-products.json");
    const Node source = p.nodes.front();
    p.nodes.clear();
    p.edges.clear();
    p.alerts = {};
    p.nodes.push_back(source);
    QString previous = source.id;
    for (int i = 0; i < filters; ++i) {
        Node f;
        f.id = QStringLiteral("f%1").arg(i);
        f.type = QStringLiteral("filter");
        f.config.insert(QStringLiteral("predicate"), QStringLiteral("product_id <> 'p-%1'").arg(i));
        p.nodes.push_back(f);
        p.edges.push_back(Edge{previous, {}, f.id, {}});
        previous = f.id;
    }
    Node sink;
    sink.id = QStringLiteral("out");
    sink.type = QStringLiteral("sink.preview");
    p.nodes.push_back(sink);
    p.edges.push_back(Edge{previous, {}, sink.id, {}});
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
BENCHMARK(BM_ValidatePipeline)->Arg(1)->Arg(25)->Arg(100)->Arg(25000)->Unit(benchmark::kMicrosecond);

// What `streamwright-cli validate` and opening a file in the app do: read the
// JSON, then validate. Goal: a 100,000-node file in under a second.
static void BM_LoadAndValidateChain(benchmark::State &state)
{
    const QByteArray file = PipelineFormat::save(chainPipeline(int(state.range(0))));
    for (auto _ : state) {
        const auto loaded = PipelineFormat::load(file);
        benchmark::DoNotOptimize(PipelineValidator::validate(*loaded.pipeline));
    }
    state.counters["nodes"] = double(state.range(0) + 2);
    state.counters["MB"] = double(file.size()) / 1e6;
}
BENCHMARK(BM_LoadAndValidateChain)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(3);

// The reading part alone (JSON parse and the pipeline model), for the split.
static void BM_LoadChain(benchmark::State &state)
{
    const QByteArray file = PipelineFormat::save(chainPipeline(int(state.range(0))));
    for (auto _ : state)
        benchmark::DoNotOptimize(PipelineFormat::load(file));
    state.counters["nodes"] = double(state.range(0) + 2);
}
BENCHMARK(BM_LoadChain)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(3);

static void BM_ValidateChain(benchmark::State &state)
{
    const Pipeline p = chainPipeline(int(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(PipelineValidator::validate(p));
    state.counters["nodes"] = double(p.nodes.size());
}
BENCHMARK(BM_ValidateChain)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(3);

static void BM_SaveCanonicalJson(benchmark::State &state)
{
    const Pipeline p = widePipeline(int(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(PipelineFormat::save(p));
    state.counters["nodes"] = double(p.nodes.size());
}
BENCHMARK(BM_SaveCanonicalJson)->Arg(1)->Arg(100)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
