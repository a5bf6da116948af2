// SPDX-License-Identifier: GPL-3.0-or-later
// A funnel end to end on the embedded broker: views -> add_to_cart -> purchase,
// each within 30 minutes, through two stream joins, checked against results
// computed by hand.
#include "broker/EmbeddedBroker.h"
#include "engine/Executor.h"
#include "format/PipelineFormat.h"

#include <QTemporaryDir>
#include <QTest>

#include <librdkafka/rdkafka.h>
#include <sqlite3.h>

using namespace sw;
using namespace sw::runtime;

namespace {
const char *kPipeline = R"j({"format": "streamwright.pipeline/1", "name": "funnel",
"connections": {"local": {"kind": "embedded"}},
"nodes": [
 {"id": "events", "type": "source.kafka", "position": [0, 0], "config": {"connection": "local", "topics": ["user-events"],
  "startingOffsets": "earliest", "schema": [{"name": "user_id", "type": "string"}, {"name": "product_id", "type": "string"},
  {"name": "event_type", "type": "string"}, {"name": "ts", "type": "timestamp"}], "eventTime": {"field": "ts"}}},
 {"id": "purchases", "type": "source.kafka", "position": [0, 0], "config": {"connection": "local", "topics": ["purchase-events"],
  "startingOffsets": "earliest", "schema": [{"name": "order_id", "type": "string"}, {"name": "user_id", "type": "string"},
  {"name": "product_id", "type": "string"}, {"name": "ts", "type": "timestamp"}], "eventTime": {"field": "ts"}}},
 {"id": "views", "type": "filter", "position": [0, 0], "config": {"predicate": "event_type = 'view'"}},
 {"id": "carts", "type": "filter", "position": [0, 0], "config": {"predicate": "event_type = 'add_to_cart'"}},
 {"id": "carted", "type": "join.stream", "position": [0, 0], "config": {"on": [["user_id", "user_id"], ["product_id", "product_id"]],
  "within": {"left": "ts", "right": "ts", "from": "0s", "to": "30m"}}},
 {"id": "bought", "type": "join.stream", "position": [0, 0], "config": {"on": [["user_id", "user_id"], ["product_id", "product_id"]],
  "within": {"left": "left_ts", "right": "ts", "from": "0s", "to": "30m"}}},
 {"id": "out", "type": "sink.sqlite", "position": [0, 0], "config": {"path": "funnel.db", "table": "funnel", "key": ["order_id"], "mode": "upsert"}}
],
"edges": [
 {"from": "events", "to": "views"}, {"from": "events", "to": "carts"},
 {"from": "views", "to": "carted", "port": "left"}, {"from": "carts", "to": "carted", "port": "right"},
 {"from": "carted", "to": "bought", "port": "left"}, {"from": "purchases", "to": "bought", "port": "right"},
 {"from": "bought", "to": "out"}
]})j";
} // namespace

class tst_Funnel : public QObject
{
    Q_OBJECT
private slots:
    void viewsCartsPurchasesWithin30Minutes();
};

void tst_Funnel::viewsCartsPurchasesWithin30Minutes()
{
    std::string error;
    auto broker = EmbeddedBroker::start(1, error);
    QVERIFY(broker);
    QVERIFY(broker->createTopic(QStringLiteral("user-events"), 1, error));
    QVERIFY(broker->createTopic(QStringLiteral("purchase-events"), 1, error));
    char err[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", broker->bootstrap().toUtf8().constData(), err, sizeof err);
    rd_kafka_t *producer = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    auto send = [&](const char *topic, const QString &json) {
        const QByteArray v = json.toUtf8();
        rd_kafka_producev(producer, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_VALUE(const_cast<char *>(v.constData()), size_t(v.size())),
                          RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
    };
    auto event = [&](const char *user, const char *product, const char *type, const char *hm) {
        send("user-events", QStringLiteral(R"({"user_id": "%1", "product_id": "%2", "event_type": "%3", "ts": "2026-11-25T%4:00Z"})")
                                .arg(QLatin1String(user), QLatin1String(product), QLatin1String(type), QLatin1String(hm)));
    };
    auto purchase = [&](const char *order, const char *user, const char *product, const char *hm) {
        send("purchase-events", QStringLiteral(R"({"order_id": "%1", "user_id": "%2", "product_id": "%3", "ts": "2026-11-25T%4:00Z"})")
                                    .arg(QLatin1String(order), QLatin1String(user), QLatin1String(product), QLatin1String(hm)));
    };
    event("u1", "p1", "view", "10:00");
    event("u1", "p1", "add_to_cart", "10:05");
    event("u2", "p2", "view", "10:00");
    event("u2", "p2", "add_to_cart", "10:40"); // carted too late
    event("u3", "p3", "view", "10:10");
    event("u3", "p3", "add_to_cart", "10:12");
    event("u4", "p4", "view", "10:01");
    event("u4", "p4", "add_to_cart", "10:02");
    purchase("o1", "u1", "p1", "10:20");       // within 30 minutes of the view: counts
    purchase("o2", "u2", "p2", "10:45");       // never carted in time
    purchase("o3", "u3", "p3", "10:50");       // 40 minutes after the view
    purchase("o4", "u1", "p1", "10:35");       // 35 minutes after the view
    purchase("o5", "u4", "p4", "10:29");       // counts
    rd_kafka_flush(producer, 5000);
    rd_kafka_destroy(producer);

    QTemporaryDir dir;
    auto loaded = core::PipelineFormat::load(kPipeline, dir.filePath(QStringLiteral("funnel.json")));
    QVERIFY(loaded.pipeline);
    RunOptions options;
    options.connectionBootstraps.insert(QStringLiteral("local"), broker->bootstrap());
    options.untilIdleSeconds = 1;
    {
        Executor executor(*loaded.pipeline, options);
        QString message;
        QVERIFY2(executor.open(message), qPrintable(message));
        Executor::Step step;
        while ((step = executor.step()) != Executor::Step::Finished)
            QVERIFY2(step != Executor::Step::Failed, qPrintable(executor.error()));
    }
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(dir.filePath(QStringLiteral("funnel.db")).toUtf8().constData(), &db), SQLITE_OK);
    sqlite3_stmt *stmt = nullptr;
    QCOMPARE(sqlite3_prepare_v2(db, "SELECT order_id, user_id, left_ts, right_ts, ts FROM funnel ORDER BY order_id", -1, &stmt, nullptr),
             SQLITE_OK);
    QStringList rows;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        QStringList cells;
        for (int i = 0; i < 5; ++i)
            cells << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, i))).mid(i < 2 ? 0 : 11, i < 2 ? -1 : 5);
        rows << cells.join(u' ');
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    // order, user, viewed, carted, bought
    QCOMPARE(rows, (QStringList{QStringLiteral("o1 u1 10:00 10:05 10:20"), QStringLiteral("o5 u4 10:01 10:02 10:29")}));
}

QTEST_GUILESS_MAIN(tst_Funnel)
#include "tst_funnel.moc"
