// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/Suggest.h"

#include <QCoreApplication>

#include <algorithm>
#include <vector>

namespace sw::core {

namespace {
int editDistance(const QString &a, const QString &b)
{
    std::vector<int> prev(size_t(b.size()) + 1), cur(size_t(b.size()) + 1);
    for (int j = 0; j <= b.size(); ++j)
        prev[size_t(j)] = j;
    for (int i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int cost = a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1;
            cur[size_t(j)] = std::min({prev[size_t(j)] + 1, cur[size_t(j - 1)] + 1,
                                       prev[size_t(j - 1)] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[size_t(b.size())];
}
} // namespace

QString closestMatch(const QString &name, const QStringList &candidates)
{
    QString best;
    int bestDistance = std::max<int>(1, std::min<int>(3, int(name.size()) / 3 + 1)) + 1;
    for (const auto &candidate : candidates) {
        const int d = editDistance(name, candidate);
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    return best;
}

QString didYouMean(const QString &name, const QStringList &candidates, QChar quote)
{
    const QString match = closestMatch(name, candidates);
    if (match.isEmpty())
        return {};
    return QCoreApplication::translate("sw::core", ", did you mean %1?").arg(quote + match + quote);
}

} // namespace sw::core
