// SPDX-License-Identifier: GPL-3.0-or-later
// Alert rules over progress records: thresholds, `for` durations, resolving, and
// every status of Burrow's consumer-lag evaluation.
#include "alerts/AlertEvaluator.h"
#include "alerts/LagStatus.h"

#include <QJsonArray>
#include <QTest>

using namespace sw::runtime;

Q_DECLARE_METATYPE(std::vector<OffsetSample>)
Q_DECLARE_METATYPE(LagStatus)

namespace {
BatchProgress progress(int64_t lag, double p99 = -1, int64_t offset = 0, int64_t late = 0)
{
    BatchProgress p;
    p.consumerLag = lag;
    p.lateRowsDropped = late;
    p.durationMs.total = 12.0;
    SourceProgress views;
    views.node = QStringLiteral("views");
    views.consumerLag = lag;
    PartitionProgress &partition = views.partition(QStringLiteral("user-events"), 0);
    partition.nextOffset = offset;
    partition.lag = lag;
    p.sources.push_back(views);
    p.nodes[QStringLiteral("views")].rowsOut = 5;
    if (p99 >= 0)
        p.e2eLatencyMs = LatencyQuantiles{0, 0, p99, p99};
    return p;
}

AlertRule rule(const char *metric, std::optional<double> above, qint64 forMs = 0, const char *node = "")
{
    AlertRule r;
    r.metric = QLatin1String(metric);
    r.node = QLatin1String(node);
    r.above = above;
    r.forMs = forMs;
    return r;
}
} // namespace

class tst_Alerts : public QObject
{
    Q_OBJECT
private slots:
    void burrowStatus_data();
    void burrowStatus();
    void firesAfterItsForDurationAndResolves();
    void missingMetricLeavesTheRuleAlone();
    void belowAndNodeMetrics();
    void growingLagFiresBelowTheThreshold();
    void pausedRunStops();
    void rulesFromThePipelineFile();
    void foldsOneSecondOfBatches();
};

void tst_Alerts::burrowStatus_data()
{
    QTest::addColumn<std::vector<OffsetSample>>("window");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<LagStatus>("expected");
    QTest::addColumn<qint64>("currentLag"); // -1: none known since the last commit
    using W = std::vector<OffsetSample>;
    QTest::newRow("empty") << W{} << qint64(0) << LagStatus::Ok << qint64(-1);
    QTest::newRow("caught up") << W{{0, 10, 5}, {1000, 20, 3}, {2000, 30, 0}} << qint64(2500) << LagStatus::Ok << qint64(-1);
    QTest::newRow("lag went to zero inside the window")
        << W{{0, 10, 5}, {1000, 20, 0}, {2000, 30, 4}, {3000, 40, 6}} << qint64(3500) << LagStatus::Ok << qint64(-1);
    QTest::newRow("lag going down") << W{{0, 10, 50}, {1000, 60, 40}, {2000, 110, 30}} << qint64(2500) << LagStatus::Ok << qint64(-1);
    QTest::newRow("lag up and down") << W{{0, 10, 50}, {1000, 60, 60}, {2000, 110, 30}} << qint64(2500) << LagStatus::Ok << qint64(-1);
    QTest::newRow("consuming, falling behind")
        << W{{0, 10, 50}, {1000, 60, 60}, {2000, 110, 60}, {3000, 160, 90}} << qint64(3500) << LagStatus::Warn << qint64(-1);
    QTest::newRow("committing the same offset") << W{{0, 10, 50}, {1000, 10, 60}, {2000, 10, 70}} << qint64(2500)
                                                << LagStatus::Stall << qint64(-1);
    QTest::newRow("stalled with fixed lag") << W{{0, 10, 50}, {1000, 10, 50}, {2000, 10, 50}} << qint64(2500)
                                            << LagStatus::Stall << qint64(-1);
    QTest::newRow("no commits for longer than the window spans")
        << W{{0, 10, 50}, {1000, 60, 40}, {2000, 110, 30}} << qint64(4500) << LagStatus::Stop << qint64(-1);
    QTest::newRow("stopped but caught up") << W{{0, 10, 5}, {1000, 20, 3}, {2000, 30, 0}} << qint64(9000)
                                           << LagStatus::Ok << qint64(-1);
    QTest::newRow("two commits say nothing yet") << W{{0, 10, 50}, {1000, 10, 60}} << qint64(1500) << LagStatus::Ok << qint64(-1);
    // The lag now, asked of the broker while no commit comes (a paused run).
    QTest::newRow("caught up, paused, records wait")
        << W{{0, 10, 5}, {1000, 20, 3}, {2000, 30, 0}} << qint64(9000) << LagStatus::Stop << qint64(48890);
    QTest::newRow("caught up, paused, nothing new") << W{{0, 10, 5}, {1000, 20, 3}, {2000, 30, 0}} << qint64(9000)
                                                   << LagStatus::Ok << qint64(0);
    QTest::newRow("caught up, records arrived, not stopped yet")
        << W{{0, 10, 5}, {1000, 20, 3}, {2000, 30, 0}} << qint64(2500) << LagStatus::Ok << qint64(500);
}

