// SPDX-License-Identifier: GPL-3.0-or-later
// streamwright-cli record / replay against a broker in another process, the kcat
// conversion beside kcat itself, and pipelines over a recording: the same sink
// bytes on every run and after a crash at any point of a batch.
#include "recording/Recording.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace sw::runtime;

namespace {
struct Result
{
    int code = -1; // -9: killed
    QString out, err;
};

Result cli(const QStringList &arguments, const QString &dir = {}, const QByteArray &fault = {}, int timeoutMs = 60000)
{
    QProcess p;
    if (!dir.isEmpty())
        p.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!fault.isEmpty())
        env.insert(QStringLiteral("STREAMWRIGHT_CHECKPOINT_FAULT"), QString::fromLatin1(fault));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(STREAMWRIGHT_CLI), arguments);
    p.waitForFinished(timeoutMs);
    Result r;
    r.code = p.exitStatus() == QProcess::CrashExit ? -9 : p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString describe(const Result &r)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(r.code).arg(r.out, r.err);
}

QByteArray md5(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Md5).toHex();
}

std::vector<RecordedRecord> partitionOf(const QString &path, const std::string &topic, int partition)
{
    RecordingReader reader;
    std::string error;
    std::vector<RecordedRecord> out;
    if (reader.open(path.toStdString(), error))
        reader.readPartition(topic, partition, 0, 1'000'000, out, error);
    return out;
}
} // namespace

class tst_RecordCommand : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void recordAndReplay();
    void exportedLinesAreKcats();
    void badArgumentsAndFiles_data();
    void badArgumentsAndFiles();
    void runsOverARecordingRepeatExactly();

private:
    QTemporaryDir m_dir;
    QProcess m_broker;
    QString m_bootstrap;
    QString m_recording;
};

void tst_RecordCommand::initTestCase()
{
    m_broker.start(QStringLiteral(STREAMWRIGHT_CLI),
                   {QStringLiteral("broker"), QStringLiteral("--topic"), QStringLiteral("user-events:4"),
                    QStringLiteral("--topic"), QStringLiteral("purchase-events:2"), QStringLiteral("--topic"),
                    QStringLiteral("copy:4"), QStringLiteral("--topic"), QStringLiteral("narrow:1")});
    QVERIFY(m_broker.waitForReadyRead(10000));
    const QString first = QString::fromUtf8(m_broker.readLine()).trimmed();
    QVERIFY2(first.startsWith(QStringLiteral("bootstrap=")), qPrintable(first));
    m_bootstrap = first.mid(10);
    const Result demo = cli({QStringLiteral("produce-demo"), QStringLiteral("--bootstrap"), m_bootstrap,
                             QStringLiteral("--rate"), QStringLiteral("0"), QStringLiteral("--count"), QStringLiteral("6000")});
    QVERIFY2(demo.code == 0, qPrintable(describe(demo)));
    m_recording = m_dir.filePath(QStringLiteral("shop.swrec"));
}

void tst_RecordCommand::cleanupTestCase()
{
    m_broker.terminate();
    QVERIFY(m_broker.waitForFinished(10000));
}

