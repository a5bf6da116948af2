// SPDX-License-Identifier: GPL-3.0-or-later
#include "format/PipelineFormat.h"
#include "validation/PipelineValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sw::core;

namespace {

const char *kBase = R"({
  "format": "streamwright.pipeline/1",
  "name": "base",
  "connections": {"local": {"kind": "embedded"}},
  "nodes": [
    {"id": "views", "type": "source.kafka", "position": [0, 0], "config": {
      "connection": "local", "topics": ["user-events"],
      "schema": [{"name": "user_id", "type": "string"}, {"name": "product_id", "type": "string"},
                 {"name": "event_type", "type": "string"}, {"name": "price", "type": "double"},
                 {"name": "ts", "type": "timestamp"}],
      "eventTime": {"field": "ts", "watermarkDelay": "10s"}}},
    {"id": "only_views", "type": "filter", "position": [200, 0], "config": {"predicate": "event_type = 'view'"}},
    {"id": "per_minute", "type": "window.aggregate", "position": [400, 0], "config": {
      "window": {"kind": "tumbling", "size": "1m"}, "groupBy": ["product_id"],
      "aggregates": [{"name": "views", "fn": "count"}, {"name": "revenue", "fn": "sum", "expr": "price"}]}},
    {"id": "dashboard", "type": "sink.sqlite", "position": [600, 0], "config": {
      "path": "t.db", "table": "t", "key": ["window_start", "product_id"], "mode": "upsert"}}
  ],
  "edges": [
    {"from": "views", "to": "only_views"},
    {"from": "only_views", "to": "per_minute"},
    {"from": "per_minute", "to": "dashboard"}
  ],
  "alerts": [{"metric": "consumer_lag", "node": "views", "above": 1000}]
})";

// Sets (or with DELETE removes; "-" appends) the value at a JSON pointer.
QJsonValue setAt(const QJsonValue &root, QStringList tokens, const QJsonValue &value, bool remove)
{
    if (tokens.isEmpty())
        return value;
    const QString head = tokens.takeFirst();
    if (root.isArray()) {
        QJsonArray a = root.toArray();
        if (head == u"-") {
            a.append(value);
        } else if (tokens.isEmpty() && remove) {
            a.removeAt(head.toInt());
        } else {
            a[head.toInt()] = setAt(a[head.toInt()], tokens, value, remove);
        }
        return a;
    }
    QJsonObject o = root.toObject();
    if (tokens.isEmpty() && remove)
        o.remove(head);
    else
        o.insert(head, setAt(o.value(head), tokens, value, remove));
    return o;
}

Pipeline patched(const QStringList &patches)
{
    QJsonValue root = QJsonDocument::fromJson(kBase).object();
    for (const QString &patch : patches) {
        const int eq = int(patch.indexOf(u'='));
        const QString pointer = patch.left(eq);
        const QString json = patch.mid(eq + 1);
        const bool remove = json == u"DELETE";
        const QJsonValue value = remove ? QJsonValue() : QJsonDocument::fromJson("[" + json.toUtf8() + "]").array().at(0);
        if (!remove && value.isUndefined())
            qFatal("bad JSON in test patch: %s", qPrintable(json));
        root = setAt(root, pointer.mid(1).split(u'/'), value, remove);
    }
    auto loaded = PipelineFormat::load(QJsonDocument(root.toObject()).toJson());
    if (!loaded.pipeline)
        qFatal("patched pipeline does not load: %s", qPrintable(loaded.diagnostics.front().message));
    return *loaded.pipeline;
}

QString dump(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const auto &d : diagnostics)
        lines << severityName(d.severity) + u' ' + d.pointer + QStringLiteral(": ") + d.message;
    return lines.join(u'\n');
}

const char *kJoinNode = R"({"id": "j", "type": "join.stream", "position": [0, 0], "config": {
    "on": [["user_id", "user_id"]], "within": {"left": "ts", "right": "ts", "from": "0s", "to": "30m"}}})";
const char *kPurchases = R"({"id": "purchases", "type": "source.kafka", "position": [0, 200], "config": {
    "connection": "local", "topics": ["purchase-events"],
    "schema": [{"name": "order_id", "type": "string"}, {"name": "user_id", "type": "string"},
               {"name": "product_id", "type": "string"}, {"name": "amount", "type": "double"},
               {"name": "ts", "type": "timestamp"}],
    "eventTime": {"field": "ts"}}})";
const char *kPreview = R"({"id": "out", "type": "sink.preview", "position": [0, 0], "config": {}})";

} // namespace

