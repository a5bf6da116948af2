// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExampleLocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QStandardPaths>

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

QString ExampleLocator::workingCopy(const QString &examplePath)
{
    const QFileInfo example(examplePath);
    if (!example.isFile())
        return examplePath;
    const QString target = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/examples");
    if (!QDir().mkpath(target))
        return examplePath;
    const QString copy = target + u'/' + example.fileName();
    if (!QFileInfo::exists(copy) && !QFile::copy(examplePath, copy))
        return examplePath;
    // The data files examples read (data/products.csv, ...): copied when missing.
    QDirIterator data(example.absolutePath() + QStringLiteral("/data"), QDir::Files, QDirIterator::Subdirectories);
    while (data.hasNext()) {
        const QString from = data.next();
        const QString to = target + QStringLiteral("/data/") + QDir(example.absolutePath() + QStringLiteral("/data")).relativeFilePath(from);
        QDir().mkpath(QFileInfo(to).absolutePath());
        if (!QFileInfo::exists(to))
            QFile::copy(from, to);
    }
    QFile::setPermissions(copy, QFile::permissions(copy) | QFileDevice::WriteOwner);
    return copy;
}

} // namespace sw::app
