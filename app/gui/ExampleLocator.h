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
};

} // namespace sw::app
