// SPDX-License-Identifier: GPL-3.0-or-later
#include "run/RunSummary.h"

#include <QDateTime>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

namespace sw::widgets {

RunSummary::RunSummary(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QFormLayout(this);
    m_state = new QLabel(tr("Not running"), this);
    layout->addRow(tr("State"), m_state);
    const std::pair<const char *, QString> rows[] = {
        {"batchId", tr("Batch")},
        {"inputRowsPerSecond", tr("Input rows/s")},
        {"processedRowsPerSecond", tr("Processed rows/s")},
        {"consumerLag", tr("Consumer lag")},
        {"duration", tr("Batch duration")},
        {"latency", tr("End-to-end latency")},
        {"watermark", tr("Watermark")},
        {"lateRowsDropped", tr("Late rows dropped")},
        {"deadLetters", tr("Dead letters")},
        {"checkpoint", tr("Checkpoint")},
    };
    for (const auto &[key, label] : rows) {
        auto *value = new QLabel(QStringLiteral("–"), this);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true); // a narrow dock wraps a long figure rather than hiding the charts
        layout->addRow(label, value);
        m_figures.insert(QLatin1String(key), value);
    }
}

void RunSummary::setState(const QString &state)
{
    m_state->setText(state);
}

void RunSummary::clearRun()
{
    m_lastDataBatch.reset();
    m_checkpointReport.clear();
    m_figures.value(QStringLiteral("checkpoint"))->setText(QStringLiteral("–"));
    m_figures.value(QStringLiteral("checkpoint"))->setToolTip({});
}

void RunSummary::setCheckpointReport(const QString &report)
{
    m_checkpointReport = report;
    QLabel *label = m_figures.value(QStringLiteral("checkpoint"));
    label->setToolTip(report);
    // Before the first batch: what the runtime found.
    static const QRegularExpression resuming(QStringLiteral("resuming after batch (-?\\d+)"));
    const auto match = resuming.match(report);
    if (match.hasMatch())
        label->setText(tr("resumed after batch %1").arg(match.captured(1)));
    else if (report.contains(QLatin1String("(new)")))
        label->setText(tr("new"));
    else if (report.startsWith(QLatin1String("checkpoint: off")) || report.startsWith(QLatin1String("checkpoint: none")))
        label->setText(tr("none: at-least-once, state lost on stop"));
}

QString RunSummary::figure(const QString &key) const
{
    const QLabel *label = m_figures.value(key);
    return label ? label->text() : QString();
}

void RunSummary::showProgress(const runtime::BatchProgress &p, const std::vector<runtime::BatchProgress> &recent,
                              double inputRowsPerSecond, double processedRowsPerSecond)
{
    for (const runtime::BatchProgress &r : recent) { // the latest record is the last of them
        if (r.numInputRows > 0)
            m_lastDataBatch = r;
    }
    const runtime::BatchProgress &batch = m_lastDataBatch ? *m_lastDataBatch : p;
    const QLocale locale;
    auto number = [&locale](int64_t value) { return locale.toString(qint64(value)); };
    m_figures.value(QStringLiteral("batchId"))->setText(number(p.batchId));
    m_figures.value(QStringLiteral("consumerLag"))->setText(number(p.consumerLag));
    m_figures.value(QStringLiteral("lateRowsDropped"))->setText(number(p.lateRowsDropped));
    m_figures.value(QStringLiteral("deadLetters"))->setText(number(p.deadLetters));
    m_figures.value(QStringLiteral("inputRowsPerSecond"))->setText(locale.toString(qint64(std::llround(inputRowsPerSecond))));
    m_figures.value(QStringLiteral("processedRowsPerSecond"))
        ->setText(locale.toString(qint64(std::llround(processedRowsPerSecond))));
    const runtime::BatchDurations &duration = batch.durationMs;
    m_figures.value(QStringLiteral("duration"))
        ->setText(tr("%1 ms (poll %2, decode %3, operators %4, sink %5)")
                      .arg(duration.total, 0, 'f', 1)
                      .arg(duration.poll, 0, 'f', 1)
                      .arg(duration.decode, 0, 'f', 1)
                      .arg(duration.operators, 0, 'f', 1)
                      .arg(duration.sink, 0, 'f', 1));
    m_figures.value(QStringLiteral("latency"))
        ->setText(!batch.e2eLatencyMs ? QStringLiteral("–")
                                      : tr("p50 %1 ms, p95 %2 ms, p99 %3 ms")
                                            .arg(qint64(batch.e2eLatencyMs->p50))
                                            .arg(qint64(batch.e2eLatencyMs->p95))
                                            .arg(qint64(batch.e2eLatencyMs->p99)));
    QString watermarkText = QStringLiteral("–");
    if (p.watermarkIsEnd())
        watermarkText = tr("end of input");
    else if (p.watermark > 0)
        watermarkText = QDateTime::fromMSecsSinceEpoch(p.watermark, QTimeZone::utc()).toString(Qt::ISODate);
    m_figures.value(QStringLiteral("watermark"))->setText(watermarkText);
    if (p.checkpoint) {
        const QRegularExpressionMatch resumed =
            QRegularExpression(QStringLiteral("resuming after batch (-?\\d+)")).match(m_checkpointReport);
        QString text = tr("batch %1 committed, %2").arg(number(p.checkpoint->lastCommittedBatch), locale.formattedDataSize(p.checkpoint->bytes));
        if (resumed.hasMatch())
            text += tr("; resumed after batch %1").arg(resumed.captured(1));
        m_figures.value(QStringLiteral("checkpoint"))->setText(text);
    }
}

} // namespace sw::widgets
