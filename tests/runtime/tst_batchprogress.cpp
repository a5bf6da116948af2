// SPDX-License-Identifier: GPL-3.0-or-later
// The progress record's one JSON mapping: the record docs/metrics.md shows reads
// into the typed fields and writes back unchanged; every record of a real run
// survives JSON and back; what is not a record is refused with a reason.
#include "engine/Executor.h"
#include "format/PipelineFormat.h"
#include "model/Timestamps.h"
#include "progress/BatchProgress.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace sw;
using namespace sw::runtime;

class tst_BatchProgress : public QObject
{
    Q_OBJECT
private slots:
    void theDocumentedRecord();
    void everyRecordOfARunRoundTrips();
    void refusesWhatIsNotARecord();
};

void tst_BatchProgress::theDocumentedRecord()
{
    QFile doc(QStringLiteral(STREAMWRIGHT_SOURCE_DIR "/docs/metrics.md"));
    QVERIFY(doc.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(doc.readAll());
    const auto block = QRegularExpression(QStringLiteral("```json\\n(\\{.*?\\})\\n```"),
                                          QRegularExpression::DotMatchesEverythingOption)
                           .match(text);
    QVERIFY(block.hasMatch());
    QJsonParseError parseError;
    const QJsonObject json = QJsonDocument::fromJson(block.captured(1).toUtf8(), &parseError).object();
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));

    QString error;
    const auto p = BatchProgress::fromJson(json, &error);
    QVERIFY2(p, qPrintable(error));
    QCOMPARE(p->batchId, 41);
    QCOMPARE(p->timestampMs, 1795625112511); // 2026-11-25T16:45:12.511Z
    QCOMPARE(p->numInputRows, 10000);
    QCOMPARE(p->durationMs.total, 26.9);
    QCOMPARE(p->watermark, 1795600792006);
    QCOMPARE(p->watermarkGapMs.value(), 8123);
    QCOMPARE(p->lateRowsDropped, 34);
    QCOMPARE(p->e2eLatencyMs->p99, 25.0);
    QCOMPARE(p->sources.size(), size_t(1));
    const SourceProgress &views = p->sources.front();
    QCOMPARE(views.node, QStringLiteral("views"));
    QCOMPARE(views.group, QStringLiteral("streamwright-trending-products-views"));
    QCOMPARE(views.maxEventTime.value(), 1795600802006);
    QCOMPARE(views.partitions.size(), size_t(1));
    const PartitionProgress &partition = views.partitions.front();
    QCOMPARE(partition.topic, QStringLiteral("user-events"));
    QCOMPARE(partition.startOffset.value(), 0);
    QCOMPARE(partition.endOffset.value(), 2500);
    QCOMPARE(partition.latestOffset.value(), 2500);
    QCOMPARE(partition.nextOffset.value(), 2500);
    QCOMPARE(partition.lag.value(), 0);
    QCOMPARE(p->stateOperator(QStringLiteral("per_minute"))->numRowsTotal, 413);
    QCOMPARE(p->sinks.front().numOutputRows, 413);
    QCOMPARE(p->nodeProgress(QStringLiteral("only_views"))->rowsOutByPort.at(QStringLiteral("out")), 7017);
    QCOMPARE(p->nodeProgress(QStringLiteral("views"))->busyMs, 21.6);

    // Written back, it is the documented record again, field for field.
    QCOMPARE(QString::fromUtf8(QJsonDocument(p->toJson()).toJson(QJsonDocument::Indented)).split(u'\n'),
             QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)).split(u'\n'));
}

void tst_BatchProgress::everyRecordOfARunRoundTrips()
{
    const char *pipeline = R"j({"format": "streamwright.pipeline/1", "name": "gen", "connections": {},
    "nodes": [
     {"id": "events", "type": "source.generator", "position": [0, 0], "config": {"stream": "user-events", "rate": 0,
      "count": 20000, "seed": 7, "startTime": "2026-11-25T10:00:00Z", "lateFraction": 0.02,
      "eventTime": {"field": "ts", "watermarkDelay": "10s"}}},
     {"id": "per_minute", "type": "window.aggregate", "position": [0, 0], "config": {"window": {"kind": "tumbling", "size": "1m"},
      "groupBy": ["category"], "aggregates": [{"name": "views", "fn": "count"}]}},
     {"id": "out", "type": "sink.preview", "position": [0, 0], "config": {}}
    ],
    "edges": [{"from": "events", "to": "per_minute"}, {"from": "per_minute", "to": "out"}],
    "runtime": {"maxBatchRows": 3000}})j";
    auto loaded = core::PipelineFormat::load(pipeline);
    QVERIFY(loaded.pipeline);
    Executor executor(*loaded.pipeline, RunOptions{});
    QString error;
    QVERIFY2(executor.open(error), qPrintable(error));
    while (executor.step() != Executor::Step::Finished) {
    }
    const std::vector<BatchProgress> records = executor.recentProgress();
    QVERIFY(records.size() > 10);
    QVERIFY(records.back().watermarkIsEnd());
    int64_t rows = 0, droppedByWatermark = 0;
    for (const BatchProgress &p : records) {
        // Spark's figures: event time stats of the rows read, the state's updates,
        // drops and size.
        QCOMPARE(p.eventTimeStats.has_value(), p.numInputRows > 0);
        if (p.eventTimeStats) {
            QVERIFY(p.eventTimeStats->min <= p.eventTimeStats->avg && p.eventTimeStats->avg <= p.eventTimeStats->max);
            QVERIFY(p.eventTimeStats->max <= p.sources.front().maxEventTime.value());
            QVERIFY(p.eventTimeStats->max - p.eventTimeStats->min < 3600 * 1000);
        }
        const StateOperatorProgress &window = p.stateOperators.front();
        QVERIFY(p.numInputRows == 0 || window.numRowsUpdated > 0);
        QVERIFY(window.numRowsUpdated <= window.numRowsTotal + 200);
        QVERIFY(window.numRowsTotal == 0 || window.memoryUsedBytes > window.numRowsTotal * 64);
        QVERIFY(window.memoryUsedBytes < window.numRowsTotal * 1000 + 65536);
        droppedByWatermark += window.numRowsDroppedByWatermark;
        QCOMPARE(droppedByWatermark, window.lateRowsDropped);
        const QJsonObject json = p.toJson();
        const auto back = BatchProgress::fromJson(json);
        QVERIFY(back);
        if (!(*back == p))
            QFAIL(qPrintable(QStringLiteral("batch %1 changed through JSON: %2").arg(p.batchId).arg(QString::fromUtf8(QJsonDocument(json).toJson()))));
        QCOMPARE(back->toJson(), json);
        rows += p.numInputRows;
    }
    QCOMPARE(rows, 20000);
    QVERIFY(droppedByWatermark > 0); // 2 % late: some behind the watermark
    QCOMPARE(executor.progressSince(records[records.size() - 3].batchId).size(), size_t(2));
    QCOMPARE(executor.lastProgress()->batchId, records.back().batchId);
}

void tst_BatchProgress::refusesWhatIsNotARecord()
{
    QString error;
    QVERIFY(!BatchProgress::fromJson(QJsonObject{{QStringLiteral("numInputRows"), 5}}, &error));
    QCOMPARE(error, QStringLiteral("not a progress record: it has no numeric \"batchId\""));
    QVERIFY(!BatchProgress::fromJson(QJsonObject{{QStringLiteral("batchId"), QStringLiteral("7")}}));
}

QTEST_GUILESS_MAIN(tst_BatchProgress)
#include "tst_batchprogress.moc"
