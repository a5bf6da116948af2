// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"

namespace sw::cli {

// `streamwright-cli control ACTION --api URL [--token TOKEN] [--json]`: follows and
// steers a run elsewhere (`streamwright-cli run`, or the app's) through its control
// API, with the runtime's typed client (RuntimeClient). ACTION is status,
// progress, pause, resume, step or stop; the token (needed by the last four) comes
// from --token or STREAMWRIGHT_TOKEN, so that it need not show in `ps`.
class ControlCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("control"); }
    QString summary() const override;
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};

} // namespace sw::cli
