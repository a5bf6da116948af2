// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Connections.h"
#include "engine/RunOptions.h"
#include "engine/RuntimeNode.h"
#include "model/Pipeline.h"
#include "validation/PipelineValidator.h"

namespace sw::runtime {

// Turns a valid pipeline into runtime nodes in topological order, wired port to
// port. The one place that maps catalog type ids to operators, sources and sinks.
class PipelineBuilder
{
public:
    // Empty on error, with `error` saying what (a node type the runtime cannot run yet).
    static std::vector<RuntimeNode> build(const core::Pipeline &pipeline, const core::ValidationResult &validation,
                                          Connections &connections, QString &error);
};

} // namespace sw::runtime
