// SPDX-License-Identifier: GPL-3.0-or-later
// The monitor's charts fed with scripted progress records: one point per second
// per metric, rows summed, gauges last, durations and latencies at their worst,
// and the time range deciding what is drawn.
#include "monitor/MonitorCharts.h"
#include "monitor/ProgressHistory.h"
#include "monitor/RunHistoryStore.h"
#include "run/NodeFigures.h"
#include "run/RunSummary.h"

#include <QDateTime>
#include <QJsonArray>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace sw;

namespace {
const qint64 kStart = QDateTime(QDate(2026, 11, 25), QTime(12, 0), QTimeZone::utc()).toMSecsSinceEpoch();

QJsonObject record(qint64 atMs, double rows, double lag, double totalMs, double p99 = -1)
{
    QJsonObject p{
        {QStringLiteral("timestamp"), QDateTime::fromMSecsSinceEpoch(atMs, QTimeZone::utc()).toString(Qt::ISODateWithMs)},
        {QStringLiteral("numInputRows"), rows},
        {QStringLiteral("consumerLag"), lag},
        {QStringLiteral("durationMs"), QJsonObject{{QStringLiteral("total"), totalMs}, {QStringLiteral("poll"), totalMs / 2}}},
        {QStringLiteral("stateOperators"),
         QJsonArray{QJsonObject{{QStringLiteral("node"), QStringLiteral("per_minute")}, {QStringLiteral("numRowsTotal"), rows * 2}}}},
    };
    if (p99 >= 0)
        p.insert(QStringLiteral("e2eLatencyMs"), QJsonObject{{QStringLiteral("p99"), p99}});
    return p;
}

// The records above as the app gets them: through BatchProgress's JSON mapping.
runtime::BatchProgress typed(QJsonObject json)
{
    if (!json.contains(QStringLiteral("batchId")))
        json.insert(QStringLiteral("batchId"), 0);
    return *runtime::BatchProgress::fromJson(json);
}

std::vector<runtime::BatchProgress> typed(const QJsonArray &records)
{
    std::vector<runtime::BatchProgress> out;
    for (const auto &r : records)
        out.push_back(typed(r.toObject()));
    return out;
}
} // namespace

class tst_MonitorCharts : public QObject
{
    Q_OBJECT
private slots:
    void foldsRecordsPerSecond_data();
    void foldsRecordsPerSecond();
    void lateRecordsAreFiledInOrder();
    void chartsShowTheChosenRange();
    void throughputKeepsTheInputReadable();
    void keepsOneHour();
    void canvasFiguresPerNode();
    void lagPerPartitionAndTimeToCatchUp();
    void runHistoryIsStoredAndLoaded();
    void summaryShowsTheLastBatchWithRows();
};

void tst_MonitorCharts::foldsRecordsPerSecond_data()
{
    QTest::addColumn<QString>("metric");
    QTest::addColumn<double>("expected");
    QTest::newRow("rows are summed") << "inputRows" << 600.0;
    QTest::newRow("lag is the last value") << "consumerLag" << 5.0;
    QTest::newRow("duration is the worst batch") << "duration.total" << 30.0;
    QTest::newRow("parts too") << "duration.poll" << 15.0;
    QTest::newRow("latency is the worst batch") << "latency.p99" << 80.0;
    QTest::newRow("state rows per operator") << "stateRows.per_minute" << 600.0;
}

void tst_MonitorCharts::foldsRecordsPerSecond()
{
    QFETCH(QString, metric);
    QFETCH(double, expected);
    widgets::ProgressHistory history;
    history.append(typed(record(kStart + 100, 100, 50, 10, 20)));
    history.append(typed(record(kStart + 500, 200, 20, 30, 80)));
    history.append(typed(record(kStart + 900, 300, 5, 12))); // no latency: a batch without rows
    history.append(typed(record(kStart + 1200, 7, 1, 1, 1))); // the next second
    const auto points = history.series(metric);
    QCOMPARE(points.size(), size_t(2));
    QCOMPARE(points.front().x(), double(kStart));
    QCOMPARE(points.front().y(), expected);
    QCOMPARE(points.back().x(), double(kStart + 1000));
}