class tst_PipelineValidator : public QObject
{
    Q_OBJECT
private slots:
    void baseIsValid();
    void problems_data();
    void problems();
    void expressionErrorsCarryTheirPlace();
    void windowOutputSchema();
    void joinOutputNaming();
    void lookupAndMapSchemas();
    void fieldDroppedTwiceIsAWarning();
    void longCycleIsReportedNotACrash();
    void duplicateIdOfAnUnknownTypeIsReportedNotACrash();
    void upstreamErrorsDoNotCascade();
};

void tst_PipelineValidator::baseIsValid()
{
    const auto result = PipelineValidator::validate(patched({}));
    QVERIFY2(result.diagnostics.empty(), qPrintable(dump(result.diagnostics)));
    QCOMPARE(result.order, (QStringList{QStringLiteral("views"), QStringLiteral("only_views"),
                                        QStringLiteral("per_minute"), QStringLiteral("dashboard")}));
}

void tst_PipelineValidator::problems_data()
{
    QTest::addColumn<QStringList>("patches");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("severity");
    auto row = [](const char *name, QStringList patches, const char *pointer, const char *message,
                  const char *severity = "error") {
        QTest::newRow(name) << patches << QString::fromUtf8(pointer) << QString::fromUtf8(message)
                            << QString::fromUtf8(severity);
    };
    const QString join = QString::fromUtf8(kJoinNode);
    const QString purchases = QString::fromUtf8(kPurchases);
    const QString preview = QString::fromUtf8(kPreview);

    // Graph
    row("unknown node type", {QStringLiteral("/nodes/1/type=\"filtr\"")}, "/nodes/1/type",
        "unknown node type \"filtr\", did you mean \"filter\"?");
    row("duplicate id", {QStringLiteral("/nodes/1/id=\"views\"")}, "/nodes/1/id",
        "duplicate node id \"views\" (also used by /nodes/0)");
    row("bad id", {QStringLiteral("/nodes/1/id=\"only views\"")}, "/nodes/1/id", "may only contain letters");
    row("dangling edge", {QStringLiteral("/edges/0/to=\"nowhere\"")}, "/edges/0/to",
        "the edge refers to node \"nowhere\", which does not exist");
    row("dangling edge suggestion", {QStringLiteral("/edges/0/to=\"only_view\"")}, "/edges/0/to",
        "did you mean \"only_views\"?");
    row("wrong port", {QStringLiteral("/edges/0/port=\"left\"")}, "/edges/0/port",
        "\"only_views\" (filter) has no input port \"left\"; its ports are in");
    row("wrong output port", {QStringLiteral("/edges/1/fromPort=\"late\"")}, "/edges/1/fromPort",
        "\"only_views\" (filter) has no output \"late\"; its outputs are out");
    row("edge out of a sink", {QStringLiteral("/edges/-={\"from\": \"dashboard\", \"to\": \"only_views\"}")}, "/edges/3/from",
        "\"dashboard\" is a sink (sink.sqlite) and has no output");
    row("edge into a source", {QStringLiteral("/edges/-={\"from\": \"only_views\", \"to\": \"views\"}")}, "/edges/3/to",
        "\"views\" is a source (source.kafka) and takes no input");
    row("two inputs into one port", {QStringLiteral("/edges/-={\"from\": \"views\", \"to\": \"per_minute\"}")}, "/edges/3",
        "input \"in\" of \"per_minute\" already comes from \"only_views\" (/edges/1); to merge streams use a union node");
    row("duplicate edge", {QStringLiteral("/edges/-={\"from\": \"views\", \"to\": \"only_views\"}")}, "/edges/3",
        "the same edge is already at /edges/0");
    row("cycle",
        {QStringLiteral("/nodes/-={\"id\": \"u\", \"type\": \"union\", \"position\": [0, 0]}"),
         QStringLiteral("/edges/0/to=\"u\""), QStringLiteral("/edges/-={\"from\": \"u\", \"to\": \"only_views\"}"),
         QStringLiteral("/edges/-={\"from\": \"only_views\", \"to\": \"u\"}")},
        "/edges/3", "this edge closes a cycle: only_views → u → only_views");
    row("node without input", {QStringLiteral("/edges/0=DELETE")}, "/nodes/1",
        "\"only_views\" (filter) has no input; connect an edge to it");
    row("output goes nowhere",
        {QStringLiteral("/nodes/-={\"id\": \"extra\", \"type\": \"filter\", \"position\": [0, 0], \"config\": "
                        "{\"predicate\": \"price > 1\"}}"),
         QStringLiteral("/edges/-={\"from\": \"views\", \"to\": \"extra\"}")},
        "/nodes/4", "the output of \"extra\" goes nowhere; connect it to a sink", "warning");
    row("join without right input",
        {QStringLiteral("/nodes/-=") + join, QStringLiteral("/nodes/-=") + preview,
         QStringLiteral("/edges/-={\"from\": \"views\", \"to\": \"j\", \"port\": \"left\"}"),
         QStringLiteral("/edges/-={\"from\": \"j\", \"to\": \"out\"}")},
        "/nodes/4", "\"j\" (join.stream) needs an input on port \"right\"");
    row("join edge without port",
        {QStringLiteral("/nodes/-=") + join, QStringLiteral("/edges/-={\"from\": \"views\", \"to\": \"j\"}")}, "/edges/3",
        "edges into \"j\" (join.stream) must name the port: left, right");

    // Complete mode and running aggregates
    row("complete result into a dedupe",
        {QStringLiteral("/nodes/2/config/outputMode=\"complete\""),
         QStringLiteral("/nodes/-={\"id\": \"d\", \"type\": \"dedupe\", \"position\": [0, 0], \"config\": "
                        "{\"key\": [\"product_id\"], \"within\": \"1m\"}}"),
         QStringLiteral("/nodes/-=") + preview, QStringLiteral("/edges/-={\"from\": \"per_minute\", \"to\": \"d\"}"),
         QStringLiteral("/edges/-={\"from\": \"d\", \"to\": \"out\"}")},
        "/nodes/4", "Deduplicate \"d\" gets a complete-mode result (the whole table again every batch) and would take "
                    "its rows for new ones; use update mode upstream, or write the result to a sink");
    row("complete result to a Kafka topic without a key",
        {QStringLiteral("/nodes/2/config/outputMode=\"complete\""),
         QStringLiteral("/nodes/-={\"id\": \"k\", \"type\": \"sink.kafka\", \"position\": [0, 0], \"config\": "
                        "{\"connection\": \"local\", \"topic\": \"totals\"}}"),
         QStringLiteral("/edges/-={\"from\": \"per_minute\", \"to\": \"k\"}")},
        "/nodes/4/config/key", "a complete-mode result writes every row again each batch", "warning");
    row("running aggregate in append mode without event time among its keys",
        {QStringLiteral("/nodes/-={\"id\": \"totals\", \"type\": \"aggregate\", \"position\": [0, 0], \"config\": "
                        "{\"groupBy\": [\"product_id\"], \"aggregates\": [{\"name\": \"n\", \"fn\": \"count\"}], "
                        "\"outputMode\": \"append\"}}"),
         QStringLiteral("/nodes/-=") + preview, QStringLiteral("/edges/-={\"from\": \"only_views\", \"to\": \"totals\"}"),
         QStringLiteral("/edges/-={\"from\": \"totals\", \"to\": \"out\"}")},
        "/nodes/4/config/outputMode", "without the event-time field \"ts\" in groupBy no group ever is");

    row("watermark on a string field",
        {QStringLiteral("/nodes/-={\"id\": \"wm\", \"type\": \"watermark\", \"position\": [0, 0], \"config\": "
                        "{\"field\": \"product_id\"}}"),
         QStringLiteral("/nodes/-=") + preview, QStringLiteral("/edges/-={\"from\": \"only_views\", \"to\": \"wm\"}"),
         QStringLiteral("/edges/-={\"from\": \"wm\", \"to\": \"out\"}")},
        "/nodes/4/config/field", "\"product_id\" is string; event time must be a timestamp");
    row("window after a watermark node needs no source event time",
        {QStringLiteral("/nodes/0/config/eventTime=DELETE"),
         QStringLiteral("/nodes/-={\"id\": \"wm\", \"type\": \"watermark\", \"position\": [0, 0], \"config\": "
                        "{\"field\": \"ts\", \"watermarkDelay\": \"-1s\"}}"),
         QStringLiteral("/edges/1/from=\"wm\""), QStringLiteral("/edges/-={\"from\": \"only_views\", \"to\": \"wm\"}")},
        "/nodes/4/config/watermarkDelay", "must not be negative");

    // Settings
    row("missing required setting", {QStringLiteral("/nodes/1/config/predicate=DELETE")}, "/nodes/1/config/predicate",
        "missing required setting \"predicate\"");
    row("missing window size", {QStringLiteral("/nodes/2/config/window/size=DELETE")}, "/nodes/2/config/window/size",
        "a tumbling window needs \"size\"");
    row("bad duration", {QStringLiteral("/nodes/2/config/window/size=\"10 parsecs\"")}, "/nodes/2/config/window/size",
        "\"10 parsecs\" is not a duration; write a number and a unit: 500ms, 10s, 5m, 1h, 1d");
    row("zero window", {QStringLiteral("/nodes/2/config/window/size=\"0s\"")}, "/nodes/2/config/window/size",
        "\"size\" must be longer than 0");
    row("negative delay", {QStringLiteral("/nodes/0/config/eventTime/watermarkDelay=\"-5s\"")},
        "/nodes/0/config/eventTime/watermarkDelay", "must not be negative");
    row("choice typo", {QStringLiteral("/nodes/2/config/outputMode=\"apend\"")}, "/nodes/2/config/outputMode",
        "\"outputMode\" must be one of append, update, complete, not \"apend\", did you mean \"append\"?");
    row("wrong kind", {QStringLiteral("/nodes/0/config/topics=\"user-events\"")}, "/nodes/0/config/topics",
        "\"topics\" must be a list of strings, not \"user-events\"");
    row("empty list", {QStringLiteral("/nodes/0/config/topics=[]")}, "/nodes/0/config/topics", "must not be empty");
    row("unknown connection", {QStringLiteral("/nodes/0/config/connection=\"lokal\"")}, "/nodes/0/config/connection",
        "unknown connection \"lokal\", did you mean \"local\"?; defined: local");
    row("unknown setting", {QStringLiteral("/nodes/1/config/colour=\"red\"")}, "/nodes/1/config/colour",
        "unknown setting \"colour\" (kept in the file, not used)", "warning");
    row("unknown setting typo", {QStringLiteral("/nodes/2/config/groupby=[\"x\"]")}, "/nodes/2/config/groupby",
        "unknown setting \"groupby\", did you mean \"groupBy\"?", "warning");
    row("upsert without key", {QStringLiteral("/nodes/3/config/key=DELETE")}, "/nodes/3/config/key",
        "mode \"upsert\" needs \"key\"");
    row("bad starting offsets", {QStringLiteral("/nodes/0/config/startingOffsets=\"beginning\"")},
        "/nodes/0/config/startingOffsets", "must be earliest, latest or a time");
    row("session window with size", {QStringLiteral("/nodes/2/config/window={\"kind\": \"session\", \"gap\": \"5m\", \"size\": \"1m\"}")},
        "/nodes/2/config/window/size", "\"size\" does not apply to a session window; remove it");
    row("slide longer than size", {QStringLiteral("/nodes/2/config/window={\"kind\": \"sliding\", \"size\": \"1m\", \"slide\": \"5m\"}")},
        "/nodes/2/config/window/slide", "\"slide\" (5m) must not be longer than \"size\" (1m)");

    row("dead letters to a table without its name",
        {QStringLiteral("/nodes/0/config/deadLetters={\"to\": {\"kind\": \"sqlite\", \"path\": \"dead.db\"}}")},
        "/nodes/0/config/deadLetters/to/table", "dead letters to a sqlite need \"table\"");
    row("dead letters policy typo", {QStringLiteral("/nodes/0/config/deadLetters={\"policy\": \"drop\"}")},
        "/nodes/0/config/deadLetters/policy", "\"policy\" must be one of route, skip, stop");
    row("skipped dead letters with a dead edge",
        {QStringLiteral("/nodes/0/config/deadLetters={\"policy\": \"skip\"}"), QStringLiteral("/nodes/-=") + preview,
         QStringLiteral("/edges/-={\"from\": \"views\", \"fromPort\": \"dead\", \"to\": \"out\"}")},
        "/nodes/0/config/deadLetters/policy", "policy \"skip\" sends nothing to the \"dead\" edge to \"out\"",
        "warning");

    // Schemas and expressions
    row("window without event time", {QStringLiteral("/nodes/0/config/eventTime=DELETE")}, "/nodes/2",
        "\"per_minute\" (window.aggregate) needs event time, and none reaches it");
    row("join without event time",
        {QStringLiteral("/nodes/-=") + join, QStringLiteral("/nodes/-=") + purchases,
         QStringLiteral("/nodes/5/config/eventTime=DELETE"), QStringLiteral("/nodes/-=") + preview,
         QStringLiteral("/edges/-={\"from\": \"views\", \"to\": \"j\", \"port\": \"left\"}"),
         QStringLiteral("/edges/-={\"from\": \"purchases\", \"to\": \"j\", \"port\": \"right\"}"),
         QStringLiteral("/edges/-={\"from\": \"j\", \"to\": \"out\"}")},
        "/nodes/4", "needs event time on its \"right\" input");
    row("event time not a timestamp", {QStringLiteral("/nodes/0/config/eventTime/field=\"price\"")},
        "/nodes/0/config/eventTime/field", "event time field \"price\" is double; it must be a timestamp");
    row("expression does not parse", {QStringLiteral("/nodes/1/config/predicate=\"event_type = \"")},
        "/nodes/1/config/predicate", "at column 14: the expression ends too early");
    row("expression unknown column", {QStringLiteral("/nodes/1/config/predicate=\"prise > 3\"")},
        "/nodes/1/config/predicate", "at column 1: unknown column 'prise', did you mean 'price'?");
    row("predicate not boolean", {QStringLiteral("/nodes/1/config/predicate=\"price * 2\"")}, "/nodes/1/config/predicate",
        "the predicate must be true or false for each row, but it gives double");
    row("unknown group field", {QStringLiteral("/nodes/2/config/groupBy=[\"prodct_id\"]")}, "/nodes/2/config/groupBy/0",
        "unknown field \"prodct_id\", did you mean \"product_id\"? in the input");
    row("sum of a string", {QStringLiteral("/nodes/2/config/aggregates/1/expr=\"event_type\"")},
        "/nodes/2/config/aggregates/1/expr", "sum needs a number, but the expression gives string");
    row("aggregate without expr", {QStringLiteral("/nodes/2/config/aggregates/1/expr=DELETE")},
        "/nodes/2/config/aggregates/1/expr", "\"sum\" needs \"expr\"");
    row("aggregate name taken", {QStringLiteral("/nodes/2/config/aggregates/0/name=\"product_id\"")},
        "/nodes/2/config/aggregates/0/name", "\"product_id\" is already an output column");
    row("sink key not in schema", {QStringLiteral("/nodes/3/config/key=[\"window_start\", \"user_id\"]")},
        "/nodes/3/config/key/1", "unknown field \"user_id\" in the input");
    row("duplicate schema field", {QStringLiteral("/nodes/0/config/schema/1/name=\"user_id\"")},
        "/nodes/0/config/schema/1/name", "field \"user_id\" is declared twice");
    row("schema field named like metadata", {QStringLiteral("/nodes/0/config/schema/1/name=\"_key\"")},
        "/nodes/0/config/schema/1/name", "\"_key\" is the name of a Kafka metadata column");
    row("union of different schemas",
        {QStringLiteral("/nodes/-=") + purchases,
         QStringLiteral("/nodes/-={\"id\": \"u\", \"type\": \"union\", \"position\": [0, 0]}"),
         QStringLiteral("/nodes/-=") + preview, QStringLiteral("/edges/-={\"from\": \"views\", \"to\": \"u\"}"),
         QStringLiteral("/edges/-={\"from\": \"purchases\", \"to\": \"u\"}"),
         QStringLiteral("/edges/-={\"from\": \"u\", \"to\": \"out\"}")},
        "/nodes/5", "the inputs of union \"u\" have different fields: \"event_type\" is only in \"views\"");
    row("join key types differ",
        {QStringLiteral("/nodes/-=") + join, QStringLiteral("/nodes/-=") + purchases,
         QStringLiteral("/nodes/4/config/on=[[\"price\", \"user_id\"]]"), QStringLiteral("/nodes/-=") + preview,
         QStringLiteral("/edges/-={\"from\": \"views\", \"to\": \"j\", \"port\": \"left\"}"),
         QStringLiteral("/edges/-={\"from\": \"purchases\", \"to\": \"j\", \"port\": \"right\"}"),
         QStringLiteral("/edges/-={\"from\": \"j\", \"to\": \"out\"}")},
        "/nodes/4/config/on/0", "cannot join double \"price\" with string \"user_id\"");
    row("join condition that is not a boolean",
        {QStringLiteral("/nodes/-=") + join, QStringLiteral("/nodes/-=") + purchases,
         QStringLiteral("/nodes/4/config/condition=\"amount * 2\""), QStringLiteral("/nodes/-=") + preview,
         QStringLiteral("/edges/-={\"from\": \"views\", \"to\": \"j\", \"port\": \"left\"}"),
         QStringLiteral("/edges/-={\"from\": \"purchases\", \"to\": \"j\", \"port\": \"right\"}"),
         QStringLiteral("/edges/-={\"from\": \"j\", \"to\": \"out\"}")},
        "/nodes/4/config/condition", "the condition must be true or false for each pair, but it gives double");
    row("join condition names a side's field by the joined name",
        {QStringLiteral("/nodes/-=") + join, QStringLiteral("/nodes/-=") + purchases,
         QStringLiteral("/nodes/4/config/condition=\"ts > 0\""), QStringLiteral("/nodes/-=") + preview,
         QStringLiteral("/edges/-={\"from\": \"views\", \"to\": \"j\", \"port\": \"left\"}"),
         QStringLiteral("/edges/-={\"from\": \"purchases\", \"to\": \"j\", \"port\": \"right\"}"),
         QStringLiteral("/edges/-={\"from\": \"j\", \"to\": \"out\"}")},
        "/nodes/4/config/condition", "left_ts");
    row("map computes a column twice",
        {QStringLiteral("/nodes/1={\"id\": \"only_views\", \"type\": \"map\", \"position\": [0, 0], \"config\": "
                        "{\"columns\": [{\"name\": \"a\", \"expr\": \"1\"}, {\"name\": \"a\", \"expr\": \"2\"}]}}")},
        "/nodes/1/config/columns/1/name", "column \"a\" is computed twice");

    // Pipeline-level sections
    row("no name", {QStringLiteral("/name=\"\"")}, "/name", "the pipeline has no name");
    row("kafka connection without bootstrap", {QStringLiteral("/connections/prod={\"kind\": \"kafka\"}")},
        "/connections/prod/bootstrap", "a kafka connection needs \"bootstrap\"");
    row("secret in the file",
        {QStringLiteral("/connections/prod={\"kind\": \"kafka\", \"bootstrap\": \"k:9092\", \"properties\": "
                        "{\"sasl.password\": \"hunter2\"}}")},
        "/connections/prod/properties/sasl.password", "looks like a secret stored in the file", "warning");
    row("malformed secret reference",
        {QStringLiteral("/connections/prod={\"kind\": \"kafka\", \"bootstrap\": \"k:9092\", \"properties\": "
                        "{\"sasl.password\": \"${env:}\"}}")},
        "/connections/prod/properties/sasl.password", "malformed reference");
    row("bad runtime setting", {QStringLiteral("/runtime={\"maxBatchRows\": \"many\"}")}, "/runtime/maxBatchRows",
        "\"maxBatchRows\" must be a whole number");
    row("alert on unknown node", {QStringLiteral("/alerts/0/node=\"vews\"")}, "/alerts/0/node",
        "the alert watches node \"vews\", which does not exist");
    row("alert on a metric its node never reports", {QStringLiteral("/alerts/0/node=\"only_views\"")}, "/alerts/0/node",
        "consumer_lag of node \"only_views\" is never reported, so the alert cannot fire: only Kafka sources have a consumer lag",
        "warning");
    row("pipeline-wide alert metric on a node",
        {QStringLiteral("/alerts/0/metric=\"e2e_latency_ms\"")}, "/alerts/0/node",
        "e2e_latency_ms is measured for the whole pipeline, not for node \"views\"", "warning");
    row("alert without threshold", {QStringLiteral("/alerts/0/above=DELETE")}, "/alerts/0",
        "an alert needs \"above\" or \"below\"");
    row("alert unknown metric", {QStringLiteral("/alerts/0/metric=\"lag\"")}, "/alerts/0/metric",
        "\"metric\" must be one of consumer_lag");
}

