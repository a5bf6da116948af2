// SPDX-License-Identifier: GPL-3.0-or-later
#include "format/JsonWriter.h"
#include "format/PipelineFormat.h"
#include "validation/PipelineValidator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace sw::core;

namespace {
QString examplesDir()
{
    return QStringLiteral(STREAMWRIGHT_SOURCE_DIR "/resources/examples");
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const char *kMinimal = R"({
  "format": "streamwright.pipeline/1",
  "name": "minimal",
  "connections": {},
  "nodes": [
    {
      "id": "gen",
      "type": "source.generator",
      "position": [0, 0],
      "config": {"stream": "user-events"}
    },
    {
      "id": "preview",
      "type": "sink.preview",
      "position": [200, 0],
      "config": {}
    }
  ],
  "edges": [
    {"from": "gen", "to": "preview"}
  ]
}
)";
} // namespace

class tst_PipelineFormat : public QObject
{
    Q_OBJECT
private slots:
    void examplesRoundTrip_data();
    void examplesRoundTrip();
    void minimalRoundTrip();
    void unknownSettingsAreKept();
    void keysFollowTheCatalogOrder();
    void newerFormatIsRefused();
    void otherFormatsAreRefused_data();
    void otherFormatsAreRefused();
    void missingFormatStillLoads();
    void notJson_data();
    void notJson();
    void structuralErrors_data();
    void structuralErrors();
    void relativePaths_data();
    void relativePaths();
    void saveAndLoadFile();
    void writerNumbersAndStrings_data();
    void writerNumbersAndStrings();
};

void tst_PipelineFormat::examplesRoundTrip_data()
{
    QTest::addColumn<QString>("path");
    const auto files = QDir(examplesDir()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 5);
    for (const auto &f : files)
        QTest::newRow(qPrintable(f)) << QDir(examplesDir()).filePath(f);
}

void tst_PipelineFormat::examplesRoundTrip()
{
    QFETCH(QString, path);
    const QByteArray original = readFile(path);
    const auto loaded = PipelineFormat::load(original, path);
    QVERIFY(loaded.pipeline);
    QVERIFY(loaded.diagnostics.empty());
    QCOMPARE(QString::fromUtf8(PipelineFormat::save(*loaded.pipeline)), QString::fromUtf8(original));
    const auto result = PipelineValidator::validate(*loaded.pipeline);
    for (const auto &d : result.diagnostics)
        qWarning() << d.pointer << d.message;
    QVERIFY(result.diagnostics.empty()); // examples are what users open first: no warnings either
    QCOMPARE(result.order.size(), qsizetype(loaded.pipeline->nodes.size()));
}

void tst_PipelineFormat::minimalRoundTrip()
{
    const auto loaded = PipelineFormat::load(kMinimal);
    QVERIFY(loaded.pipeline);
    QCOMPARE(PipelineFormat::save(*loaded.pipeline), QByteArray(kMinimal));
}

void tst_PipelineFormat::unknownSettingsAreKept()
{
    QByteArray text(kMinimal);
    text.replace(R"("config": {"stream": "user-events"})",
                 R"("config": {"zeta": [1, 2], "stream": "user-events", "alpha": {"b": 1, "a": 2}}, "comment": "hi")");
    text.replace(R"({"from": "gen", "to": "preview"})", R"({"from": "gen", "to": "preview", "label": "events"})");
    text.replace(R"("name": "minimal",)", R"("name": "minimal", "x-owner": "team-data",)");
    const auto loaded = PipelineFormat::load(text);
    QVERIFY(loaded.pipeline);
    const Pipeline &p = *loaded.pipeline;
    QCOMPARE(p.nodes[0].config.value(QStringLiteral("zeta")).toArray().size(), 2);
    QCOMPARE(p.nodes[0].extra.value(QStringLiteral("comment")).toString(), QStringLiteral("hi"));
    QCOMPARE(p.edges[0].extra.value(QStringLiteral("label")).toString(), QStringLiteral("events"));
    QCOMPARE(p.extra.value(QStringLiteral("x-owner")).toString(), QStringLiteral("team-data"));
    const QByteArray saved = PipelineFormat::save(p);
    // Known settings first in catalog order, then unknown ones alphabetically.
    QVERIFY(saved.contains(R"("config": {
        "stream": "user-events",
        "alpha": {"a": 2, "b": 1},
        "zeta": [1, 2]
      },
      "comment": "hi")"));
    QVERIFY(saved.contains(R"({"from": "gen", "to": "preview", "label": "events"})"));
    QVERIFY(saved.contains(R"("x-owner": "team-data")"));
    const auto reloaded = PipelineFormat::load(saved);
    QVERIFY(reloaded.pipeline);
    QVERIFY(*reloaded.pipeline == p);
    QCOMPARE(PipelineFormat::save(*reloaded.pipeline), saved);
    // Unknown settings are worth a warning, never an error.
    const auto result = PipelineValidator::validate(p);
    QVERIFY(result.ok());
    QCOMPARE(result.diagnostics.size(), size_t(2));
    QCOMPARE(result.diagnostics[0].severity, Severity::Warning);
}

