// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"

namespace sw::cli {

// `streamwright-cli describe FILE`: the pipeline's nodes in the order they run,
// with what flows out of each (fields, types, event time).
class DescribeCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("describe"); }
    QString summary() const override;
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};

} // namespace sw::cli
