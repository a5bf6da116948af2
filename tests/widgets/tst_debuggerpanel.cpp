// SPDX-License-Identifier: GPL-3.0-or-later
// The Debugger dock on a real debugged run (in-process runtime, its control
// API, the client the app uses): step and back, an edge's rows as a table and
// JSON with an expression filter, a window's state, a breakpoint set and hit.
#include "client/RuntimeClient.h"
#include "control/ControlServer.h"
#include "debug/DebuggerPanel.h"
#include "engine/Executor.h"
#include "engine/Run.h"
#include "format/PipelineFormat.h"
#include "ClickRecording.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace sw;
using namespace sw::runtime;

namespace {

const char *kPipeline = R"j({"format": "streamwright.pipeline/1", "name": "debugged",
 "nodes": [
  {"id": "clicks", "type": "source.recording", "position": [0, 0], "config": {"path": "clicks.swrec",
   "schema": [{"name": "user", "type": "string"}, {"name": "amount", "type": "int"}, {"name": "ts", "type": "timestamp"}],
   "eventTime": {"field": "ts", "watermarkDelay": "1s"}}},
  {"id": "per_second", "type": "window.aggregate", "position": [0, 0], "config": {"window": {"kind": "tumbling",
   "size": "1s"}, "groupBy": ["user"], "aggregates": [{"name": "n", "fn": "count"}], "outputMode": "append"}},
  {"id": "out", "type": "sink.preview", "position": [0, 0], "config": {}}
 ],
 "edges": [{"from": "clicks", "to": "per_second"}, {"from": "per_second", "to": "out"}],
 "runtime": {"maxBatchRows": 300}})j";

RunOptions debugging()
{
    RunOptions o;
    o.debug = true;
    return o;
}

template <typename T>
T *child(QWidget &root, const std::function<bool(T *)> &which)
{
    for (T *w : root.findChildren<T *>()) {
        if (which(w))
            return w;
    }
    return nullptr;
}

QPushButton *button(QWidget &root, const QString &text)
{
    return child<QPushButton>(root, [&](QPushButton *b) { return b->text() == text; });
}
} // namespace

class tst_DebuggerPanel : public QObject
{
    Q_OBJECT
private slots:
    void stepsShowsRowsAndStateAndStopsAtABreakpoint();
};

