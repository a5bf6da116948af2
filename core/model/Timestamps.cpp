// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/Timestamps.h"

#include <QDateTime>
#include <QTimeZone>

namespace sw::core {

QString Timestamps::toIso(int64_t epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

std::optional<int64_t> Timestamps::parseIso(const QString &text)
{
    QString s = text.trimmed();
    if (s.size() >= 11 && s[10] == u' ')
        s[10] = u'T';
    if (s.size() == 10) {
        const QDate date = QDate::fromString(s, Qt::ISODate);
        if (!date.isValid())
            return std::nullopt;
        return QDateTime(date, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    }
    QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!dt.isValid())
        return std::nullopt;
    if (dt.timeSpec() == Qt::LocalTime)
        dt.setTimeZone(QTimeZone::utc()); // no zone written: UTC, never the machine's zone
    return dt.toMSecsSinceEpoch();
}

} // namespace sw::core
