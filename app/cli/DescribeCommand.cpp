// SPDX-License-Identifier: GPL-3.0-or-later
#include "DescribeCommand.h"

#include "catalog/NodeCatalog.h"
#include "format/PipelineFormat.h"
#include "validation/PipelineValidator.h"

#include <QCommandLineParser>

namespace sw::cli {

QString DescribeCommand::summary() const
{
    return QStringLiteral("show a pipeline's nodes and the fields flowing out of each");
}

int DescribeCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Shows the nodes of a pipeline in the order they run and the "
                                                    "schema of each output (fields, types, event time)."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A pipeline file."));
    if (const auto exit = parseCommandLine(parser, QStringLiteral("describe"), arguments, out, err))
        return *exit;
    if (parser.positionalArguments().size() != 1) {
        err << "Usage: streamwright-cli describe FILE\n";
        return kExitUsage;
    }
    const QString file = parser.positionalArguments().front();
    const auto loaded = core::PipelineFormat::loadFile(file);
    if (!loaded.pipeline) {
        for (const auto &d : loaded.diagnostics)
            err << file << ": " << d.message << "\n";
        return kExitProblems;
    }
    const core::Pipeline &p = *loaded.pipeline;
    const auto result = core::PipelineValidator::validate(p);
    out << "pipeline " << p.name << ": " << p.nodes.size() << " nodes, " << p.edges.size() << " edges\n";
    QHash<QString, QStringList> inputsOf; // in edge order
    for (const auto &e : p.edges)
        inputsOf[e.to] << (e.toPort.isEmpty() ? e.from : e.toPort + u'=' + e.from);
    for (const QString &id : result.order) {
        const core::Node *node = &p.nodes[size_t(result.nodeIndex.value(id))];
        const core::NodeType *type = core::NodeCatalog::instance().find(node->type);
        const QStringList inputs = inputsOf.value(id);
        out << "\n" << id << " (" << type->displayName << ")";
        if (!inputs.isEmpty())
            out << " <- " << inputs.join(QStringLiteral(", "));
        out << "\n";
        const auto schemas = result.schemas.constFind(id);
        if (schemas == result.schemas.constEnd()) {
            out << "  (schema unknown: fix the problems upstream)\n";
            continue;
        }
        if (type->isSink())
            out << "  (sink)\n";
        for (const auto &portSpec : type->outputs) {
            const auto found = schemas->outputs.find(portSpec.name);
            if (found == schemas->outputs.end())
                continue;
            const QString &port = found->first;
            const core::Schema &schema = found->second;
            QStringList fields;
            for (const auto &f : schema.fields)
                fields << f.name + u' ' + core::typeName(f.type) + (f.name == schema.eventTimeField ? QStringLiteral(" [event time]") : QString());
            out << "  " << port << ": " << fields.join(QStringLiteral(", ")) << "\n";
        }
    }
    int errors = 0;
    for (const auto &d : result.diagnostics)
        errors += d.isError() ? 1 : 0;
    if (errors > 0)
        out << "\n" << errors << " problem(s); run 'streamwright-cli validate " << file << "' for details\n";
    return errors == 0 ? kExitOk : kExitProblems;
}

} // namespace sw::cli
