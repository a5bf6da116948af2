// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/Pipeline.h"
#include "validation/Diagnostic.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace sw::core {

// The one module that reads and writes pipeline files (format v1, see
// ARCHITECTURE.md). It never throws: problems come back as diagnostics.
class PipelineFormat
{
public:
    struct LoadResult
    {
        std::optional<Pipeline> pipeline; // absent when the file cannot be used at all
        Diagnostics diagnostics;          // why not, or what looked odd on the way
    };

    // `filePath` is remembered so relative paths resolve against its folder.
    static LoadResult load(const QByteArray &bytes, const QString &filePath = {});
    static LoadResult loadFile(const QString &filePath);

    static QByteArray save(const Pipeline &pipeline);
    // Writes atomically (a crash never leaves half a file). Returns an error message.
    static std::optional<QString> saveFile(const Pipeline &pipeline, const QString &filePath);
};

} // namespace sw::core
