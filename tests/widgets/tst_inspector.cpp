// SPDX-License-Identifier: GPL-3.0-or-later
// The inspector and the JSON source view: forms generated from the node catalog,
// edits that reach the document as one undo step each, expression errors while
// typing, and the JSON view applying usable edits and refusing the rest in place.
#include "ExamplePipelines.h"
#include "document/PipelineDocument.h"
#include "format/PipelineFormat.h"
#include "inspector/ExpressionEditor.h"
#include "inspector/NodeInspector.h"
#include "inspector/SettingEditors.h"
#include "json/JsonSourceView.h"
#include "problems/ProblemsModel.h"

#include <QCheckBox>
#include <QToolButton>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QPushButton>
#include <QTest>

using namespace sw;

class tst_Inspector : public QObject
{
    Q_OBJECT
private slots:
    void formFollowsTheCatalog_data();
    void formFollowsTheCatalog();
    void choiceEditIsOneUndoStep();
    void typingAnExpressionIsOneUndoStep();
    void invalidExpressionShowsItsError();
    void completionOffersFieldsAndFunctions();
    void tableEditsAggregates();
    void schemaTableKeepsElementFields();
    void aJoinConditionCompletesTheJoinedFields();
    void renameFromTheIdField();
    void focusesTheSettingOfAProblem();
    void jsonViewAppliesAValidEdit();
    void jsonViewRefusesAnInvalidEdit();
    void aKafkaSourceCanUseARecording();
};

struct Fixture
{
    core::PipelineDocument doc;
    widgets::ProblemsModel problems{doc};
    widgets::NodeInspector inspector{doc, problems};
    explicit Fixture(const char *example = "trending-products.json") { doc.reset(sw::testing::examplePipeline(example)); }
};

void tst_Inspector::aKafkaSourceCanUseARecording()
{
    Fixture f;
    f.inspector.show();
    auto *button = f.inspector.findChild<QPushButton *>(QStringLiteral("use-recording"));
    QVERIFY(button);
    f.inspector.showNode(QStringLiteral("only_views"));
    QVERIFY(!button->isVisible()); // a filter reads no topic
    f.inspector.showNode(QStringLiteral("views"));
    QVERIFY(button->isVisible());
    f.inspector.useRecording(QStringLiteral("/tmp/shop.swrec")); // what the file dialog chose
    const core::Node *node = f.doc.pipeline().node(QStringLiteral("views"));
    QCOMPARE(node->type, QStringLiteral("source.recording"));
    QVERIFY(node->config.value(QStringLiteral("path")).toString().endsWith(QStringLiteral("shop.swrec")));
    // The form is now the recording source's, and the button gone with the Kafka type.
    QVERIFY(f.inspector.editor(QStringLiteral("pace")));
    QVERIFY(!button->isVisible());
    f.doc.undoStack()->undo();
    QCOMPARE(f.doc.pipeline().node(QStringLiteral("views"))->type, QStringLiteral("source.kafka"));
    QVERIFY(button->isVisible());
}

void tst_Inspector::formFollowsTheCatalog_data()
{
    QTest::addColumn<QString>("node");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("editorClass");
    QTest::newRow("expression") << "only_views" << "predicate" << "QsciScintilla";
    QTest::newRow("choice") << "per_minute" << "outputMode" << "QComboBox";
    QTest::newRow("field list") << "per_minute" << "groupBy" << "QLineEdit";
    QTest::newRow("aggregates") << "per_minute" << "aggregates" << "QTableWidget";
    QTest::newRow("window object") << "per_minute" << "window" << "QComboBox"; // its kind
    QTest::newRow("connection") << "views" << "connection" << "QComboBox";
    QTest::newRow("schema") << "views" << "schema" << "QTableWidget";
    QTest::newRow("path") << "dashboard" << "path" << "QLineEdit";
}

void tst_Inspector::formFollowsTheCatalog()
{
    QFETCH(QString, node);
    QFETCH(QString, key);
    QFETCH(QString, editorClass);
    Fixture f;
    f.inspector.showNode(node);
    QCOMPARE(f.inspector.nodeId(), node);
    widgets::SettingEditor *editor = f.inspector.editor(key);
    QVERIFY(editor);
    bool found = false;
    for (QWidget *child : editor->findChildren<QWidget *>())
        found = found || child->inherits(editorClass.toLatin1());
    QVERIFY2(found, qPrintable(editorClass));
    // What the editor shows is what the document holds.
    QCOMPARE(editor->value(), f.doc.pipeline().node(node)->config.value(key));
}

