// SPDX-License-Identifier: GPL-3.0-or-later
// ARCHITECTURE.md's layering as a test: core/ and runtime/ never include widget
// headers; core/ knows nothing of Kafka, SQLite or the runtime.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

class tst_Layering : public QObject
{
    Q_OBJECT
private slots:
    void forbiddenIncludes_data();
    void forbiddenIncludes();
    void everySourceHasALicenseHeader();
};

void tst_Layering::forbiddenIncludes_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("pattern");
    const QString widgets = QStringLiteral(
        R"(#\s*include\s*[<"](QtWidgets|QtCharts|Qsci|QWidget|QMainWindow|QDialog|QGraphics\w*|QAbstractButton|QLabel|QTreeView|QListView|QTableView|QApplication)\b)");
    QTest::newRow("core: no widgets") << QStringLiteral("core") << widgets;
    QTest::newRow("runtime: no widgets") << QStringLiteral("runtime") << widgets;
    QTest::newRow("core: no runtime libraries")
        << QStringLiteral("core") << QStringLiteral(R"(#\s*include\s*[<"](librdkafka|rdkafka|simdjson|sqlite3|runtime/))");
    QTest::newRow("runtime: no widget module") << QStringLiteral("runtime") << QStringLiteral(R"(#\s*include\s*[<"]widgets/)");
}

void tst_Layering::forbiddenIncludes()
{
    QFETCH(QString, folder);
    QFETCH(QString, pattern);
    const QRegularExpression re(pattern, QRegularExpression::MultilineOption);
    QVERIFY(re.isValid());
    QDirIterator it(QStringLiteral(STREAMWRIGHT_SOURCE_DIR "/") + folder, {QStringLiteral("*.h"), QStringLiteral("*.cpp")},
                    QDir::Files, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto match = re.match(QString::fromUtf8(f.readAll()));
        QVERIFY2(!match.hasMatch(), qPrintable(path + QStringLiteral(": ") + match.captured(0)));
        ++files;
    }
    if (folder == u"core")
        QVERIFY(files > 20); // the scan really looked at the sources
}

void tst_Layering::everySourceHasALicenseHeader()
{
    for (const char *folder : {"core", "runtime", "widgets", "app", "tests", "bench"}) {
        QDirIterator it(QStringLiteral(STREAMWRIGHT_SOURCE_DIR "/") + QLatin1String(folder),
                        {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(f.readLine().startsWith("// SPDX-License-Identifier: GPL-3.0-or-later"), qPrintable(path));
        }
    }
}

QTEST_GUILESS_MAIN(tst_Layering)
#include "tst_layering.moc"
