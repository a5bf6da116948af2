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
    parser.addOption(check);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Pipeline files."), QStringLiteral("FILE..."));
    if (const auto exit = parseCommandLine(parser, QStringLiteral("format"), arguments, out, err))
        return *exit;
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