void tst_Inspector::choiceEditIsOneUndoStep()
{
    Fixture f;
    f.inspector.showNode(QStringLiteral("per_minute"));
    auto *combo = f.inspector.editor(QStringLiteral("outputMode"))->findChild<QComboBox *>();
    QVERIFY(combo);
    QCOMPARE(combo->currentText(), QStringLiteral("update"));
    combo->setCurrentIndex(combo->findText(QStringLiteral("append")));
    emit combo->activated(combo->currentIndex()); // what a user's pick sends
    QCOMPARE(f.doc.pipeline().node(QStringLiteral("per_minute"))->config.value(QStringLiteral("outputMode")).toString(),
             QStringLiteral("append"));
    QCOMPARE(f.doc.undoStack()->count(), 1);
    f.doc.undoStack()->undo();
    QCOMPARE(combo->currentText(), QStringLiteral("update")); // the form follows undo
}

void tst_Inspector::typingAnExpressionIsOneUndoStep()
{
    Fixture f;
    f.inspector.show();
    f.inspector.showNode(QStringLiteral("only_views"));
    auto *editor = f.inspector.findChild<widgets::ExpressionEditor *>();
    QVERIFY(editor);
    QCOMPARE(editor->expression(), QStringLiteral("event_type = 'view'"));
    editor->setFocus();
    editor->SendScintilla(QsciScintilla::SCI_DOCUMENTEND);
    QTest::keyClicks(editor, QStringLiteral(" AND user_id <> 'u1'"));
    editor->flush();
    QTest::keyClicks(editor, QStringLiteral("x"));
    editor->flush();
    QCOMPARE(f.doc.pipeline().node(QStringLiteral("only_views"))->config.value(QStringLiteral("predicate")).toString(),
             QStringLiteral("event_type = 'view' AND user_id <> 'u1'x"));
    QCOMPARE(f.doc.undoStack()->count(), 1); // keystrokes in one setting: one step
    f.doc.undoStack()->undo();
    QCOMPARE(editor->expression(), QStringLiteral("event_type = 'view'"));
    // Emptying a required expression removes the setting (the validator then says so).
    editor->setText(QString());
    editor->flush();
    QVERIFY(!f.doc.pipeline().node(QStringLiteral("only_views"))->config.contains(QStringLiteral("predicate")));
}

void tst_Inspector::invalidExpressionShowsItsError()
{
    Fixture f;
    f.inspector.show();
    f.inspector.showNode(QStringLiteral("only_views"));
    auto *editor = f.inspector.findChild<widgets::ExpressionEditor *>();
    QSignalSpy errors(editor, &widgets::ExpressionEditor::errorsChanged);
    editor->setText(QStringLiteral("event_typ = 'view'"));
    // Checked on the keystroke, before anything reaches the document.
    QCOMPARE(editor->errors().size(), size_t(1));
    QVERIFY(editor->errors().front().message.contains(QLatin1String("event_type"))); // did you mean
    QCOMPARE(editor->errors().front().offset, 0);
    QVERIFY(!errors.isEmpty());
    QVERIFY(!errors.last().at(0).toString().isEmpty());
    QVERIFY(editor->toolTip().contains(QLatin1String("event_typ")));
    // The squiggle covers the unknown name.
    const long start = editor->SendScintilla(QsciScintilla::SCI_INDICATOREND, 8UL, 0L);
    QCOMPARE(start, 9L);
    // Once applied, the validator's message shows under the setting in the form.
    editor->flush();
    auto *problem = f.inspector.editor(QStringLiteral("predicate"))->parentWidget()->findChild<QLabel *>();
    QVERIFY(problem);
    QVERIFY(problem->isVisible());
    QVERIFY(problem->text().contains(QLatin1String("event_typ")));
    // A type error: a predicate that is not boolean.
    editor->setText(QStringLiteral("length(user_id) + 1"));
    QCOMPARE(editor->errors().size(), size_t(0)); // it is a valid expression...
    editor->flush();
    QVERIFY(problem->text().contains(QLatin1String("true or false"))); // ...but not a predicate
    editor->setText(QStringLiteral("event_type = "));
    QCOMPARE(editor->errors().size(), size_t(1)); // syntax
}

