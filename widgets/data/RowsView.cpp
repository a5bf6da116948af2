// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/RowsView.h"

#include "expr/Evaluator.h"
#include "expr/Expression.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace sw::widgets {

namespace {
// The columns of JSON rows: `known` (the schema's order), then any others.
QStringList columnsOf(const QJsonArray &rows, QStringList columns = {})
{
    for (const QJsonValue &row : rows) {
        for (const QString &key : row.toObject().keys()) {
            if (!columns.contains(key))
                columns << key;
        }
    }
    return columns;
}

// A schema for rows as JSON has them: numbers (whole ones as int), strings,
// booleans; enough to filter by an expression over them.
core::Schema schemaOf(const QJsonArray &rows, const QStringList &columns)
{
    core::Schema schema;
    for (const QString &c : columns) {
        core::DataType type = core::DataType::String;
        bool typed = false, whole = true;
        for (const QJsonValue &row : rows) {
            const QJsonValue v = row.toObject().value(c);
            if (v.isDouble()) {
                type = core::DataType::Double;
                typed = true;
                whole = whole && v.toDouble() == std::floor(v.toDouble()) && std::abs(v.toDouble()) < 9e15;
            } else if (v.isBool() && !typed) {
                type = core::DataType::Boolean;
                typed = true;
            } else if (v.isString() && !typed) {
                typed = true;
            }
        }
        if (type == core::DataType::Double && whole)
            type = core::DataType::Int;
        schema.fields.append({c, type});
    }
    return schema;
}

core::expr::Value valueOf(const QJsonValue &v, core::DataType type)
{
    using core::expr::Value;
    if (v.isNull() || v.isUndefined())
        return Value::null();
    switch (type) {
    case core::DataType::Int: return Value::integer(int64_t(v.toDouble()));
    case core::DataType::Double: return Value::real(v.toDouble());
    case core::DataType::Boolean: return Value::boolean(v.toBool());
    default: return Value::string(v.isString() ? v.toString() : QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)));
    }
}

QString cellText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("NULL");
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    return QString::fromUtf8(QJsonDocument(v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject())).toJson(QJsonDocument::Compact));
}

} // namespace

void fillRowsTable(QTableWidget *table, const QJsonArray &rows, const QStringList &order)
{
    const QStringList columns = columnsOf(rows, order);
    table->clear();
    table->setColumnCount(int(columns.size()));
    table->setHorizontalHeaderLabels(columns);
    table->setRowCount(int(rows.size()));
    for (int r = 0; r < int(rows.size()); ++r) {
        const QJsonObject o = rows[r].toObject();
        for (int c = 0; c < int(columns.size()); ++c)
            table->setItem(r, c, new QTableWidgetItem(cellText(o.value(columns[c]))));
    }
    table->resizeColumnsToContents();
}

RowsView::RowsView(QWidget *leading, QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *line = new QHBoxLayout;
    if (leading)
        line->addWidget(leading);
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("filter: an expression over the rows, e.g. amount > 1000"));
    m_filter->setClearButtonEnabled(true);
    line->addWidget(m_filter, 1);
    layout->addLayout(line);
    m_state = new QLabel(this);
    m_state->setWordWrap(true);
    layout->addWidget(m_state);
    m_views = new QTabWidget(this);
    m_table = new QTableWidget(m_views);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8); // rows of one line
    m_json = new QPlainTextEdit(m_views);
    m_json->setReadOnly(true);
    m_json->setFont(QFont(QStringLiteral("monospace")));
    m_views->addTab(m_table, tr("Table"));
    m_views->addTab(m_json, tr("JSON"));
    layout->addWidget(m_views, 1);
    // Names for tests and style sheets.
    m_filter->setObjectName(QStringLiteral("filter"));
    m_state->setObjectName(QStringLiteral("filterState"));
    m_table->setObjectName(QStringLiteral("rowsTable"));
    m_json->setObjectName(QStringLiteral("rowsJson"));
    connect(m_filter, &QLineEdit::textChanged, this, [this] {
        show();
        emit filterChanged();
    });
}

void RowsView::setRows(const QJsonArray &rows, const QStringList &order, const QString &caption)
{
    m_rows = rows;
    m_order = order;
    m_caption = caption;
    show();
}

void RowsView::setMessage(const QString &message)
{
    m_rows = {};
    m_order = {};
    m_caption = message;
    show();
}

void RowsView::show()
{
    m_shown = {};
    const QString filter = m_filter->text().trimmed();
    m_state->setStyleSheet(QString());
    if (filter.isEmpty() || m_rows.isEmpty()) {
        m_shown = m_rows;
        m_state->setText(m_caption);
    } else {
        const QStringList columns = columnsOf(m_rows);
        const core::Schema schema = schemaOf(m_rows, columns);
        const auto checked = core::expr::Expression::compile(filter, schema);
        if (!checked.ok()) {
            m_state->setStyleSheet(QStringLiteral("color: #b00020"));
            m_state->setText(checked.errors.front().message);
        } else {
            for (const QJsonValue &row : std::as_const(m_rows)) {
                std::vector<core::expr::Value> values;
                const QJsonObject o = row.toObject();
                for (const core::Field &f : schema.fields)
                    values.push_back(valueOf(o.value(f.name), f.type));
                const core::expr::Value keep = core::expr::Evaluator::evaluate(*checked.expr, schema, values);
                if (!keep.isNull() && keep.asBool())
                    m_shown.append(row);
            }
            m_state->setText(tr("%1 of %2 rows match").arg(m_shown.size()).arg(m_rows.size()));
        }
    }
    fillRowsTable(m_table, m_shown, m_order);
    m_json->setPlainText(QString::fromUtf8(QJsonDocument(m_shown).toJson(QJsonDocument::Indented)));
}

} // namespace sw::widgets
