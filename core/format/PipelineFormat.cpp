// SPDX-License-Identifier: GPL-3.0-or-later
#include "format/PipelineFormat.h"

#include "catalog/NodeCatalog.h"
#include "format/JsonWriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

namespace sw::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sw::core::PipelineFormat", text);
}

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return tr("null");
    case QJsonValue::Bool: return tr("a boolean");
    case QJsonValue::Double: return tr("a number");
    case QJsonValue::String: return tr("a string");
    case QJsonValue::Array: return tr("an array");
    case QJsonValue::Object: return tr("an object");
    case QJsonValue::Undefined: break;
    }
    return tr("nothing");
}

class Reader
{
public:
    Diagnostics diagnostics;
    bool fatal = false;

    void error(const QString &pointer, const QString &message)
    {
        diagnostics.push_back(Diagnostic::error(pointer, message));
        fatal = true;
    }

    bool expect(const QJsonValue &v, QJsonValue::Type type, const QString &pointer, const QString &what)
    {
        if (v.type() == type)
            return true;
        const QString expected = type == QJsonValue::Object  ? tr("an object")
                                 : type == QJsonValue::Array ? tr("an array")
                                                             : tr("a string");
        error(pointer, tr("%1 must be %2, not %3").arg(what, expected, jsonTypeName(v)));
        return false;
    }

    // `pointer` gives the object's JSON pointer, when a message needs it.
    template<typename Pointer>
    QString optionalString(const QJsonObject &o, const QString &key, const Pointer &pointer)
    {
        const auto v = o.value(key);
        if (v.isString())
            return v.toString();
        if (!v.isUndefined())
            error(pointer() + u'/' + key, tr("\"%1\" must be a string, not %2").arg(key, jsonTypeName(v)));
        return {};
    }

