// SPDX-License-Identifier: GPL-3.0-or-later
#include "expr/ColumnarExpression.h"
#include "broker/EmbeddedBroker.h"
#include "operators/LookupJoin.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <librdkafka/rdkafka.h>
#include <sqlite3.h>

using namespace sw;
using namespace sw::runtime;
using core::DataType;

namespace {
core::Schema schema(std::initializer_list<std::pair<const char *, DataType>> fields)
{
    core::Schema s;
    for (const auto &[n, t] : fields)
        s.fields.push_back({QString::fromLatin1(n), t});
    return s;
}

const core::Schema kStream = schema({{"product_id", DataType::String}, {"qty", DataType::Int}});
const core::Schema kTable = schema({{"product_id", DataType::String}, {"name", DataType::String}, {"price", DataType::Double}});
const core::Schema kOut = schema({{"product_id", DataType::String}, {"qty", DataType::Int}, {"name", DataType::String},
                                  {"price", DataType::Double}});

Batch orders()
{
    Batch b = Batch::empty(kStream);
    b.columns[0].appendString(b.arena().copy("p1"));
    b.columns[1].appendInt(2);
    b.columns[0].appendString(b.arena().copy("p9"));
    b.columns[1].appendInt(1);
    b.columns[0].appendNull();
    b.columns[1].appendInt(5);
    b.rows = 3;
    return b;
}

class Rows : public Emitter
{
public:
    QStringList rows;
    void push(int, Batch &&b) override
    {
        for (size_t r = 0; r < b.rows; ++r) {
            QStringList cells;
            for (const auto &c : b.columns)
                cells << cellValue(c, r).toSql();
            rows << cells.join(QStringLiteral(", "));
        }
    }
};

QJsonObject config(const char *kind, const char *joinType, const char *table = "")
{
    return QJsonDocument::fromJson(QStringLiteral(R"({"joinType": "%1", "on": [["product_id", "product_id"]],
        "table": {"kind": "%2", "table": "%3"}})").arg(QLatin1String(joinType), QLatin1String(kind), QLatin1String(table)).toUtf8()).object();
}

void write(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}
} // namespace

class tst_LookupJoin : public QObject
{
    Q_OBJECT
private slots:
    void csvLeftAndInner();
    void reloadsWhenTheFileChanges();
    void sqliteAndJsonLines();
    void compactedTopic();
};

void tst_LookupJoin::csvLeftAndInner()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("products.csv"));
    write(path, "price,product_id,name\r\n2.5,p1,\"Lamp, small\"\r\n3,p2,Kettle\r\n9.75,p1,\"Lamp \"\"XL\"\"\"\r\n");
    LookupJoin left(core::LookupJoinSettings::parse(config("csv", "left")), path, kStream, kTable, kOut);
    OperatorContext leftContext;
    std::string leftError;
    left.open(leftContext, leftError);
    QCOMPARE(QString::fromStdString(leftError), QString());
    Rows out;
    left.process(0, orders(), 0, out);
    QCOMPARE(out.rows, (QStringList{QStringLiteral("'p1', 2, 'Lamp \"XL\"', 9.75"), // the latest row of a key wins
                                    QStringLiteral("'p9', 1, NULL, NULL"), QStringLiteral("NULL, 5, NULL, NULL")}));
    QCOMPARE(left.counters().lookupMisses, 2);
    QCOMPARE(left.stateRows(), 3);
    LookupJoin inner(core::LookupJoinSettings::parse(config("csv", "inner")), path, kStream, kTable, kOut);
    OperatorContext innerContext;
    std::string innerError;
    inner.open(innerContext, innerError);
    Rows innerOut;
    inner.process(0, orders(), 0, innerOut);
    QCOMPARE(innerOut.rows, QStringList{QStringLiteral("'p1', 2, 'Lamp \"XL\"', 9.75")});
}

void tst_LookupJoin::reloadsWhenTheFileChanges()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("products.csv"));
    write(path, "product_id,name,price\np1,Lamp,2.5\n");
    LookupJoin join(core::LookupJoinSettings::parse(config("csv", "inner")), path, kStream, kTable, kOut);
    OperatorContext joinContext;
    std::string joinError;
    join.open(joinContext, joinError);
    Rows out;
    join.process(0, orders(), 0, out);
    QCOMPARE(out.rows, QStringList{QStringLiteral("'p1', 2, 'Lamp', 2.5")});
    write(path, "product_id,name,price\np1,Desk lamp,4\np9,Chair,40\n");
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.setFileTime(QDateTime::currentDateTime().addSecs(5), QFileDevice::FileModificationTime));
    f.close();
    out.rows.clear();
    join.process(0, orders(), 0, out);
    QCOMPARE(out.rows, (QStringList{QStringLiteral("'p1', 2, 'Desk lamp', 4.0"), QStringLiteral("'p9', 1, 'Chair', 40.0")}));
    // A broken edit keeps the rows we had.
    write(path, "product_id,name,price\np1,Desk lamp,not a number\n");
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.setFileTime(QDateTime::currentDateTime().addSecs(10), QFileDevice::FileModificationTime));
    f.close();
    out.rows.clear();
    join.process(0, orders(), 0, out);
    QCOMPARE(out.rows.size(), 2);
}

