// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"

namespace sw::cli {

// `streamwright-cli nodes [--markdown] [TYPE...]`: the node catalog, every node
// type with its ports and settings. docs/node-catalog.md is this, in Markdown.
class NodesCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("nodes"); }
    QString summary() const override;
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};

} // namespace sw::cli