void tst_PipelineValidator::problems()
{
    QFETCH(QStringList, patches);
    QFETCH(QString, pointer);
    QFETCH(QString, message);
    QFETCH(QString, severity);
    const auto result = PipelineValidator::validate(patched(patches));
    const bool found = std::any_of(result.diagnostics.begin(), result.diagnostics.end(), [&](const Diagnostic &d) {
        return d.pointer == pointer && d.message.contains(message) && severityName(d.severity) == severity;
    });
    QVERIFY2(found, qPrintable(QStringLiteral("expected %1 %2: %3\ngot:\n%4").arg(severity, pointer, message,
                                                                                   dump(result.diagnostics))));
    QCOMPARE(result.ok(), severity != u"error");
}

void tst_PipelineValidator::expressionErrorsCarryTheirPlace()
{
    const auto result = PipelineValidator::validate(patched({QStringLiteral("/nodes/1/config/predicate=\"event_type = 'view' AND prise > 3\"")}));
    QCOMPARE(result.diagnostics.size(), size_t(1));
    const Diagnostic &d = result.diagnostics.front();
    QCOMPARE(d.nodeId, QStringLiteral("only_views"));
    QCOMPARE(d.exprOffset, 24);
    QCOMPARE(d.exprLength, 5);
}

void tst_PipelineValidator::windowOutputSchema()
{
    const auto result = PipelineValidator::validate(patched({}));
    const NodeSchemas window = result.schemas.value(QStringLiteral("per_minute"));
    const Schema &out = window.outputs.at(QStringLiteral("out"));
    QCOMPARE(out.names(), (QStringList{QStringLiteral("window_start"), QStringLiteral("window_end"),
                                       QStringLiteral("product_id"), QStringLiteral("views"), QStringLiteral("revenue")}));
    QCOMPARE(out.field(QStringLiteral("window_end"))->type, DataType::Timestamp);
    QCOMPARE(out.field(QStringLiteral("views"))->type, DataType::Int);
    QCOMPARE(out.field(QStringLiteral("revenue"))->type, DataType::Double);
    QCOMPARE(out.eventTimeField, QStringLiteral("window_start"));
    QCOMPARE(window.outputs.at(QStringLiteral("late")),
             result.schemas.value(QStringLiteral("views")).outputs.at(QStringLiteral("out")));
}

