// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/Pipeline.h"
#include "validation/PipelineValidator.h"

#include <QJsonObject>
#include <QStringList>

namespace sw::runtime {

// What a checkpoint depends on, as JSON: every source (its type, what it reads,
// the fields it decodes) and every stateful operator (its type, the settings its
// state depends on, and the schemas of its inputs). Everything else may change
// between runs on one checkpoint: a filter's predicate, a map's columns, a sink's
// path, added or removed stateless nodes, edges that keep the stateful nodes' input
// schemas.
class PipelineFingerprint
{
public:
    static QJsonObject of(const core::Pipeline &pipeline, const core::ValidationResult &validation);
    // What differs from `written` (the checkpoint's) to `now`, one line each
    // ("node \"per_minute\" (window.aggregate): window.size was 1m, is 5m"); empty: compatible.
    static QStringList differences(const QJsonObject &written, const QJsonObject &now);
};

} // namespace sw::runtime
