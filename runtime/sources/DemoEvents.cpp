// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/DemoEvents.h"

#include "batch/RowJson.h"
#include "validation/SchemaInference.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace sw::runtime {

namespace {
const char *const kCategories[] = {"electronics", "books", "home", "garden", "toys", "sports", "beauty", "grocery"};
constexpr int kProducts = 200;
constexpr int kUsers = 5000;

// A stable list price per product (cents), independent of the seed.
int64_t listPriceCents(int product)
{
    uint64_t h = uint64_t(product) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
    return 400 + int64_t(h % 39600);
}
} // namespace

DemoEvents::DemoEvents(const QString &stream, uint64_t seed, int64_t startMs, double rate, double lateFraction)
    : m_kind(stream == u"purchase-events" ? Kind::Purchases : stream == u"orders" ? Kind::Orders : Kind::UserEvents),
      m_schema(schema(stream)), m_rng(seed), m_start(startMs),
      m_clock(startMs), m_stepMs(rate > 0 ? 1000.0 / rate : 1.0), m_lateFraction(lateFraction)
{
}

core::Schema DemoEvents::schema(const QString &stream)
{
    return core::SchemaInference::generatorSchema(stream);
}

std::string_view DemoEvents::next(Batch &batch)
{
    ++m_count;
    m_clock = m_start + int64_t(double(m_count) * m_stepMs);
    // Popular products and users come up more often (a skewed choice).
    const auto skewed = [this](int n) {
        std::uniform_real_distribution<double> u(0, 1);
        const double x = u(m_rng);
        return 1 + int(double(n) * x * x);
    };
    const int product = std::min(kProducts, skewed(kProducts));
    const int user = std::min(kUsers, skewed(kUsers));
    std::uniform_real_distribution<double> u(0, 1);
    int64_t ts = m_clock - int64_t(u(m_rng) * 2000);
    if (u(m_rng) < m_lateFraction)
        ts = m_clock - 30'000 - int64_t(u(m_rng) * 90'000);
    StringArena &arena = batch.arena();
    std::snprintf(m_buffers[0], sizeof m_buffers[0], "u-%05d", user);
    std::snprintf(m_buffers[1], sizeof m_buffers[1], "p-%04d", product);
    const std::string_view userId = arena.copy(m_buffers[0]);
    const std::string_view productId = arena.copy(m_buffers[1]);
    const double price = double(listPriceCents(product)) / 100.0;
    auto &c = batch.columns;
    if (m_kind == Kind::Orders) {
        nextOrder(batch, userId, ts);
        return userId;
    }
    if (m_kind == Kind::Purchases) {
        std::snprintf(m_buffers[2], sizeof m_buffers[2], "o-%09llu", (unsigned long long)m_count);
        const int quantity = 1 + int(u(m_rng) * u(m_rng) * 4);
        c[0].appendString(arena.copy(m_buffers[2]));
        c[1].appendString(userId);
        c[2].appendString(productId);
        c[3].appendDouble(double(int64_t(price * quantity * 100 + 0.5)) / 100.0);
        c[4].appendInt(ts);
    } else {
        const double r = u(m_rng);
        const char *type = r < 0.7 ? "view" : r < 0.9 ? "click" : "add_to_cart";
        c[0].appendString(userId);
        c[1].appendString(productId);
        c[2].appendString(kCategories[(product - 1) % 8]);
        c[3].appendString(type);
        c[4].appendDouble(price);
        c[5].appendInt(ts);
    }
    ++batch.rows;
    return userId;
}

// One to four lines of skewed products, each with its category, list price and a
// quantity of 1 to 3; the total is their sum.
void DemoEvents::nextOrder(Batch &batch, std::string_view userId, int64_t ts)
{
    std::uniform_real_distribution<double> u(0, 1);
    const int lineCount = 1 + int(u(m_rng) * u(m_rng) * 4);
    m_lines.assign(1, '[');
    int64_t totalCents = 0;
    for (int l = 0; l < lineCount; ++l) {
        const double x = u(m_rng);
        const int product = std::min(kProducts, 1 + int(double(kProducts) * x * x));
        const int quantity = 1 + int(u(m_rng) * u(m_rng) * 3);
        const int64_t cents = listPriceCents(product);
        totalCents += cents * quantity;
        char id[16];
        std::snprintf(id, sizeof id, "p-%04d", product);
        if (l > 0)
            m_lines.push_back(',');
        m_lines += "{\"product_id\":";
        RowJson::appendString(m_lines, id);
        m_lines += ",\"category\":";
        RowJson::appendString(m_lines, kCategories[(product - 1) % 8]);
        m_lines += ",\"price\":";
        RowJson::appendDouble(m_lines, double(cents) / 100.0);
        m_lines += ",\"quantity\":" + std::to_string(quantity) + "}";
    }
    m_lines.push_back(']');
    StringArena &arena = batch.arena();
    std::snprintf(m_buffers[2], sizeof m_buffers[2], "o-%09llu", (unsigned long long)m_count);
    auto &c = batch.columns;
    c[0].appendString(arena.copy(m_buffers[2]));
    c[1].appendString(userId);
    c[2].appendString(arena.copy(m_lines));
    c[3].appendDouble(double(totalCents) / 100.0);
    c[4].appendInt(ts);
    ++batch.rows;
}

void DemoEvents::nextPurchaseOf(Batch &batch, std::string_view userId, int product)
{
    ++m_count;
    m_clock = m_start + int64_t(double(m_count) * m_stepMs);
    std::uniform_real_distribution<double> u(0, 1);
    const int64_t ts = m_clock - int64_t(u(m_rng) * 2000);
    StringArena &arena = batch.arena();
    std::snprintf(m_buffers[1], sizeof m_buffers[1], "p-%04d", product);
    std::snprintf(m_buffers[2], sizeof m_buffers[2], "o-%09llu", (unsigned long long)m_count);
    const int quantity = 1 + int(u(m_rng) * u(m_rng) * 4);
    const double price = double(listPriceCents(product)) / 100.0;
    auto &c = batch.columns;
    c[0].appendString(arena.copy(m_buffers[2]));
    c[1].appendString(arena.copy(userId));
    c[2].appendString(arena.copy(m_buffers[1]));
    c[3].appendDouble(double(int64_t(price * quantity * 100 + 0.5)) / 100.0);
    c[4].appendInt(ts);
    ++batch.rows;
}

int DemoEvents::productNumber(std::string_view productId)
{
    return productId.size() == 6 && productId.substr(0, 2) == "p-" ? std::atoi(std::string(productId.substr(2)).c_str()) : 0;
}

} // namespace sw::runtime