void tst_RecordCommand::recordAndReplay()
{
    const Result recorded = cli({QStringLiteral("record"), QStringLiteral("--bootstrap"), m_bootstrap, QStringLiteral("--topic"),
                                 QStringLiteral("user-events"), QStringLiteral("--topic"), QStringLiteral("purchase-events"),
                                 QStringLiteral("--out"), m_recording, QStringLiteral("--until-idle"), QStringLiteral("1")});
    QVERIFY2(recorded.code == 0, qPrintable(describe(recorded)));
    QVERIFY2(recorded.out.contains(QStringLiteral("recorded 6,500 records")), qPrintable(recorded.out));
    QVERIFY2(recorded.out.contains(QStringLiteral("of 6 partitions")), qPrintable(recorded.out));

    // Not over an existing recording, unless --force.
    const Result again = cli({QStringLiteral("record"), QStringLiteral("--bootstrap"), m_bootstrap, QStringLiteral("--topic"),
                              QStringLiteral("user-events"), QStringLiteral("--out"), m_recording, QStringLiteral("--count"),
                              QStringLiteral("1")});
    QCOMPARE(again.code, 1);
    QVERIFY2(again.err.contains(QStringLiteral("exists already")), qPrintable(again.err));

    const Result replayed = cli({QStringLiteral("replay"), m_recording, QStringLiteral("--bootstrap"), m_bootstrap,
                                 QStringLiteral("--topic-map"), QStringLiteral("user-events=copy"), QStringLiteral("--topic-map"),
                                 QStringLiteral("purchase-events=copy")});
    QVERIFY2(replayed.code == 0, qPrintable(describe(replayed)));
    QVERIFY2(replayed.out.contains(QStringLiteral("replayed 6,500 of 6,500 records")), qPrintable(replayed.out));
    QVERIFY2(replayed.out.contains(QStringLiteral("not kept: offsets")), qPrintable(replayed.out));

    const QString copy = m_dir.filePath(QStringLiteral("copy.swrec"));
    const Result copied = cli({QStringLiteral("record"), QStringLiteral("--bootstrap"), m_bootstrap, QStringLiteral("--topic"),
                               QStringLiteral("copy"), QStringLiteral("--out"), copy, QStringLiteral("--count"),
                               QStringLiteral("6500"), QStringLiteral("--duration"), QStringLiteral("30")});
    QVERIFY2(copied.code == 0, qPrintable(describe(copied)));
    // copy/0 and copy/1 hold user-events/0,1 and then purchase-events/0,1 (in
    // recorded order); copy/2 and copy/3 user-events/2,3 alone.
    for (int p = 0; p < 4; ++p) {
        std::vector<RecordedRecord> expected = partitionOf(m_recording, "user-events", p);
        if (p < 2) {
            // In recorded order across the two topics: merge by seq.
            auto purchases = partitionOf(m_recording, "purchase-events", p);
            expected.insert(expected.end(), purchases.begin(), purchases.end());
            std::sort(expected.begin(), expected.end(), [](const auto &a, const auto &b) { return a.seq < b.seq; });
        }
        const auto got = partitionOf(copy, "copy", p);
        QCOMPARE(got.size(), expected.size());
        for (size_t k = 0; k < got.size(); ++k) {
            QCOMPARE(got[k].offset, int64_t(k));
            QVERIFY(got[k].key == expected[k].key);
            QVERIFY(got[k].value == expected[k].value);
            QVERIFY(got[k].headers == expected[k].headers);
            QCOMPARE(got[k].timestamp, expected[k].timestamp);
        }
    }

    // A topic with fewer partitions than recorded: refused, saying what to create.
    const Result narrow = cli({QStringLiteral("replay"), m_recording, QStringLiteral("--bootstrap"), m_bootstrap,
                               QStringLiteral("--topic-map"), QStringLiteral("user-events=narrow"), QStringLiteral("--topic-map"),
                               QStringLiteral("purchase-events=narrow")});
    QCOMPARE(narrow.code, 1);
    QVERIFY2(narrow.err.contains(QStringLiteral("narrow has 1 partitions, the recording needs 4")), qPrintable(narrow.err));
}