void tst_MonitorCharts::lateRecordsAreFiledInOrder()
{
    widgets::ProgressHistory history;
    history.append(typed(record(kStart, 10, 0, 1)));
    history.append(typed(record(kStart + 3000, 10, 0, 1)));
    QCOMPARE(history.series(QStringLiteral("inputRows")).size(), size_t(2)); // only seconds with records
    history.append(typed(record(kStart + 1000, 0, 0, 1))); // an empty batch arriving late is placed in order
    const auto points = history.series(QStringLiteral("inputRows"));
    QCOMPARE(points.size(), size_t(3));
    QCOMPARE(points.at(1).x(), double(kStart + 1000));
    QCOMPARE(points.at(1).y(), 0.0);
    QVERIFY(history.metrics().contains(QStringLiteral("consumerLag")));
}

void tst_MonitorCharts::chartsShowTheChosenRange()
{
    widgets::MonitorCharts charts;
    QJsonArray records;
    for (int minute = 0; minute <= 20; ++minute)
        records.append(record(kStart + minute * 60000, minute, minute * 10, 5, 10));
    charts.setRangeMinutes(5);
    charts.addProgress(typed(records));
    QList<QPointF> shown = charts.shownPoints(QStringLiteral("inputRows"));
    QCOMPARE(shown.size(), 4); // minutes 16..19: the last five minutes, but the newest second (still filling)
    QCOMPARE(shown.last().y(), 19.0);
    QCOMPARE(charts.shownPoints(QStringLiteral("consumerLag")).last().y(), 200.0);
    QCOMPARE(charts.shownPoints(QStringLiteral("latency.p99")).size(), 5);
    charts.setRangeMinutes(60);
    QCOMPARE(charts.shownPoints(QStringLiteral("inputRows")).size(), 20);
    // Paused and scrolled back to minute 10: minutes 6..10 of the 5-minute range.
    charts.setRangeMinutes(5);
    charts.scrollTo(kStart + 10 * 60000 + 1000);
    shown = charts.shownPoints(QStringLiteral("consumerLag"));
    QCOMPARE(shown.size(), 5);
    QCOMPARE(shown.last().y(), 100.0);
    charts.addProgress(typed(QJsonArray{record(kStart + 21 * 60000, 1, 999, 1)})); // new records do not move the picture
    QCOMPARE(charts.shownPoints(QStringLiteral("consumerLag")).last().y(), 100.0);
    charts.clear();
    QVERIFY(charts.shownPoints(QStringLiteral("inputRows")).isEmpty());
}

void tst_MonitorCharts::throughputKeepsTheInputReadable()
{
    // 1,000 rows a second in 1 ms batches: a capacity of a million rows/s. Scaled
    // to it the input was a flat line at 0; the capacity is cut off and says so.
    widgets::MonitorCharts charts;
    QJsonArray fast;
    for (int second = 0; second < 6; ++second)
        fast.append(record(kStart + second * 1000, 1000, 0, 1));
    charts.addProgress(typed(fast));
    QVERIFY2(charts.lineName(QStringLiteral("processedRows")).contains(QLatin1String("above the chart")),
             qPrintable(charts.lineName(QStringLiteral("processedRows"))));
    charts.clear();
    QJsonArray busy; // batches near their limit: both on one scale
    for (int second = 0; second < 6; ++second)
        busy.append(record(kStart + second * 1000, 1000, 0, 400));
    charts.addProgress(typed(busy));
    QCOMPARE(charts.lineName(QStringLiteral("processedRows")), QStringLiteral("processed (capacity)"));
    // Round axis tops, whose half is round too.
    QCOMPARE(widgets::MonitorCharts::niceTop(1582), 2000.0);
    QCOMPARE(widgets::MonitorCharts::niceTop(2875), 4000.0);
    QCOMPARE(widgets::MonitorCharts::niceTop(4500), 5000.0);
    QCOMPARE(widgets::MonitorCharts::niceTop(11), 20.0);
    QCOMPARE(widgets::MonitorCharts::niceTop(10), 10.0);
    QCOMPARE(widgets::MonitorCharts::niceTop(0.3), 0.4);
}

void tst_MonitorCharts::keepsOneHour()
{
    widgets::ProgressHistory history;
    for (int minute = 0; minute <= 90; minute += 10)
        history.append(typed(record(kStart + qint64(minute) * 60000, 1, 0, 1)));
    const auto points = history.series(QStringLiteral("inputRows"));
    QCOMPARE(points.front().x(), double(kStart + 30 * 60000)); // 90 - 60
    QCOMPARE(points.size(), size_t(7));
}

