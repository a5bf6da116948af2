// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspector/TableEditor.h"

#include "inspector/SettingText.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace sw::widgets {

using core::SettingKind;
using core::SettingSpec;

namespace {

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
        // Rows of one line of text, as fitHeight() counts them (the delegate's
        // editors would make them taller than the table is sized for).
        m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
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
                    const QJsonValue v = m_columns[c].kind == SettingKind::ObjectList ? nestedValue(cell(c))
                                                                                      : textValue(m_columns[c].kind, cell(c));
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
            auto *cell = new QTableWidgetItem(m_columns[c].kind == SettingKind::ObjectList ? nestedText(v) : valueText(v));
            cell->setToolTip(m_columns[c].help);
            m_table->setItem(row, c, cell);
        }
        m_table->item(row, 0)->setData(Qt::UserRole, item.toObject());
        m_updating = wasUpdating;
    }

    // A list of objects inside a row (an array<object>'s element fields) is one
    // cell: "name type, name type", each object's first two settings.
    QString nestedText(const QJsonValue &v) const
    {
        QStringList items;
        for (const auto &item : v.toArray()) {
            const QJsonObject o = item.toObject();
            items << (o.value(QStringLiteral("name")).toString() + u' ' + o.value(QStringLiteral("type")).toString()).trimmed();
        }
        return items.join(QStringLiteral(", "));
    }
    static QJsonValue nestedValue(const QString &text)
    {
        QJsonArray items;
        for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
            const QStringList words = part.simplified().split(u' ');
            if (words.front().isEmpty())
                continue;
            QJsonObject o{{QStringLiteral("name"), words.front()}};
            if (words.size() > 1)
                o.insert(QStringLiteral("type"), words.mid(1).join(QString()));
            items.append(o);
        }
        return items.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(items);
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

SettingEditor *createTableEditor(const SettingSpec &spec, QWidget *parent)
{
    return new TableEditor(spec, parent);
}

} // namespace sw::widgets
