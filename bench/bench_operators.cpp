// SPDX-License-Identifier: GPL-3.0-or-later
// The runtime's per-event stages on their own (Google Benchmark), for comparing
// changes to one stage; bench_pipeline measures them together against the limit.
//   build/bench/bench_operators --benchmark_repetitions=5
// Items are events. On a shared machine compare the "_min" rows' time (the
// fastest repetition; that row's items_per_second is the slowest one's rate).
#include "UserEvents.h"
#include "engine/ProcessMemory.h"
#include "operators/Explode.h"
#include "operators/Filter.h"
#include "sources/DemoEvents.h"
#include "operators/WindowAggregate.h"
#include "sources/JsonDecoder.h"


#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace sw;
using namespace sw::runtime;

namespace {

constexpr size_t kBatchRows = 10'000;

core::Schema eventSchema()
{
    return bench::userEventSchema();
}

std::vector<std::string> makeRecords(size_t n)
{
    bench::UserEventWriter writer;
    std::vector<std::string> out;
    for (size_t i = 0; i < n; ++i)
        out.emplace_back(writer.next());
    return out;
}

const std::vector<std::string> &records()
{
    static const std::vector<std::string> r = makeRecords(20 * kBatchRows);
    return r;
}

// The records decoded, one batch per kBatchRows.
const std::vector<Batch> &decodedBatches()
{
    static const std::vector<Batch> batches = [] {
        std::vector<Batch> out;
        JsonDecoder decoder(eventSchema());
        std::vector<std::string_view> views;
        std::vector<DecodeFailure> failures;
        for (size_t begin = 0; begin < records().size(); begin += kBatchRows) {
            Batch b = Batch::empty(eventSchema());
            views.assign(records().begin() + long(begin), records().begin() + long(begin + kBatchRows));
            decoder.decodeMany(views.data(), views.size(), b, b.arena(), failures);
            b.rows = views.size();
            out.push_back(std::move(b));
        }
        return out;
    }();
    return batches;
}

class Discard : public Emitter
{
public:
    void push(int, Batch &&b) override { benchmark::DoNotOptimize(b.rows); }
};

class Keep : public Emitter
{
public:
    std::vector<Batch> batches;
    void push(int, Batch &&b) override { batches.push_back(std::move(b)); }
};

void minStatistic(benchmark::internal::Benchmark *b)
{
    b->ComputeStatistics("min", [](const std::vector<double> &v) { return *std::min_element(v.begin(), v.end()); });
}

} // namespace

// simdjson alone over the same records (one stream per batch, the fields read as
// bench_pipeline's bare loop reads them): the yardstick that shows how loaded the
// machine is while the others run.
static void BM_BareSimdjson(benchmark::State &state)
{
    simdjson::ondemand::parser parser;
    std::string lines;
    size_t begin = 0;
    for (auto _ : state) {
        lines.clear();
        for (size_t i = begin; i < begin + kBatchRows; ++i) {
            lines += records()[i];
            lines.push_back('\n');
        }
        const size_t size = lines.size();
        lines.append(simdjson::SIMDJSON_PADDING, ' ');
        simdjson::ondemand::document_stream stream;
        double sum = 0;
        if (!parser.iterate_many(lines.data(), size, size).get(stream)) {
            for (auto doc : stream) {
                simdjson::ondemand::object o;
                if (doc.get_object().get(o))
                    continue;
                sum += bench::extractFields(o);
            }
        }
        benchmark::DoNotOptimize(sum);
        begin = (begin + kBatchRows) % records().size();
    }
    state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(kBatchRows));
}
BENCHMARK(BM_BareSimdjson)->Apply(minStatistic);

static void BM_DecodeOneByOne(benchmark::State &state)
{
    JsonDecoder decoder(eventSchema());
    std::string reason;
    size_t begin = 0;
    for (auto _ : state) {
        Batch b = Batch::empty(eventSchema());
        for (size_t i = begin; i < begin + kBatchRows; ++i)
            decoder.decode(records()[i], b, b.arena(), reason);
        begin = (begin + kBatchRows) % records().size();
        benchmark::DoNotOptimize(b.columns[0].size());
    }
    state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(kBatchRows));
}
BENCHMARK(BM_DecodeOneByOne)->Apply(minStatistic);

static void BM_DecodeMany(benchmark::State &state)
{
    JsonDecoder decoder(eventSchema());
    std::vector<std::string_view> views;
    std::vector<DecodeFailure> failures;
    size_t begin = 0;
    for (auto _ : state) {
        Batch b = Batch::empty(eventSchema());
        views.assign(records().begin() + long(begin), records().begin() + long(begin + kBatchRows));
        decoder.decodeMany(views.data(), views.size(), b, b.arena(), failures);
        begin = (begin + kBatchRows) % records().size();
        benchmark::DoNotOptimize(b.columns[0].size());
    }
    state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(kBatchRows));
}
BENCHMARK(BM_DecodeMany)->Apply(minStatistic);

