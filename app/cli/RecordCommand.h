// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"

namespace sw::cli {

// `streamwright-cli record --bootstrap B --topic T... --out FILE.swrec`: records
// topics into a recording (runtime/recording); also converts from and to kcat's
// JSON lines (--import-kcat, --export-kcat).
class RecordCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("record"); }
    QString summary() const override;
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};

// `streamwright-cli replay FILE.swrec --bootstrap B`: produces a recording back.
class ReplayCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("replay"); }
    QString summary() const override;
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};

} // namespace sw::cli
