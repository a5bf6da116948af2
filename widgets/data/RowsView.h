// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;
class QTableWidget;

namespace sw::widgets {

// Rows as JSON objects, in a table and as JSON, filtered by an expression over
// them (`amount > 1000`): what the Data dock and the debugger show of an edge.
class RowsView : public QWidget
{
    Q_OBJECT
public:
    // `leading`: a widget put before the filter on its line (an edge picker); may be null.
    explicit RowsView(QWidget *leading, QWidget *parent = nullptr);

    // Shows `rows` with columns in `order` first (a schema's), then any others;
    // `caption` says what they are while no filter is set ("12 rows in batch 40").
    void setRows(const QJsonArray &rows, const QStringList &order, const QString &caption);
    // No rows, and why ("No rows: a no-data batch").
    void setMessage(const QString &message);
    QJsonArray shownRows() const { return m_shown; }

signals:
    void filterChanged();

private:
    void show();

    QJsonArray m_rows;
    QStringList m_order;
    QString m_caption;
    QJsonArray m_shown;
    QLineEdit *m_filter;
    QLabel *m_state;
    QTabWidget *m_views;
    QTableWidget *m_table;
    QPlainTextEdit *m_json;
};

// Fills `table` with `rows`: columns in `order` first, then any others, one line per row.
void fillRowsTable(QTableWidget *table, const QJsonArray &rows, const QStringList &order = {});

} // namespace sw::widgets
