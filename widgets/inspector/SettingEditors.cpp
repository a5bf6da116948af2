// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspector/SettingEditors.h"

#include "inspector/ExpressionEditor.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QComboBox>
#include <QDir>
#include <QDoubleValidator>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableWidget>
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

QString valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return value.toString();
    case QJsonValue::Double: return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array: {
        QStringList items;
        for (const auto &item : value.toArray())
            items << valueText(item);
        return items.join(QStringLiteral(", "));
    }
    default: return {};
    }
}

// Text typed by the user as the setting's JSON value. Text that does not fit the
// kind is kept as a string, so the validator names the problem and nothing typed
// is thrown away.
QJsonValue textValue(SettingKind kind, const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QJsonValue::Undefined;
    bool ok = false;
    switch (kind) {
    case SettingKind::Integer: {
        const qlonglong n = trimmed.toLongLong(&ok);
        return ok ? QJsonValue(n) : QJsonValue(trimmed);
    }
    case SettingKind::Number: {
        const double d = QLocale::c().toDouble(trimmed, &ok);
        return ok ? QJsonValue(d) : QJsonValue(trimmed);
    }
    case SettingKind::Boolean:
        if (trimmed == QLatin1String("true") || trimmed == QLatin1String("false"))
            return trimmed == QLatin1String("true");
        return trimmed;
    case SettingKind::StringList:
    case SettingKind::FieldList: {
        QJsonArray items;
        for (const QString &item : trimmed.split(QLatin1Char(','), Qt::SkipEmptyParts))
            items.append(item.trimmed());
        return items;
    }
    default: return text;
    }
}

QStringList fieldNames(const EditorContext &context)
{
    QStringList names;
    if (context.input) {
        for (const auto &field : context.input->fields)
            names << field.name;
    }
    return names;
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
    void setContext(const EditorContext &context) override { m_editor->setSchema(context.input); }

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

// Picks a choice or an input field inside a table cell.
class CellDelegate : public QStyledItemDelegate
{
public:
    CellDelegate(const std::vector<SettingSpec> &columns, QObject *parent)
        : QStyledItemDelegate(parent), m_columns(columns)
    {
    }
    void setFields(const QStringList &fields) { m_fields = fields; }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        const SettingSpec &column = m_columns.at(index.column());
        if (column.kind == SettingKind::Choice || column.kind == SettingKind::Field) {
            auto *combo = new QComboBox(parent);
            combo->setEditable(column.kind == SettingKind::Field);
            if (column.kind == SettingKind::Choice && !column.required)
                combo->addItem(QString());
            combo->addItems(column.kind == SettingKind::Choice ? column.choices : m_fields);
            return combo;
        }
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            const QString text = index.data(Qt::EditRole).toString();
            const int found = combo->findText(text);
            if (found >= 0)
                combo->setCurrentIndex(found);
            else if (combo->isEditable())
                combo->setEditText(text);
            return;
        }
        QStyledItemDelegate::setEditorData(editor, index);
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            model->setData(index, combo->currentText(), Qt::EditRole);
            return;
        }
        QStyledItemDelegate::setModelData(editor, model, index);
    }

private:
    std::vector<SettingSpec> m_columns;
    QStringList m_fields;
};

