// SPDX-License-Identifier: GPL-3.0-or-later
// The command line is a contract with users' scripts: exit codes, line format.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &arguments, const QString &workingDir = {})
{
    QProcess p;
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    p.start(QStringLiteral(STREAMWRIGHT_CLI), arguments);
    if (!p.waitForFinished(30000))
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QString examples()
{
    return QStringLiteral(STREAMWRIGHT_SOURCE_DIR "/resources/examples");
}
} // namespace

class tst_ValidateCommand : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void examplesAreValid();
    void problemLines_data();
    void problemLines();
    void notJsonGivesLineAndColumn();
    void jsonOutput();
    void usage_data();
    void usage();
    void helpAndVersion();
    void formatCheck();
    void describe();
    void nodeCatalogDocIsCurrent();

private:
    void write(const QString &name, const QByteArray &content);
    QTemporaryDir m_dir;
};

void tst_ValidateCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(QStringLiteral(STREAMWRIGHT_CLI)));
}

void tst_ValidateCommand::write(const QString &name, const QByteArray &content)
{
    QFile f(m_dir.filePath(name));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

void tst_ValidateCommand::examplesAreValid()
{
    QStringList files;
    for (const auto &f : QDir(examples()).entryList({QStringLiteral("*.json")}))
        files << QDir(examples()).filePath(f);
    const Run r = cli(QStringList{QStringLiteral("validate")} + files);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QString());
    QVERIFY(r.err.contains(QStringLiteral("%1 file(s) checked: %1 valid").arg(files.size())));
}

void tst_ValidateCommand::problemLines_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("line");
    QTest::newRow("bad duration") << QByteArray(R"("size": "1m")") << QByteArray(R"("size": "10 parsecs")")
                                  << QStringLiteral("broken.json:/nodes/2/config/window/size: \"10 parsecs\" is not a duration");
    QTest::newRow("unknown type") << QByteArray(R"("type": "filter")") << QByteArray(R"("type": "filtr")")
                                  << QStringLiteral("broken.json:/nodes/1/type: unknown node type \"filtr\", did you mean \"filter\"?");
    QTest::newRow("expression") << QByteArray("event_type = 'view'") << QByteArray("event_typ = 'view'")
                                << QStringLiteral("broken.json:/nodes/1/config/predicate: at column 1: unknown column 'event_typ', did you mean 'event_type'?");
    QTest::newRow("warning only") << QByteArray(R"("format": "json",)") << QByteArray(R"("format": "json", "colour": "red",)")
                                  << QStringLiteral("broken.json:/nodes/0/config/colour: warning: unknown setting \"colour\"");
}

