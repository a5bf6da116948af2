// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "format/PipelineFormat.h"

#include <QString>

namespace sw::testing {

// An example pipeline from resources/examples, loaded; fails the test binary loudly
// if it cannot be read (the examples are part of the source tree).
inline core::Pipeline examplePipeline(const char *file = "trending-products.json")
{
    const QString path = QStringLiteral(STREAMWRIGHT_SOURCE_DIR "/resources/examples/") + QLatin1String(file);
    auto loaded = core::PipelineFormat::loadFile(path);
    if (!loaded.pipeline)
        qFatal("cannot load %s", qPrintable(path));
    return *loaded.pipeline;
}

} // namespace sw::testing
