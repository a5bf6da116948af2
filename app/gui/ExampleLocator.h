// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace sw::app {

// Where the example pipelines are: $STREAMWRIGHT_EXAMPLES, the installed share
// folder next to the binary, or the source tree of a developer build.
class ExampleLocator
{
public:
    static QString folder();
    static QStringList files(); // absolute paths, sorted
    static QString trendingProducts();
    // The user's own copy of an example (with its data files), made on first use in
    // the app's data folder: examples are opened, edited and run from there, so a
    // run's output never lands among the installed (read-only) files. Returns the
    // example itself if it cannot be copied.
    static QString workingCopy(const QString &examplePath);
};

} // namespace sw::app