void tst_PipelineFormat::keysFollowTheCatalogOrder()
{
    QByteArray text(kMinimal);
    text.replace(R"("config": {"stream": "user-events"})",
                 R"("config": {"seed": 7, "eventTime": {"watermarkDelay": "5s", "field": "ts"}, "rate": 10, "stream": "user-events"})");
    const auto loaded = PipelineFormat::load(text);
    QVERIFY(loaded.pipeline);
    QVERIFY(PipelineFormat::save(*loaded.pipeline).contains(R"("config": {
        "stream": "user-events",
        "rate": 10,
        "seed": 7,
        "eventTime": {"field": "ts", "watermarkDelay": "5s"}
      })"));
}

void tst_PipelineFormat::newerFormatIsRefused()
{
    QByteArray text(kMinimal);
    text.replace("streamwright.pipeline/1", "streamwright.pipeline/2");
    const auto loaded = PipelineFormat::load(text);
    QVERIFY(!loaded.pipeline);
    QCOMPARE(loaded.diagnostics.size(), size_t(1));
    QCOMPARE(loaded.diagnostics[0].pointer, QStringLiteral("/format"));
    QVERIFY(loaded.diagnostics[0].message.contains(QStringLiteral("newer Streamwright")));
    QVERIFY(loaded.diagnostics[0].message.contains(QStringLiteral("update Streamwright")));
}

void tst_PipelineFormat::otherFormatsAreRefused_data()
{
    QTest::addColumn<QByteArray>("format");
    QTest::newRow("other product") << QByteArray(R"("format": "flink.job/1")");
    QTest::newRow("number") << QByteArray(R"("format": 1)");
    QTest::newRow("version 0") << QByteArray(R"("format": "streamwright.pipeline/0")");
}

void tst_PipelineFormat::otherFormatsAreRefused()
{
    QFETCH(QByteArray, format);
    QByteArray text(kMinimal);
    text.replace(R"("format": "streamwright.pipeline/1")", format);
    const auto loaded = PipelineFormat::load(text);
    QVERIFY(!loaded.pipeline);
    QCOMPARE(loaded.diagnostics.front().pointer, QStringLiteral("/format"));
}

void tst_PipelineFormat::missingFormatStillLoads()
{
    QByteArray text(kMinimal);
    text.replace(R"("format": "streamwright.pipeline/1",)", "");
    const auto loaded = PipelineFormat::load(text);
    QVERIFY(loaded.pipeline); // loads, so the user can fix it in the app
    QCOMPARE(loaded.diagnostics.size(), size_t(1));
    QVERIFY(loaded.diagnostics[0].message.contains(QStringLiteral("\"format\": \"streamwright.pipeline/1\"")));
    QVERIFY(PipelineFormat::save(*loaded.pipeline).startsWith("{\n  \"format\": \"streamwright.pipeline/1\""));
}

void tst_PipelineFormat::notJson_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("empty") << QByteArray() << 1 << 1;
    QTest::newRow("trailing comma") << QByteArray("{\n  \"a\": 1,\n}") << 3 << 2;
    QTest::newRow("missing comma") << QByteArray("{\n  \"a\": 1\n  \"b\": 2\n}") << 3 << 4;
    QTest::newRow("unterminated string") << QByteArray("{\"name\": \"abc}") << 1 << 15;
    QTest::newRow("after umlauts") << QByteArray("{\"näme\": x}") << 1 << 10;
}

void tst_PipelineFormat::notJson()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    const auto loaded = PipelineFormat::load(text);
    QVERIFY(!loaded.pipeline);
    QCOMPARE(loaded.diagnostics.size(), size_t(1));
    const Diagnostic &d = loaded.diagnostics[0];
    QVERIFY(d.message.startsWith(QStringLiteral("not valid JSON: ")));
    QCOMPARE(d.line, line);
    QCOMPARE(d.column, column);
}

void tst_PipelineFormat::structuralErrors_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("message");
    QTest::newRow("nodes not an array") << QByteArray(R"("nodes": [)") << QByteArray(R"("nodes": {"x": 1}, "n": [)")
                                        << QStringLiteral("/nodes") << QStringLiteral("\"nodes\" must be an array, not an object");
    QTest::newRow("node without id") << QByteArray(R"("id": "gen",)") << QByteArray()
                                     << QStringLiteral("/nodes/0") << QStringLiteral("the node has no \"id\"");
    QTest::newRow("id not a string") << QByteArray(R"("id": "gen",)") << QByteArray(R"("id": 5,)")
                                     << QStringLiteral("/nodes/0/id") << QStringLiteral("\"id\" must be a string, not a number");
    QTest::newRow("bad position") << QByteArray(R"("position": [0, 0])") << QByteArray(R"("position": [0])")
                                  << QStringLiteral("/nodes/0/position") << QStringLiteral("[x, y]");
    QTest::newRow("config not an object") << QByteArray(R"("config": {})") << QByteArray(R"("config": [])")
                                          << QStringLiteral("/nodes/1/config") << QStringLiteral("must be an object");
    QTest::newRow("edge without from") << QByteArray(R"("from": "gen", )") << QByteArray()
                                       << QStringLiteral("/edges/0") << QStringLiteral("the edge has no \"from\"");
    QTest::newRow("connection not an object") << QByteArray(R"("connections": {})") << QByteArray(R"("connections": {"local": "embedded"})")
                                              << QStringLiteral("/connections/local") << QStringLiteral("a connection must be an object");
    QTest::newRow("root is an array") << QByteArray() << QByteArray() << QString() << QStringLiteral("not an array");
}