void tst_LookupJoin::sqliteAndJsonLines()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("p.db"));
    sqlite3 *h = nullptr;
    sqlite3_open(db.toUtf8().constData(), &h);
    sqlite3_exec(h, "CREATE TABLE products (product_id TEXT, name TEXT, price REAL); INSERT INTO products VALUES ('p1', 'Lamp', 2.5)",
                 nullptr, nullptr, nullptr);
    sqlite3_close(h);
    LookupJoin fromSqlite(core::LookupJoinSettings::parse(config("sqlite", "inner", "products")), db, kStream, kTable, kOut);
    OperatorContext fromSqliteContext;
    std::string fromSqliteError;
    fromSqlite.open(fromSqliteContext, fromSqliteError);
    QCOMPARE(QString::fromStdString(fromSqliteError), QString());
    Rows a;
    fromSqlite.process(0, orders(), 0, a);
    QCOMPARE(a.rows, QStringList{QStringLiteral("'p1', 2, 'Lamp', 2.5")});

    const QString jsonl = dir.filePath(QStringLiteral("p.jsonl"));
    write(jsonl, "{\"product_id\": \"p1\", \"name\": \"Lamp\", \"price\": 2.5}\n\n{\"product_id\": \"p9\", \"name\": null}\n");
    LookupJoin fromJsonl(core::LookupJoinSettings::parse(config("jsonl", "left")), jsonl, kStream, kTable, kOut);
    OperatorContext fromJsonlContext;
    std::string fromJsonlError;
    fromJsonl.open(fromJsonlContext, fromJsonlError);
    Rows b;
    fromJsonl.process(0, orders(), 0, b);
    QCOMPARE(b.rows, (QStringList{QStringLiteral("'p1', 2, 'Lamp', 2.5"), QStringLiteral("'p9', 1, NULL, NULL"),
                                  QStringLiteral("NULL, 5, NULL, NULL")}));
    QCOMPARE(fromJsonl.counters().lookupMisses, 1);

    LookupJoin missing(core::LookupJoinSettings::parse(config("csv", "left")), dir.filePath(QStringLiteral("none.csv")), kStream, kTable, kOut);
    OperatorContext missingContext;
    std::string missingError;
    missing.open(missingContext, missingError);
    QVERIFY(!missingError.empty());
}

void tst_LookupJoin::compactedTopic()
{
    std::string error;
    auto broker = EmbeddedBroker::start(1, error);
    QVERIFY(broker);
    QVERIFY(broker->createTopic(QStringLiteral("products"), 1, error));
    char err[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", broker->bootstrap().toUtf8().constData(), err, sizeof err);
    rd_kafka_t *producer = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    auto send = [&](const char *key, const char *value) {
        rd_kafka_producev(producer, RD_KAFKA_V_TOPIC("products"), RD_KAFKA_V_KEY(const_cast<char *>(key), strlen(key)),
                          RD_KAFKA_V_VALUE(const_cast<char *>(value), value ? strlen(value) : 0),
                          RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
        rd_kafka_flush(producer, 5000);
    };
    send("p1", R"({"product_id": "p1", "name": "Lamp", "price": 2.5})");
    send("p2", R"({"product_id": "p2", "name": "Kettle", "price": 3})");
    send("p1", R"({"product_id": "p1", "name": "Desk lamp", "price": 4})"); // compaction keeps the latest

    KafkaEndpoint endpoint{QStringLiteral("local"), broker->bootstrap(), true, {}};
    LookupJoin join(core::LookupJoinSettings::parse(QJsonDocument::fromJson(R"({"joinType": "left", "on": [["product_id", "product_id"]],
        "table": {"kind": "kafka", "connection": "local", "topic": "products"}})").object()),
                    endpoint, kStream, kTable, kOut);
    OperatorContext joinContext;
    std::string joinError;
    join.open(joinContext, joinError);
    QCOMPARE(QString::fromStdString(joinError), QString());
    Rows out;
    join.process(0, orders(), 0, out); // the table is complete before the first batch
    QCOMPARE(out.rows.first(), QStringLiteral("'p1', 2, 'Desk lamp', 4.0"));
    QCOMPARE(out.rows.at(1), QStringLiteral("'p9', 1, NULL, NULL"));

    send("p9", R"({"product_id": "p9", "name": "Chair", "price": 40})"); // a new key
    send("p1", nullptr);                                                 // a tombstone
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
        out.rows.clear();
        join.process(0, orders(), 0, out);
        return out.rows.value(1) == QStringLiteral("'p9', 1, 'Chair', 40.0")
               && out.rows.value(0) == QStringLiteral("'p1', 2, NULL, NULL");
    }()), 10000);
    rd_kafka_destroy(producer);
}

QTEST_GUILESS_MAIN(tst_LookupJoin)
#include "tst_lookupjoin.moc"
