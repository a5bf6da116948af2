// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExampleLocator.h"

#include <QCoreApplication>
#include <QDir>

namespace sw::app {

QString ExampleLocator::folder()
{
    const QStringList candidates = {
        qEnvironmentVariable("STREAMWRIGHT_EXAMPLES"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/streamwright/examples"),
        QStringLiteral(STREAMWRIGHT_SOURCE_EXAMPLES),
    };
    for (const QString &c : candidates) {
        if (!c.isEmpty() && QDir(c).exists(QStringLiteral("trending-products.json")))
            return QDir(c).canonicalPath();
    }
    return {};
}

QStringList ExampleLocator::files()
{
    const QDir dir(folder());
    QStringList result;
    if (folder().isEmpty())
        return result;
    for (const QString &f : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        result << dir.filePath(f);
    return result;
}

QString ExampleLocator::trendingProducts()
{
    const QString f = folder();
    return f.isEmpty() ? QString() : f + QStringLiteral("/trending-products.json");
}

} // namespace sw::app