void tst_PipelineValidator::joinOutputNaming()
{
    const auto result = PipelineValidator::validate(patched(
        {QStringLiteral("/nodes/-=") + QString::fromUtf8(kJoinNode), QStringLiteral("/nodes/-=") + QString::fromUtf8(kPurchases),
         QStringLiteral("/nodes/4/config/joinType=\"left\""), QStringLiteral("/nodes/-=") + QString::fromUtf8(kPreview),
         QStringLiteral("/edges/-={\"from\": \"views\", \"to\": \"j\", \"port\": \"left\"}"),
         QStringLiteral("/edges/-={\"from\": \"purchases\", \"to\": \"j\", \"port\": \"right\"}"),
         QStringLiteral("/edges/-={\"from\": \"j\", \"to\": \"out\"}")}));
    QVERIFY2(result.ok(), qPrintable(dump(result.diagnostics)));
    const Schema out = result.schemas.value(QStringLiteral("j")).outputs.at(QStringLiteral("out"));
    // USING key once and first; product_id, ts and the Kafka metadata exist on both sides.
    QCOMPARE(out.names(),
             (QStringList{QStringLiteral("user_id"), QStringLiteral("left_product_id"), QStringLiteral("event_type"),
                          QStringLiteral("price"), QStringLiteral("left_ts"), QStringLiteral("left__key"),
                          QStringLiteral("left__topic"), QStringLiteral("left__partition"), QStringLiteral("left__offset"),
                          QStringLiteral("left__timestamp"), QStringLiteral("order_id"), QStringLiteral("right_product_id"),
                          QStringLiteral("amount"), QStringLiteral("right_ts"), QStringLiteral("right__key"),
                          QStringLiteral("right__topic"), QStringLiteral("right__partition"),
                          QStringLiteral("right__offset"), QStringLiteral("right__timestamp")}));
    QCOMPARE(out.eventTimeField, QStringLiteral("left_ts"));
}

