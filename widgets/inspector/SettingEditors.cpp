// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspector/SettingEditors.h"

#include "inspector/ExpressionEditor.h"
#include "inspector/SettingText.h"
#include "inspector/TableEditor.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QComboBox>
#include <QDir>
#include <QDoubleValidator>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <climits>

namespace sw::widgets {

using core::SettingKind;
using core::SettingSpec;

namespace {

bool isList(SettingKind kind)
{
    return kind == SettingKind::StringList || kind == SettingKind::FieldList;
}

// String, duration, path, connection, field, and lists of strings or fields: text,
// with a picker where the choices are known.
class TextEditor : public SettingEditor
{
    // Its own context, as lupdate files its strings (no Q_OBJECT here).
    Q_DECLARE_TR_FUNCTIONS(sw::widgets::TextEditor)

public:
    TextEditor(const SettingSpec &spec, QWidget *parent) : SettingEditor(spec, parent)
    {
        auto *layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        const bool picks = spec.kind == SettingKind::Field || spec.kind == SettingKind::Connection;
        if (picks) {
            m_combo = new QComboBox(this);
            m_combo->setEditable(true);
            m_combo->setInsertPolicy(QComboBox::NoInsert);
            m_edit = m_combo->lineEdit();
            layout->addWidget(m_combo, 1);
            connect(m_combo, &QComboBox::activated, this, [this] { emit edited(value(), false); });
        } else {
            m_edit = new QLineEdit(this);
            layout->addWidget(m_edit, 1);
        }
        if (!spec.defaultValue.isUndefined())
            m_edit->setPlaceholderText(valueText(spec.defaultValue));
        else if (spec.kind == SettingKind::Duration)
            m_edit->setPlaceholderText(tr("e.g. 10s, 5m, 1h"));
        else if (isList(spec.kind))
            m_edit->setPlaceholderText(tr("comma-separated"));
        connect(m_edit, &QLineEdit::textEdited, this, [this] { emit edited(value(), true); });
        setFocusProxy(m_edit);

        if (spec.kind == SettingKind::FieldList) {
            m_pick = new QToolButton(this);
            m_pick->setText(tr("Add field"));
            m_pick->setToolTip(tr("Add a field of the input"));
            m_pick->setPopupMode(QToolButton::InstantPopup);
            m_pick->setMenu(new QMenu(m_pick));
            layout->addWidget(m_pick);
        } else if (spec.kind == SettingKind::Path) {
            auto *browse = new QToolButton(this);
            browse->setText(tr("Browse..."));
            connect(browse, &QToolButton::clicked, this, &TextEditor::browse);
            layout->addWidget(browse);
        }
    }

    void setValue(const QJsonValue &value) override
    {
        const QString text = valueText(value);
        if (m_edit->text() != text)
            m_edit->setText(text);
    }
    QJsonValue value() const override { return textValue(spec().kind, m_edit->text()); }

    void setContext(const EditorContext &context) override
    {
        m_context = context;
        const QStringList choices =
            spec().kind == SettingKind::Connection ? context.connections : fieldNames(context);
        if (m_combo) {
            const QString text = m_edit->text();
            m_combo->clear();
            m_combo->addItems(choices);
            m_edit->setText(text);
        }
        if (m_pick) {
            m_pick->menu()->clear();
            for (const QString &name : choices) {
                m_pick->menu()->addAction(name, this, [this, name] {
                    QStringList items;
                    for (const auto &item : value().toArray())
                        items << item.toString();
                    if (!items.contains(name))
                        items << name;
                    m_edit->setText(items.join(QStringLiteral(", ")));
                    emit edited(value(), false);
                });
            }
            m_pick->setEnabled(!choices.isEmpty());
        }
    }

private:
    void browse()
    {
        const QString current = QDir(m_context.pipelineDir).absoluteFilePath(m_edit->text());
        const QString chosen = QFileDialog::getSaveFileName(this, tr("Choose a File"), current, {}, nullptr,
                                                            QFileDialog::DontConfirmOverwrite);
        if (chosen.isEmpty())
            return;
        const QString relative = QDir(m_context.pipelineDir).relativeFilePath(chosen);
        m_edit->setText(m_context.pipelineDir.isEmpty() || relative.startsWith(QLatin1String("..")) ? chosen
                                                                                                     : relative);
        emit edited(value(), false);
    }