void tst_Alerts::burrowStatus()
{
    QFETCH(std::vector<OffsetSample>, window);
    QFETCH(qint64, now);
    QFETCH(LagStatus, expected);
    QFETCH(qint64, currentLag);
    QCOMPARE(lagStatusName(evaluateLag(window, now, currentLag >= 0 ? std::optional<int64_t>(currentLag) : std::nullopt)),
             lagStatusName(expected));
}

void tst_Alerts::firesAfterItsForDurationAndResolves()
{
    AlertEvaluator alerts({rule("e2e_latency_ms", 100, 30000)});
    QVERIFY(alerts.onProgress(progress(0, 150), 0).empty()); // holds, but not for 30 s yet
    QVERIFY(alerts.onProgress(progress(0, 180), 20000).empty());
    auto events = alerts.onProgress(progress(0, 160), 30000);
    QCOMPARE(events.size(), size_t(1));
    QVERIFY(events[0].firing);
    QCOMPARE(events[0].value, 160.0);
    QVERIFY(events[0].message.contains(QLatin1String("e2e_latency_ms above 100 for 30s")));
    QVERIFY(alerts.isFiring(0));
    QVERIFY(alerts.onProgress(progress(0, 170), 40000).empty()); // fires once
    events = alerts.onProgress(progress(0, 90), 41000);
    QCOMPARE(events.size(), size_t(1));
    QVERIFY(!events[0].firing);
    // A dip resets the clock: 25 s + 10 s is not 30 s in a row.
    QVERIFY(alerts.onProgress(progress(0, 150), 50000).empty());
    QVERIFY(alerts.onProgress(progress(0, 50), 75000).empty());
    QVERIFY(alerts.onProgress(progress(0, 150), 76000).empty());
    QVERIFY(alerts.onProgress(progress(0, 150), 86000).empty());
    QCOMPARE(alerts.history().size(), size_t(2));
    QCOMPARE(alerts.toJson(86000).value(QStringLiteral("history")).toArray().size(), 2);
}

void tst_Alerts::missingMetricLeavesTheRuleAlone()
{
    AlertEvaluator alerts({rule("e2e_latency_ms", 100)});
    QCOMPARE(alerts.onProgress(progress(0, 150), 0).size(), size_t(1));
    QVERIFY(alerts.onProgress(progress(0), 1000).empty()); // an empty batch has no latency: still firing
    QVERIFY(alerts.isFiring(0));
}

void tst_Alerts::belowAndNodeMetrics()
{
    AlertRule slow = rule("rows_out", std::nullopt, 0, "views");
    slow.below = 10;
    AlertRule late = rule("late_rows_dropped", 0);
    AlertEvaluator alerts({slow, late});
    const auto events = alerts.onProgress(progress(0, -1, 0, 3), 0);
    QCOMPARE(events.size(), size_t(2)); // 5 rows out < 10, 3 late rows > 0
    QCOMPARE(AlertEvaluator::metricValue(QStringLiteral("consumer_lag"), QStringLiteral("views"), progress(42)).value(), 42.0);
    QVERIFY(!AlertEvaluator::metricValue(QStringLiteral("consumer_lag"), QStringLiteral("nope"), progress(42)));
    QCOMPARE(AlertEvaluator::metricValue(QStringLiteral("batch_duration_ms"), {}, progress(0)).value(), 12.0);
}

