// SPDX-License-Identifier: GPL-3.0-or-later
#include "validation/Diagnostic.h"

#include <algorithm>

namespace sw::core {

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic &d) { return d.isError(); });
}

QString severityName(Severity severity)
{
    return severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
}

} // namespace sw::core