// Lists of objects (columns, aggregates, schema fields), field pairs and maps: a
// table with a row per item.
class TableEditor : public SettingEditor
{
    // Its own context, as lupdate files its strings (no Q_OBJECT here).
    Q_DECLARE_TR_FUNCTIONS(sw::widgets::TableEditor)

public:
    TableEditor(const SettingSpec &spec, QWidget *parent) : SettingEditor(spec, parent)
    {
        if (spec.kind == SettingKind::ObjectList) {
            m_columns = spec.fields;
        } else if (spec.kind == SettingKind::FieldPairList) {
            SettingSpec left;
            left.key = tr("left");
            left.kind = SettingKind::Field;
            SettingSpec right = left;
            right.key = tr("right");
            m_columns = {left, right};
        } else {
            SettingSpec key;
            key.key = tr("key");
            SettingSpec val = key;
            val.key = tr("value");
            m_columns = {key, val};
        }
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        m_table = new QTableWidget(0, int(m_columns.size()), this);
        QStringList headers;
        for (const auto &column : m_columns)
            headers << column.key;
        m_table->setHorizontalHeaderLabels(headers);
        for (int c = 0; c < int(m_columns.size()); ++c) {
            if (!m_columns[c].help.isEmpty())
                m_table->horizontalHeaderItem(c)->setToolTip(m_columns[c].help);
        }
        m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
        m_table->verticalHeader()->hide();
        m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
        m_delegate = new CellDelegate(m_columns, m_table);
        m_table->setItemDelegate(m_delegate);
        layout->addWidget(m_table);
        setFocusProxy(m_table);

        auto *buttons = new QHBoxLayout;
        auto *add = new QToolButton(this);
        add->setText(tr("Add"));
        add->setToolTip(tr("Add a row"));
        auto *remove = new QToolButton(this);
        remove->setText(tr("Remove"));
        remove->setToolTip(tr("Remove the selected rows"));
        buttons->addWidget(add);
        buttons->addWidget(remove);
        buttons->addStretch();
        layout->addLayout(buttons);

        connect(add, &QToolButton::clicked, this, [this] {
            appendRow(QJsonValue::Undefined);
            fitHeight();
            m_table->setCurrentCell(m_table->rowCount() - 1, 0);
            m_table->editItem(m_table->item(m_table->rowCount() - 1, 0));
        });
        connect(remove, &QToolButton::clicked, this, [this] {
            QList<int> rows;
            for (const auto &index : m_table->selectionModel()->selectedRows())
                rows << index.row();
            std::sort(rows.rbegin(), rows.rend());
            for (int row : rows)
                m_table->removeRow(row);
            fitHeight();
            emit edited(value(), false);
        });
        connect(m_table, &QTableWidget::itemChanged, this, [this] {
            if (!m_updating)
                emit edited(value(), false);
        });
        fitHeight();
    }

    void setValue(const QJsonValue &newValue) override
    {
        if (newValue == value())
            return;
        m_updating = true;
        m_table->setRowCount(0);
        if (spec().kind == SettingKind::Map) {
            const QJsonObject object = newValue.toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                appendRow(QJsonArray{it.key(), it.value()});
        } else {
            for (const auto &item : newValue.toArray())
                appendRow(item);
        }
        m_updating = false;
        fitHeight();
    }

    QJsonValue value() const override
    {
        QJsonArray array;
        QJsonObject map;
        for (int row = 0; row < m_table->rowCount(); ++row) {
            auto cell = [this, row](int column) {
                const QTableWidgetItem *item = m_table->item(row, column);
                return item ? item->text() : QString();
            };
            if (spec().kind == SettingKind::ObjectList) {
                QJsonObject object = m_table->item(row, 0)->data(Qt::UserRole).toJsonObject();
                for (int c = 0; c < int(m_columns.size()); ++c) {
                    const QJsonValue v = textValue(m_columns[c].kind, cell(c));
                    if (v.isUndefined())
                        object.remove(m_columns[c].key);
                    else
                        object.insert(m_columns[c].key, v);
                }
                array.append(object);
            } else if (spec().kind == SettingKind::FieldPairList) {
                array.append(QJsonArray{cell(0).trimmed(), cell(1).trimmed()});
            } else if (!cell(0).trimmed().isEmpty()) {
                map.insert(cell(0).trimmed(), cell(1));
            }
        }
        if (spec().kind == SettingKind::Map)
            return map.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(map);
        return array.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(array);
    }

    void setContext(const EditorContext &context) override { m_delegate->setFields(fieldNames(context)); }

private:
    void appendRow(const QJsonValue &item)
    {
        const bool wasUpdating = m_updating;
        m_updating = true;
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        for (int c = 0; c < int(m_columns.size()); ++c) {
            QJsonValue v;
            if (spec().kind == SettingKind::ObjectList)
                v = item.toObject().value(m_columns[c].key);
            else
                v = item.toArray().at(c);
            auto *cell = new QTableWidgetItem(valueText(v));
            cell->setToolTip(m_columns[c].help);
            m_table->setItem(row, c, cell);
        }
        m_table->item(row, 0)->setData(Qt::UserRole, item.toObject());
        m_updating = wasUpdating;
    }

    void fitHeight()
    {
        const int rows = std::clamp(m_table->rowCount(), 1, 8);
        const int rowHeight = m_table->verticalHeader()->defaultSectionSize();
        m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() + rows * rowHeight +
                                2 * m_table->frameWidth() + 2);
    }

    std::vector<SettingSpec> m_columns;
    QTableWidget *m_table = nullptr;
    CellDelegate *m_delegate = nullptr;
    bool m_updating = false;
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
    case SettingKind::Map: editor = new TableEditor(spec, parent); break;
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
