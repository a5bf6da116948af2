// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "monitor/ProgressHistory.h"

#include <QWidget>

class QCheckBox;
class QChart;
class QChartView;
class QComboBox;
class QLineSeries;
class QScrollBar;
class QTabWidget;

namespace sw::widgets {

// Live time series of a run: throughput, consumer lag, batch duration by part and
// end-to-end latency, over the last 1, 5, 15 or 60 minutes. Hovering a line shows
// its exact value; Pause freezes the picture while the history keeps filling.
class MonitorCharts : public QWidget
{
    Q_OBJECT
public:
    explicit MonitorCharts(QWidget *parent = nullptr);

    // New progress records (in batch order).
    void addProgress(const std::vector<runtime::BatchProgress> &records);
    void clear();
    // Shows a stored run instead of the live one (Runs...).
    void setHistory(const ProgressHistory &history);
    QByteArray toCsv() const { return m_history.toCsv(); }
    bool exportPng(const QString &path); // the charts of the tab shown
    // The runtime's trigger interval, drawn across the batch-duration chart.
    void setTriggerMs(double ms);
    // Pauses and shows the range that ends at `endMs` (as the scroll bar does).
    void scrollTo(qint64 endMs);
    const ProgressHistory &history() const { return m_history; }

signals:
    void runsRequested(); // the Runs... button: pick a stored run

public:
    int rangeMinutes() const;
    void setRangeMinutes(int minutes);
    // The points a chart line currently shows (tests); for a stacked part, its top edge.
    QList<QPointF> shownPoints(const QString &metric) const;
    QString lineName(const QString &metric) const; // as the legend shows it, for tests
    // The top of a value axis for `value`: round, and its half round too.
    static double niceTop(double value);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void nameLinesByPartition(QChart *chart, const QString &prefix);
    struct Line
    {
        QString metric;
        QLineSeries *series; // the drawn line, or the upper edge of a stacked area
        QChart *chart;
        bool stacked = false; // drawn on top of the chart's previous stacked lines
    };
    struct Chart
    {
        QChart *chart;
        QString prefix; // metrics starting with it get a line each, as they appear
    };
    // One chart at `position` (0-3) of a tab page; `lines` are (metric, legend name) pairs.
    QChart *addChart(QWidget *page, int position, const QString &title, const QList<QPair<QString, QString>> &lines,
                     const QString &prefix = {});
    void addLine(QChart *chart, const QString &metric, const QString &name, bool stacked = false);
    void redraw();
    void draw(qint64 endMs);
    void updateScrollRange();
    // Charts in as many columns as the width holds (4, 2 or 1): a bottom dock is
    // wide and short, a floating one may be tall.
    void reflow();

    ProgressHistory m_history;
    QList<QChartView *> m_views; // in the order added, by page
    int m_columns = 2;
    QList<Line> m_lines;
    QList<Chart> m_charts;
    double m_triggerMs = 0;
    QComboBox *m_range = nullptr;
    QCheckBox *m_pause = nullptr;
    QTabWidget *m_tabs = nullptr;
    QScrollBar *m_scroll = nullptr;
    qint64 m_viewEndMs = 0; // while paused
};

} // namespace sw::widgets
