// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"

namespace sw::cli {

// `streamwright-cli format [--check] FILE...`: rewrites pipeline files in the
// canonical form the app saves (stable key order, two-space indentation), so
// hand edits diff cleanly. --check only reports files that are not canonical.
class FormatCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("format"); }
    QString summary() const override;
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};

} // namespace sw::cli
