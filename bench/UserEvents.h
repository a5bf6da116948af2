// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The benchmarks' workload: user-events as the demo generator writes them (about
// 130 bytes each, 2 ms apart, up to 5 s out of order), their schema, and the
// per-minute view count and revenue by product that the pipeline computes, and
// what a bare simdjson loop extracts from each event.
#include "model/Schema.h"
#include "operators/WindowAggregate.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <memory>
#include <random>
#include <string_view>

namespace sw::bench {

// Writes events 0, 1, 2, ... in turn, the same sequence on every run.
class UserEventWriter
{
public:
    std::string_view next()
    {
        static const char *categories[] = {"books", "electronics", "home", "garden", "toys", "sports", "beauty", "grocery"};
        static const char *types[] = {"view", "view", "view", "view", "click", "click", "add_to_cart"};
        const int64_t start = 1795600800000; // 2026-11-25T10:00:00Z
        const int64_t ts = start + int64_t(m_count++) * 2 - int64_t(m_rng() % 5000);
        const int64_t secondOfDay = ts / 1000 % 86400;
        const int len = std::snprintf(
            m_buffer, sizeof m_buffer,
            "{\"user_id\":\"u-%05d\",\"product_id\":\"p-%04d\",\"category\":\"%s\","
            "\"event_type\":\"%s\",\"price\":%d.%02d,\"ts\":\"2026-11-25T%02d:%02d:%02d.%03dZ\"}",
            int(m_rng() % 50000), int(m_rng() % 2000), categories[m_rng() % 8], types[m_rng() % 7], int(m_rng() % 400),
            int(m_rng() % 100), int(secondOfDay / 3600), int(secondOfDay / 60 % 60), int(secondOfDay % 60),
            int(ts % 1000));
        return {m_buffer, size_t(len)};
    }

private:
    std::mt19937_64 m_rng{42};
    size_t m_count = 0;
    char m_buffer[256];
};

inline core::Schema userEventSchema()
{
    core::Schema s;
    using core::DataType;
    s.fields = {{QStringLiteral("user_id"), DataType::String},  {QStringLiteral("product_id"), DataType::String},
                {QStringLiteral("category"), DataType::String}, {QStringLiteral("event_type"), DataType::String},
                {QStringLiteral("price"), DataType::Double},    {QStringLiteral("ts"), DataType::Timestamp}};
    s.eventTimeField = QStringLiteral("ts");
    return s;
}

inline const QString kViewsOnly = QStringLiteral("event_type = 'view'");

// A tumbling minute of count and sum(price) by product_id.
inline std::unique_ptr<runtime::WindowAggregate> perMinuteWindow()
{
    const QJsonObject config = QJsonDocument::fromJson(R"j({"window": {"kind": "tumbling", "size": "1m"},
        "groupBy": ["product_id"], "aggregates": [{"name": "views", "fn": "count"},
        {"name": "revenue", "fn": "sum", "expr": "price"}]})j").object();
    core::Schema out;
    out.fields = {{QStringLiteral("window_start"), core::DataType::Timestamp},
                  {QStringLiteral("window_end"), core::DataType::Timestamp},
                  {QStringLiteral("product_id"), core::DataType::String},
                  {QStringLiteral("views"), core::DataType::Int},
                  {QStringLiteral("revenue"), core::DataType::Double}};
    return std::make_unique<runtime::WindowAggregate>(core::WindowAggregateSettings::parse(config), userEventSchema(), out);
}

// The fields every bare simdjson loop extracts from one document, the same the
// pipeline reads; the sum only keeps the compiler from dropping the work.
template <typename Object>
double extractFields(Object &o)
{
    double sum = 0;
    for (auto field : o) {
        std::string_view key = field.unescaped_key().value_unsafe();
        auto value = field.value().value_unsafe();
        if (key == "price")
            sum += double(value.get_double().value_unsafe());
        else
            sum += double(value.get_string().value_unsafe().size()); // user_id, product_id, category, event_type, ts
    }
    return sum;
}

} // namespace sw::bench
