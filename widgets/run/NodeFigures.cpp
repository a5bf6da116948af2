// SPDX-License-Identifier: GPL-3.0-or-later
#include "run/NodeFigures.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
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

QString sinkDestination(const QString &type, const QJsonObject &config)
{
    const QString path = QFileInfo(config.value(QStringLiteral("path")).toString()).fileName();
    const QString table = config.value(QStringLiteral("table")).toString();
    if (type == u"sink.sqlite")
        return tr("to %1, table %2").arg(path, table);
    if (type == u"sink.file")
        return tr("to %1").arg(path);
    if (type == u"sink.kafka")
        return tr("to topic %1").arg(config.value(QStringLiteral("topic")).toString());
    if (type == u"sink.preview")
        return tr("rows in the Data dock");
    if (type == u"sink.postgres" || type == u"sink.redis")
        return table.isEmpty() ? QString() : tr("to %1").arg(table);
    return {};
}

QHash<QString, NodeFigures> nodeFigures(const runtime::BatchProgress &latest, const std::vector<runtime::BatchProgress> &recent,
                                        const QJsonObject &lagStatus, const QString &unreachableSource,
                                        const QHash<QString, QString> &sinkDestinations,
                                        const QHash<QString, int> &idleSeconds)
{
    QHash<QString, NodeFigures> figures;
    // Busy share: time in the node over batch time, across the batches since the last poll.
    double totalMs = 0;
    QHash<QString, double> busy;
    for (const runtime::BatchProgress &p : recent) {
        totalMs += p.durationMs.total;
        for (const auto &[node, progress] : p.nodes)
            busy[node] += progress.busyMs;
    }
    for (auto it = busy.begin(); it != busy.end(); ++it)
        figures[it.key()].busyShare = totalMs > 0 ? std::clamp(it.value() / totalMs, 0.0, 1.0) : 0.0;

    for (const runtime::SourceProgress &source : latest.sources) {
        NodeFigures &f = figures[source.node];
        const QString status = lagStatus.value(source.node).toString();
        if (!source.group.isEmpty()) { // Kafka sources (consumers in a group) have a lag
            f.lines << (status.isEmpty() ? tr("lag %1").arg(count(double(source.consumerLag)))
                                         : tr("lag %1 (%2)").arg(count(double(source.consumerLag)), status));
            f.alarming = f.alarming || (!status.isEmpty() && status != QLatin1String("OK"));
        }
        if (source.deadLetters > 0) {
            f.lines << tr("dead letters %1").arg(count(double(source.deadLetters)));
            f.alarming = true;
        }
        if (const int idle = idleSeconds.value(source.node); idle > 0 && source.unreachable.isEmpty())
            f.lines << tr("nothing read for %1 s").arg(count(idle)); // an empty topic, or a producer that stopped
        if (source.node == unreachableSource || !source.unreachable.isEmpty()) {
            f.lines << tr("cannot reach its cluster");
            f.alarming = true;
        }
    }
    const QString watermarkText = latest.watermarkIsEnd()
                                      ? tr("end")
                                      : QDateTime::fromMSecsSinceEpoch(latest.watermark, QTimeZone::utc()).toString(QStringLiteral("HH:mm:ss"));
    for (const runtime::StateOperatorProgress &op : latest.stateOperators) {
        NodeFigures &f = figures[op.node];
        f.lines << tr("state %1 rows").arg(count(double(op.numRowsTotal)));
        if (latest.watermarkIsEnd() || latest.watermark > 0)
            f.lines << tr("watermark %1").arg(watermarkText);
        if (op.lateRowsDropped > 0)
            f.lines << tr("late %1").arg(count(double(op.lateRowsDropped)));
    }
    for (const runtime::SinkProgress &sink : latest.sinks) {
        NodeFigures &f = figures[sink.node];
        f.lines << tr("wrote %1 rows").arg(count(double(sink.numOutputRowsTotal)));
        if (const QString where = sinkDestinations.value(sink.node); !where.isEmpty())
            f.lines << where;
    }
    return figures;
}

} // namespace sw::widgets