    // Pointers are made only for a message: a pipeline may have 100,000 nodes.
    Node readNode(const QJsonObject &o, qsizetype index)
    {
        const auto p = [index] { return QStringLiteral("/nodes/%1").arg(index); };
        Node node;
        if (!o.contains(QStringLiteral("id")))
            error(p(), tr("the node has no \"id\""));
        if (!o.contains(QStringLiteral("type")))
            error(p(), tr("the node has no \"type\""));
        node.id = optionalString(o, QStringLiteral("id"), p);
        node.type = optionalString(o, QStringLiteral("type"), p);
        const auto position = o.value(QStringLiteral("position"));
        if (!position.isUndefined()) {
            const auto a = position.toArray();
            if (!position.isArray() || a.size() != 2 || !a[0].isDouble() || !a[1].isDouble())
                error(p() + QStringLiteral("/position"), tr("\"position\" must be [x, y], two numbers"));
            else
                node.position = QPointF(a[0].toDouble(), a[1].toDouble());
        }
        const auto config = o.value(QStringLiteral("config"));
        if (config.isObject())
            node.config = config.toObject();
        else if (!config.isUndefined())
            expect(config, QJsonValue::Object, p() + QStringLiteral("/config"), QStringLiteral("\"config\""));
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            static const QStringList known = {QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("position"),
                                              QStringLiteral("config")};
            if (!known.contains(it.key()))
                node.extra.insert(it.key(), *it);
        }
        return node;
    }

    Edge readEdge(const QJsonObject &o, qsizetype index)
    {
        const auto p = [index] { return QStringLiteral("/edges/%1").arg(index); };
        Edge edge;
        if (!o.contains(QStringLiteral("from")))
            error(p(), tr("the edge has no \"from\""));
        if (!o.contains(QStringLiteral("to")))
            error(p(), tr("the edge has no \"to\""));
        edge.from = optionalString(o, QStringLiteral("from"), p);
        edge.fromPort = optionalString(o, QStringLiteral("fromPort"), p);
        edge.to = optionalString(o, QStringLiteral("to"), p);
        edge.toPort = optionalString(o, QStringLiteral("port"), p);
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            static const QStringList known = {QStringLiteral("from"), QStringLiteral("fromPort"), QStringLiteral("to"),
                                              QStringLiteral("port")};
            if (!known.contains(it.key()))
                edge.extra.insert(it.key(), *it);
        }
        return edge;
    }

    void checkFormat(const QJsonObject &root)
    {
        const auto format = root.value(QStringLiteral("format"));
        if (format.isUndefined()) {
            diagnostics.push_back(Diagnostic::error(QStringLiteral("/format"),
                                   tr("the file has no \"format\"; add \"format\": \"%1\"").arg(QLatin1String(kPipelineFormat))));
            return;
        }
        static const QRegularExpression re(QStringLiteral("^streamwright\\.pipeline/([0-9]+)$"));
        const auto match = re.match(format.toString());
        if (!format.isString() || !match.hasMatch()) {
            error(QStringLiteral("/format"), tr("this is not a Streamwright pipeline: \"format\" is %1, expected \"%2\"")
                                                 .arg(format.isString() ? u'"' + format.toString() + u'"' : jsonTypeName(format),
                                                      QLatin1String(kPipelineFormat)));
            return;
        }
        const int version = match.captured(1).toInt();
        if (version > kPipelineFormatVersion)
            error(QStringLiteral("/format"),
                  tr("the file was written by a newer Streamwright (format %1); this version reads format %2 "
                     "and older: update Streamwright to open it")
                      .arg(format.toString(), QLatin1String(kPipelineFormat)));
        else if (version < 1)
            error(QStringLiteral("/format"), tr("unknown format version \"%1\"").arg(format.toString()));
    }

    Pipeline read(const QJsonObject &root)
    {
        Pipeline p;
        checkFormat(root);
        if (fatal)
            return p;
        p.name = optionalString(root, QStringLiteral("name"), [] { return QString(); });
        const auto connections = root.value(QStringLiteral("connections"));
        if (!connections.isUndefined() && expect(connections, QJsonValue::Object, QStringLiteral("/connections"), QStringLiteral("\"connections\""))) {
            const auto o = connections.toObject();
            for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
                if (expect(*it, QJsonValue::Object, QStringLiteral("/connections/") + it.key(), tr("a connection")))
                    p.connections.insert(it.key(), it->toObject());
            }
        }
        const auto nodes = root.value(QStringLiteral("nodes"));
        if (!nodes.isUndefined() && expect(nodes, QJsonValue::Array, QStringLiteral("/nodes"), QStringLiteral("\"nodes\""))) {
            const auto a = nodes.toArray();
            p.nodes.reserve(size_t(a.size()));
            for (qsizetype i = 0; i < a.size(); ++i) {
                if (a[i].isObject())
                    p.nodes.push_back(readNode(a[i].toObject(), i));
                else
                    expect(a[i], QJsonValue::Object, QStringLiteral("/nodes/%1").arg(i), tr("a node"));
            }
        }
        const auto edges = root.value(QStringLiteral("edges"));
        if (!edges.isUndefined() && expect(edges, QJsonValue::Array, QStringLiteral("/edges"), QStringLiteral("\"edges\""))) {
            const auto a = edges.toArray();
            p.edges.reserve(size_t(a.size()));
            for (qsizetype i = 0; i < a.size(); ++i) {
                if (a[i].isObject())
                    p.edges.push_back(readEdge(a[i].toObject(), i));
                else
                    expect(a[i], QJsonValue::Object, QStringLiteral("/edges/%1").arg(i), tr("an edge"));
            }
        }
        const auto runtime = root.value(QStringLiteral("runtime"));
        if (!runtime.isUndefined() && expect(runtime, QJsonValue::Object, QStringLiteral("/runtime"), QStringLiteral("\"runtime\"")))
            p.runtime = runtime.toObject();
        const auto alerts = root.value(QStringLiteral("alerts"));
        if (!alerts.isUndefined() && expect(alerts, QJsonValue::Array, QStringLiteral("/alerts"), QStringLiteral("\"alerts\"")))
            p.alerts = alerts.toArray();
        static const QStringList known = {QStringLiteral("format"), QStringLiteral("name"), QStringLiteral("connections"),
                                          QStringLiteral("nodes"), QStringLiteral("edges"), QStringLiteral("runtime"),
                                          QStringLiteral("alerts")};
        for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
            if (!known.contains(it.key()))
                p.extra.insert(it.key(), *it);
        }
        return p;
    }
};

void lineAndColumn(const QByteArray &bytes, int offset, int *line, int *column)
{
    *line = 1;
    int lineStart = 0;
    offset = std::clamp(offset, 0, int(bytes.size()));
    for (int i = 0; i < offset; ++i) {
        if (bytes[i] == '\n') {
            ++*line;
            lineStart = i + 1;
        }
    }
    *column = int(QString::fromUtf8(bytes.mid(lineStart, offset - lineStart)).size()) + 1;
}

OrderedJson scalar(const QJsonValue &v)
{
    return OrderedJson::from(v);
}

} // namespace

