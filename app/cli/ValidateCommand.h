// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"

namespace sw::cli {

// `streamwright-cli validate [--json] FILE...`: one line per problem,
// `FILE:/json/pointer: message` (or `FILE:LINE:COLUMN: message` for a file that
// is not JSON); exit 0 when every file is valid, 1 otherwise, 2 on usage errors.
class ValidateCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("validate"); }
    QString summary() const override;
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};

} // namespace sw::cli