void tst_MonitorCharts::lagPerPartitionAndTimeToCatchUp()
{
    auto withPartitions = [](qint64 at, double rows, double batchMs, double lag0, double lag1) {
        QJsonObject p = record(at, rows, lag0 + lag1, batchMs);
        const QJsonObject partitions{{QStringLiteral("0"), QJsonObject{{QStringLiteral("lag"), lag0}}},
                                     {QStringLiteral("1"), QJsonObject{{QStringLiteral("lag"), lag1}}}};
        const QJsonObject source{{QStringLiteral("node"), QStringLiteral("views")},
                                 {QStringLiteral("partitions"), QJsonObject{{QStringLiteral("user-events"), partitions}}}};
        p.insert(QStringLiteral("sources"), QJsonArray{source});
        p.insert(QStringLiteral("eventTime"), QJsonObject{{QStringLiteral("watermarkGapMs"), 12000}});
        return p;
    };
    widgets::MonitorCharts charts;
    charts.setTriggerMs(250);
    // 1000 rows in 100 ms of batch time: 10,000 rows/s; a lag of 5000 takes 0.5 s.
    charts.addProgress(typed(QJsonArray{withPartitions(kStart, 600, 60, 100, 900), withPartitions(kStart + 500, 400, 40, 1000, 4000)}));
    QCOMPARE(charts.shownPoints(QStringLiteral("lag.views/user-events/0")).last().y(), 1000.0);
    QCOMPARE(charts.shownPoints(QStringLiteral("lag.views/user-events/1")).last().y(), 4000.0);
    QCOMPARE(charts.lineName(QStringLiteral("lag.views/user-events/1")), QStringLiteral("p1")); // one source, one topic
    QCOMPARE(charts.shownPoints(QStringLiteral("catchUpSeconds")).last().y(), 0.5);
    QCOMPARE(charts.shownPoints(QStringLiteral("processedRows")).last().y(), 10000.0);
    // Batch parts are stacked: poll at the bottom (the slowest batch's 30 ms), nothing above it here.
    QCOMPARE(charts.shownPoints(QStringLiteral("duration.poll")).last().y(), 30.0);
    QCOMPARE(charts.shownPoints(QStringLiteral("duration.decode")).last().y(), 30.0); // stacked: 0 ms of decode on top
    QCOMPARE(charts.shownPoints(QStringLiteral("watermarkGapSeconds")).last().y(), 12.0);
    const QList<QPointF> trigger = charts.shownPoints(QStringLiteral("trigger"));
    QCOMPARE(trigger.size(), 2);
    QCOMPARE(trigger.first().y(), 250.0);
    // A second topic: the names say which topic each partition is of.
    QJsonObject p = record(kStart + 1000, 10, 10, 10);
    const QJsonObject orders{{QStringLiteral("0"), QJsonObject{{QStringLiteral("lag"), 5}}}};
    p.insert(QStringLiteral("sources"), QJsonArray{QJsonObject{{QStringLiteral("node"), QStringLiteral("views")},
                                                               {QStringLiteral("partitions"),
                                                                QJsonObject{{QStringLiteral("orders"), orders}}}}});
    charts.addProgress(typed(QJsonArray{p}));
    QCOMPARE(charts.lineName(QStringLiteral("lag.views/orders/0")), QStringLiteral("orders p0"));
    QCOMPARE(charts.lineName(QStringLiteral("lag.views/user-events/1")), QStringLiteral("user-events p1"));
    // The next run (or pipeline) starts without them.
    charts.clear();
    QCOMPARE(charts.lineName(QStringLiteral("lag.views/orders/0")), QString());
    QCOMPARE(charts.lineName(QStringLiteral("consumerLag")), QStringLiteral("total")); // the chart's own line stays
}

