// SPDX-License-Identifier: GPL-3.0-or-later
// Every sink's output, byte for byte where it is text.
#include "sinks/FileSink.h"
#include "sinks/PreviewSink.h"
#include "sinks/SqliteSink.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace sw;
using namespace sw::runtime;
using core::DataType;

namespace {
Batch rows()
{
    core::Schema s;
    s.fields = {{QStringLiteral("window_start"), DataType::Timestamp}, {QStringLiteral("product"), DataType::String},
                {QStringLiteral("views"), DataType::Int}, {QStringLiteral("share"), DataType::Double},
                {QStringLiteral("top"), DataType::Boolean}};
    Batch b = Batch::empty(s);
    auto &c = b.columns;
    c[0].appendInt(1795600800000);
    c[1].appendString(b.arena().copy("p-1"));
    c[2].appendInt(3);
    c[3].appendDouble(0.25);
    c[4].appendInt(1);
    c[0].appendInt(1795600860000);
    c[1].appendString(b.arena().copy("say \"hi\", ok\nbye"));
    c[2].appendNull();
    c[3].appendDouble(1e21);
    c[4].appendInt(0);
    b.rows = 2;
    return b;
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QStringList query(const QString &db, const char *sql)
{
    sqlite3 *h = nullptr;
    sqlite3_open(db.toUtf8().constData(), &h);
    sqlite3_stmt *st = nullptr;
    QStringList out;
    if (sqlite3_prepare_v2(h, sql, -1, &st, nullptr) == SQLITE_OK) {
        while (sqlite3_step(st) == SQLITE_ROW) {
            QStringList cells;
            for (int i = 0; i < sqlite3_column_count(st); ++i)
                cells << (sqlite3_column_type(st, i) == SQLITE_NULL ? QStringLiteral("NULL")
                                                                    : QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, i))));
            out << cells.join(u'|');
        }
    }
    sqlite3_finalize(st);
    sqlite3_close(h);
    return out;
}
} // namespace

class tst_Sinks : public QObject
{
    Q_OBJECT
private slots:
    void jsonLines();
    void csv();
    void sqliteAppend();
    void sqliteUpsertIsIdempotent();
    void preview();
};

void tst_Sinks::jsonLines()
{
    QTemporaryDir dir;
    FileSink sink(dir.filePath(QStringLiteral("sub/out.jsonl")), QStringLiteral("jsonl"));
    std::string error;
    QVERIFY(sink.open(error));
    QVERIFY(sink.write(rows(), error));
    QVERIFY(sink.flush(error));
    sink.close();
    QCOMPARE(readText(dir.filePath(QStringLiteral("sub/out.jsonl"))),
             QStringLiteral("{\"window_start\":\"2026-11-25T10:00:00.000Z\",\"product\":\"p-1\",\"views\":3,\"share\":0.25,\"top\":true}\n"
                            "{\"window_start\":\"2026-11-25T10:01:00.000Z\",\"product\":\"say \\\"hi\\\", ok\\nbye\",\"views\":null,"
                            "\"share\":1e+21,\"top\":false}\n"));
}

void tst_Sinks::csv()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    for (int run = 0; run < 2; ++run) { // appending to an existing file writes no second header
        FileSink sink(path, QStringLiteral("csv"));
        std::string error;
        QVERIFY(sink.open(error));
        QVERIFY(sink.write(rows(), error));
        QVERIFY(sink.flush(error));
        sink.close();
    }
    const QString oneRun = QStringLiteral("2026-11-25T10:00:00.000Z,p-1,3,0.25,true\r\n"
                                          "2026-11-25T10:01:00.000Z,\"say \"\"hi\"\", ok\nbye\",,1e+21,false\r\n");
    QCOMPARE(readText(path), QStringLiteral("window_start,product,views,share,top\r\n") + oneRun + oneRun);
}

void tst_Sinks::sqliteAppend()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("a.db"));
    SqliteSink sink(db, QStringLiteral("events"), {}, false);
    std::string error;
    QVERIFY(sink.open(error));
    QVERIFY(sink.write(rows(), error));
    QVERIFY(sink.flush(error));
    QVERIFY(sink.write(rows(), error));
    QVERIFY(sink.flush(error));
    sink.close();
    QCOMPARE(query(db, "SELECT count(*) FROM events"), QStringList{QStringLiteral("4")});
    QCOMPARE(query(db, "SELECT window_start, product, views, share, top FROM events LIMIT 1"),
             QStringList{QStringLiteral("2026-11-25T10:00:00.000Z|p-1|3|0.25|1")});
    QCOMPARE(query(db, "SELECT type FROM pragma_table_info('events') ORDER BY cid"),
             (QStringList{QStringLiteral("TEXT"), QStringLiteral("TEXT"), QStringLiteral("INTEGER"), QStringLiteral("REAL"),
                          QStringLiteral("INTEGER")}));
}

void tst_Sinks::sqliteUpsertIsIdempotent()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("u.db"));
    SqliteSink sink(db, QStringLiteral("views"), {QStringLiteral("window_start"), QStringLiteral("product")}, true);
    std::string error;
    QVERIFY(sink.open(error));
    for (int i = 0; i < 3; ++i) { // a batch written again (a re-run after a crash) changes nothing
        QVERIFY(sink.write(rows(), error));
        QVERIFY(sink.flush(error));
    }
    Batch changed = rows();
    changed.columns[2].ints[0] = 9;
    QVERIFY(sink.write(changed, error));
    QVERIFY(sink.flush(error));
    sink.close();
    QCOMPARE(query(db, "SELECT product, views FROM views ORDER BY window_start"),
             (QStringList{QStringLiteral("p-1|9"), QStringLiteral("say \"hi\", ok\nbye|NULL")}));
}

void tst_Sinks::preview()
{
    PreviewSink sink(3);
    std::string error;
    QVERIFY(sink.open(error));
    QVERIFY(sink.write(rows(), error));
    QVERIFY(sink.write(rows(), error));
    const auto kept = sink.rows();
    QCOMPARE(kept.size(), size_t(3));
    QVERIFY(QString::fromStdString(kept.back()).contains(QStringLiteral("\"views\":null")));
    QVERIFY(QString::fromStdString(kept.front()).contains(QStringLiteral("\"product\":\"say")));
}

QTEST_GUILESS_MAIN(tst_Sinks)
#include "tst_sinks.moc"
