// SPDX-License-Identifier: GPL-3.0-or-later
#include "expr/Functions.h"

#include "expr/Casts.h"
#include "expr/Evaluator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

namespace sw::core::expr {

namespace {

using Args = std::vector<Value>;


QList<uint> codePoints(const QString &s)
{
    return s.toUcs4();
}

QString fromCodePoints(const QList<uint> &cps, qsizetype start, qsizetype count)
{
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(cps.constData()) + start, count);
}

Value substrImpl(const Args &a, DataType)
{
    const auto cps = codePoints(a[0].asString());
    const qsizetype n = cps.size();
    int64_t pos = a[1].asInt();
    int64_t len = a.size() > 2 ? a[2].asInt() : std::numeric_limits<int64_t>::max() / 2;
    // Spark: 1-based; 0 behaves as 1; negative counts from the end.
    int64_t start = pos > 0 ? pos - 1 : pos < 0 ? n + pos : 0;
    int64_t end = start;
    if (len > 0 && __builtin_add_overflow(start, len, &end))
        end = std::numeric_limits<int64_t>::max(); // substr(s, 9223372036854775807, 9223372036854775807)
    start = std::clamp<int64_t>(start, 0, n);
    end = std::clamp<int64_t>(end, 0, n);
    if (end <= start)
        return Value::string(QString());
    return Value::string(fromCodePoints(cps, start, end - start));
}

// Java's BigDecimal HALF_UP rounding, which Spark's round() uses.
double roundHalfUp(double x, int64_t digits)
{
    if (std::isnan(x) || std::isinf(x))
        return x;
    const double factor = std::pow(10.0, double(digits));
    const double scaled = x * factor;
    if (std::isinf(scaled))
        return x;
    const double r = std::round(scaled); // std::round rounds half away from zero
    return r / factor;
}

Value roundImpl(const Args &a, DataType type)
{
    const int64_t digits = a.size() > 1 ? a[1].asInt() : 0;
    if (type == DataType::Int) {
        if (digits >= 0)
            return a[0];
        // In integers (a double loses digits past 2^53 and may not convert back):
        // half away from zero; beyond 18 digits everything rounds to 0; a result
        // past int64 wraps, as Spark's long arithmetic does.
        if (digits < -18)
            return Value::integer(0);
        int64_t factor = 1;
        for (int64_t d = 0; d < -digits; ++d)
            factor *= 10;
        const int64_t x = a[0].asInt();
        int64_t q = x / factor;
        const int64_t r = x % factor;
        if (r >= (factor + 1) / 2 || r <= -((factor + 1) / 2))
            q += x < 0 ? -1 : 1;
        return Value::integer(int64_t(uint64_t(q) * uint64_t(factor)));
    }
    return Value::real(roundHalfUp(a[0].asDouble(), digits));
}

// Spark's split(str, regex): Java's String.split with limit -1, so empty parts,
// trailing ones too, are kept; an empty pattern splits into characters.
Value splitImpl(const Args &a, DataType)
{
    const QString &text = a[0].asString();
    const QString &pattern = a[1].asString();
    QStringList parts;
    if (pattern.isEmpty()) {
        const auto cps = codePoints(text);
        for (qsizetype i = 0; i < cps.size(); ++i)
            parts << fromCodePoints(cps, i, 1);
    } else {
        // Patterns are usually literals: compiled once per thread, not per row.
        thread_local QHash<QString, QRegularExpression> compiled;
        auto it = compiled.find(pattern);
        if (it == compiled.end()) {
            if (compiled.size() > 64)
                compiled.clear();
            it = compiled.insert(pattern, QRegularExpression(pattern));
        }
        if (!it->isValid())
            return Value::null();
        parts = text.split(*it);
    }
    QJsonArray json;
    for (const QString &p : parts)
        json.append(p);
    return Value::array(DataType::ArrayString, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
}

Value sizeImpl(const Args &a, DataType)
{
    if (a[0].isNull()) // Spark's default (spark.sql.legacy.sizeOfNull): -1
        return Value::integer(-1);
    return Value::integer(int64_t(Functions::elements(a[0]).size()));
}

Value elementAtImpl(const Args &a, DataType)
{
    const std::vector<Value> items = Functions::elements(a[0]);
    const int64_t i = a[1].asInt(), n = int64_t(items.size());
    // 1-based; negative counts from the end; 0 and beyond the end are NULL.
    const int64_t at = i > 0 ? i - 1 : n + i;
    return i == 0 || at < 0 || at >= n ? Value::null() : items[size_t(at)];
}

Value arrayContainsImpl(const Args &a, DataType)
{
    if (a[0].isNull() || a[1].isNull())
        return Value::null();
    bool sawNull = false;
    for (const Value &item : Functions::elements(a[0])) {
        if (item.isNull()) {
            sawNull = true;
            continue;
        }
        const auto c = Evaluator::compare(item, a[1]);
        if (c && *c == 0)
            return Value::boolean(true);
    }
    return sawNull ? Value::null() : Value::boolean(false); // SQL: unknown when a NULL might be it
}

Value dateTruncImpl(const Args &a, DataType)
{
    const QString unit = a[0].asString().trimmed().toLower();
    const int64_t ms = a[1].asInt();
    auto floorTo = [ms](int64_t step) {
        const int64_t r = ms % step;
        return Value::timestamp(r < 0 ? ms - r - step : ms - r);
    };
    if (unit == u"millisecond")
        return a[1];
    if (unit == u"second")
        return floorTo(1000);
    if (unit == u"minute")
        return floorTo(60'000);
    if (unit == u"hour")
        return floorTo(3'600'000);
    const QDate date = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).date();
    auto at = [](QDate d) {
        return Value::timestamp(QDateTime(d, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch());
    };
    if (unit == u"day" || unit == u"dd")
        return at(date);
    if (unit == u"week")
        return at(date.addDays(1 - date.dayOfWeek())); // weeks start on Monday, as Spark
    if (unit == u"month" || unit == u"mon" || unit == u"mm")
        return at(QDate(date.year(), date.month(), 1));
    if (unit == u"quarter")
        return at(QDate(date.year(), ((date.month() - 1) / 3) * 3 + 1, 1));
    if (unit == u"year" || unit == u"yyyy" || unit == u"yy")
        return at(QDate(date.year(), 1, 1));
    return Value::null(); // unknown unit: NULL, as Spark
}

Value datePart(const Args &a, int part)
{
    const QDateTime dt = QDateTime::fromMSecsSinceEpoch(a[0].asInt(), QTimeZone::utc());
    switch (part) {
    case 0: return Value::integer(dt.date().year());
    case 1: return Value::integer(dt.date().month());
    case 2: return Value::integer(dt.date().day());
    case 3: return Value::integer(dt.time().hour());
    case 4: return Value::integer(dt.time().minute());
    default: return Value::integer(dt.time().second());
    }
}

Value extremum(const Args &a, DataType type, bool greatest)
{
    Value best;
    for (const auto &v : a) {
        if (v.isNull())
            continue;
        const Value c = Casts::cast(v, type);
        if (best.isNull()) {
            best = c;
            continue;
        }
        bool better = false;
        switch (type) {
        case DataType::Double: better = greatest ? c.asDouble() > best.asDouble() : c.asDouble() < best.asDouble(); break;
        case DataType::String: better = greatest ? c.asString() > best.asString() : c.asString() < best.asString(); break;
        default: better = greatest ? c.asInt() > best.asInt() : c.asInt() < best.asInt(); break;
        }
        if (better)
            best = c;
    }
    return best;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("sw::core::expr::Functions", text);
}

std::vector<FunctionDef> buildCatalog()
{
    using K = ArgKind;
    using R = ResultRule;
    using T = DataType;
    std::vector<FunctionDef> f;
    auto add = [&f](QString name, QString signature, QString help, std::vector<ArgKind> params,
                    int minArgs, bool variadic, ResultRule rule, DataType result, bool nullPropagating,
                    Value (*eval)(const Args &, DataType)) {
        f.push_back(FunctionDef{std::move(name), std::move(signature), std::move(help), std::move(params),
                                minArgs, variadic, rule, result, nullPropagating, eval});
    };
    // Strings
    add(QStringLiteral("lower"), QStringLiteral("lower(str)"), tr("the string in lower case"),
        {K::String}, 1, false, R::Fixed, T::String, true,
        [](const Args &a, DataType) { return Value::string(a[0].asString().toLower()); });
    add(QStringLiteral("upper"), QStringLiteral("upper(str)"), tr("the string in upper case"),
        {K::String}, 1, false, R::Fixed, T::String, true,
        [](const Args &a, DataType) { return Value::string(a[0].asString().toUpper()); });
    add(QStringLiteral("length"), QStringLiteral("length(str)"), tr("the number of characters"),
        {K::String}, 1, false, R::Fixed, T::Int, true,
        [](const Args &a, DataType) { return Value::integer(codePoints(a[0].asString()).size()); });
    add(QStringLiteral("substr"), QStringLiteral("substr(str, pos[, len])"),
        tr("len characters from position pos (1-based; negative counts from the end)"),
        {K::String, K::Integer, K::Integer}, 2, false, R::Fixed, T::String, true, substrImpl);
    add(QStringLiteral("substring"), QStringLiteral("substring(str, pos[, len])"), tr("the same as substr"),
        {K::String, K::Integer, K::Integer}, 2, false, R::Fixed, T::String, true, substrImpl);
    add(QStringLiteral("concat"), QStringLiteral("concat(a, b, ...)"),
        tr("the arguments as text, joined; NULL if any is NULL"), {K::Any}, 1, true, R::Fixed, T::String, true,
        [](const Args &a, DataType) {
            QString s;
            for (const auto &v : a)
                s += Casts::toText(v);
            return Value::string(s);
        });
    add(QStringLiteral("trim"), QStringLiteral("trim(str)"), tr("the string without leading and trailing spaces"),
        {K::String}, 1, false, R::Fixed, T::String, true,
        [](const Args &a, DataType) { return Value::string(a[0].asString().trimmed()); });
    add(QStringLiteral("ltrim"), QStringLiteral("ltrim(str)"), tr("the string without leading spaces"),
        {K::String}, 1, false, R::Fixed, T::String, true, [](const Args &a, DataType) {
            const QString &s = a[0].asString();
            qsizetype i = 0;
            while (i < s.size() && s[i].isSpace())
                ++i;
            return Value::string(s.mid(i));
        });
    add(QStringLiteral("rtrim"), QStringLiteral("rtrim(str)"), tr("the string without trailing spaces"),
        {K::String}, 1, false, R::Fixed, T::String, true, [](const Args &a, DataType) {
            QString s = a[0].asString();
            while (!s.isEmpty() && s.back().isSpace())
                s.chop(1);
            return Value::string(s);
        });
    add(QStringLiteral("replace"), QStringLiteral("replace(str, search, replacement)"),
        tr("every occurrence of search replaced"), {K::String, K::String, K::String}, 3, false, R::Fixed,
        T::String, true, [](const Args &a, DataType) {
            if (a[1].asString().isEmpty())
                return a[0];
            return Value::string(QString(a[0].asString()).replace(a[1].asString(), a[2].asString()));
        });
    add(QStringLiteral("startswith"), QStringLiteral("startswith(str, prefix)"), tr("whether str begins with prefix"),
        {K::String, K::String}, 2, false, R::Fixed, T::Boolean, true,
        [](const Args &a, DataType) { return Value::boolean(a[0].asString().startsWith(a[1].asString())); });
    add(QStringLiteral("endswith"), QStringLiteral("endswith(str, suffix)"), tr("whether str ends with suffix"),
        {K::String, K::String}, 2, false, R::Fixed, T::Boolean, true,
        [](const Args &a, DataType) { return Value::boolean(a[0].asString().endsWith(a[1].asString())); });
    add(QStringLiteral("contains"), QStringLiteral("contains(str, part)"), tr("whether part occurs in str"),
        {K::String, K::String}, 2, false, R::Fixed, T::Boolean, true,
        [](const Args &a, DataType) { return Value::boolean(a[0].asString().contains(a[1].asString())); });
    // Conditionals
    add(QStringLiteral("coalesce"), QStringLiteral("coalesce(a, b, ...)"), tr("the first argument that is not NULL"),
        {K::Any}, 1, true, R::CommonOfAll, T::Null, false, [](const Args &a, DataType t) {
            for (const auto &v : a) {
                if (!v.isNull())
                    return Casts::cast(v, t);
            }
            return Value::null();
        });
    add(QStringLiteral("nullif"), QStringLiteral("nullif(a, b)"), tr("NULL when a equals b, otherwise a"),
        {K::Any, K::Any}, 2, false, R::FirstArg, T::Null, false, [](const Args &a, DataType) {
            if (a[0].isNull() || a[1].isNull())
                return a[0];
            const bool equal = isNumeric(a[0].type()) && isNumeric(a[1].type())
                                   ? a[0].toDouble() == a[1].toDouble()
                                   : a[0] == a[1];
            return equal ? Value::null() : a[0];
        });
    add(QStringLiteral("if"), QStringLiteral("if(cond, then, else)"), tr("then when cond is true, otherwise else"),
        {K::Boolean, K::Any, K::Any}, 3, false, R::CommonFromSecond, T::Null, false,
        [](const Args &a, DataType t) {
            return Casts::cast(!a[0].isNull() && a[0].asBool() ? a[1] : a[2], t);
        });
    add(QStringLiteral("greatest"), QStringLiteral("greatest(a, b, ...)"), tr("the largest argument, skipping NULLs"),
        {K::Any}, 2, true, R::CommonOfAll, T::Null, false,
        [](const Args &a, DataType t) { return extremum(a, t, true); });
    add(QStringLiteral("least"), QStringLiteral("least(a, b, ...)"), tr("the smallest argument, skipping NULLs"),
        {K::Any}, 2, true, R::CommonOfAll, T::Null, false,
        [](const Args &a, DataType t) { return extremum(a, t, false); });
    // Numbers
    add(QStringLiteral("abs"), QStringLiteral("abs(x)"), tr("the absolute value"), {K::Numeric}, 1, false,
        R::FirstArg, T::Null, true, [](const Args &a, DataType t) {
            if (t == DataType::Int)
                return Value::integer(a[0].asInt() < 0 ? int64_t(0 - uint64_t(a[0].asInt())) : a[0].asInt());
            return Value::real(std::abs(a[0].asDouble()));
        });
    add(QStringLiteral("round"), QStringLiteral("round(x[, digits])"), tr("x rounded half up to digits decimals"),
        {K::Numeric, K::Integer}, 1, false, R::FirstArg, T::Null, true, roundImpl);
    add(QStringLiteral("floor"), QStringLiteral("floor(x)"), tr("the largest integer not above x"), {K::Numeric}, 1,
        false, R::Fixed, T::Int, true, [](const Args &a, DataType) {
            return a[0].type() == DataType::Int ? a[0] : Value::integer(Casts::toInt64(std::floor(a[0].asDouble())));
        });
    add(QStringLiteral("ceil"), QStringLiteral("ceil(x)"), tr("the smallest integer not below x"), {K::Numeric}, 1,
        false, R::Fixed, T::Int, true, [](const Args &a, DataType) {
            return a[0].type() == DataType::Int ? a[0] : Value::integer(Casts::toInt64(std::ceil(a[0].asDouble())));
        });
    add(QStringLiteral("sqrt"), QStringLiteral("sqrt(x)"), tr("the square root (NaN for negative x)"),
        {K::Numeric}, 1, false, R::Fixed, T::Double, true,
        [](const Args &a, DataType) { return Value::real(std::sqrt(a[0].toDouble())); });
    add(QStringLiteral("power"), QStringLiteral("power(x, y)"), tr("x raised to the power y"),
        {K::Numeric, K::Numeric}, 2, false, R::Fixed, T::Double, true,
        [](const Args &a, DataType) { return Value::real(std::pow(a[0].toDouble(), a[1].toDouble())); });
    // Time
    add(QStringLiteral("date_trunc"), QStringLiteral("date_trunc(unit, ts)"),
        tr("ts truncated to 'year', 'quarter', 'month', 'week', 'day', 'hour', 'minute' or 'second'"),
        {K::String, K::Timestamp}, 2, false, R::Fixed, T::Timestamp, true, dateTruncImpl);
    add(QStringLiteral("year"), QStringLiteral("year(ts)"), tr("the year (UTC)"), {K::Timestamp}, 1, false,
        R::Fixed, T::Int, true, [](const Args &a, DataType) { return datePart(a, 0); });
    add(QStringLiteral("month"), QStringLiteral("month(ts)"), tr("the month, 1 to 12 (UTC)"), {K::Timestamp}, 1,
        false, R::Fixed, T::Int, true, [](const Args &a, DataType) { return datePart(a, 1); });
    add(QStringLiteral("day"), QStringLiteral("day(ts)"), tr("the day of the month (UTC)"), {K::Timestamp}, 1,
        false, R::Fixed, T::Int, true, [](const Args &a, DataType) { return datePart(a, 2); });
    add(QStringLiteral("hour"), QStringLiteral("hour(ts)"), tr("the hour, 0 to 23 (UTC)"), {K::Timestamp}, 1,
        false, R::Fixed, T::Int, true, [](const Args &a, DataType) { return datePart(a, 3); });
    add(QStringLiteral("minute"), QStringLiteral("minute(ts)"), tr("the minute, 0 to 59"), {K::Timestamp}, 1,
        false, R::Fixed, T::Int, true, [](const Args &a, DataType) { return datePart(a, 4); });
    add(QStringLiteral("second"), QStringLiteral("second(ts)"), tr("the second, 0 to 59"), {K::Timestamp}, 1,
        false, R::Fixed, T::Int, true, [](const Args &a, DataType) { return datePart(a, 5); });
    add(QStringLiteral("unix_millis"), QStringLiteral("unix_millis(ts)"), tr("milliseconds since 1970-01-01 UTC"),
        {K::Timestamp}, 1, false, R::Fixed, T::Int, true,
        [](const Args &a, DataType) { return Value::integer(a[0].asInt()); });
    add(QStringLiteral("timestamp_millis"), QStringLiteral("timestamp_millis(ms)"),
        tr("the timestamp ms milliseconds after 1970-01-01 UTC"), {K::Integer}, 1, false, R::Fixed, T::Timestamp,
        true, [](const Args &a, DataType) { return Value::timestamp(a[0].asInt()); });
    // Arrays
    add(QStringLiteral("split"), QStringLiteral("split(str, regex)"),
        tr("the parts of str between matches of the regular expression, as an array<string>"), {K::String, K::String}, 2,
        false, R::Fixed, T::ArrayString, true, splitImpl);
    add(QStringLiteral("size"), QStringLiteral("size(array)"), tr("the number of elements; -1 for NULL (Spark's default)"),
        {K::Array}, 1, false, R::Fixed, T::Int, false, sizeImpl);
    add(QStringLiteral("element_at"), QStringLiteral("element_at(array, index)"),
        tr("the element at index, from 1; negative counts from the end; NULL beyond the end"), {K::Array, K::Integer}, 2,
        false, R::ElementOfFirst, T::Null, true, elementAtImpl);
    add(QStringLiteral("array_contains"), QStringLiteral("array_contains(array, value)"),
        tr("whether the array has an element equal to value (NULL when not, but it has a NULL)"), {K::Array, K::Any}, 2,
        false, R::Fixed, T::Boolean, false, arrayContainsImpl);
    return f;
}

} // namespace

std::vector<Value> Functions::elements(const Value &array)
{
    std::vector<Value> out;
    if (array.isNull())
        return out;
    const QJsonArray items = QJsonDocument::fromJson(array.asString().toUtf8()).array();
    const DataType element = elementType(array.type());
    out.reserve(size_t(items.size()));
    for (const QJsonValue &item : items) {
        if (item.isNull())
            out.push_back(Value::null());
        else if (element == DataType::String)
            out.push_back(Value::string(item.toString()));
        else if (element == DataType::Int)
            out.push_back(Value::integer(item.toInteger()));
        else if (element == DataType::Double)
            out.push_back(Value::real(item.toDouble()));
        else // an array<object>'s element
            out.push_back(Value::string(QString::fromUtf8(QJsonDocument(item.toObject()).toJson(QJsonDocument::Compact))));
    }
    return out;
}

const std::vector<FunctionDef> &Functions::all()
{
    static const std::vector<FunctionDef> catalog = buildCatalog();
    return catalog;
}

const FunctionDef *Functions::find(const QString &name)
{
    for (const auto &f : all()) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

QStringList Functions::names()
{
    QStringList result;
    for (const auto &f : all())
        result << f.name;
    return result;
}

bool Functions::accepts(ArgKind kind, DataType type)
{
    if (type == DataType::Null)
        return true;
    switch (kind) {
    case ArgKind::Any: return true;
    case ArgKind::String: return type == DataType::String;
    case ArgKind::Numeric: return isNumeric(type);
    case ArgKind::Integer: return type == DataType::Int;
    case ArgKind::Boolean: return type == DataType::Boolean;
    case ArgKind::Timestamp: return type == DataType::Timestamp;
    case ArgKind::Array: return isArray(type);
    }
    return false;
}

QString Functions::kindName(ArgKind kind)
{
    switch (kind) {
    case ArgKind::Any: return tr("a value");
    case ArgKind::String: return tr("a string");
    case ArgKind::Numeric: return tr("a number");
    case ArgKind::Integer: return tr("an int");
    case ArgKind::Boolean: return tr("a boolean");
    case ArgKind::Timestamp: return tr("a timestamp");
    case ArgKind::Array: return tr("an array");
    }
    return {};
}

} // namespace sw::core::expr