void tst_RecordCommand::exportedLinesAreKcats()
{
    if (!QFile::exists(m_recording))
        QSKIP("needs recordAndReplay's recording");
    const QString kcat = QStandardPaths::findExecutable(QStringLiteral("kcat"));
    if (kcat.isEmpty())
        QSKIP("kcat is not installed");
    const QString lines = m_dir.filePath(QStringLiteral("shop.jsonl"));
    const Result exported = cli({QStringLiteral("record"), QStringLiteral("--export-kcat"), lines, m_recording});
    QVERIFY2(exported.code == 0, qPrintable(describe(exported)));
    QFile f(lines);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QStringList ours = QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(ours.size(), 6500);

    // kcat's own -J lines of the same topics: the same, but for its "broker" field.
    QProcess k;
    k.start(kcat, {QStringLiteral("-C"), QStringLiteral("-b"), m_bootstrap, QStringLiteral("-t"), QStringLiteral("user-events"),
                   QStringLiteral("-J"), QStringLiteral("-e"), QStringLiteral("-q")});
    QVERIFY(k.waitForFinished(30000));
    QStringList theirs = QString::fromUtf8(k.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(theirs.size(), 6000);
    static const QRegularExpression broker(QStringLiteral(",\"broker\":-?\\d+"));
    for (QString &line : theirs)
        line.remove(broker);
    QStringList oursForTopic;
    for (const QString &line : ours) {
        if (line.startsWith(QStringLiteral("{\"topic\":\"user-events\"")))
            oursForTopic << line;
    }
    oursForTopic.sort();
    theirs.sort();
    QCOMPARE(oursForTopic, theirs);

    // Back into a recording: the same records.
    const QString back = m_dir.filePath(QStringLiteral("back.swrec"));
    const Result imported = cli({QStringLiteral("record"), QStringLiteral("--import-kcat"), lines, QStringLiteral("--out"), back});
    QVERIFY2(imported.code == 0, qPrintable(describe(imported)));
    for (int p = 0; p < 4; ++p) {
        const auto a = partitionOf(m_recording, "user-events", p), b = partitionOf(back, "user-events", p);
        QCOMPARE(b.size(), a.size());
        for (size_t i = 0; i < a.size(); ++i)
            QVERIFY(a[i] == b[i]);
    }
}

void tst_RecordCommand::badArgumentsAndFiles_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const QString text = m_dir.filePath(QStringLiteral("notes.txt"));
    QFile f(text);
    if (f.open(QIODevice::WriteOnly))
        f.write("these are notes, not a recording\n");
    QTest::newRow("record without a topic")
        << QStringList{QStringLiteral("record"), QStringLiteral("--bootstrap"), QStringLiteral("x:1"), QStringLiteral("--out"),
                       QStringLiteral("a.swrec")}
        << 2 << QStringLiteral("--topic");
    QTest::newRow("record with a bad --from")
        << QStringList{QStringLiteral("record"), QStringLiteral("--bootstrap"), QStringLiteral("127.0.0.1:1"),
                       QStringLiteral("--topic"), QStringLiteral("t"), QStringLiteral("--out"),
                       m_dir.filePath(QStringLiteral("x.swrec")), QStringLiteral("--from"), QStringLiteral("yesterday")}
        << 1 << QStringLiteral("--from must be beginning, end or a time");
    QTest::newRow("replay at speed 0")
        << QStringList{QStringLiteral("replay"), QStringLiteral("a.swrec"), QStringLiteral("--bootstrap"), QStringLiteral("x:1"),
                       QStringLiteral("--speed"), QStringLiteral("0")}
        << 2 << QStringLiteral("--speed takes max or a factor above 0");
    QTest::newRow("replay of a text file")
        << QStringList{QStringLiteral("replay"), text, QStringLiteral("--bootstrap"), QStringLiteral("x:1")} << 1
        << QStringLiteral("not a Streamwright recording (not an SQLite database)");
    QTest::newRow("export of a missing file")
        << QStringList{QStringLiteral("record"), QStringLiteral("--export-kcat"), QStringLiteral("-"),
                       m_dir.filePath(QStringLiteral("missing.swrec"))}
        << 1 << QStringLiteral("cannot open the recording");
    QTest::newRow("import of a text file")
        << QStringList{QStringLiteral("record"), QStringLiteral("--import-kcat"), text, QStringLiteral("--out"),
                       m_dir.filePath(QStringLiteral("y.swrec"))}
        << 1 << QStringLiteral("notes.txt:1: not valid JSON");
}