void tst_Inspector::completionOffersFieldsAndFunctions()
{
    Fixture f;
    f.inspector.show();
    f.inspector.showNode(QStringLiteral("only_views"));
    auto *editor = f.inspector.findChild<widgets::ExpressionEditor *>();
    QCOMPARE(editor->completions(QStringLiteral("prod")), QStringList{QStringLiteral("product_id")});
    QVERIFY(editor->completions(QStringLiteral("LOW")).contains(QStringLiteral("lower(str)")));
    QVERIFY(editor->completions(QStringLiteral("amo")).isEmpty()); // not a field of this input
    QVERIFY(editor->completions(QStringLiteral("_")).contains(QStringLiteral("_partition"))); // Kafka metadata
    // Typing shows the list; choosing a function inserts its name and a parenthesis.
    editor->setFocus();
    editor->setText(QString());
    QTest::keyClicks(editor, QStringLiteral("upp"));
    QVERIFY(editor->isListActive());
    emit editor->userListActivated(1, QStringLiteral("upper(str)"));
    QCOMPARE(editor->expression(), QStringLiteral("upper("));
    QTest::keyClicks(editor, QStringLiteral("event_t"));
    emit editor->userListActivated(1, QStringLiteral("event_type"));
    QCOMPARE(editor->expression(), QStringLiteral("upper(event_type"));
}

void tst_Inspector::tableEditsAggregates()
{
    Fixture f;
    f.inspector.showNode(QStringLiteral("per_minute"));
    auto *table = f.inspector.editor(QStringLiteral("aggregates"))->findChild<QTableWidget *>();
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("views"));
    // Add a row with the Add button, then fill it in: each change is one step.
    QToolButton *add = nullptr;
    for (auto *button : f.inspector.editor(QStringLiteral("aggregates"))->findChildren<QToolButton *>())
        if (button->text() == QLatin1String("Add"))
            add = button;
    QVERIFY(add);
    add->click();
    QCOMPARE(table->rowCount(), 2);
    table->item(1, 0)->setText(QStringLiteral("users"));
    table->item(1, 1)->setText(QStringLiteral("count_distinct"));
    table->item(1, 2)->setText(QStringLiteral("user_id"));
    const QJsonArray aggregates =
        f.doc.pipeline().node(QStringLiteral("per_minute"))->config.value(QStringLiteral("aggregates")).toArray();
    QCOMPARE(aggregates.size(), 2);
    QCOMPARE(aggregates.at(1).toObject(),
             QJsonObject({{QStringLiteral("name"), QStringLiteral("users")},
                          {QStringLiteral("fn"), QStringLiteral("count_distinct")},
                          {QStringLiteral("expr"), QStringLiteral("user_id")}}));
    QVERIFY(f.problems.result().ok());
    QCOMPARE(f.doc.undoStack()->count(), 3);
}

// An array<object> field's element fields are one cell, "name type, ...": they
// survive edits of other cells, and an edit of the cell itself is read back.
void tst_Inspector::schemaTableKeepsElementFields()
{
    Fixture f("order-lines-per-category.json");
    f.inspector.showNode(QStringLiteral("orders"));
    auto *table = f.inspector.editor(QStringLiteral("schema"))->findChild<QTableWidget *>();
    QVERIFY(table);
    QCOMPARE(table->columnCount(), 3);
    QCOMPARE(table->item(2, 2)->text(), QStringLiteral("product_id string, category string, price double, quantity int"));
    auto lines = [&] {
        return f.doc.pipeline().node(QStringLiteral("orders"))->config.value(QStringLiteral("schema")).toArray().at(2).toObject();
    };
    const QJsonArray before = lines().value(QStringLiteral("fields")).toArray();
    table->item(0, 0)->setText(QStringLiteral("order"));
    QCOMPARE(lines().value(QStringLiteral("fields")).toArray(), before);
    table->item(2, 2)->setText(QStringLiteral("product_id string, quantity  int, note string"));
    const QJsonArray after = lines().value(QStringLiteral("fields")).toArray();
    QCOMPARE(after.size(), 3);
    QCOMPARE(after.at(2).toObject(), QJsonObject({{QStringLiteral("name"), QStringLiteral("note")},
                                                  {QStringLiteral("type"), QStringLiteral("string")}}));
    QCOMPARE(after.at(1).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("int"));
}

void tst_Inspector::aJoinConditionCompletesTheJoinedFields()
{
    Fixture f("conversion-funnel.json");
    f.inspector.show();
    f.inspector.showNode(QStringLiteral("converted"));
    auto *editor = f.inspector.findChild<widgets::ExpressionEditor *>();
    QVERIFY(editor);
    QCOMPARE(editor->completions(QStringLiteral("right_t")), QStringList{QStringLiteral("right_ts")});
    QCOMPARE(editor->completions(QStringLiteral("amou")), QStringList{QStringLiteral("amount")}); // the right side's
    QVERIFY(editor->completions(QStringLiteral("ts")).isEmpty()); // both sides have ts: left_ts and right_ts
    QVERIFY(editor->completions(QStringLiteral("arr")).contains(QStringLiteral("array_contains(array, value)")));
}