void tst_MonitorCharts::canvasFiguresPerNode()
{
    const QJsonObject nodes{{QStringLiteral("views"), QJsonObject{{QStringLiteral("busyMs"), 3.0}}},
                            {QStringLiteral("per_minute"), QJsonObject{{QStringLiteral("busyMs"), 1.0}}}};
    QJsonObject batch{{QStringLiteral("durationMs"), QJsonObject{{QStringLiteral("total"), 10.0}}}, {QStringLiteral("nodes"), nodes}};
    QJsonObject latest = batch;
    latest.insert(QStringLiteral("sources"),
                  QJsonArray{QJsonObject{{QStringLiteral("node"), QStringLiteral("views")},
                                         {QStringLiteral("consumerLag"), 1204},
                                         {QStringLiteral("deadLetters"), 2},
                                         {QStringLiteral("group"), QStringLiteral("streamwright-views")}}});
    latest.insert(QStringLiteral("stateOperators"),
                  QJsonArray{QJsonObject{{QStringLiteral("node"), QStringLiteral("per_minute")},
                                         {QStringLiteral("numRowsTotal"), 5310},
                                         {QStringLiteral("lateRowsDropped"), 8}}});
    latest.insert(QStringLiteral("eventTime"), QJsonObject{{QStringLiteral("watermark"), double(kStart)}});
    const auto figures = widgets::nodeFigures(typed(latest), typed(QJsonArray{batch, batch}),
                                              QJsonObject{{QStringLiteral("views"), QStringLiteral("WARN")}});
    QCOMPARE(figures.value(QStringLiteral("views")).busyShare, 0.3);
    QCOMPARE(figures.value(QStringLiteral("per_minute")).busyShare, 0.1);
    const QLocale locale;
    QCOMPARE(figures.value(QStringLiteral("views")).lines,
             QStringList({QStringLiteral("lag %1 (WARN)").arg(locale.toString(1204)), QStringLiteral("dead letters 2")}));
    QVERIFY(figures.value(QStringLiteral("views")).alarming);
    QCOMPARE(figures.value(QStringLiteral("per_minute")).lines,
             QStringList({QStringLiteral("state %1 rows").arg(locale.toString(5310)), QStringLiteral("watermark 12:00:00"),
                          QStringLiteral("late 8")}));
    QVERIFY(!figures.value(QStringLiteral("per_minute")).alarming);
    // While the runtime says a source cannot reach its cluster, its node says so.
    const auto away = widgets::nodeFigures(typed(latest), {}, QJsonObject{{QStringLiteral("views"), QStringLiteral("STOP")}},
                                           QStringLiteral("views"));
    QCOMPARE(away.value(QStringLiteral("views")).lines.last(), QStringLiteral("cannot reach its cluster"));
    QVERIFY(away.value(QStringLiteral("views")).alarming);
    // A sink says how many rows it wrote since the start, and where (a run left no sign of it).
    latest.insert(QStringLiteral("sinks"), QJsonArray{QJsonObject{{QStringLiteral("node"), QStringLiteral("dashboard")},
                                                                  {QStringLiteral("numOutputRows"), 12},
                                                                  {QStringLiteral("numOutputRowsTotal"), 40200}}});
    const QString where = widgets::sinkDestination(
        QStringLiteral("sink.sqlite"), QJsonObject{{QStringLiteral("path"), QStringLiteral("out/trending.db")},
                                                   {QStringLiteral("table"), QStringLiteral("trending")}});
    QCOMPARE(where, QStringLiteral("to trending.db, table trending"));
    const auto sinks = widgets::nodeFigures(typed(latest), {}, {}, {}, {{QStringLiteral("dashboard"), where}});
    QCOMPARE(sinks.value(QStringLiteral("dashboard")).lines,
             QStringList({QStringLiteral("wrote %1 rows").arg(locale.toString(40200)), where}));
    QCOMPARE(widgets::sinkDestination(QStringLiteral("filter"), {}), QString());
    // A source that read nothing for a while says so.
    const auto idle = widgets::nodeFigures(typed(latest), {}, {}, {}, {}, {{QStringLiteral("views"), 42}});
    QVERIFY(idle.value(QStringLiteral("views")).lines.contains(QStringLiteral("nothing read for 42 s")));
}

