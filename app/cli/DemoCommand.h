// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"

namespace sw::cli {

// `streamwright-cli demo [--seconds N] [--rate N]`: the trending-products example
// on the embedded broker, fed by generated events, with live metrics and the
// current top products. The README's main job when there is no display.
class DemoCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("demo"); }
    QString summary() const override;
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};

} // namespace sw::cli
