// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/Duration.h"

#include <QCoreApplication>

#include <cmath>

namespace sw::core {

namespace {
struct Unit
{
    const char *name;
    int64_t ms;
};
constexpr Unit kUnits[] = {{"d", 86'400'000}, {"h", 3'600'000}, {"m", 60'000}, {"s", 1000}, {"ms", 1}};
constexpr int64_t kMaxMs = int64_t(1) << 53;
} // namespace

std::optional<int64_t> Duration::parseMs(const QString &text)
{
    // -?[0-9]+(\.[0-9]+)? then a unit, nothing else; by hand, as validation
    // reads every duration of every node on each edit.
    const QStringView view(text);
    qsizetype i = 0;
    const auto digits = [&] {
        const qsizetype start = i;
        while (i < view.size() && view[i] >= u'0' && view[i] <= u'9')
            ++i;
        return i > start;
    };
    if (i < view.size() && view[i] == u'-')
        ++i;
    if (!digits())
        return std::nullopt;
    if (i < view.size() && view[i] == u'.') {
        ++i;
        if (!digits())
            return std::nullopt;
    }
    const QStringView unit = view.mid(i);
    for (const auto &u : kUnits) {
        if (unit == QLatin1String(u.name)) {
            const double number = view.left(i).toDouble();
            const double ms = number * double(u.ms);
            if (std::abs(ms) > double(kMaxMs) || std::abs(ms - std::round(ms)) > 1e-6)
                return std::nullopt;
            return int64_t(std::llround(ms));
        }
    }
    return std::nullopt;
}

QString Duration::format(int64_t ms)
{
    if (ms == 0)
        return QStringLiteral("0s");
    if (ms < 0)
        return u'-' + format(-ms);
    for (const auto &u : kUnits) {
        if (ms % u.ms == 0)
            return QString::number(ms / u.ms) + QLatin1String(u.name);
    }
    return QString::number(ms) + QStringLiteral("ms");
}

QString Duration::syntaxHelp()
{
    return QCoreApplication::translate("sw::core::Duration",
                                       "write a number and a unit: 500ms, 10s, 5m, 1h, 1d");
}

} // namespace sw::core