void tst_PipelineValidator::lookupAndMapSchemas()
{
    const auto loaded = PipelineFormat::loadFile(QStringLiteral(STREAMWRIGHT_SOURCE_DIR "/resources/examples/order-enrichment.json"));
    QVERIFY(loaded.pipeline);
    const auto result = PipelineValidator::validate(*loaded.pipeline);
    QVERIFY2(result.ok(), qPrintable(dump(result.diagnostics)));
    const Schema joined = result.schemas.value(QStringLiteral("with_product")).outputs.at(QStringLiteral("out"));
    QCOMPARE(joined.names().mid(0, 3), (QStringList{QStringLiteral("product_id"), QStringLiteral("order_id"),
                                                    QStringLiteral("user_id")}));
    QVERIFY(joined.field(QStringLiteral("unit_cost")));
    QCOMPARE(joined.eventTimeField, QStringLiteral("ts"));
    const Schema mapped = result.schemas.value(QStringLiteral("margins")).outputs.at(QStringLiteral("out"));
    QVERIFY(!mapped.field(QStringLiteral("name")));
    QVERIFY(!mapped.field(QStringLiteral("_offset")));
    QCOMPARE(mapped.field(QStringLiteral("margin"))->type, DataType::Double);
    QCOMPARE(mapped.field(QStringLiteral("discounted"))->type, DataType::Boolean);
    QCOMPARE(mapped.names().last(), QStringLiteral("discounted"));
}

