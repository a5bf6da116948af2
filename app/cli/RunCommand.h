// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"

#include "progress/BatchProgress.h"

namespace sw::cli {

// `streamwright-cli run PIPELINE.json [--connection NAME=BOOTSTRAP]... [--until-idle S]
// [--metrics FILE.jsonl] [--listen HOST:PORT]`: runs a pipeline headless, with a
// progress line per second on stderr, serving the control API (ControlServer);
// stdout's first line is `control=http://HOST:PORT token=TOKEN` for tools.
// SIGINT/SIGTERM finish the current batch and exit cleanly.
class RunCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("run"); }
    QString summary() const override;
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};

// The one-line summary of a batch that `run` prints every second and `control
// progress` prints for a run elsewhere.
QString progressLine(const runtime::BatchProgress &p, double rowsPerSecond);

} // namespace sw::cli