void tst_Alerts::growingLagFiresBelowTheThreshold()
{
    AlertEvaluator alerts({rule("consumer_lag", 100000, 0, "views")});
    std::vector<AlertEvent> events;
    for (int second = 0; second < 5; ++second) { // consuming, but the lag grows every commit
        const auto now = alerts.onProgress(progress(100 + second * 50, -1, 1000 * second), second * 1000);
        QCOMPARE(now.size(), size_t(second == 2 ? 1 : 0)); // three commits make a trend
        events.insert(events.end(), now.begin(), now.end());
    }
    QCOMPARE(events.size(), size_t(1));
    QCOMPARE(events[0].lagStatus, QStringLiteral("WARN"));
    QVERIFY(events[0].message.contains(QLatin1String("WARN")));
    // It catches up: OK, resolved.
    events = alerts.onProgress(progress(0, -1, 9000), 5000);
    QCOMPARE(events.size(), size_t(1));
    QVERIFY(!events[0].firing);
    QCOMPARE(alerts.toJson(5000).value(QStringLiteral("lagStatus")).toObject().value(QStringLiteral("views")).toString(),
             QStringLiteral("OK"));
}

void tst_Alerts::pausedRunStops()
{
    AlertEvaluator alerts({rule("consumer_lag", 100000, 0, "views")});
    for (int second = 0; second < 4; ++second)
        QVERIFY(alerts.onProgress(progress(500 - second * 100, -1, 1000 * second), second * 1000).empty());
    // No more records (paused): after longer than the window spans, STOP fires.
    QVERIFY(alerts.onTick(5000).empty());
    const auto events = alerts.onTick(7000);
    QCOMPARE(events.size(), size_t(1));
    QCOMPARE(events[0].lagStatus, QStringLiteral("STOP"));

    // Caught up when paused; then the topic grows: the latest record, refreshed
    // with the lag now, makes it STOP once longer than the window spans passed.
    AlertEvaluator caughtUp({rule("consumer_lag", 100000, 0, "views")});
    for (int second = 0; second < 4; ++second)
        QVERIFY(caughtUp.onProgress(progress(300 - second * 100, -1, 1000 * second), second * 1000).empty());
    QVERIFY(caughtUp.onTick(8000).empty()); // lag 0 when it stopped: OK
    const BatchProgress refreshed = progress(48890, -1, 3000); // the same offset, the lag now
    const auto stopped = caughtUp.onTick(9000, &refreshed);
    QCOMPARE(stopped.size(), size_t(1));
    QCOMPARE(stopped[0].lagStatus, QStringLiteral("STOP"));
}

void tst_Alerts::rulesFromThePipelineFile()
{
    const auto rules = AlertRule::fromJson(QJsonArray{QJsonObject{{QStringLiteral("metric"), QStringLiteral("consumer_lag")},
                                                                  {QStringLiteral("node"), QStringLiteral("views")},
                                                                  {QStringLiteral("above"), 10000},
                                                                  {QStringLiteral("for"), QStringLiteral("30s")},
                                                                  {QStringLiteral("severity"), QStringLiteral("critical")}}});
    QCOMPARE(rules.size(), size_t(1));
    QCOMPARE(rules[0].forMs, qint64(30000));
    QCOMPARE(rules[0].above.value(), 10000.0);
    QVERIFY(!rules[0].below);
    QCOMPARE(rules[0].severity, QStringLiteral("critical"));
    QCOMPARE(rules[0].describe(), QStringLiteral("consumer_lag of views above 10000 for 30s"));
}

void tst_Alerts::foldsOneSecondOfBatches()
{
    // A batch with rows, then the no-data batch after it: the second has both.
    const BatchProgress folded = *AlertEvaluator::foldInterval({progress(30, 80), progress(10)}, 0.5);
    QCOMPARE(AlertEvaluator::metricValue(QStringLiteral("rows_out"), QStringLiteral("views"), folded).value(), 10.0);
    QCOMPARE(AlertEvaluator::metricValue(QStringLiteral("e2e_latency_ms"), {}, folded).value(), 80.0);
    QCOMPARE(AlertEvaluator::metricValue(QStringLiteral("consumer_lag"), {}, folded).value(), 10.0); // the latest
    QVERIFY(!AlertEvaluator::foldInterval({}, 1));
}

QTEST_GUILESS_MAIN(tst_Alerts)
#include "tst_alerts.moc"