    QComboBox *m_combo = nullptr;
    QLineEdit *m_edit = nullptr;
    QToolButton *m_pick = nullptr;
    EditorContext m_context;
};

// Whole numbers: a spin box; a setting without default has a "not set" position.
class IntegerEditor : public SettingEditor
{
    // Its own context, as lupdate files its strings (no Q_OBJECT here).
    Q_DECLARE_TR_FUNCTIONS(sw::widgets::IntegerEditor)

public:
    IntegerEditor(const SettingSpec &spec, QWidget *parent) : SettingEditor(spec, parent)
    {
        auto *layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        m_spin = new QSpinBox(this);
        m_spin->setRange(spec.defaultValue.isUndefined() ? -1 : 0, INT_MAX);
        if (spec.defaultValue.isUndefined())
            m_spin->setSpecialValueText(tr("not set"));
        m_spin->setKeyboardTracking(true);
        layout->addWidget(m_spin, 1);
        setFocusProxy(m_spin);
        connect(m_spin, &QSpinBox::valueChanged, this, [this] {
            if (!m_setting)
                emit edited(value(), m_spin->hasFocus());
        });
    }
    void setValue(const QJsonValue &value) override
    {
        const QJsonValue shown = value.isUndefined() ? spec().defaultValue : value;
        m_setting = true;
        m_spin->setValue(shown.isDouble() ? int(shown.toInteger()) : m_spin->minimum());
        m_setting = false;
    }
    QJsonValue value() const override
    {
        if (spec().defaultValue.isUndefined() && m_spin->value() == m_spin->minimum())
            return QJsonValue::Undefined;
        return m_spin->value();
    }

private:
    QSpinBox *m_spin = nullptr;
    bool m_setting = false;
};

// Numbers: text with a validator (a spin box would round them).
class NumberEditor : public SettingEditor
{
public:
    NumberEditor(const SettingSpec &spec, QWidget *parent) : SettingEditor(spec, parent)
    {
        auto *layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        m_edit = new QLineEdit(this);
        auto *validator = new QDoubleValidator(m_edit);
        validator->setLocale(QLocale::c());
        m_edit->setValidator(validator);
        if (!spec.defaultValue.isUndefined())
            m_edit->setPlaceholderText(valueText(spec.defaultValue));
        layout->addWidget(m_edit, 1);
        setFocusProxy(m_edit);
        connect(m_edit, &QLineEdit::textEdited, this, [this] { emit edited(value(), true); });
    }
    void setValue(const QJsonValue &value) override
    {
        const QString text = valueText(value);
        if (textValue(SettingKind::Number, m_edit->text()) != value)
            m_edit->setText(text);
    }
    QJsonValue value() const override { return textValue(SettingKind::Number, m_edit->text()); }

private:
    QLineEdit *m_edit = nullptr;
};

class BooleanEditor : public SettingEditor
{
public:
    BooleanEditor(const SettingSpec &spec, QWidget *parent) : SettingEditor(spec, parent)
    {
        auto *layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        m_check = new QCheckBox(this);
        layout->addWidget(m_check, 1);
        setFocusProxy(m_check);
        connect(m_check, &QCheckBox::clicked, this, [this] { emit edited(value(), false); });
    }
    void setValue(const QJsonValue &value) override
    {
        const QJsonValue shown = value.isUndefined() ? spec().defaultValue : value;
        m_check->setChecked(shown.toBool());
    }
    QJsonValue value() const override { return m_check->isChecked(); }

private:
    QCheckBox *m_check = nullptr;
};

class ChoiceEditor : public SettingEditor
{
    // Its own context, as lupdate files its strings (no Q_OBJECT here).
    Q_DECLARE_TR_FUNCTIONS(sw::widgets::ChoiceEditor)

public:
    ChoiceEditor(const SettingSpec &spec, QWidget *parent) : SettingEditor(spec, parent)
    {
        auto *layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        m_combo = new QComboBox(this);
        if (spec.defaultValue.isUndefined())
            m_combo->addItem(tr("(choose)"), QString());
        for (const QString &choice : spec.choices)
            m_combo->addItem(choice, choice);
        layout->addWidget(m_combo, 1);
        setFocusProxy(m_combo);
        connect(m_combo, &QComboBox::activated, this, [this] { emit edited(value(), false); });
    }
    void setValue(const QJsonValue &value) override
    {
        const QString shown = (value.isUndefined() ? spec().defaultValue : value).toString();
        int index = m_combo->findData(shown);
        if (index < 0 && !shown.isEmpty()) {
            // A value the catalog does not list (the validator says so): show it, keep it.
            m_combo->addItem(shown, shown);
            index = m_combo->count() - 1;
        }
        m_combo->setCurrentIndex(std::max(index, 0));
    }
    QJsonValue value() const override
    {
        const QString data = m_combo->currentData().toString();
        return data.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(data);
    }

private:
    QComboBox *m_combo = nullptr;
};

class ExpressionSettingEditor : public SettingEditor
{
public:
    ExpressionSettingEditor(const SettingSpec &spec, QWidget *parent) : SettingEditor(spec, parent)
    {
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        m_editor = new ExpressionEditor(this);
        m_editor->setObjectName(QStringLiteral("expression-") + spec.key);
        layout->addWidget(m_editor);
        setFocusProxy(m_editor);
        connect(m_editor, &ExpressionEditor::textEdited, this, [this] { emit edited(value(), true); });
    }
    void setValue(const QJsonValue &value) override { m_editor->setExpression(value.toString()); }
    QJsonValue value() const override
    {
        const QString text = m_editor->expression();
        return text.trimmed().isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(text);
    }
    void setContext(const EditorContext &context) override
    {
        m_editor->setSchema(context.expressionInput ? context.expressionInput : context.input);
    }

private:
    ExpressionEditor *m_editor = nullptr;
};

// An object setting (window, eventTime, within, table): its own form, indented.
class ObjectEditor : public SettingEditor
{
public:
    ObjectEditor(const SettingSpec &spec, QWidget *parent) : SettingEditor(spec, parent)
    {
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(12, 0, 0, 0);
        m_form = new SettingForm(spec.fields, this);
        layout->addWidget(m_form);
        connect(m_form, &SettingForm::edited, this, [this](const QString &, const QJsonValue &, bool typing) {
            emit edited(value(), typing);
        });
    }
    void setValue(const QJsonValue &value) override
    {
        m_original = value.toObject();
        m_form->setValues(m_original);
    }
    QJsonValue value() const override
    {
        QJsonObject object = m_original; // keys the catalog does not know stay
        for (const SettingEditor *editor : m_form->editors()) {
            const QJsonValue v = editor->value();
            if (v.isUndefined())
                object.remove(editor->spec().key);
            else
                object.insert(editor->spec().key, v);
        }
        return object.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(object);
    }
    void setContext(const EditorContext &context) override { m_form->setContext(context); }
    void focusEditor() override
    {
        if (!m_form->editors().empty())
            m_form->editors().front()->focusEditor();
    }

private:
    SettingForm *m_form = nullptr;
    QJsonObject m_original;
};

} // namespace

SettingEditor *createSettingEditor(const SettingSpec &spec, QWidget *parent)
{
    SettingEditor *editor = nullptr;
    switch (spec.kind) {
    case SettingKind::Integer: editor = new IntegerEditor(spec, parent); break;
    case SettingKind::Number: editor = new NumberEditor(spec, parent); break;
    case SettingKind::Boolean: editor = new BooleanEditor(spec, parent); break;
    case SettingKind::Choice: editor = new ChoiceEditor(spec, parent); break;
    case SettingKind::Expression: editor = new ExpressionSettingEditor(spec, parent); break;
    case SettingKind::Object: editor = new ObjectEditor(spec, parent); break;
    case SettingKind::ObjectList:
    case SettingKind::FieldPairList:
    case SettingKind::Map: editor = createTableEditor(spec, parent); break;
    default: editor = new TextEditor(spec, parent); break;
    }
    editor->setObjectName(QStringLiteral("setting-") + spec.key);
    editor->setToolTip(spec.help);
    return editor;
}

SettingForm::SettingForm(const std::vector<SettingSpec> &specs, QWidget *parent) : QWidget(parent)
{
    m_layout = new QFormLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_layout->setRowWrapPolicy(QFormLayout::WrapLongRows);
    for (const SettingSpec &spec : specs) {
        auto *field = new QWidget(this);
        auto *column = new QVBoxLayout(field);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(2);
        SettingEditor *editor = createSettingEditor(spec, field);
        column->addWidget(editor);
        auto *problem = new QLabel(field);
        problem->setWordWrap(true);
        problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
        problem->setStyleSheet(QStringLiteral("color: #d03030;"));
        problem->hide();
        column->addWidget(problem);

        auto *label = new QLabel(spec.required ? QStringLiteral("<b>%1</b>").arg(spec.key) : spec.key, this);
        label->setToolTip(spec.help + (spec.required ? tr(" (required)") : QString()));
        label->setBuddy(editor);
        m_layout->addRow(label, field);
        m_editors.push_back(editor);
        m_problemLabels.insert(spec.key, problem);
        m_labels.insert(spec.key, label);
        connect(editor, &SettingEditor::edited, this, [this, editor](const QJsonValue &value, bool typing) {
            QJsonObject values;
            for (const SettingEditor *e : m_editors)
                values.insert(e->spec().key, e->value());
            updateApplicability(values);
            emit edited(editor->spec().key, value, typing);
        });
    }
}

void SettingForm::setValues(const QJsonObject &values)
{
    for (SettingEditor *editor : m_editors)
        editor->setValue(values.value(editor->spec().key));
    updateApplicability(values);
}

void SettingForm::setContext(const EditorContext &context)
{
    for (SettingEditor *editor : m_editors)
        editor->setContext(context);
}

void SettingForm::setProblems(const QMap<QString, QString> &problems)
{
    for (auto it = m_problemLabels.begin(); it != m_problemLabels.end(); ++it) {
        const QString message = problems.value(it.key());
        it.value()->setText(message);
        it.value()->setVisible(!message.isEmpty());
    }
}

SettingEditor *SettingForm::editor(const QString &key) const
{
    for (SettingEditor *editor : m_editors) {
        if (editor->spec().key == key)
            return editor;
    }
    return nullptr;
}

void SettingForm::updateApplicability(const QJsonObject &values)
{
    // A window's kind decides which lengths apply; the others are hidden.
    if (!editor(QStringLiteral("kind")) || !editor(QStringLiteral("gap")))
        return;
    const QString kind = values.value(QStringLiteral("kind")).toString();
    const QMap<QString, QStringList> applies{
        {QStringLiteral("tumbling"), {QStringLiteral("size")}},
        {QStringLiteral("sliding"), {QStringLiteral("size"), QStringLiteral("slide")}},
        {QStringLiteral("session"), {QStringLiteral("gap")}},
    };
    for (const QString &key : {QStringLiteral("size"), QStringLiteral("slide"), QStringLiteral("gap")}) {
        SettingEditor *e = editor(key);
        // Shown when it applies, when the kind is unknown, or when it holds a value.
        const bool shown = !applies.contains(kind) || applies.value(kind).contains(key) ||
                           !values.value(key).isUndefined();
        m_layout->setRowVisible(e->parentWidget(), shown);
    }
}

} // namespace sw::widgets
