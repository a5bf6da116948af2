// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/NodeCatalog.h"

#include <QTest>

using namespace sw::core;

class tst_NodeCatalog : public QObject
{
    Q_OBJECT
private slots:
    void everyProductTypeIsDescribed_data();
    void everyProductTypeIsDescribed();
    void joinsHaveLeftAndRightPorts();
    void defaults();
};

void tst_NodeCatalog::everyProductTypeIsDescribed_data()
{
    QTest::addColumn<QString>("typeId");
    for (const char *id : {"source.kafka", "source.recording", "source.generator", "filter", "map", "window.aggregate",
                           "join.stream", "join.lookup", "union", "dedupe", "sink.kafka", "sink.sqlite", "sink.file",
                           "sink.preview", "sink.postgres", "sink.redis"})
        QTest::newRow(id) << QString::fromLatin1(id);
}

void tst_NodeCatalog::everyProductTypeIsDescribed()
{
    QFETCH(QString, typeId);
    const NodeType *type = NodeCatalog::instance().find(typeId);
    QVERIFY(type);
    QVERIFY(!type->displayName.isEmpty());
    QVERIFY(!type->help.isEmpty());
    QVERIFY(!categoryName(type->category).isEmpty());
    QCOMPARE(type->isSource(), typeId.startsWith(u"source."));
    QCOMPARE(type->isSink(), typeId.startsWith(u"sink."));
    std::function<void(const SettingSpec &)> check = [&](const SettingSpec &s) {
        QVERIFY2(!s.help.isEmpty(), qPrintable(typeId + u'/' + s.key));
        if (s.kind == SettingKind::Choice) {
            QVERIFY(!s.choices.isEmpty());
            if (!s.defaultValue.isUndefined())
                QVERIFY(s.choices.contains(s.defaultValue.toString()));
        }
        if (s.kind == SettingKind::Object || s.kind == SettingKind::ObjectList)
            QVERIFY(!s.fields.empty());
        for (const auto &f : s.fields)
            check(f);
    };
    for (const auto &s : type->settings)
        check(s);
}

void tst_NodeCatalog::joinsHaveLeftAndRightPorts()
{
    const NodeType *join = NodeCatalog::instance().find(QStringLiteral("join.stream"));
    QCOMPARE(join->inputs.size(), size_t(2));
    QCOMPARE(join->inputs[0].name, QStringLiteral("left"));
    QCOMPARE(join->inputs[1].name, QStringLiteral("right"));
    QVERIFY(join->defaultInput().isEmpty());
    QVERIFY(NodeCatalog::instance().find(QStringLiteral("union"))->inputs[0].multiple);
    QVERIFY(NodeCatalog::instance().find(QStringLiteral("window.aggregate"))->output(QStringLiteral("late")));
}

void tst_NodeCatalog::defaults()
{
    const NodeType *window = NodeCatalog::instance().find(QStringLiteral("window.aggregate"));
    QCOMPARE(NodeCatalog::settingValue(*window, {}, QStringLiteral("outputMode")).toString(), QStringLiteral("append"));
    QCOMPARE(NodeCatalog::settingValue(*window, {{QStringLiteral("outputMode"), QStringLiteral("update")}},
                                       QStringLiteral("outputMode"))
                 .toString(),
             QStringLiteral("update"));
    QVERIFY(NodeCatalog::settingValue(*window, {}, QStringLiteral("groupBy")).isUndefined());
    const NodeType *generator = NodeCatalog::instance().find(QStringLiteral("source.generator"));
    QCOMPARE(NodeCatalog::initialConfig(*generator).value(QStringLiteral("stream")).toString(),
             QStringLiteral("user-events"));
}

QTEST_GUILESS_MAIN(tst_NodeCatalog)
#include "tst_nodecatalog.moc"
