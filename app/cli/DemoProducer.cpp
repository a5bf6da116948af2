// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoProducer.h"

#include "batch/RowJson.h"
#include "sources/DemoEvents.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QThread>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

#include <librdkafka/rdkafka.h>

namespace sw::cli {

namespace {
bool produce(rd_kafka_t *rk, const char *topic, const std::string &key, const std::string &value, QString &error)
{
    for (;;) {
        const auto err = rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                           RD_KAFKA_V_KEY(key.data(), key.size()),
                                           RD_KAFKA_V_VALUE(const_cast<char *>(value.data()), value.size()), RD_KAFKA_V_END);
        if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
            rd_kafka_poll(rk, 20);
            continue;
        }
        if (err)
            error = QStringLiteral("cannot produce to %1: %2").arg(QLatin1String(topic), QLatin1String(rd_kafka_err2str(err)));
        return !err;
    }
}
// A reading of one of 40 devices at four sites, nested as IoT payloads are
// ({"device": {...}, "metrics": {...}}); one in fifty has no battery figure.
std::string sensorReading(std::mt19937_64 &rng, int64_t ts, std::string &key)
{
    static const char *const sites[] = {"north", "south", "east", "west"};
    const int device = int(rng() % 40);
    const auto uniform = [&rng](double low, double high) { return low + (high - low) * double(rng() % 10000) / 10000.0; };
    char id[16];
    std::snprintf(id, sizeof id, "dev-%03d", device + 1);
    key = id;
    const double temperature = 18.0 + double(device % 7) + uniform(-1.5, 1.5);
    char battery[16] = "null";
    if (rng() % 50 != 0)
        std::snprintf(battery, sizeof battery, "%.2f", std::max(0.02, 1.0 - double(device) / 45.0 + uniform(-0.05, 0.05)));
    char json[320];
    std::snprintf(json, sizeof json,
                  R"({"device": {"id": "%s", "site": "%s"}, "metrics": {"temperature": %.2f, "humidity": %.1f, "battery": %s}, "measured_at": "%s"})",
                  id, sites[device % 4], temperature, uniform(30, 70), battery,
                  QDateTime::fromMSecsSinceEpoch(ts, QTimeZone::utc()).toString(Qt::ISODateWithMs).toUtf8().constData());
    return json;
}
} // namespace

std::pair<uint64_t, uint64_t> DemoProducer::run(const Options &o, const std::atomic<bool> &stop, QString &error)
{
    char errstr[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", o.bootstrap.toUtf8().constData(), errstr, sizeof errstr);
    rd_kafka_conf_set(conf, "linger.ms", "20", errstr, sizeof errstr);
    rd_kafka_conf_set(conf, "log_level", "3", errstr, sizeof errstr);
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    if (!rk) {
        error = QString::fromUtf8(errstr);
        return {0, 0};
    }
    const int64_t start = QDateTime::currentMSecsSinceEpoch();
    using sw::runtime::Batch;
    using sw::runtime::DemoEvents;
    using sw::runtime::RowJson;
    // One event-time line for both streams (at --rate 0 as if 1000 events/s), so a
    // purchase comes after the click it converts.
    const double eventRate = o.rate > 0 ? o.rate : 1000;
    DemoEvents users(QStringLiteral("user-events"), o.seed, start, eventRate, 0.005);
    DemoEvents purchases(QStringLiteral("purchase-events"), o.seed + 1, start, eventRate / 12.0, 0.005);
    DemoEvents orders(QStringLiteral("orders"), o.seed + 3, start, eventRate / 12.0, 0.005);
    const auto orderKeys = RowJson::keys(orders.schema());
    // Recent clicks and add-to-carts: most purchases convert one of them (a funnel).
    std::vector<std::pair<std::string, int>> interest;
    std::mt19937_64 funnel(o.seed + 2);
    std::mt19937_64 sensors(o.seed + 4);
    std::string sensorKey;
    const auto userKeys = RowJson::keys(users.schema());
    const auto purchaseKeys = RowJson::keys(purchases.schema());
    QElapsedTimer clock;
    clock.start();
    uint64_t sentUsers = 0, sentPurchases = 0;
    std::string value;
    while (!stop && (o.count == 0 || sentUsers < o.count)) {
        uint64_t due = o.rate > 0 ? uint64_t(double(clock.elapsed()) * o.rate / 1000.0) : sentUsers + 1000;
        if (o.count > 0)
            due = std::min(due, o.count);
        if (due <= sentUsers) {
            QThread::msleep(5);
            rd_kafka_poll(rk, 0);
            continue;
        }
        while (sentUsers < due && error.isEmpty()) {
            Batch b = Batch::empty(users.schema());
            const std::string key(users.next(b));
            if (b.columns[3].strings[0] != "view") {
                const std::pair<std::string, int> click{key, DemoEvents::productNumber(b.columns[1].strings[0])};
                if (interest.size() < 2000)
                    interest.push_back(click);
                else
                    interest[funnel() % interest.size()] = click;
            }
            value.clear();
            RowJson::append(value, b, 0, userKeys);
            produce(rk, "user-events", key, value, error);
            ++sentUsers;
            if (o.sensors && sentUsers % 4 == 0) {
                const std::string reading = sensorReading(sensors, users.clock(), sensorKey);
                produce(rk, "sensor-readings", sensorKey, reading, error);
            }
            if (sentUsers % 12 == 0) {
                Batch p = Batch::empty(purchases.schema());
                if (!interest.empty() && funnel() % 10 < 6) {
                    const auto &[user, product] = interest[funnel() % interest.size()];
                    purchases.nextPurchaseOf(p, user, product);
                } else {
                    purchases.next(p);
                }
                value.clear();
                RowJson::append(value, p, 0, purchaseKeys);
                produce(rk, "purchase-events", std::string(p.columns[1].strings[0]), value, error);
                ++sentPurchases;
                if (o.orders) {
                    Batch order = Batch::empty(orders.schema());
                    orders.next(order);
                    value.clear();
                    RowJson::append(value, order, 0, orderKeys);
                    produce(rk, "orders", std::string(order.columns[1].strings[0]), value, error);
                }
            }
        }
        if (!error.isEmpty())
            break;
        rd_kafka_poll(rk, 0);
    }
    if (rd_kafka_flush(rk, 30000) != RD_KAFKA_RESP_ERR_NO_ERROR && error.isEmpty())
        error = QStringLiteral("events were not acknowledged within 30 s: is Kafka at %1 reachable?").arg(o.bootstrap);
    rd_kafka_destroy(rk);
    return {sentUsers, sentPurchases};
}

} // namespace sw::cli
