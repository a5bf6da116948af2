// SPDX-License-Identifier: GPL-3.0-or-later
#include "run/NodeFigures.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace sw::widgets {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("sw::widgets", text); // lupdate files free functions under the namespace
}

QString count(double value)
{
    return QLocale().toString(qint64(std::llround(value)));
}
} // namespace

QHash<QString, NodeFigures> nodeFigures(const QJsonObject &latest, const QJsonArray &recent, const QJsonObject &lagStatus)
{
    QHash<QString, NodeFigures> figures;
    // Busy share: time in the node over batch time, across the batches since the last poll.
    double totalMs = 0;
    QHash<QString, double> busy;
    for (const auto &r : recent) {
        const QJsonObject p = r.toObject();
        totalMs += p.value(QStringLiteral("durationMs")).toObject().value(QStringLiteral("total")).toDouble();
        const QJsonObject nodes = p.value(QStringLiteral("nodes")).toObject();
        for (auto it = nodes.begin(); it != nodes.end(); ++it)
            busy[it.key()] += it.value().toObject().value(QStringLiteral("busyMs")).toDouble();
    }
    for (auto it = busy.begin(); it != busy.end(); ++it)
        figures[it.key()].busyShare = totalMs > 0 ? std::clamp(it.value() / totalMs, 0.0, 1.0) : 0.0;

    for (const auto &s : latest.value(QStringLiteral("sources")).toArray()) {
        const QJsonObject source = s.toObject();
        NodeFigures &f = figures[source.value(QStringLiteral("node")).toString()];
        const QString status = lagStatus.value(source.value(QStringLiteral("node")).toString()).toString();
        if (source.contains(QStringLiteral("partitions"))) { // Kafka sources have a lag
            f.lines << (status.isEmpty() ? tr("lag %1").arg(count(source.value(QStringLiteral("consumerLag")).toDouble()))
                                         : tr("lag %1 (%2)").arg(count(source.value(QStringLiteral("consumerLag")).toDouble()), status));
            f.alarming = f.alarming || (!status.isEmpty() && status != QLatin1String("OK"));
        }
        const double dead = source.value(QStringLiteral("deadLetters")).toDouble();
        if (dead > 0) {
            f.lines << tr("dead letters %1").arg(count(dead));
            f.alarming = true;
        }
    }
    const QJsonValue watermark = latest.value(QStringLiteral("eventTime")).toObject().value(QStringLiteral("watermark"));
    const QString watermarkText =
        watermark.isString() ? tr("end") : QDateTime::fromMSecsSinceEpoch(qint64(watermark.toDouble()), QTimeZone::utc())
                                               .toString(QStringLiteral("HH:mm:ss"));
    for (const auto &o : latest.value(QStringLiteral("stateOperators")).toArray()) {
        const QJsonObject op = o.toObject();
        NodeFigures &f = figures[op.value(QStringLiteral("node")).toString()];
        f.lines << tr("state %1 rows").arg(count(op.value(QStringLiteral("numRowsTotal")).toDouble()));
        if (watermark.isString() || watermark.toDouble() > 0)
            f.lines << tr("watermark %1").arg(watermarkText);
        const double late = op.value(QStringLiteral("lateRowsDropped")).toDouble();
        if (late > 0)
            f.lines << tr("late %1").arg(count(late));
    }
    return figures;
}

} // namespace sw::widgets
