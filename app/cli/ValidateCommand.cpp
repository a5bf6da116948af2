// SPDX-License-Identifier: GPL-3.0-or-later
#include "ValidateCommand.h"

#include "format/PipelineFormat.h"
#include "validation/PipelineValidator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sw::cli {

namespace {

core::Diagnostics check(const QString &file)
{
    auto loaded = core::PipelineFormat::loadFile(file);
    core::Diagnostics diagnostics = loaded.diagnostics;
    if (loaded.pipeline) {
        const auto result = core::PipelineValidator::validate(*loaded.pipeline);
        diagnostics.insert(diagnostics.end(), result.diagnostics.begin(), result.diagnostics.end());
    }
    return diagnostics;
}

QString textLine(const QString &file, const core::Diagnostic &d)
{
    QString where = file;
    if (d.line > 0)
        where += QStringLiteral(":%1:%2").arg(d.line).arg(d.column);
    else if (!d.pointer.isEmpty())
        where += u':' + d.pointer;
    const QString severity = d.isError() ? QString() : QStringLiteral("warning: ");
    return where + QStringLiteral(": ") + severity + d.message;
}

QJsonObject jsonProblem(const core::Diagnostic &d)
{
    QJsonObject o{{QStringLiteral("severity"), core::severityName(d.severity)},
                  {QStringLiteral("pointer"), d.pointer},
                  {QStringLiteral("message"), d.message}};
    if (d.line > 0) {
        o.insert(QStringLiteral("line"), d.line);
        o.insert(QStringLiteral("column"), d.column);
    }
    if (!d.nodeId.isEmpty())
        o.insert(QStringLiteral("node"), d.nodeId);
    if (d.exprOffset >= 0) {
        o.insert(QStringLiteral("expressionOffset"), d.exprOffset);
        o.insert(QStringLiteral("expressionLength"), d.exprLength);
    }
    return o;
}

} // namespace

QString ValidateCommand::summary() const
{
    return QStringLiteral("check pipeline files and report every problem");
}

int ValidateCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Checks pipeline files without running them. Prints one line per problem:\n"
                       "  FILE:/json/pointer: message      (FILE:LINE:COLUMN: for a file that is not JSON)\n"
                       "Exit status: 0 all valid, 1 problems found, 2 usage error."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the results as JSON."));
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Pipeline files to check."),
                                 QStringLiteral("FILE..."));
    if (const auto exit = parseCommandLine(parser, QStringLiteral("validate"), arguments, out, err))
        return *exit;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        err << "streamwright-cli validate: no pipeline file given\n"
            << "Usage: streamwright-cli validate [--json] FILE...\n";
        return kExitUsage;
    }

    int invalidFiles = 0, errors = 0, warnings = 0;
    QJsonArray results;
    for (const QString &file : files) {
        const core::Diagnostics diagnostics = check(file);
        const bool valid = !core::hasErrors(diagnostics);
        invalidFiles += valid ? 0 : 1;
        QJsonArray problems;
        for (const auto &d : diagnostics) {
            (d.isError() ? errors : warnings) += 1;
            if (parser.isSet(json))
                problems.append(jsonProblem(d));
            else
                out << textLine(file, d) << "\n";
        }
        results.append(QJsonObject{{QStringLiteral("file"), file},
                                   {QStringLiteral("valid"), valid},
                                   {QStringLiteral("problems"), problems}});
    }
    if (parser.isSet(json))
        out << QJsonDocument(results).toJson(QJsonDocument::Indented);
    else
        err << QStringLiteral("%1 file(s) checked: %2 valid, %3 error(s), %4 warning(s)\n")
                   .arg(files.size())
                   .arg(files.size() - invalidFiles)
                   .arg(errors)
                   .arg(warnings);
    return invalidFiles == 0 ? kExitOk : kExitProblems;
}

} // namespace sw::cli
