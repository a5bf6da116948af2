// SPDX-License-Identifier: GPL-3.0-or-later
// explode, posexplode and explode_outer (Spark's), on schemas the validator derives.
#include "expr/ColumnarExpression.h"
#include "format/PipelineFormat.h"
#include "operators/Explode.h"
#include "validation/PipelineValidator.h"

#include <QTest>

using namespace sw;
using namespace sw::runtime;
using core::DataType;

namespace {

// The orders source: id, tags array<string>, lines array<object>{sku, qty, at}, ts.
QByteArray pipeline(const QString &explodeConfig)
{
    return QStringLiteral(R"j({"format": "streamwright.pipeline/1", "name": "orders",
 "connections": {"local": {"kind": "embedded"}},
 "nodes": [
  {"id": "orders", "type": "source.kafka", "position": [0, 0], "config": {"connection": "local", "topics": ["orders"],
   "schema": [{"name": "id", "type": "string"}, {"name": "tags", "type": "array<string>"},
              {"name": "lines", "type": "array<object>", "fields": [{"name": "sku", "type": "string"},
               {"name": "qty", "type": "int"}, {"name": "at", "type": "timestamp"}]},
              {"name": "ts", "type": "timestamp"}],
   "eventTime": {"field": "ts"}}},
  {"id": "each", "type": "explode", "position": [0, 0], "config": %1},
  {"id": "out", "type": "sink.preview", "position": [0, 0], "config": {}}
 ],
 "edges": [{"from": "orders", "to": "each"}, {"from": "each", "to": "out"}]})j")
        .arg(explodeConfig)
        .toUtf8();
}

struct Built
{
    core::ValidationResult validation;
    std::unique_ptr<Explode> op;
    core::Schema input, output;
};

Built build(const char *explodeConfig)
{
    Built b;
    const auto loaded = core::PipelineFormat::load(pipeline(QString::fromUtf8(explodeConfig)));
    if (!loaded.pipeline)
        qFatal("the test pipeline does not load");
    b.validation = core::PipelineValidator::validate(*loaded.pipeline);
    if (!b.validation.ok())
        return b;
    const auto &schemas = b.validation.schemas.value(QStringLiteral("each"));
    b.input = schemas.inputs.at(QStringLiteral("in"));
    b.output = schemas.outputs.at(QStringLiteral("out"));
    const QJsonObject config = loaded.pipeline->nodes[1].config;
    b.op = std::make_unique<Explode>(core::ExplodeSettings::parse(config), b.input, b.output);
    return b;
}

// Rows o1 (two tags, two lines), o2 (empty arrays), o3 (NULL arrays), o4 (one of each).
Batch orders(const core::Schema &schema)
{
    Batch b = Batch::empty(schema);
    auto add = [&](const char *id, const char *tags, const char *lines) {
        b.columns[0].appendString(b.arena().copy(id));
        for (int c : {1, 2}) {
            const char *json = c == 1 ? tags : lines;
            if (json)
                b.columns[size_t(c)].appendString(b.arena().copy(json));
            else
                b.columns[size_t(c)].appendNull();
        }
        b.columns[3].appendInt(1795600800000);
        for (size_t c = 4; c < b.columns.size(); ++c) // the Kafka metadata columns
            b.columns[c].appendNull();
        ++b.rows;
    };
    add("o1", R"(["a","b"])", R"([{"sku":"x","qty":2,"at":null},{"sku":"y","qty":null,"at":"2026-11-25T10:00:05.000Z"}])");
    add("o2", "[]", "[]");
    add("o3", nullptr, nullptr);
    add("o4", R"(["c"])", R"([{"sku":"z","qty":1,"at":null}])");
    return b;
}

class Rows : public Emitter
{
public:
    QStringList rows;
    QStringList shown; // columns, in this order
    void push(int, Batch &&b) override
    {
        for (size_t r = 0; r < b.rows; ++r) {
            QStringList cells;
            for (const QString &name : shown)
                cells << cellValue(b.columns[size_t(b.schema.indexOf(name))], r).toSql().remove(u'\'');
            rows << cells.join(u' ');
        }
    }
};

QStringList L(std::initializer_list<const char *> items)
{
    QStringList l;
    for (const char *i : items)
        l << QString::fromUtf8(i);
    return l;
}

} // namespace

