// SPDX-License-Identifier: GPL-3.0-or-later
#include "expr/Casts.h"

#include "model/Timestamps.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <cmath>
#include <limits>

namespace sw::core::expr {

namespace {

// Java's Double.toString, which Spark uses for CAST(double AS string).
QString javaDouble(double d)
{
    if (std::isnan(d))
        return QStringLiteral("NaN");
    if (std::isinf(d))
        return d > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    if (d == 0)
        return std::signbit(d) ? QStringLiteral("-0.0") : QStringLiteral("0.0");
    const double a = std::abs(d);
    if (a >= 1e-3 && a < 1e7) {
        QString s = QString::number(d, 'f', QLocale::FloatingPointShortest);
        if (!s.contains(u'.'))
            s += QStringLiteral(".0");
        return s;
    }
    QString s = QString::number(d, 'e', QLocale::FloatingPointShortest); // 1.5e+10
    const int e = int(s.indexOf(u'e'));
    QString mantissa = s.left(e);
    if (!mantissa.contains(u'.'))
        mantissa += QStringLiteral(".0");
    const int exponent = s.mid(e + 1).toInt();
    return mantissa + u'E' + QString::number(exponent);
}

} // namespace

int64_t Casts::toInt64(double d)
{
    if (std::isnan(d))
        return 0;
    if (d >= 9.2233720368547758e18)
        return std::numeric_limits<int64_t>::max();
    if (d <= -9.2233720368547758e18)
        return std::numeric_limits<int64_t>::min();
    return int64_t(d); // truncates toward zero, as Spark does
}

namespace {
std::optional<double> parseNumber(const QString &text)
{
    bool ok = false;
    const double d = text.trimmed().toDouble(&ok);
    return ok ? std::optional<double>(d) : std::nullopt;
}

} // namespace

bool Casts::allowed(DataType from, DataType to)
{
    if (isArray(from) || isArray(to)) // an array converts to its JSON text only
        return from == to || from == DataType::Null || to == DataType::String;
    if (from == to || from == DataType::Null || to == DataType::String || from == DataType::String)
        return true;
    if (to == DataType::Timestamp)
        return from == DataType::Int || from == DataType::Double;
    if (from == DataType::Timestamp)
        return to == DataType::Int || to == DataType::Double;
    return true; // among boolean, int and double
}

DataType Casts::common(DataType a, DataType b, bool *ok)
{
    *ok = true;
    if (a == b)
        return a;
    if (a == DataType::Null)
        return b;
    if (b == DataType::Null)
        return a;
    if (isNumeric(a) && isNumeric(b))
        return DataType::Double;
    *ok = false;
    return DataType::Null;
}

QString Casts::toText(const Value &value)
{
    switch (value.type()) {
    case DataType::Null: return {};
    case DataType::Boolean: return value.asBool() ? QStringLiteral("true") : QStringLiteral("false");
    case DataType::Int: return QString::number(value.asInt());
    case DataType::Double: return javaDouble(value.asDouble());
    case DataType::String:
    case DataType::ArrayString:
    case DataType::ArrayInt:
    case DataType::ArrayDouble:
    case DataType::ArrayObject: return value.asString();
    case DataType::Timestamp: {
        const QDateTime dt = QDateTime::fromMSecsSinceEpoch(value.asInt(), QTimeZone::utc());
        QString s = dt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        const int ms = dt.time().msec();
        if (ms != 0) {
            QString fraction = QStringLiteral("%1").arg(ms, 3, 10, QLatin1Char('0'));
            while (fraction.endsWith(u'0'))
                fraction.chop(1);
            s += u'.' + fraction;
        }
        return s;
    }
    }
    return {};
}

Value Casts::cast(const Value &value, DataType to)
{
    if (value.isNull() || value.type() == to)
        return value;
    const DataType from = value.type();
    if (isArray(from) && to != DataType::String)
        return Value::null();
    switch (to) {
    case DataType::Null:
    case DataType::ArrayString:
    case DataType::ArrayInt:
    case DataType::ArrayDouble:
    case DataType::ArrayObject: return Value::null(); // nothing converts to an array
    case DataType::String: return Value::string(toText(value));
    case DataType::Boolean:
        switch (from) {
        case DataType::Int: return Value::boolean(value.asInt() != 0);
        case DataType::Double: return Value::boolean(value.asDouble() != 0);
        case DataType::String: {
            const QString s = value.asString().trimmed().toLower();
            if (s == u"t" || s == u"true" || s == u"y" || s == u"yes" || s == u"1")
                return Value::boolean(true);
            if (s == u"f" || s == u"false" || s == u"n" || s == u"no" || s == u"0")
                return Value::boolean(false);
            return Value::null();
        }
        default: return Value::null();
        }
    case DataType::Int:
        switch (from) {
        case DataType::Boolean: return Value::integer(value.asBool() ? 1 : 0);
        case DataType::Double: return Value::integer(Casts::toInt64(value.asDouble()));
        case DataType::Timestamp: // whole seconds since the epoch, as Spark
            return Value::integer(value.asInt() >= 0 ? value.asInt() / 1000
                                                     : -((-value.asInt() + 999) / 1000));
        case DataType::String: {
            bool ok = false;
            const qlonglong i = value.asString().trimmed().toLongLong(&ok);
            if (ok)
                return Value::integer(i);
            const auto d = parseNumber(value.asString());
            if (!d || std::isnan(*d) || std::isinf(*d) || std::abs(*d) >= 9.2233720368547758e18)
                return Value::null();
            return Value::integer(int64_t(*d));
        }
        default: return Value::null();
        }
    case DataType::Double:
        switch (from) {
        case DataType::Boolean: return Value::real(value.asBool() ? 1 : 0);
        case DataType::Int: return Value::real(double(value.asInt()));
        case DataType::Timestamp: return Value::real(double(value.asInt()) / 1000.0);
        case DataType::String: {
            const auto d = parseNumber(value.asString());
            return d ? Value::real(*d) : Value::null();
        }
        default: return Value::null();
        }
    case DataType::Timestamp:
        switch (from) {
        // Seconds since the epoch; outside the timestamp range, NULL.
        case DataType::Int:
            if (value.asInt() < Timestamps::kMinMs / 1000 || value.asInt() > Timestamps::kMaxMs / 1000)
                return Value::null();
            return Value::timestamp(value.asInt() * 1000);
        case DataType::Double: {
            const double ms = std::floor(value.asDouble() * 1000.0);
            if (!(ms >= double(Timestamps::kMinMs) && ms <= double(Timestamps::kMaxMs))) // NaN too
                return Value::null();
            return Value::timestamp(int64_t(ms));
        }
        case DataType::String: {
            const auto ms = Timestamps::parseIso(value.asString());
            return ms && Timestamps::inRange(*ms) ? Value::timestamp(*ms) : Value::null();
        }
        default: return Value::null();
        }
    }
    return Value::null();
}

} // namespace sw::core::expr
