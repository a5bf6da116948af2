// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspector/SettingText.h"

#include <QJsonArray>
#include <QLocale>

namespace sw::widgets {

using core::SettingKind;

QString valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return value.toString();
    case QJsonValue::Double: return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array: {
        QStringList items;
        for (const auto &item : value.toArray())
            items << valueText(item);
        return items.join(QStringLiteral(", "));
    }
    default: return {};
    }
}

QJsonValue textValue(SettingKind kind, const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QJsonValue::Undefined;
    bool ok = false;
    switch (kind) {
    case SettingKind::Integer: {
        const qlonglong n = trimmed.toLongLong(&ok);
        return ok ? QJsonValue(n) : QJsonValue(trimmed);
    }
    case SettingKind::Number: {
        const double d = QLocale::c().toDouble(trimmed, &ok);
        return ok ? QJsonValue(d) : QJsonValue(trimmed);
    }
    case SettingKind::Boolean:
        if (trimmed == QLatin1String("true") || trimmed == QLatin1String("false"))
            return trimmed == QLatin1String("true");
        return trimmed;
    case SettingKind::StringList:
    case SettingKind::FieldList: {
        QJsonArray items;
        for (const QString &item : trimmed.split(QLatin1Char(','), Qt::SkipEmptyParts))
            items.append(item.trimmed());
        return items;
    }
    default: return text;
    }
}

QStringList fieldNames(const EditorContext &context)
{
    QStringList names;
    if (context.input) {
        for (const auto &field : context.input->fields)
            names << field.name;
    }
    return names;
}

} // namespace sw::widgets
