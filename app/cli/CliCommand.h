// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <optional>

class QCommandLineParser;

namespace sw::cli {

// Exit codes shared by every subcommand (scripts rely on them).
enum ExitCode { kExitOk = 0, kExitProblems = 1, kExitUsage = 2 };

// One `streamwright-cli <name>` subcommand.
class CliCommand
{
public:
    virtual ~CliCommand() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // `arguments` starts with the program name, then the subcommand's own arguments.
    virtual int run(const QStringList &arguments, QTextStream &out, QTextStream &err) = 0;
};

// Parses a subcommand's arguments (adding -h/--help), printing the error or the
// help. Returns the exit code when the command should end here, else nothing.
std::optional<int> parseCommandLine(QCommandLineParser &parser, const QString &command, const QStringList &arguments,
                                    QTextStream &out, QTextStream &err);

} // namespace sw::cli
