// SPDX-License-Identifier: GPL-3.0-or-later
// In-memory end-to-end benchmark (issue 3, part a): N JSON events through
// decode -> filter -> tumbling count and sum by key -> discard, beside a bare
// simdjson loop that extracts the same fields from the same bytes (our limit).
//   build/bench/bench_pipeline [--events N] [--batch ROWS]
#include "operators/Filter.h"
#include "operators/WindowAggregate.h"
#include "sources/JsonDecoder.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QStringList>

#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

using namespace sw;
using namespace sw::runtime;
using Clock = std::chrono::steady_clock;

namespace {

struct Events
{
    std::string bytes; // all documents, back to back, with simdjson padding at the end
    std::vector<std::pair<size_t, size_t>> spans;
};

// user-events as the demo generator writes them, about 130 bytes each.
Events makeEvents(size_t n)
{
    static const char *categories[] = {"books", "electronics", "home", "garden", "toys", "sports", "beauty", "grocery"};
    static const char *types[] = {"view", "view", "view", "view", "click", "click", "add_to_cart"};
    std::mt19937_64 rng(42);
    Events e;
    e.bytes.reserve(n * 140);
    e.spans.reserve(n);
    const int64_t start = 1795600800000; // 2026-11-25T10:00:00Z
    char buf[256];
    for (size_t i = 0; i < n; ++i) {
        const int64_t ts = start + int64_t(i) * 2 - int64_t(rng() % 5000); // out of order by up to 5 s
        const int64_t s = ts / 1000, ms = ts % 1000;
        const int64_t sod = s % 86400;
        const int len = std::snprintf(buf, sizeof buf,
                                      "{\"user_id\":\"u-%05d\",\"product_id\":\"p-%04d\",\"category\":\"%s\","
                                      "\"event_type\":\"%s\",\"price\":%d.%02d,\"ts\":\"2026-11-25T%02d:%02d:%02d.%03dZ\"}",
                                      int(rng() % 50000), int(rng() % 2000), categories[rng() % 8], types[rng() % 7],
                                      int(rng() % 400), int(rng() % 100), int(sod / 3600), int(sod / 60 % 60),
                                      int(sod % 60), int(ms));
        e.spans.emplace_back(e.bytes.size(), size_t(len));
        e.bytes.append(buf, size_t(len));
    }
    e.bytes.append(simdjson::SIMDJSON_PADDING, ' ');
    return e;
}

core::Schema declaredSchema()
{
    core::Schema s;
    using core::DataType;
    s.fields = {{QStringLiteral("user_id"), DataType::String},    {QStringLiteral("product_id"), DataType::String},
                {QStringLiteral("category"), DataType::String},   {QStringLiteral("event_type"), DataType::String},
                {QStringLiteral("price"), DataType::Double},      {QStringLiteral("ts"), DataType::Timestamp}};
    s.eventTimeField = QStringLiteral("ts");
    return s;
}

class Discard : public Emitter
{
public:
    size_t rows = 0;
    void push(int, Batch &&b) override { rows += b.rows; }
};

class Collect : public Emitter
{
public:
    std::vector<Batch> batches;
    void push(int, Batch &&b) override { batches.push_back(std::move(b)); }
};

double barePass(const Events &e, double *checksum)
{
    simdjson::ondemand::parser parser;
    double sum = 0;
    const auto t0 = Clock::now();
    for (const auto &[offset, len] : e.spans) {
        auto doc = parser.iterate(e.bytes.data() + offset, len, len + simdjson::SIMDJSON_PADDING);
        simdjson::ondemand::object o;
        if (doc.get_object().get(o))
            continue;
        for (auto field : o) {
            std::string_view key = field.unescaped_key().value_unsafe();
            auto value = field.value().value_unsafe();
            if (key == "price")
                sum += double(value.get_double().value_unsafe());
            else
                sum += double(value.get_string().value_unsafe().size()); // user_id, product_id, category, event_type, ts
        }
    }
    *checksum = sum;
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

double pipelinePass(const Events &e, size_t batchRows, size_t *windowRows)
{
    const core::Schema schema = declaredSchema();
    JsonDecoder decoder(schema);
    Filter filter(QStringLiteral("event_type = 'view'"), schema);
    const QJsonObject config = QJsonDocument::fromJson(R"j({"window": {"kind": "tumbling", "size": "1m"},
        "groupBy": ["product_id"], "aggregates": [{"name": "views", "fn": "count"},
        {"name": "revenue", "fn": "sum", "expr": "price"}]})j").object();
    core::Schema out;
    out.fields = {{QStringLiteral("window_start"), core::DataType::Timestamp},
                  {QStringLiteral("window_end"), core::DataType::Timestamp},
                  {QStringLiteral("product_id"), core::DataType::String},
                  {QStringLiteral("views"), core::DataType::Int},
                  {QStringLiteral("revenue"), core::DataType::Double}};
    WindowAggregate window(config, schema, out);
    Discard discard;
    int64_t watermark = 0, maxEventTime = 0;
    std::string reason;
    size_t dead = 0;
    const auto t0 = Clock::now();
    for (size_t begin = 0; begin < e.spans.size(); begin += batchRows) {
        const size_t end = std::min(e.spans.size(), begin + batchRows);
        Batch batch = Batch::empty(schema);
        for (auto &c : batch.columns)
            c.reserve(end - begin);
        StringArena &arena = batch.arena();
        for (size_t i = begin; i < end; ++i) {
            const auto &[offset, len] = e.spans[i];
            if (decoder.decode(std::string_view(e.bytes.data() + offset, len), batch, arena, reason))
                ++batch.rows;
            else
                ++dead;
        }
        const Column &ts = batch.columns[5];
        for (size_t r = 0; r < batch.rows; ++r)
            maxEventTime = std::max(maxEventTime, ts.ints[r]);
        Collect filtered;
        filter.process(0, batch, watermark, filtered);
        for (auto &b : filtered.batches)
            window.process(0, b, watermark, discard);
        window.endOfBatch(watermark, discard);
        watermark = std::max(watermark, maxEventTime - 10'000); // used by the next batch
    }
    window.endOfBatch(kWatermarkEnd, discard);
    *windowRows = discard.rows;
    if (dead)
        std::fprintf(stderr, "unexpected dead letters: %zu (%s)\n", dead, reason.c_str());
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    size_t events = 10'000'000, batchRows = 10'000;
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--events")
            events = args[i + 1].toULongLong();
        if (args[i] == u"--batch")
            batchRows = args[i + 1].toULongLong();
    }
    std::printf("generating %zu events...\n", events);
    const Events e = makeEvents(events);
    std::printf("%.1f MB, %.0f bytes per event\n", double(e.bytes.size()) / 1e6, double(e.bytes.size()) / double(events));
    double checksum = 0;
    size_t windowRows = 0;
    // Best of three passes each, interleaved, to see through frequency and load noise.
    double bare = 1e300, ours = 1e300;
    for (int pass = 0; pass < 3; ++pass) {
        bare = std::min(bare, barePass(e, &checksum));
        ours = std::min(ours, pipelinePass(e, batchRows, &windowRows));
    }
    const double bareRate = double(events) / bare, ourRate = double(events) / ours;
    std::printf("bare simdjson parse loop:                %12.0f events/s  (checksum %.0f)\n", bareRate, checksum);
    std::printf("decode->filter->window count,sum->discard %11.0f events/s  (%zu window rows, batches of %zu)\n",
                ourRate, windowRows, batchRows);
    std::printf("pipeline / bare loop: %.0f %% (best of 3 passes each; target 60 %%)\n", 100.0 * ourRate / bareRate);
    return 0;
}