PipelineFormat::LoadResult PipelineFormat::load(const QByteArray &bytes, const QString &filePath)
{
    LoadResult result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        Diagnostic d = Diagnostic::error(QString(), tr("not valid JSON: %1").arg(parseError.errorString()));
        lineAndColumn(bytes, parseError.offset, &d.line, &d.column);
        result.diagnostics.push_back(d);
        return result;
    }
    if (!doc.isObject()) {
        result.diagnostics.push_back(Diagnostic::error(QString(), tr("a pipeline file holds a JSON object, not %1")
                                                                      .arg(doc.isArray() ? tr("an array") : tr("a value"))));
        return result;
    }
    Reader reader;
    Pipeline pipeline = reader.read(doc.object());
    result.diagnostics = std::move(reader.diagnostics);
    if (!reader.fatal) {
        pipeline.filePath = filePath;
        result.pipeline = std::move(pipeline);
    }
    return result;
}

PipelineFormat::LoadResult PipelineFormat::loadFile(const QString &filePath)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        LoadResult result;
        result.diagnostics.push_back(Diagnostic::error(QString(), tr("cannot open the file: %1").arg(file.errorString())));
        return result;
    }
    return load(file.readAll(), filePath);
}

QByteArray PipelineFormat::save(const Pipeline &pipeline)
{
    const NodeCatalog &catalog = NodeCatalog::instance();
    OrderedJson root = OrderedJson::object();
    root.add(QStringLiteral("format"), scalar(QLatin1String(kPipelineFormat)));
    root.add(QStringLiteral("name"), scalar(pipeline.name));

    OrderedJson connections = OrderedJson::object();
    for (auto it = pipeline.connections.constBegin(); it != pipeline.connections.constEnd(); ++it)
        connections.add(it.key(), OrderedJson::from(*it, &catalog.connectionSpec()));
    root.add(QStringLiteral("connections"), connections);

    OrderedJson nodes = OrderedJson::array();
    for (const Node &node : pipeline.nodes) {
        OrderedJson n = OrderedJson::object();
        n.add(QStringLiteral("id"), scalar(node.id));
        n.add(QStringLiteral("type"), scalar(node.type));
        n.add(QStringLiteral("position"), OrderedJson::from(QJsonArray{node.position.x(), node.position.y()}));
        SettingSpec configSpec;
        configSpec.kind = SettingKind::Object;
        if (const NodeType *type = catalog.find(node.type))
            configSpec.fields = type->settings;
        n.add(QStringLiteral("config"), OrderedJson::from(node.config, &configSpec));
        for (auto it = node.extra.constBegin(); it != node.extra.constEnd(); ++it)
            n.add(it.key(), OrderedJson::from(*it));
        nodes.items.push_back(std::move(n));
    }
    root.add(QStringLiteral("nodes"), nodes);

    OrderedJson edges = OrderedJson::array();
    for (const Edge &edge : pipeline.edges) {
        OrderedJson e = OrderedJson::object();
        e.add(QStringLiteral("from"), scalar(edge.from));
        if (!edge.fromPort.isEmpty())
            e.add(QStringLiteral("fromPort"), scalar(edge.fromPort));
        e.add(QStringLiteral("to"), scalar(edge.to));
        if (!edge.toPort.isEmpty())
            e.add(QStringLiteral("port"), scalar(edge.toPort));
        for (auto it = edge.extra.constBegin(); it != edge.extra.constEnd(); ++it)
            e.add(it.key(), OrderedJson::from(*it));
        edges.items.push_back(std::move(e));
    }
    root.add(QStringLiteral("edges"), edges);

    if (!pipeline.runtime.isEmpty())
        root.add(QStringLiteral("runtime"), OrderedJson::from(pipeline.runtime, &catalog.runtimeSpec()));
    if (!pipeline.alerts.isEmpty()) {
        SettingSpec alertList = catalog.alertSpec();
        alertList.kind = SettingKind::ObjectList;
        root.add(QStringLiteral("alerts"), OrderedJson::from(pipeline.alerts, &alertList));
    }
    for (auto it = pipeline.extra.constBegin(); it != pipeline.extra.constEnd(); ++it)
        root.add(it.key(), OrderedJson::from(*it));
    return JsonWriter::write(root);
}

std::optional<QString> PipelineFormat::saveFile(const Pipeline &pipeline, const QString &filePath)
{
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly))
        return tr("cannot write %1: %2").arg(filePath, file.errorString());
    file.write(save(pipeline));
    if (!file.commit())
        return tr("cannot write %1: %2").arg(filePath, file.errorString());
    return std::nullopt;
}

} // namespace sw::core
