// SPDX-License-Identifier: GPL-3.0-or-later
#include "run/RunSummary.h"

#include <QDateTime>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
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
    };
    for (const auto &[key, label] : rows) {
        auto *value = new QLabel(QStringLiteral("–"), this);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
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
    m_lastDataBatch = {};
}

QString RunSummary::figure(const QString &key) const
{
    const QLabel *label = m_figures.value(key);
    return label ? label->text() : QString();
}

void RunSummary::showProgress(const QJsonObject &p, const QJsonArray &recent, double inputRowsPerSecond,
                              double processedRowsPerSecond)
{
    for (const QJsonValue &r : recent) { // the latest record is the last of them
        if (r.toObject().value(QStringLiteral("numInputRows")).toDouble() > 0)
            m_lastDataBatch = r.toObject();
    }
    const QJsonObject &batch = m_lastDataBatch.isEmpty() ? p : m_lastDataBatch;
    const QLocale locale;
    auto number = [&](const char *key) {
        return locale.toString(qint64(std::llround(p.value(QLatin1String(key)).toDouble())));
    };
    for (const char *key : {"batchId", "consumerLag", "lateRowsDropped", "deadLetters"})
        m_figures.value(QLatin1String(key))->setText(number(key));
    m_figures.value(QStringLiteral("inputRowsPerSecond"))->setText(locale.toString(qint64(std::llround(inputRowsPerSecond))));
    m_figures.value(QStringLiteral("processedRowsPerSecond"))
        ->setText(locale.toString(qint64(std::llround(processedRowsPerSecond))));
    const QJsonObject duration = batch.value(QStringLiteral("durationMs")).toObject();
    m_figures.value(QStringLiteral("duration"))
        ->setText(tr("%1 ms (poll %2, decode %3, operators %4, sink %5)")
                      .arg(duration.value(QStringLiteral("total")).toDouble(), 0, 'f', 1)
                      .arg(duration.value(QStringLiteral("poll")).toDouble(), 0, 'f', 1)
                      .arg(duration.value(QStringLiteral("decode")).toDouble(), 0, 'f', 1)
                      .arg(duration.value(QStringLiteral("operators")).toDouble(), 0, 'f', 1)
                      .arg(duration.value(QStringLiteral("sink")).toDouble(), 0, 'f', 1));
    const QJsonObject latency = batch.value(QStringLiteral("e2eLatencyMs")).toObject();
    m_figures.value(QStringLiteral("latency"))
        ->setText(latency.isEmpty() ? QStringLiteral("–")
                                    : tr("p50 %1 ms, p95 %2 ms, p99 %3 ms")
                                          .arg(qint64(latency.value(QStringLiteral("p50")).toDouble()))
                                          .arg(qint64(latency.value(QStringLiteral("p95")).toDouble()))
                                          .arg(qint64(latency.value(QStringLiteral("p99")).toDouble())));
    const QJsonValue watermark = p.value(QStringLiteral("eventTime")).toObject().value(QStringLiteral("watermark"));
    QString watermarkText = QStringLiteral("–");
    if (watermark.isString())
        watermarkText = tr("end of input");
    else if (watermark.toDouble() > 0)
        watermarkText = QDateTime::fromMSecsSinceEpoch(qint64(watermark.toDouble()), QTimeZone::utc())
                            .toString(Qt::ISODate);
    m_figures.value(QStringLiteral("watermark"))->setText(watermarkText);
}

} // namespace sw::widgets
