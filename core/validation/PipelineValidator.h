// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/Pipeline.h"
#include "validation/Diagnostic.h"
#include "validation/SchemaInference.h"

#include <QHash>
#include <QStringList>

namespace sw::core {

struct ValidationResult
{
    Diagnostics diagnostics; // in file order: pipeline, nodes, edges, then semantics
    QHash<QString, NodeSchemas> schemas; // by node id; absent where upstream errors hide it
    QStringList order;                   // node ids, topologically sorted
    QHash<QString, int> nodeIndex;       // node id -> index in the pipeline's nodes

    bool ok() const { return !hasErrors(diagnostics); }
};

// Everything that can be known about a pipeline without running it. Pure function
// of the pipeline: cheap enough to run on every edit in the designer.
class PipelineValidator
{
public:
    static ValidationResult validate(const Pipeline &pipeline);
};

} // namespace sw::core