void tst_DebuggerPanel::stepsShowsRowsAndStateAndStopsAtABreakpoint()
{
    QTemporaryDir dir;
    sw::testing::writeClickRecording(dir.filePath(QStringLiteral("clicks.swrec")), 600, 0);
    auto loaded = core::PipelineFormat::load(QByteArray(kPipeline), dir.filePath(QStringLiteral("debugged.json")));
    QVERIFY(loaded.pipeline);
    Executor executor(*loaded.pipeline, debugging());
    QString error;
    QVERIFY2(executor.open(error), qPrintable(error));
    Run run(executor);
    ControlServer server(executor, run, QStringLiteral("debugged"));
    const quint16 port = server.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    RuntimeClient client;
    client.setEndpoint(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), server.token());
    run.pause();
    run.start();

    widgets::DebuggerPanel panel;
    panel.resize(900, 500);
    panel.show();
    panel.setClient(&client, 50);
    QTRY_COMPARE(panel.batch(), int64_t(-1));
    auto *where = panel.findChild<QLabel *>(QStringLiteral("where"));
    QTRY_VERIFY2(where->text().startsWith(QStringLiteral("At the start")), qPrintable(where->text()));

    QTest::mouseClick(button(panel, QStringLiteral("Step")), Qt::LeftButton);
    QTRY_COMPARE(panel.batch(), int64_t(0));
    QTRY_VERIFY(where->text().startsWith(QStringLiteral("Batch 0")));

    // The source's rows of batch 0: in the table and as JSON.
    auto *edges = panel.findChild<QComboBox *>(QStringLiteral("edges"));
    QTRY_VERIFY(edges->findText(QStringLiteral("clicks.out")) >= 0);
    panel.showEdge(QStringLiteral("clicks")); // a node: its "out" edge
    QCOMPARE(panel.edge(), QStringLiteral("clicks.out"));
    auto *table = panel.findChild<QTableWidget *>(QStringLiteral("rowsTable"));
    QTRY_VERIFY(table->rowCount() > 0);
    const int all = table->rowCount();
    QCOMPARE(all, int(panel.shownRows().size()));
    auto *json = panel.findChild<QPlainTextEdit *>(QStringLiteral("rowsJson"));
    QCOMPARE(QJsonDocument::fromJson(json->toPlainText().toUtf8()).array().size(), all);

    // Filtered by an expression.
    auto *filter = panel.findChild<QLineEdit *>(QStringLiteral("filter"));
    QTest::keyClicks(filter, QStringLiteral("amount > 1000"));
    QVERIFY(table->rowCount() > 0 && table->rowCount() < all);
    for (const QJsonValue &row : panel.shownRows())
        QVERIFY(row.toObject().value(QStringLiteral("amount")).toDouble() > 1000);
    filter->setText(QStringLiteral("amout > 1000"));
    QCOMPARE(table->rowCount(), 0);
    QVERIFY(panel.findChild<QLabel *>(QStringLiteral("filterState"))->text().contains(QStringLiteral("amout")));
    filter->clear();
    QCOMPARE(table->rowCount(), all);

    // The window's state after the batch.
    QCOMPARE(panel.findChild<QComboBox *>(QStringLiteral("stateNode"))->currentText(), QStringLiteral("per_second"));
    const QString held = panel.findChild<QLabel *>(QStringLiteral("stateSummary"))->text();
    QVERIFY2(held.startsWith(QStringLiteral("held after this batch")) && held.contains(QStringLiteral("windows")), qPrintable(held));
    auto *state = panel.findChild<QTableWidget *>(QStringLiteral("stateTable"));
    QVERIFY(state->rowCount() > 0);
    QStringList columns;
    for (int c = 0; c < state->columnCount(); ++c)
        columns << state->horizontalHeaderItem(c)->text();
    QVERIFY2(columns.contains(QStringLiteral("window_start")) && columns.contains(QStringLiteral("n")), qPrintable(columns.join(u',')));

    // Step, then back: the same rows as before.
    const QJsonArray batch0 = panel.shownRows();
    QTest::mouseClick(button(panel, QStringLiteral("Step")), Qt::LeftButton);
    QTRY_COMPARE(panel.batch(), int64_t(1));
    QTRY_VERIFY(panel.shownRows() != batch0);
    QTest::mouseClick(button(panel, QStringLiteral("Back")), Qt::LeftButton);
    QTRY_COMPARE(panel.batch(), int64_t(0));
    QTRY_COMPARE(panel.shownRows(), batch0);

    // A breakpoint set in the dock, and run to it.
    panel.findChild<QLineEdit *>(QStringLiteral("breakpointNode"))->setText(QStringLiteral("per_second"));
    panel.findChild<QLineEdit *>(QStringLiteral("breakpointCondition"))->setText(QStringLiteral("_partition = 1 AND _offset >= 400"));
    QTest::mouseClick(button(panel, QStringLiteral("Add")), Qt::LeftButton);
    auto *breakpoints = panel.findChild<QTableWidget *>(QStringLiteral("breakpoints"));
    QTRY_COMPARE(breakpoints->rowCount(), 1);
    QTest::mouseClick(button(panel, QStringLiteral("Run to Breakpoint")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(where->text().contains(QStringLiteral("stopped at a breakpoint")), 10000);
    const auto hitShown = [&] {
        for (const QJsonValue &row : panel.shownRows()) {
            const QJsonObject o = row.toObject();
            if (o.value(QStringLiteral("_partition")).toInt() == 1 && o.value(QStringLiteral("_offset")).toInt() >= 400)
                return true;
        }
        return false;
    };
    QTRY_VERIFY2(hitShown(), "the batch shown is the one whose rows hit the breakpoint");

    panel.setClient(nullptr);
    run.stop();
    run.wait();
}

QTEST_MAIN(tst_DebuggerPanel)
#include "tst_debuggerpanel.moc"