class tst_Explode : public QObject
{
    Q_OBJECT
private slots:
    void explode_data();
    void explode();
    void refusesWhatCannotBeExploded_data();
    void refusesWhatCannotBeExploded();
};

void tst_Explode::explode_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QStringList>("columns"); // the output, without ts and the Kafka columns
    QTest::addColumn<QStringList>("shown");   // those the rows show
    QTest::addColumn<QStringList>("rows");
    QTest::newRow("explode") << QByteArray(R"({"field": "tags", "as": "tag"})") << L({"id", "tag", "lines"})
                             << L({"id", "tag"}) << L({"o1 a", "o1 b", "o4 c"});
    QTest::newRow("posexplode, the array's own name") << QByteArray(R"({"field": "tags", "position": "pos"})")
                                                       << L({"id", "pos", "tags", "lines"}) << L({"id", "pos", "tags"})
                                                       << L({"o1 0 a", "o1 1 b", "o4 0 c"});
    QTest::newRow("explode_outer") << QByteArray(R"({"field": "tags", "outer": true})") << L({"id", "tags", "lines"})
                                   << L({"id", "tags"}) << L({"o1 a", "o1 b", "o2 NULL", "o3 NULL", "o4 c"});
    QTest::newRow("array of objects") << QByteArray(R"({"field": "lines", "prefix": "line_"})")
                                      << L({"id", "tags", "line_sku", "line_qty", "line_at"})
                                      << L({"id", "tags", "line_sku", "line_qty", "line_at"})
                                      << L({R"(o1 ["a","b"] x 2 NULL)", R"(o1 ["a","b"] y NULL TIMESTAMP 2026-11-25T10:00:05.000Z)",
                                            R"(o4 ["c"] z 1 NULL)"});
    QTest::newRow("array of objects, outer, with position")
        << QByteArray(R"({"field": "lines", "outer": true, "position": "n"})") << L({"id", "tags", "n", "sku", "qty", "at"})
        << L({"id", "n", "sku", "qty", "at"})
        << L({"o1 0 x 2 NULL", "o1 1 y NULL TIMESTAMP 2026-11-25T10:00:05.000Z", "o2 NULL NULL NULL NULL",
              "o3 NULL NULL NULL NULL", "o4 0 z 1 NULL"});
}

void tst_Explode::explode()
{
    QFETCH(QByteArray, config);
    QFETCH(QStringList, columns);
    QFETCH(QStringList, shown);
    QFETCH(QStringList, rows);
    Built b = build(config.constData());
    QStringList problems;
    for (const auto &d : b.validation.diagnostics)
        problems << d.pointer + QStringLiteral(": ") + d.message;
    QVERIFY2(b.op, qPrintable(problems.join(u'\n')));
    QCOMPARE(b.output.eventTimeField, QStringLiteral("ts"));
    QStringList names = b.output.names();
    names.removeIf([](const QString &n) { return n.startsWith(u'_') || n == u"ts"; });
    QCOMPARE(names, columns);
    Rows out;
    out.shown = shown;
    b.op->process(0, orders(b.input), 0, out);
    QCOMPARE(out.rows, rows);
}

void tst_Explode::refusesWhatCannotBeExploded_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("message");
    QTest::newRow("not an array") << QByteArray(R"({"field": "id"})")
                                  << QStringLiteral("\"id\" is string; explode needs an array field");
    QTest::newRow("a clash") << QByteArray(R"({"field": "tags", "as": "id"})")
                             << QStringLiteral("\"id\" is already a column; set \"as\" to another name");
    QTest::newRow("a clash of the position") << QByteArray(R"({"field": "lines", "position": "id"})")
                                             << QStringLiteral("\"id\" is already a column; set \"position\" to another name");
}

void tst_Explode::refusesWhatCannotBeExploded()
{
    QFETCH(QByteArray, config);
    QFETCH(QString, message);
    const Built b = build(config.constData());
    QVERIFY(!b.validation.ok());
    QStringList messages;
    for (const auto &d : b.validation.diagnostics)
        messages << d.message;
    QVERIFY2(messages.join(u'\n').contains(message), qPrintable(messages.join(u'\n')));
}

QTEST_GUILESS_MAIN(tst_Explode)
#include "tst_explode.moc"
