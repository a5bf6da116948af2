// SPDX-License-Identifier: GPL-3.0-or-later
// Core's messages in German: looked up by their source text, whatever context
// lupdate filed them under.
#include "CoreTranslator.h"
#include "ExamplePipelines.h"
#include "catalog/NodeCatalog.h"
#include "expr/Expression.h"
#include "validation/PipelineValidator.h"

#include <QCoreApplication>
#include <QTest>

using namespace sw;

class tst_CoreTranslator : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void catalogValidatorAndExpressionsSpeakGerman();
    void appTextsAreLeftToTheirTranslator();
    void everyCoreTextIsTranslated();

private:
    app::CoreTranslator m_translator;
};

void tst_CoreTranslator::initTestCase()
{
    // Before anything of core is built (the node catalog translates once, at first use).
    QVERIFY(m_translator.loadTs(QStringLiteral(STREAMWRIGHT_SOURCE_DIR "/translations/streamwright_de.ts")));
    QVERIFY(m_translator.size() > 600);
    QCoreApplication::installTranslator(&m_translator);
}

void tst_CoreTranslator::catalogValidatorAndExpressionsSpeakGerman()
{
    QCOMPARE(core::NodeCatalog::instance().find(QStringLiteral("source.kafka"))->displayName, QStringLiteral("Kafka-Quelle"));
    QCOMPARE(core::NodeCatalog::instance().find(QStringLiteral("filter"))->help,
             QStringLiteral("Behält die Zeilen, für die eine Bedingung wahr ist."));
    core::Pipeline broken = sw::testing::examplePipeline();
    broken.nodes[1].config.insert(QStringLiteral("predicate"), QStringLiteral("event_typ = 'view'"));
    const auto result = core::PipelineValidator::validate(broken);
    QVERIFY(!result.ok());
    QVERIFY2(result.diagnostics.front().message.contains(QLatin1String("unbekannte Spalte")),
             qPrintable(result.diagnostics.front().message));
    QVERIFY(result.diagnostics.front().message.contains(QLatin1String("meinten Sie")));
    core::Schema schema;
    schema.fields = {{QStringLiteral("n"), core::DataType::Int}};
    const auto checked = core::expr::Expression::compile(QStringLiteral("n +"), schema);
    QVERIFY(!checked.errors.empty());
    QVERIFY2(checked.errors.front().describe().startsWith(QLatin1String("in Spalte")), qPrintable(checked.errors.front().describe()));
}

void tst_CoreTranslator::appTextsAreLeftToTheirTranslator()
{
    QVERIFY(m_translator.translate("sw::widgets::PaletteWidget", "Filter node types").isEmpty());
    QCOMPARE(m_translator.translate("sw::core::PipelineDocument", "Paste %n node(s)", nullptr, 3), QStringLiteral("3 Knoten einfügen"));
}

void tst_CoreTranslator::everyCoreTextIsTranslated()
{
    // lupdate marks texts without a translation "unfinished"; the file has none.
    QFile ts(QStringLiteral(STREAMWRIGHT_SOURCE_DIR "/translations/streamwright_de.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QVERIFY(!ts.readAll().contains("type=\"unfinished\""));
}

QTEST_GUILESS_MAIN(tst_CoreTranslator)
#include "tst_coretranslator.moc"