void tst_PipelineValidator::duplicateIdOfAnUnknownTypeIsReportedNotACrash()
{
    // Found by fuzz_pipeline: a second node with a known node's id and an unknown
    // type crashed the connectivity check (null type).
    const auto result = PipelineValidator::validate(patched(
        {QStringLiteral(R"(/nodes/-={"id": "only_views", "type": "no.such", "position": [0, 0], "config": {}})")}));
    QStringList problems;
    for (const auto &d : result.diagnostics)
        problems << d.pointer + u' ' + d.message;
    QVERIFY2(problems.contains(QStringLiteral("/nodes/4/id duplicate node id \"only_views\" (also used by /nodes/1)")),
             qPrintable(problems.join(u'\n')));
    QVERIFY2(problems.contains(QStringLiteral("/nodes/4/type unknown node type \"no.such\"")), qPrintable(problems.join(u'\n')));
}

void tst_PipelineValidator::longCycleIsReportedNotACrash()
{
    // A cycle through 100,000 nodes overflowed the stack of the recursive search.
    Pipeline p;
    p.name = QStringLiteral("ring");
    const int n = 100000;
    for (int i = 0; i < n; ++i) {
        Node f;
        f.id = QStringLiteral("f%1").arg(i);
        f.type = QStringLiteral("filter");
        f.config.insert(QStringLiteral("predicate"), QStringLiteral("true"));
        p.nodes.push_back(f);
        p.edges.push_back(Edge{f.id, {}, QStringLiteral("f%1").arg((i + 1) % n), {}});
    }
    const auto result = PipelineValidator::validate(p);
    QStringList cycles;
    for (const auto &d : result.diagnostics) {
        if (d.message.contains(u"closes a cycle"))
            cycles << d.pointer + u' ' + d.message;
    }
    QCOMPARE(cycles, QStringList{QStringLiteral("/edges/99999 this edge closes a cycle: f0 → f1 → f2 → f3 → f4 → f5 → "
                                                "… 99988 more … → f99994 → f99995 → f99996 → f99997 → f99998 → f99999 → f0; "
                                                "pipelines must flow one way")});
    QVERIFY(result.order.isEmpty());
}

