// SPDX-License-Identifier: GPL-3.0-or-later
#include "FormatCommand.h"

#include "format/PipelineFormat.h"

#include <QCommandLineParser>
#include <QFile>

namespace sw::cli {

QString FormatCommand::summary() const
{
    return QStringLiteral("rewrite pipeline files in canonical form (--check: only report)");
}

int FormatCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Rewrites pipeline files in the canonical form the app saves. Settings are kept, unknown ones too.\n"
        "Exit status: 0 done (or all canonical with --check), 1 a file could not be read or written\n"
        "(or is not canonical with --check), 2 usage error."));
    const QCommandLineOption check(QStringLiteral("check"),
                                   QStringLiteral("Change nothing; list the files that are not canonical."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(check);
    parser.addOption(help);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Pipeline files."), QStringLiteral("FILE..."));
    if (!parser.parse(arguments)) {
        err << "streamwright-cli format: " << parser.errorText() << "\n";
        return kExitUsage;
    }
    if (parser.isSet(help)) {
        out << parser.helpText().replace(arguments.value(0), QStringLiteral("streamwright-cli format"));
        return kExitOk;
    }
    if (parser.positionalArguments().isEmpty()) {
        err << "Usage: streamwright-cli format [--check] FILE...\n";
        return kExitUsage;
    }
    int status = kExitOk;
    for (const QString &file : parser.positionalArguments()) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            err << file << ": cannot open: " << f.errorString() << "\n";
            status = kExitProblems;
            continue;
        }
        const QByteArray original = f.readAll();
        f.close();
        const auto loaded = core::PipelineFormat::load(original, file);
        if (!loaded.pipeline) {
            for (const auto &d : loaded.diagnostics)
                err << file << (d.line > 0 ? QStringLiteral(":%1:%2").arg(d.line).arg(d.column) : QString()) << ": "
                    << d.message << "\n";
            status = kExitProblems;
            continue;
        }
        const QByteArray canonical = core::PipelineFormat::save(*loaded.pipeline);
        if (canonical == original)
            continue;
        if (parser.isSet(check)) {
            out << file << ": not in canonical form\n";
            status = kExitProblems;
        } else if (auto error = core::PipelineFormat::saveFile(*loaded.pipeline, file)) {
            err << *error << "\n";
            status = kExitProblems;
        } else {
            out << file << ": formatted\n";
        }
    }
    return status;
}

} // namespace sw::cli
