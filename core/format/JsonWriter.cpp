// SPDX-License-Identifier: GPL-3.0-or-later
#include "format/JsonWriter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace sw::core {

namespace {

constexpr int kInlineLimit = 100;

bool isScalar(const OrderedJson &v)
{
    return v.kind == OrderedJson::Kind::Scalar || (v.items.empty() && v.members.empty());
}

bool isScalarArray(const OrderedJson &v)
{
    if (v.kind != OrderedJson::Kind::Array)
        return false;
    for (const auto &i : v.items) {
        if (!isScalar(i))
            return false;
    }
    return true;
}

// Inline candidates: arrays of scalars or of scalar arrays, objects of scalars.
bool mayInline(const OrderedJson &v)
{
    if (isScalar(v))
        return true;
    if (v.kind == OrderedJson::Kind::Array) {
        for (const auto &i : v.items) {
            if (!isScalar(i) && !isScalarArray(i))
                return false;
        }
        return true;
    }
    for (const auto &m : v.members) {
        if (!isScalar(m.second))
            return false;
    }
    return true;
}

QString inlineText(const OrderedJson &v)
{
    switch (v.kind) {
    case OrderedJson::Kind::Scalar: {
        const QJsonValue &s = v.scalar;
        if (s.isString())
            return JsonWriter::quote(s.toString());
        if (s.isDouble())
            return JsonWriter::number(s.toDouble());
        if (s.isBool())
            return s.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        return QStringLiteral("null");
    }
    case OrderedJson::Kind::Array: {
        QStringList parts;
        for (const auto &i : v.items)
            parts << inlineText(i);
        return u'[' + parts.join(QStringLiteral(", ")) + u']';
    }
    case OrderedJson::Kind::Object: {
        QStringList parts;
        for (const auto &m : v.members)
            parts << JsonWriter::quote(m.first) + QStringLiteral(": ") + inlineText(m.second);
        return u'{' + parts.join(QStringLiteral(", ")) + u'}';
    }
    }
    return {};
}

void writeValue(QString &out, const OrderedJson &v, int indent, bool root)
{
    if (!root && mayInline(v)) {
        const QString text = inlineText(v);
        if (text.size() <= kInlineLimit || isScalar(v)) {
            out += text;
            return;
        }
    }
    const QString pad(indent + 2, u' ');
    const bool isArray = v.kind == OrderedJson::Kind::Array;
    out += isArray ? u'[' : u'{';
    out += u'\n';
    const size_t n = isArray ? v.items.size() : v.members.size();
    for (size_t i = 0; i < n; ++i) {
        out += pad;
        if (isArray) {
            writeValue(out, v.items[i], indent + 2, false);
        } else {
            out += JsonWriter::quote(v.members[i].first) + QStringLiteral(": ");
            writeValue(out, v.members[i].second, indent + 2, false);
        }
        if (i + 1 < n)
            out += u',';
        out += u'\n';
    }
    out += QString(indent, u' ');
    out += isArray ? u']' : u'}';
}

} // namespace

OrderedJson OrderedJson::from(const QJsonValue &value, const SettingSpec *spec)
{
    if (value.isArray()) {
        OrderedJson a = array();
        const bool itemsAreObjects = spec && spec->kind == SettingKind::ObjectList;
        for (const auto &item : value.toArray())
            a.items.push_back(from(item, itemsAreObjects ? spec : nullptr));
        return a;
    }
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        OrderedJson result = object();
        const bool ordered = spec && (spec->kind == SettingKind::Object || spec->kind == SettingKind::ObjectList);
        if (ordered) {
            for (const auto &f : spec->fields) {
                const auto it = o.constFind(f.key);
                if (it != o.constEnd())
                    result.add(f.key, from(*it, &f));
            }
        }
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) { // QJsonObject iterates sorted
            if (!ordered || !spec->field(it.key()))
                result.add(it.key(), from(*it, nullptr));
        }
        return result;
    }
    OrderedJson s;
    s.scalar = value;
    return s;
}

QByteArray JsonWriter::write(const OrderedJson &root)
{
    QString out;
    writeValue(out, root, 0, true);
    out += u'\n';
    return out.toUtf8();
}

QString JsonWriter::number(double d)
{
    if (!std::isfinite(d))
        return QStringLiteral("null"); // JSON has no NaN or infinity
    if (d == std::floor(d) && std::abs(d) < 9007199254740992.0)
        return QString::number(qint64(d));
    return QString::number(d, 'g', QLocale::FloatingPointShortest);
}

QString JsonWriter::quote(const QString &s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += u'"';
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '"': out += QStringLiteral("\\\""); break;
        case '\\': out += QStringLiteral("\\\\"); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        case '\b': out += QStringLiteral("\\b"); break;
        case '\f': out += QStringLiteral("\\f"); break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

} // namespace sw::core
