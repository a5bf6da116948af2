// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/Batch.h"

#include <QString>

#include <cstdint>
#include <random>

namespace sw::runtime {

// The e-commerce events of the examples, generated deterministically: the same
// seed and start time give the same events. `user-events` (user_id, product_id,
// category, event_type view/click/add_to_cart, price, ts) and `purchase-events`
// (order_id, user_id, product_id, amount, ts), and `orders` (order_id, user_id,
// lines: an array of {product_id, category, price, quantity}, total, ts): the
// nested JSON of a shop's order, for explode. Products are p-0001..p-0200 as in
// resources/examples/data/products.csv. Event time advances 1000/rate ms per
// event; most events arrive up to 2 s out of order, `lateFraction` of them
// 30 to 120 s late.
class DemoEvents
{
public:
    DemoEvents(const QString &stream, uint64_t seed, int64_t startMs, double rate, double lateFraction);

    static core::Schema schema(const QString &stream);
    const core::Schema &schema() const { return m_schema; }
    // Appends the next event to `batch` (whose schema is schema()); returns its key.
    std::string_view next(Batch &batch);
    // A purchase stream only: the next purchase, by `userId` of product number
    // `product` (a click that converted).
    void nextPurchaseOf(Batch &batch, std::string_view userId, int product);
    // The product number of "p-0042", or 0.
    static int productNumber(std::string_view productId);
    // The event time the next event is generated for (before disorder).
    int64_t clock() const { return m_clock; }
    uint64_t produced() const { return m_count; }

private:
    enum class Kind { UserEvents, Purchases, Orders };
    Kind m_kind;
    void nextOrder(Batch &batch, std::string_view userId, int64_t ts);
    std::string m_lines; // an order's lines, as JSON
    core::Schema m_schema;
    std::mt19937_64 m_rng;
    int64_t m_start;
    int64_t m_clock;
    double m_stepMs;
    double m_lateFraction;
    uint64_t m_count = 0;
    char m_buffers[3][24];
};

} // namespace sw::runtime
