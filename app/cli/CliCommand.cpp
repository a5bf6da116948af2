// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliCommand.h"

#include <QCommandLineParser>

namespace sw::cli {

std::optional<int> parseCommandLine(QCommandLineParser &parser, const QString &command, const QStringList &arguments,
                                    QTextStream &out, QTextStream &err)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(arguments)) {
        err << "streamwright-cli " << command << ": " << parser.errorText() << "\n"
            << "Try 'streamwright-cli " << command << " --help'.\n";
        return kExitUsage;
    }
    if (parser.isSet(help)) {
        out << parser.helpText().replace(arguments.value(0), QStringLiteral("streamwright-cli ") + command);
        return kExitOk;
    }
    return std::nullopt;
}

} // namespace sw::cli