void tst_Inspector::renameFromTheIdField()
{
    Fixture f;
    f.inspector.showNode(QStringLiteral("only_views"));
    auto *id = f.inspector.findChild<QLineEdit *>(QStringLiteral("node-id"));
    id->setText(QStringLiteral("views_only"));
    emit id->editingFinished();
    QVERIFY(f.doc.pipeline().node(QStringLiteral("views_only")));
    QCOMPARE(f.inspector.nodeId(), QStringLiteral("views_only"));
    id->setText(QStringLiteral("views")); // taken: refused, the field goes back
    emit id->editingFinished();
    QCOMPARE(id->text(), QStringLiteral("views_only"));
    QCOMPARE(f.doc.undoStack()->count(), 1);
}

void tst_Inspector::focusesTheSettingOfAProblem()
{
    Fixture f;
    f.inspector.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.inspector));
    f.inspector.showNode(QStringLiteral("per_minute"));
    f.inspector.focusPointer(QStringLiteral("/nodes/2/config/outputMode"));
    QVERIFY(f.inspector.editor(QStringLiteral("outputMode"))->isAncestorOf(QApplication::focusWidget()));
}

void tst_Inspector::jsonViewAppliesAValidEdit()
{
    Fixture f;
    widgets::JsonSourceView view(f.doc);
    const QByteArray saved = core::PipelineFormat::save(f.doc.pipeline());
    QCOMPARE(view.text().toUtf8(), saved);
    QString text = view.text();
    text.replace(QStringLiteral("\"name\": \"trending-products\""), QStringLiteral("\"name\": \"trending\""));
    view.setText(text);
    QVERIFY(view.applyText());
    QCOMPARE(f.doc.pipeline().name, QStringLiteral("trending"));
    QCOMPARE(f.doc.undoStack()->count(), 1);
    // The view follows other edits...
    f.doc.undoStack()->undo();
    QTest::qWait(10);
    QCOMPARE(view.text().toUtf8(), saved);
    // ...including a node's setting.
    f.doc.setNodeSetting(QStringLiteral("only_views"), QStringLiteral("predicate"), QStringLiteral("true"));
    QTRY_VERIFY(view.text().contains(QLatin1String("\"predicate\": \"true\"")));
}

void tst_Inspector::jsonViewRefusesAnInvalidEdit()
{
    Fixture f;
    widgets::JsonSourceView view(f.doc);
    QSignalSpy errors(&view, &widgets::JsonSourceView::errorChanged);
    const core::Pipeline before = f.doc.pipeline();
    QString text = view.text();
    text.replace(QStringLiteral("\"nodes\": ["), QStringLiteral("\"nodes\": [,"));
    view.setText(text);
    QVERIFY(!view.applyText());
    QCOMPARE(f.doc.pipeline(), before);
    QCOMPARE(f.doc.undoStack()->count(), 0);
    QVERIFY(!view.errorMessage().isEmpty());
    // The error sits on the line it is about: a marker there and the message under it.
    int line = int(text.left(text.indexOf(QLatin1String("[,"))).count(u'\n'));
    QVERIFY(view.markersAtLine(line) != 0);
    QVERIFY(!view.annotation(line).isEmpty());
    // A structural problem (JSON, but not a pipeline) is located by its pointer.
    text = QString::fromUtf8(core::PipelineFormat::save(before));
    text.replace(QStringLiteral("\"type\": \"filter\""), QStringLiteral("\"type\": 7"));
    view.setText(text);
    QVERIFY(!view.applyText());
    QVERIFY(view.errorMessage().contains(QLatin1String("/nodes/1")));
    line = int(text.left(text.indexOf(QLatin1String("\"type\": 7"))).count(u'\n'));
    QVERIFY(view.markersAtLine(line) != 0);
    QVERIFY(!view.annotation(line).isEmpty());
    // Other edits do not overwrite the user's unfinished text.
    f.doc.setName(QStringLiteral("renamed"));
    QTest::qWait(10);
    QVERIFY(view.text().contains(QLatin1String("\"type\": 7")));
    // Fixing it applies, and the error goes.
    text.replace(QStringLiteral("\"type\": 7"), QStringLiteral("\"type\": \"filter\""));
    view.setText(text);
    QVERIFY(view.applyText());
    QVERIFY(view.errorMessage().isEmpty());
    QVERIFY(errors.last().at(0).toString().isEmpty());
}

QTEST_MAIN(tst_Inspector)
#include "tst_inspector.moc"