static void BM_FilterViews(benchmark::State &state)
{
    Filter filter(bench::kViewsOnly, eventSchema());
    size_t next = 0;
    for (auto _ : state) {
        Discard out;
        filter.process(0, decodedBatches()[next], 0, out);
        next = (next + 1) % decodedBatches().size();
    }
    state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(kBatchRows));
}
BENCHMARK(BM_FilterViews)->Apply(minStatistic);

// A tumbling minute of count and sum by product over the viewed rows, with the
// watermark 10 s behind, as in bench_pipeline; items are input events.
static void BM_WindowTumbling(benchmark::State &state)
{
    // The filtered batches, and their times shifted on every round so windows keep closing.
    Filter filter(bench::kViewsOnly, eventSchema());
    std::vector<Batch> views;
    for (const Batch &b : decodedBatches()) {
        Keep kept;
        filter.process(0, b, 0, kept);
        views.push_back(std::move(kept.batches.front()));
    }
    const int64_t span = 2 * int64_t(records().size());
    const auto window = bench::perMinuteWindow();
    Discard discard;
    size_t next = 0;
    int64_t shift = 0, watermark = 0;
    for (auto _ : state) {
        state.PauseTiming();
        Batch b = views[next];
        b.shareArenasOf(views[next]);
        int64_t maxTime = 0;
        for (auto &t : b.columns[5].ints) {
            t += shift;
            maxTime = std::max(maxTime, t);
        }
        state.ResumeTiming();
        window->process(0, b, watermark, discard);
        window->endOfBatch(watermark, discard);
        watermark = std::max(watermark, maxTime - 10'000);
        if (++next == views.size()) {
            next = 0;
            shift += span;
        }
    }
    state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(kBatchRows));
}
BENCHMARK(BM_WindowTumbling)->Apply(minStatistic);

// Demo orders (1 to 4 nested lines each), in batches of kBatchRows.
const std::vector<Batch> &orderBatches()
{
    static const std::vector<Batch> batches = [] {
        std::vector<Batch> out;
        DemoEvents orders(QStringLiteral("orders"), 7, 1795600800000, 1000, 0);
        for (int b = 0; b < 10; ++b) {
            Batch batch = Batch::empty(orders.schema());
            for (size_t i = 0; i < kBatchRows; ++i)
                orders.next(batch);
            out.push_back(std::move(batch));
        }
        return out;
    }();
    return batches;
}

// explode of each order's lines into rows of their four fields; items are orders.
static void BM_ExplodeOrderLines(benchmark::State &state)
{
    const core::Schema in = DemoEvents::schema(QStringLiteral("orders"));
    core::Schema out;
    for (const core::Field &f : in.fields) {
        if (f.name == u"lines")
            out.fields.append(core::Fields(f.elementFields.begin(), f.elementFields.end()));
        else
            out.fields.push_back(f);
    }
    core::ExplodeSettings settings;
    settings.field = QStringLiteral("lines");
    Explode explode(settings, in, out);
    Keep keep;
    size_t next = 0, rows = 0;
    for (auto _ : state) {
        keep.batches.clear();
        explode.process(0, orderBatches()[next], 0, keep);
        rows += keep.batches.front().rows;
        next = (next + 1) % orderBatches().size();
    }
    state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(kBatchRows));
    state.counters["rows_per_order"] = double(rows) / double(state.iterations() * kBatchRows);
}
BENCHMARK(BM_ExplodeOrderLines)->Apply(minStatistic);

// The bare loop explode is measured against: simdjson's DOM parser over the same
// lines texts, reading the four fields of every element into columns, as explode
// does (without the other columns it repeats).
static void BM_BareSimdjsonOrderLines(benchmark::State &state)
{
    simdjson::dom::parser parser;
    size_t next = 0;
    std::vector<std::string_view> ids, categories;
    std::vector<double> prices;
    std::vector<int64_t> quantities;
    for (auto _ : state) {
        StringArena arena; // freed each batch, as explode's output batch is
        const Column &lines = orderBatches()[next].columns[2];
        ids.clear();
        categories.clear();
        prices.clear();
        quantities.clear();
        for (size_t r = 0; r < lines.size(); ++r) {
            simdjson::dom::array array;
            if (parser.parse(lines.strings[r].data(), lines.strings[r].size(), true).get_array().get(array))
                continue;
            for (simdjson::dom::element e : array) {
                std::string_view s;
                double d = 0;
                int64_t i = 0;
                if (!e["product_id"].get_string().get(s))
                    ids.push_back(arena.copy(s));
                if (!e["category"].get_string().get(s))
                    categories.push_back(arena.copy(s));
                if (!e["price"].get_double().get(d))
                    prices.push_back(d);
                if (!e["quantity"].get_int64().get(i))
                    quantities.push_back(i);
            }
        }
        benchmark::DoNotOptimize(quantities.data());
        next = (next + 1) % orderBatches().size();
    }
    state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(kBatchRows));
}
BENCHMARK(BM_BareSimdjsonOrderLines)->Apply(minStatistic);

int main(int argc, char **argv)
{
    keepFreedMemoryInProcess(); // as the executor does
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