void tst_PipelineValidator::fieldDroppedTwiceIsAWarning()
{
    // Crashed validate, describe, run and the app (issue: bad input never crashes).
    const auto result = PipelineValidator::validate(patched(
        {QStringLiteral(R"(/nodes/-={"id": "slim", "type": "map", "position": [0, 0], "config": {"columns": [{"name": "cents", "expr": "price * 100"}], "drop": ["price", "price", "ts", "price"]}})"),
         QStringLiteral(R"(/nodes/-={"id": "slim_out", "type": "sink.preview", "position": [0, 0], "config": {}})"),
         QStringLiteral(R"(/edges/-={"from": "slim", "to": "slim_out"})"),
         QStringLiteral(R"(/edges/-={"from": "only_views", "to": "slim"})")}));
    QVERIFY2(result.ok(), qPrintable(dump(result.diagnostics)));
    QStringList warnings;
    for (const auto &d : result.diagnostics)
        warnings << d.pointer;
    QCOMPARE(warnings, (QStringList{QStringLiteral("/nodes/4/config/drop/1"), QStringLiteral("/nodes/4/config/drop/3")}));
    const Schema slim = result.schemas.value(QStringLiteral("slim")).outputs.at(QStringLiteral("out"));
    QVERIFY(!slim.field(QStringLiteral("price")));
    QVERIFY(!slim.field(QStringLiteral("ts")));
    QVERIFY(slim.field(QStringLiteral("user_id")));
}

void tst_PipelineValidator::upstreamErrorsDoNotCascade()
{
    // An unknown type upstream hides the filter's schema; the filter's expression
    // is then only checked for syntax, not reported as unknown columns.
    const auto result = PipelineValidator::validate(patched({QStringLiteral("/nodes/0/type=\"source.kafak\""),
                                                             QStringLiteral("/nodes/1/config/predicate=\"whatever > 1\"")}));
    QCOMPARE(result.diagnostics.size(), size_t(1));
    QCOMPARE(result.diagnostics.front().pointer, QStringLiteral("/nodes/0/type"));
    QVERIFY(!result.schemas.contains(QStringLiteral("only_views")));
    const auto syntax = PipelineValidator::validate(patched({QStringLiteral("/nodes/0/type=\"source.kafak\""),
                                                             QStringLiteral("/nodes/1/config/predicate=\"a >\"")}));
    QCOMPARE(syntax.diagnostics.size(), size_t(2));
    QCOMPARE(syntax.diagnostics.back().pointer, QStringLiteral("/nodes/1/config/predicate"));
}

QTEST_GUILESS_MAIN(tst_PipelineValidator)
#include "tst_pipelinevalidator.moc"