void tst_ValidateCommand::problemLines()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, line);
    QFile f(examples() + QStringLiteral("/trending-products.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray text = f.readAll();
    QVERIFY(text.contains(from));
    text.replace(from, to);
    write(QStringLiteral("broken.json"), text);
    const Run r = cli({QStringLiteral("validate"), QStringLiteral("broken.json")}, m_dir.path());
    const bool warningOnly = line.contains(QStringLiteral(": warning: "));
    QCOMPARE(r.exitCode, warningOnly ? 0 : 1);
    QVERIFY2(r.out.split(u'\n').contains(line) || r.out.contains(line + u'\n') || r.out.contains(line),
             qPrintable(r.out));
    for (const QString &l : r.out.split(u'\n', Qt::SkipEmptyParts))
        QVERIFY2(l.startsWith(QStringLiteral("broken.json:/")), qPrintable(l));
}

void tst_ValidateCommand::notJsonGivesLineAndColumn()
{
    write(QStringLiteral("notjson.json"), "{\n  \"format\": \"streamwright.pipeline/1\",\n  \"nodes\": [,]\n}\n");
    write(QStringLiteral("ok.json"), R"({"format": "streamwright.pipeline/1", "name": "empty"})");
    const Run r = cli({QStringLiteral("validate"), QStringLiteral("ok.json"), QStringLiteral("notjson.json")}, m_dir.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.startsWith(QStringLiteral("notjson.json:3:14: not valid JSON: ")), qPrintable(r.out));
    QCOMPARE(r.out.count(u'\n'), 1);
}

void tst_ValidateCommand::jsonOutput()
{
    write(QStringLiteral("noname.json"), R"({"format": "streamwright.pipeline/1", "name": ""})");
    const Run r = cli({QStringLiteral("validate"), QStringLiteral("--json"), QStringLiteral("noname.json")}, m_dir.path());
    QCOMPARE(r.exitCode, 1);
    const QJsonArray results = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(results.size(), 1);
    const QJsonObject file = results[0].toObject();
    QCOMPARE(file.value(QStringLiteral("file")).toString(), QStringLiteral("noname.json"));
    QCOMPARE(file.value(QStringLiteral("valid")).toBool(), false);
    const QJsonObject problem = file.value(QStringLiteral("problems")).toArray().at(0).toObject();
    QCOMPARE(problem.value(QStringLiteral("pointer")).toString(), QStringLiteral("/name"));
    QCOMPARE(problem.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
}

void tst_ValidateCommand::usage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList{} << QStringLiteral("Usage: streamwright-cli COMMAND");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("unknown command 'frobnicate'");
    QTest::newRow("no file") << QStringList{QStringLiteral("validate")} << QStringLiteral("no pipeline file given");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("validate"), QStringLiteral("--strict"), QStringLiteral("x.json")}
                                    << QStringLiteral("Unknown option 'strict'");
}

void tst_ValidateCommand::usage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run r = cli(arguments, m_dir.path());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void tst_ValidateCommand::helpAndVersion()
{
    Run r = cli({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("validate")));
    r = cli({QStringLiteral("validate"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("streamwright-cli validate")));
    QVERIFY(r.out.contains(QStringLiteral("--json")));
    r = cli({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("streamwright-cli " STREAMWRIGHT_VERSION "\n"));
}

void tst_ValidateCommand::formatCheck()
{
    write(QStringLiteral("messy.json"), R"({"name":"messy","format":"streamwright.pipeline/1","nodes":[]})");
    Run r = cli({QStringLiteral("format"), QStringLiteral("--check"), QStringLiteral("messy.json")}, m_dir.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.contains(QStringLiteral("messy.json: not in canonical form")));
    r = cli({QStringLiteral("format"), QStringLiteral("messy.json")}, m_dir.path());
    QCOMPARE(r.exitCode, 0);
    r = cli({QStringLiteral("format"), QStringLiteral("--check"), QStringLiteral("messy.json")}, m_dir.path());
    QCOMPARE(r.exitCode, 0);
    QFile f(m_dir.filePath(QStringLiteral("messy.json")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("{\n  \"format\": \"streamwright.pipeline/1\",\n  \"name\": \"messy\","));
}

void tst_ValidateCommand::describe()
{
    const Run r = cli({QStringLiteral("describe"), examples() + QStringLiteral("/trending-products.json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("per_minute (Window aggregate) <- only_views")));
    QVERIFY(r.out.contains(QStringLiteral("out: window_start timestamp [event time], window_end timestamp, product_id string, views int")));
}

void tst_ValidateCommand::nodeCatalogDocIsCurrent()
{
    const Run r = cli({QStringLiteral("nodes"), QStringLiteral("--markdown")});
    QCOMPARE(r.exitCode, 0);
    QFile doc(QStringLiteral(STREAMWRIGHT_SOURCE_DIR "/docs/node-catalog.md"));
    QVERIFY(doc.open(QIODevice::ReadOnly));
    QVERIFY2(QString::fromUtf8(doc.readAll()) == r.out,
             "docs/node-catalog.md is out of date: streamwright-cli nodes --markdown > docs/node-catalog.md");
    QVERIFY(r.out.contains(QStringLiteral("## `window.aggregate`: Window aggregate")));
}

QTEST_GUILESS_MAIN(tst_ValidateCommand)
#include "tst_validatecommand.moc"
