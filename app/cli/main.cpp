// SPDX-License-Identifier: GPL-3.0-or-later
// streamwright-cli: the headless front end. Each subcommand is a CliCommand.
#include "BrokerCommand.h"
#include "ControlCommand.h"
#include "DemoCommand.h"
#include "DescribeCommand.h"
#include "FormatCommand.h"
#include "NodesCommand.h"
#include "RecordCommand.h"
#include "RunCommand.h"
#include "ValidateCommand.h"

#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("streamwright-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STREAMWRIGHT_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    std::vector<std::unique_ptr<sw::cli::CliCommand>> commands;
    commands.push_back(std::make_unique<sw::cli::ValidateCommand>());
    commands.push_back(std::make_unique<sw::cli::DescribeCommand>());
    commands.push_back(std::make_unique<sw::cli::FormatCommand>());
    commands.push_back(std::make_unique<sw::cli::NodesCommand>());
    commands.push_back(std::make_unique<sw::cli::RunCommand>());
    commands.push_back(std::make_unique<sw::cli::ControlCommand>());
    commands.push_back(std::make_unique<sw::cli::BrokerCommand>());
    commands.push_back(std::make_unique<sw::cli::ProduceDemoCommand>());
    commands.push_back(std::make_unique<sw::cli::DemoCommand>());
    commands.push_back(std::make_unique<sw::cli::RecordCommand>());
    commands.push_back(std::make_unique<sw::cli::ReplayCommand>());

    const QStringList args = app.arguments();
    auto usage = [&](QTextStream &s) {
        s << "Usage: streamwright-cli COMMAND [OPTIONS] [ARGS]\n\n"
          << "Design, run and watch Kafka stream pipelines from the command line.\n\nCommands:\n";
        qsizetype width = 0; // the longest name and two spaces ("produce-demo" ran into its summary)
        for (const auto &c : commands)
            width = std::max(width, c->name().size() + 2);
        for (const auto &c : commands)
            s << "  " << c->name().leftJustified(width) << c->summary() << "\n";
        s << "\nOptions:\n  -h, --help     Show this help (or COMMAND --help for a command's).\n"
          << "  -v, --version  Show the version.\n";
    };
    if (args.size() < 2) {
        usage(err);
        return sw::cli::kExitUsage;
    }
    const QString first = args.at(1);
    if (first == u"-h" || first == u"--help" || first == u"help") {
        usage(out);
        return sw::cli::kExitOk;
    }
    if (first == u"-v" || first == u"--version") {
        out << "streamwright-cli " << QCoreApplication::applicationVersion() << "\n";
        return sw::cli::kExitOk;
    }
    for (const auto &c : commands) {
        if (c->name() == first) {
            QStringList rest = args.mid(2);
            rest.prepend(args.at(0));
            return c->run(rest, out, err);
        }
    }
    err << "streamwright-cli: unknown command '" << first << "'\n\n";
    usage(err);
    return sw::cli::kExitUsage;
}