void tst_MonitorCharts::runHistoryIsStoredAndLoaded()
{
    QTemporaryDir folder;
    const QString path = widgets::RunHistoryStore::pathFor(folder.filePath(QStringLiteral("trending.json")), {}, {});
    QCOMPARE(QFileInfo(path).fileName(), QStringLiteral("trending.history.sqlite"));
    QCOMPARE(QFileInfo(widgets::RunHistoryStore::pathFor({}, QStringLiteral("my pipe/1"), folder.path())).fileName(),
             QStringLiteral("my_pipe_1.history.sqlite"));
    widgets::ProgressHistory live;
    {
        widgets::RunHistoryStore store;
        QVERIFY(!store.open(path));
        const qint64 run = store.beginRun(QStringLiteral("trending"), QDateTime::fromMSecsSinceEpoch(kStart));
        QVERIFY(run > 0);
        for (int second = 0; second < 5; ++second) {
            live.append(typed(record(kStart + second * 1000 + 100, 10, second, 5, 20)));
            live.append(typed(record(kStart + second * 1000 + 600, 20, second, 9, 30)));
            store.store(run, live); // as the app does after each poll
        }
        store.store(run, live, true);
        store.endRun(run, QDateTime::fromMSecsSinceEpoch(kStart + 5000), QStringLiteral("finished"));
        store.beginRun(QStringLiteral("trending"), QDateTime::fromMSecsSinceEpoch(kStart + 10000)); // crashed: no end
    }
    widgets::RunHistoryStore reopened; // afterwards, as after a restart of the app
    QVERIFY(!reopened.open(path));
    const auto runs = reopened.runs();
    QCOMPARE(runs.size(), size_t(2));
    QVERIFY(!runs[0].ended.isValid()); // newest first; it never ended
    QCOMPARE(runs[1].outcome, QStringLiteral("finished"));
    const widgets::ProgressHistory loaded = reopened.load(runs[1].id);
    QCOMPARE(loaded.series(QStringLiteral("inputRows")).size(), size_t(5));
    for (const QString &metric : live.metrics()) {
        const auto a = live.series(metric), b = loaded.series(metric);
        QCOMPARE(b.size(), a.size());
        for (size_t i = 0; i < a.size(); ++i)
            QCOMPARE(b[i], a[i]);
    }
    // CSV: a header of metrics, one line per second.
    const QList<QByteArray> lines = loaded.toCsv().trimmed().split('\n');
    QCOMPARE(lines.size(), 6);
    QVERIFY(lines[0].startsWith("time,"));
    QVERIFY(lines[0].contains("inputRows"));
    QVERIFY2(lines[1].startsWith("2026-11-25T12:00:00Z,"), lines[1].constData());
    widgets::MonitorCharts charts;
    charts.setRangeMinutes(60);
    charts.setHistory(loaded);
    QCOMPARE(charts.shownPoints(QStringLiteral("consumerLag")).size(), 5);
    QVERIFY(charts.exportPng(folder.filePath(QStringLiteral("charts.png"))));
    QVERIFY(QImage(folder.filePath(QStringLiteral("charts.png"))).width() > 100);
}

// Between data batches the executor runs empty ones; the summary's batch duration
// and latency stay those of the last batch that read rows, until the run is cleared.
void tst_MonitorCharts::summaryShowsTheLastBatchWithRows()
{
    auto withId = [](QJsonObject r, int id) {
        r.insert(QStringLiteral("batchId"), id);
        return r;
    };
    widgets::RunSummary summary;
    const QJsonObject data = withId(record(kStart, 500, 0, 12.5, 30), 7);
    const QJsonObject empty = withId(record(kStart + 100, 0, 0, 0.1), 8);
    summary.showProgress(typed(empty), typed(QJsonArray{data, empty}), 1000, 1000);
    QVERIFY2(summary.figure(QStringLiteral("duration")).startsWith(QStringLiteral("12.5 ms")),
             qPrintable(summary.figure(QStringLiteral("duration"))));
    QVERIFY(summary.figure(QStringLiteral("latency")).contains(QStringLiteral("p99 30 ms")));
    QCOMPARE(summary.figure(QStringLiteral("batchId")), QStringLiteral("8")); // the counters are the latest
    // A poll with only empty batches keeps the last data batch's figures.
    const QJsonObject later = withId(record(kStart + 200, 0, 0, 0.2), 9);
    summary.showProgress(typed(later), typed(QJsonArray{later}), 0, 0);
    QVERIFY(summary.figure(QStringLiteral("duration")).startsWith(QStringLiteral("12.5 ms")));
    // A new run forgets them.
    summary.clearRun();
    const QJsonObject first = withId(record(kStart + 300, 0, 0, 0.3), 0);
    summary.showProgress(typed(first), typed(QJsonArray{first}), 0, 0);
    QVERIFY(summary.figure(QStringLiteral("duration")).startsWith(QStringLiteral("0.3 ms")));
    QCOMPARE(summary.figure(QStringLiteral("latency")), QStringLiteral("–"));
}

QTEST_MAIN(tst_MonitorCharts)
#include "tst_monitorcharts.moc"