void tst_RecordCommand::badArgumentsAndFiles()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, code);
    QFETCH(QString, message);
    const Result r = cli(arguments, m_dir.path());
    QVERIFY2(r.code == code, qPrintable(describe(r)));
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void tst_RecordCommand::runsOverARecordingRepeatExactly()
{
    if (!QFile::exists(m_recording))
        QSKIP("needs recordAndReplay's recording");
    const QString dir = m_dir.filePath(QStringLiteral("repeat"));
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(QFile::copy(m_recording, dir + QStringLiteral("/shop.swrec")));
    const auto pipeline = [&](const QString &name, bool checkpoint) {
        QFile f(dir + u'/' + name);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral(R"j({"format": "streamwright.pipeline/1", "name": "%1",
     "nodes": [
      {"id": "views", "type": "source.recording", "position": [0, 0], "config": {"path": "shop.swrec",
       "topics": ["user-events"], "schema": [{"name": "user_id", "type": "string"}, {"name": "product_id", "type": "string"},
       {"name": "event_type", "type": "string"}, {"name": "ts", "type": "timestamp"}],
       "eventTime": {"field": "ts", "watermarkDelay": "5s"}}},
      {"id": "per_second", "type": "window.aggregate", "position": [0, 0], "config": {"window": {"kind": "tumbling",
       "size": "1s"}, "groupBy": ["event_type"], "aggregates": [{"name": "n", "fn": "count"}], "outputMode": "append"}},
      {"id": "out", "type": "sink.file", "position": [0, 0], "config": {"path": "%1.jsonl", "format": "jsonl"}}
     ],
     "edges": [{"from": "views", "to": "per_second"}, {"from": "per_second", "to": "out"}],
     "runtime": {"maxBatchRows": 400%2}})j")
                    .arg(name.chopped(5), checkpoint ? QStringLiteral(R"(, "checkpoint": {"dir": "state", "everyBatches": 2})")
                                                     : QString())
                    .toUtf8());
    };
    pipeline(QStringLiteral("plain.json"), false);
    pipeline(QStringLiteral("kept.json"), true);
    const QStringList available{QStringLiteral("--available-now"), QStringLiteral("-q")};
    Result r = cli(QStringList{QStringLiteral("run"), QStringLiteral("plain.json")} + available, dir);
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    const QByteArray first = md5(dir + QStringLiteral("/plain.jsonl"));
    QVERIFY(!first.isEmpty());
    QFile::remove(dir + QStringLiteral("/plain.jsonl"));
    r = cli(QStringList{QStringLiteral("run"), QStringLiteral("plain.json")} + available, dir);
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    QCOMPARE(md5(dir + QStringLiteral("/plain.jsonl")), first);

    // With a checkpoint, uninterrupted and killed at each point of a batch.
    const auto checkpointed = [&](const QByteArray &fault) {
        QDir(dir + QStringLiteral("/state")).removeRecursively();
        QFile::remove(dir + QStringLiteral("/kept.jsonl"));
        if (!fault.isEmpty()) {
            const Result killed = cli(QStringList{QStringLiteral("run"), QStringLiteral("kept.json")} + available, dir, fault);
            if (killed.code != -9)
                return QByteArray("not killed: ") + describe(killed).toUtf8();
        }
        const Result done = cli(QStringList{QStringLiteral("run"), QStringLiteral("kept.json")} + available, dir);
        if (done.code != 0)
            return QByteArray("failed: ") + describe(done).toUtf8();
        return md5(dir + QStringLiteral("/kept.jsonl"));
    };
    const QByteArray kept = checkpointed({});
    QVERIFY2(kept.size() == 32, kept.constData());
    for (const char *fault : {"offsets:3", "sinks:5", "commit:4"})
        QCOMPARE(checkpointed(fault), kept);
}

QTEST_GUILESS_MAIN(tst_RecordCommand)
#include "tst_recordcommand.moc"