void tst_PipelineFormat::structuralErrors()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, pointer);
    QFETCH(QString, message);
    QByteArray text(kMinimal);
    if (from.isEmpty())
        text = "[" + text + "]";
    else
        text.replace(from, to);
    const auto loaded = PipelineFormat::load(text);
    QVERIFY(!loaded.pipeline);
    QVERIFY(!loaded.diagnostics.empty());
    const Diagnostic &d = loaded.diagnostics.front();
    QCOMPARE(d.pointer, pointer);
    QVERIFY2(d.message.contains(message), qPrintable(d.message));
}

void tst_PipelineFormat::relativePaths_data()
{
    QTest::addColumn<QString>("filePath");
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("resolved");
    QTest::newRow("relative") << QStringLiteral("/srv/pipelines/orders.json") << QStringLiteral("data/products.csv")
                              << QStringLiteral("/srv/pipelines/data/products.csv");
    QTest::newRow("parent") << QStringLiteral("/srv/pipelines/orders.json") << QStringLiteral("../shared/t.db")
                            << QStringLiteral("/srv/shared/t.db");
    QTest::newRow("absolute") << QStringLiteral("/srv/pipelines/orders.json") << QStringLiteral("/var/lib/t.db")
                              << QStringLiteral("/var/lib/t.db");
    QTest::newRow("unsaved pipeline") << QString() << QStringLiteral("data/products.csv")
                                      << QStringLiteral("data/products.csv");
}

void tst_PipelineFormat::relativePaths()
{
    QFETCH(QString, filePath);
    QFETCH(QString, setting);
    QFETCH(QString, resolved);
    Pipeline p;
    p.filePath = filePath;
    QCOMPARE(p.resolvePath(setting), resolved);
}

void tst_PipelineFormat::saveAndLoadFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("p.json"));
    auto loaded = PipelineFormat::load(kMinimal);
    QVERIFY(loaded.pipeline);
    QVERIFY(!PipelineFormat::saveFile(*loaded.pipeline, path));
    const auto back = PipelineFormat::loadFile(path);
    QVERIFY(back.pipeline);
    QCOMPARE(back.pipeline->filePath, path);
    QVERIFY(*back.pipeline == *loaded.pipeline);
    const auto missing = PipelineFormat::loadFile(dir.filePath(QStringLiteral("nope.json")));
    QVERIFY(!missing.pipeline);
    QVERIFY(missing.diagnostics.front().message.startsWith(QStringLiteral("cannot open the file")));
    QVERIFY(PipelineFormat::saveFile(*loaded.pipeline, dir.filePath(QStringLiteral("no/such/dir/p.json"))));
}

void tst_PipelineFormat::writerNumbersAndStrings_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("int") << QJsonValue(10000) << QStringLiteral("10000");
    QTest::newRow("negative") << QJsonValue(-3) << QStringLiteral("-3");
    QTest::newRow("fraction") << QJsonValue(0.1) << QStringLiteral("0.1");
    QTest::newRow("large") << QJsonValue(1e21) << QStringLiteral("1e+21");
    QTest::newRow("quote") << QJsonValue(QStringLiteral("say \"hi\"")) << QStringLiteral("\"say \\\"hi\\\"\"");
    QTest::newRow("newline") << QJsonValue(QStringLiteral("a\nb")) << QStringLiteral("\"a\\nb\"");
    QTest::newRow("control") << QJsonValue(QString(QChar(1))) << QStringLiteral("\"\\u0001\"");
    QTest::newRow("unicode") << QJsonValue(QStringLiteral("größe €")) << QStringLiteral("\"größe €\"");
    QTest::newRow("empty array") << QJsonValue(QJsonArray()) << QStringLiteral("[]");
    QJsonArray nested; // not QJsonArray{QJsonArray{...}}: clang reads that as a copy of the inner array
    nested.append(QJsonArray{QStringLiteral("a"), QStringLiteral("b")});
    QTest::newRow("nested") << QJsonValue(nested) << QStringLiteral("[[\"a\", \"b\"]]");
}

void tst_PipelineFormat::writerNumbersAndStrings()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, text);
    OrderedJson root = OrderedJson::object();
    root.add(QStringLiteral("v"), OrderedJson::from(value));
    QCOMPARE(QString::fromUtf8(JsonWriter::write(root)), QStringLiteral("{\n  \"v\": %1\n}\n").arg(text));
}

QTEST_GUILESS_MAIN(tst_PipelineFormat)
#include "tst_pipelineformat.moc"
