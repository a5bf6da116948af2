// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/NodeCatalog.h"
#include "settings/NodeSettings.h"

#include <QJsonDocument>
#include <QTest>

using namespace sw::core;

namespace {
QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(text, &error).object();
    Q_ASSERT(error.error == QJsonParseError::NoError);
    return o;
}
QJsonValue catalogDefault(const char *type, const char *key)
{
    return NodeCatalog::instance().find(QLatin1String(type))->setting(QLatin1String(key))->defaultValue;
}
} // namespace

// The typed settings every consumer shares: defaults come from the catalog, so a
// changed default changes the validator, the runtime and the checkpoint check
// alike; values are read as written.
class tst_NodeSettings : public QObject
{
    Q_OBJECT
private slots:
    void defaultsAreTheCatalogs();
    void windowAggregate();
    void streamAndLookupJoins();
    void wrongKindsReadAsAbsent();
};

void tst_NodeSettings::defaultsAreTheCatalogs()
{
    const auto kafka = KafkaSourceSettings::parse({});
    QCOMPARE(kafka.startingOffsets, catalogDefault("source.kafka", "startingOffsets").toString());
    QCOMPARE(kafka.maxRecordBytes, int64_t(catalogDefault("source.kafka", "maxRecordBytes").toDouble()));
    QVERIFY(!kafka.eventTime.declared);
    QCOMPARE(kafka.eventTime.watermarkDelayMs, 0);
    QCOMPARE(kafka.eventTime.maxAheadMs, std::optional<int64_t>(86'400'000)); // "1d"

    const auto generator = GeneratorSettings::parse({});
    QCOMPARE(generator.stream, catalogDefault("source.generator", "stream").toString());
    QCOMPARE(generator.rate, catalogDefault("source.generator", "rate").toDouble());
    QCOMPARE(generator.seed, int64_t(catalogDefault("source.generator", "seed").toDouble()));
    QCOMPARE(generator.lateFraction, catalogDefault("source.generator", "lateFraction").toDouble());

    QCOMPARE(MapSettings::parse({}).keepInput, catalogDefault("map", "keepInput").toBool());
    QCOMPARE(WindowAggregateSettings::parse({}).outputMode, OutputMode::Append);
    QCOMPARE(StreamJoinSettings::parse({}).joinType, JoinType::Inner);
    QCOMPARE(LookupJoinSettings::parse({}).inner, catalogDefault("join.lookup", "joinType").toString() == u"inner");
    QCOMPARE(PreviewSinkSettings::parse({}).rows, catalogDefault("sink.preview", "rows").toInt());
    QCOMPARE(KafkaSinkSettings::parse({}).compression, catalogDefault("sink.kafka", "compression").toString());
    QCOMPARE(FileSinkSettings::parse({}).format, catalogDefault("sink.file", "format").toString());
    QVERIFY(!SqliteSinkSettings::parse({}).upsert);

    // eventTime: null maxAhead switches the guard off; a nested default fills in.
    const auto noGuard = KafkaSourceSettings::parse(json(R"({"eventTime": {"field": "ts", "maxAhead": null}})"));
    QVERIFY(noGuard.eventTime.declared);
    QCOMPARE(noGuard.eventTime.field, QStringLiteral("ts"));
    QVERIFY(!noGuard.eventTime.maxAheadMs);
    const auto delayed = GeneratorSettings::parse(json(R"({"eventTime": {"watermarkDelay": "1.5m"}})"));
    QCOMPARE(delayed.eventTime.watermarkDelayMs, 90'000);
    QCOMPARE(delayed.eventTime.maxAheadMs, std::optional<int64_t>(86'400'000));
}

void tst_NodeSettings::windowAggregate()
{
    const auto sliding = WindowAggregateSettings::parse(json(R"({"window": {"kind": "sliding", "size": "10m", "slide": "1m"},
        "groupBy": ["product_id", "region"], "outputMode": "update",
        "aggregates": [{"name": "n", "fn": "count"}, {"name": "revenue", "fn": "sum", "expr": "price * qty"},
                       {"name": "odd", "fn": "median", "expr": "x"}]})"));
    QCOMPARE(sliding.window.kind, std::optional(WindowKind::Sliding));
    QCOMPARE(sliding.size(), 600'000);
    QCOMPARE(sliding.slide(), 60'000);
    QVERIFY(sliding.window.hasSlide && !sliding.window.hasGap);
    QCOMPARE(sliding.groupBy, (QStringList{QStringLiteral("product_id"), QStringLiteral("region")}));
    QCOMPARE(sliding.outputMode, OutputMode::Update);
    QCOMPARE(sliding.aggregates.size(), size_t(3));
    QCOMPARE(sliding.aggregates[0].fn, std::optional(AggregateFunction::Count));
    QVERIFY(sliding.aggregates[0].expr.isEmpty());
    QCOMPARE(sliding.aggregates[1].expr, QStringLiteral("price * qty"));
    QVERIFY(!sliding.aggregates[2].fn); // not a function: the validator names it by its index
    QCOMPARE(sliding.aggregates[2].fnName, QStringLiteral("median"));

    // A tumbling window slides by its size, whatever else is written.
    const auto tumbling = WindowAggregateSettings::parse(json(R"({"window": {"kind": "tumbling", "size": "1h", "slide": "1m"}})"));
    QCOMPARE(tumbling.slide(), 3'600'000);
    for (const auto fn : {AggregateFunction::Count, AggregateFunction::Sum, AggregateFunction::Min, AggregateFunction::Max,
                          AggregateFunction::Avg, AggregateFunction::CountDistinct, AggregateFunction::First,
                          AggregateFunction::Last})
        QCOMPARE(parseAggregateFunction(aggregateFunctionName(fn)), std::optional(fn));
}

void tst_NodeSettings::streamAndLookupJoins()
{
    const auto join = StreamJoinSettings::parse(json(R"({"joinType": "full", "on": [["user_id", "uid"], ["sku", "sku"]],
        "within": {"left": "view_ts", "right": "buy_ts", "from": "-5m", "to": "30m"}})"));
    QCOMPARE(join.joinType, JoinType::Full);
    QVERIFY(join.keepsLeft() && join.keepsRight());
    QCOMPARE(join.on, (std::vector<FieldPair>{{QStringLiteral("user_id"), QStringLiteral("uid")},
                                              {QStringLiteral("sku"), QStringLiteral("sku")}}));
    QCOMPARE(join.fromMs, std::optional<int64_t>(-300'000));
    QCOMPARE(join.toMs, std::optional<int64_t>(1'800'000));
    QCOMPARE(join.leftTime, QStringLiteral("view_ts"));

    const auto lookup = LookupJoinSettings::parse(json(R"({"on": [["product_id", "id"]],
        "table": {"kind": "sqlite", "path": "products.db", "table": "products"},
        "schema": [{"name": "id", "type": "string"}, {"name": "price", "type": "double"},
                   {"name": "id", "type": "int"}, {"name": "bad", "type": "decimal"}]})"));
    QVERIFY(!lookup.inner);
    QCOMPARE(lookup.table.kind, QStringLiteral("sqlite"));
    QCOMPARE(lookup.table.path, QStringLiteral("products.db"));
    QCOMPARE(lookup.schema.names(), (QStringList{QStringLiteral("id"), QStringLiteral("price")}));
    QCOMPARE(lookup.schema.fields[0].type, DataType::String);
}

void tst_NodeSettings::wrongKindsReadAsAbsent()
{
    // The validator reports these with their paths; parsing must neither crash nor
    // invent values.
    const auto w = WindowAggregateSettings::parse(json(R"({"window": "tumbling", "groupBy": "k", "aggregates": {"a": 1}})"));
    QVERIFY(!w.window.kind);
    QCOMPARE(w.size(), 0);
    QVERIFY(w.groupBy.isEmpty());
    QVERIFY(w.aggregates.empty());
    const auto d = DedupeSettings::parse(json(R"({"key": [1, "k"], "within": 10})"));
    QCOMPARE(d.key.size(), 2);
    QVERIFY(!d.withinMs);
    const auto k = KafkaSourceSettings::parse(json(R"({"maxRecordBytes": 1e300, "eventTime": {"maxAhead": "soon"}})"));
    QCOMPARE(k.maxRecordBytes, 0);
    QVERIFY(!k.eventTime.maxAheadMs);
}

QTEST_GUILESS_MAIN(tst_NodeSettings)
#include "tst_nodesettings.moc"
