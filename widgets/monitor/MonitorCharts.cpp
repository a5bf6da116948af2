// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitor/MonitorCharts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QScrollBar>
#include <QTabWidget>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QToolTip>
#include <QtCharts/QAreaSeries>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

#include <cmath>

namespace sw::widgets {

MonitorCharts::MonitorCharts(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Range:"), this));
    m_range = new QComboBox(this);
    for (int minutes : {1, 5, 15, 60})
        m_range->addItem(minutes == 60 ? tr("1 hour") : tr("%n minute(s)", nullptr, minutes), minutes);
    m_range->setCurrentIndex(1);
    bar->addWidget(m_range);
    m_pause = new QCheckBox(tr("Pause"), this);
    m_pause->setToolTip(tr("Freeze the charts to look back; the run's history keeps being recorded"));
    bar->addWidget(m_pause);
    // While paused: scroll back through the history (the end of the shown range).
    m_scroll = new QScrollBar(Qt::Horizontal, this);
    m_scroll->setToolTip(tr("Scroll back through the run"));
    m_scroll->setMinimumWidth(160);
    m_scroll->hide();
    bar->addWidget(m_scroll, 1);
    bar->addStretch();
    auto *runs = new QPushButton(tr("Runs..."), this);
    runs->setToolTip(tr("Look at an earlier run of this pipeline"));
    connect(runs, &QPushButton::clicked, this, &MonitorCharts::runsRequested);
    bar->addWidget(runs);
    auto *csv = new QPushButton(tr("Export CSV..."), this);
    connect(csv, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the Run as CSV"), QStringLiteral("run.csv"),
                                                          tr("CSV files (*.csv)"));
        QFile file(path);
        if (!path.isEmpty() && (!file.open(QIODevice::WriteOnly) || file.write(toCsv()) < 0))
            QMessageBox::warning(this, tr("Cannot export"), file.errorString());
    });
    bar->addWidget(csv);
    auto *png = new QPushButton(tr("Export PNG..."), this);
    connect(png, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the Charts as PNG"), QStringLiteral("run.png"),
                                                          tr("PNG images (*.png)"));
        if (!path.isEmpty() && !exportPng(path))
            QMessageBox::warning(this, tr("Cannot export"), tr("Cannot write %1").arg(path));
    });
    bar->addWidget(png);
    layout->addLayout(bar);
    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs, 1);
    setLayout(layout);

    auto *flow = new QWidget(m_tabs);
    addChart(flow, 0, tr("Throughput (rows/s)"),
             {{QStringLiteral("inputRows"), tr("input")}, {QStringLiteral("processedRows"), tr("processed (capacity)")}});
    // Lag in total and per partition (lines appear as partitions report).
    addChart(flow, 1, tr("Consumer lag (messages)"), {{QStringLiteral("consumerLag"), tr("total")}},
             QStringLiteral("lag."));
    addChart(flow, 2, tr("Time to catch up (s)"), {{QStringLiteral("catchUpSeconds"), tr("at the processing rate")}});
    addChart(flow, 3, tr("End-to-end latency (ms)"),
             {{QStringLiteral("latency.p50"), QStringLiteral("p50")},
              {QStringLiteral("latency.p95"), QStringLiteral("p95")},
              {QStringLiteral("latency.p99"), QStringLiteral("p99")}});
    m_tabs->addTab(flow, tr("Flow"));
    auto *batches = new QWidget(m_tabs);
    // Parts stacked (their top is the slowest batch of the second), the trigger across.
    addChart(batches, 0, tr("Batch duration (ms)"),
             {{QStringLiteral("duration.poll"), tr("poll")},
              {QStringLiteral("duration.decode"), tr("decode")},
              {QStringLiteral("duration.operators"), tr("operators")},
              {QStringLiteral("duration.sink"), tr("sink")},
              {QStringLiteral("duration.checkpoint"), tr("checkpoint")},
              {QStringLiteral("trigger"), tr("trigger interval")}});
    addChart(batches, 1, tr("Watermark gap (s)"), {{QStringLiteral("watermarkGapSeconds"), tr("wall clock - watermark")}});
    addChart(batches, 2, tr("State rows"), {}, QStringLiteral("stateRows."));
    addChart(batches, 3, tr("Late rows and dead letters (total)"),
             {{QStringLiteral("lateRows"), tr("late rows dropped")}, {QStringLiteral("deadLetters"), tr("dead letters")}});
    m_tabs->addTab(batches, tr("Batches and state"));
    connect(m_range, &QComboBox::currentIndexChanged, this, &MonitorCharts::redraw);
    connect(m_pause, &QCheckBox::toggled, this, [this](bool paused) {
        m_scroll->setVisible(paused);
        if (paused) {
            m_viewEndMs = m_history.lastMs() + 1000;
            updateScrollRange();
        }
        redraw();
    });
    connect(m_scroll, &QScrollBar::valueChanged, this, [this](int seconds) {
        if (!m_pause->isChecked())
            return;
        m_viewEndMs = m_history.firstMs() + qint64(seconds) * 1000 + qint64(rangeMinutes()) * 60 * 1000;
        draw(m_viewEndMs);
    });
}

void MonitorCharts::updateScrollRange()
{
    // Positions in seconds from the first second kept; the value is the start of the view.
    const qint64 range = qint64(rangeMinutes()) * 60 * 1000;
    const qint64 span = std::max<qint64>(0, m_history.lastMs() + 1000 - m_history.firstMs() - range);
    const QSignalBlocker blocker(m_scroll);
    m_scroll->setRange(0, int(span / 1000));
    m_scroll->setPageStep(int(range / 1000));
    m_scroll->setValue(int(std::clamp<qint64>(m_viewEndMs - range - m_history.firstMs(), 0, span) / 1000));
}

void MonitorCharts::scrollTo(qint64 endMs)
{
    if (!m_pause->isChecked())
        m_pause->setChecked(true);
    m_viewEndMs = endMs;
    updateScrollRange();
    draw(endMs);
}

QChart *MonitorCharts::addChart(QWidget *page, int position, const QString &title,
                               const QList<QPair<QString, QString>> &lines, const QString &prefix)
{
    auto *grid = qobject_cast<QGridLayout *>(page->layout());
    if (!grid) {
        grid = new QGridLayout(page);
        grid->setContentsMargins(0, 0, 0, 0);
    }
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setVisible(lines.size() > 1 || !prefix.isEmpty());
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    auto *x = new QDateTimeAxis(chart);
    x->setFormat(QStringLiteral("HH:mm:ss"));
    x->setTickCount(3); // four times did not fit a chart of a quarter of a laptop's width ("02:...")
    auto *y = new QValueAxis(chart);
    y->setLabelFormat(QStringLiteral("%.0f"));
    // Three values: in a dock of ordinary height, with a legend under it, the plot
    // is too short for four labels, and Qt Charts showed them all as "...".
    y->setTickCount(3);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (const auto &[metric, name] : lines)
        addLine(chart, metric, name, metric.startsWith(QLatin1String("duration.")));
    m_charts.append(Chart{chart, prefix});
    auto *view = new QChartView(chart, page);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(150, 120);
    grid->addWidget(view, position / m_columns, position % m_columns);
    m_views.append(view);
    return chart;
}

void MonitorCharts::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    reflow();
}

void MonitorCharts::reflow()
{
    // Short and wide (a bottom dock): one row of four; else two columns, or one.
    const int columns = (width() >= 700 && height() < 360) || width() >= 1100 ? 4 : width() >= 430 ? 2 : 1;
    if (columns == m_columns)
        return;
    m_columns = columns;
    QHash<QWidget *, int> placed; // page -> charts placed on it
    for (QChartView *view : std::as_const(m_views)) {
        auto *grid = static_cast<QGridLayout *>(view->parentWidget()->layout());
        grid->removeWidget(view);
    }
    for (QChartView *view : std::as_const(m_views)) {
        auto *grid = static_cast<QGridLayout *>(view->parentWidget()->layout());
        const int position = placed[view->parentWidget()]++;
        grid->addWidget(view, position / columns, position % columns);
    }
    for (QWidget *page : placed.keys()) {
        auto *grid = static_cast<QGridLayout *>(page->layout());
        for (int r = 0; r < 4; ++r)
            grid->setRowStretch(r, r < (placed.value(page) + columns - 1) / columns ? 1 : 0);
        for (int c = 0; c < 4; ++c)
            grid->setColumnStretch(c, c < columns ? 1 : 0);
    }
}

void MonitorCharts::addLine(QChart *chart, const QString &metric, const QString &name, bool stacked)
{
    auto *series = new QLineSeries(chart);
    series->setName(name);
    QXYSeries *drawn = series;
    if (stacked) {
        // An area from the previous stacked part's top to this one's.
        QLineSeries *below = nullptr;
        for (const Line &l : std::as_const(m_lines)) {
            if (l.chart == chart && l.stacked)
                below = l.series;
        }
        auto *area = new QAreaSeries(series, below);
        area->setName(name);
        chart->addSeries(area);
        area->attachAxis(chart->axes(Qt::Horizontal).front());
        area->attachAxis(chart->axes(Qt::Vertical).front());
        connect(area, &QAreaSeries::hovered, this, [this, name, metric](const QPointF &point, bool state) {
            if (!state)
                return;
            // The part's own value at that second, not the top of the stack.
            double value = 0;
            for (const QPointF &p : m_history.series(metric, qint64(point.x()) - 1000)) {
                if (std::abs(p.x() - point.x()) < 1000) {
                    value = p.y();
                    break;
                }
            }
            QToolTip::showText(QCursor::pos(),
                               tr("%1 at %2: %3").arg(name,
                                                      QDateTime::fromMSecsSinceEpoch(qint64(point.x())).toString(QStringLiteral("HH:mm:ss")),
                                                      QLocale().toString(value, 'f', 1)),
                               this);
        });
        m_lines.append(Line{metric, series, chart, true});
        return;
    }
    chart->addSeries(drawn);
    drawn->attachAxis(chart->axes(Qt::Horizontal).front());
    drawn->attachAxis(chart->axes(Qt::Vertical).front());
    if (metric == QLatin1String("trigger"))
        series->setPen(QPen(Qt::gray, 1, Qt::DashLine));
    connect(series, &QLineSeries::hovered, this, [this, name](const QPointF &point, bool state) {
        if (!state)
            return;
        QToolTip::showText(QCursor::pos(),
                           tr("%1 at %2: %3")
                               .arg(name, QDateTime::fromMSecsSinceEpoch(qint64(point.x())).toString(QStringLiteral("HH:mm:ss")),
                                    QLocale().toString(point.y(), 'f', point.y() < 100 ? 1 : 0)),
                           this);
    });
    m_lines.append(Line{metric, series, chart, false});
}

int MonitorCharts::rangeMinutes() const
{
    return m_range->currentData().toInt();
}

void MonitorCharts::setRangeMinutes(int minutes)
{
    const int index = m_range->findData(minutes);
    if (index >= 0)
        m_range->setCurrentIndex(index);
}

void MonitorCharts::addProgress(const std::vector<runtime::BatchProgress> &records)
{
    for (const auto &record : records)
        m_history.append(record);
    if (!records.empty())
        redraw();
}

void MonitorCharts::setHistory(const ProgressHistory &history)
{
    m_history = history;
    redraw();
}

bool MonitorCharts::exportPng(const QString &path)
{
    return m_tabs->currentWidget()->grab().save(path, "PNG");
}

void MonitorCharts::clear()
{
    m_pause->setChecked(false); // a new run is followed live
    m_history.clear();
    // Lines that appeared with the run (per partition, per operator) go with it:
    // the next pipeline's legend has its own.
    for (qsizetype i = m_lines.size() - 1; i >= 0; --i) {
        const Line &line = m_lines[i];
        const bool perRun = std::any_of(m_charts.begin(), m_charts.end(), [&](const Chart &c) {
            return c.chart == line.chart && !c.prefix.isEmpty() && line.metric.startsWith(c.prefix);
        });
        if (!perRun)
            continue;
        line.chart->removeSeries(line.series);
        delete line.series;
        m_lines.removeAt(i);
    }
    redraw();
}

// Per-partition lag lines ("node/topic/partition") are named in the legend by
// what tells them apart: "p0" while one source reads one topic, "topic p0" across
// topics, the whole path across sources. The full path stays in the tooltip.
void MonitorCharts::nameLinesByPartition(QChart *chart, const QString &prefix)
{
    QList<QPair<QLineSeries *, QStringList>> lines;
    for (const Line &l : std::as_const(m_lines)) {
        if (l.chart == chart && l.metric.startsWith(prefix))
            lines.append({l.series, l.metric.mid(prefix.size()).split(u'/')});
    }
    bool oneNode = true, oneTopic = true;
    for (const auto &[series, path] : std::as_const(lines)) {
        if (path.size() != 3)
            return;
        oneNode = oneNode && path[0] == lines.front().second[0];
        oneTopic = oneTopic && path[1] == lines.front().second[1];
    }
    for (const auto &[series, path] : std::as_const(lines)) {
        const QString partition = u'p' + path[2];
        series->setName(oneNode && oneTopic ? partition
                        : oneNode           ? path[1] + u' ' + partition
                                            : path[0] + u'/' + path[1] + u' ' + partition);
    }
}

QString MonitorCharts::lineName(const QString &metric) const
{
    for (const Line &l : m_lines) {
        if (l.metric == metric)
            return l.series->name();
    }
    return {};
}

QList<QPointF> MonitorCharts::shownPoints(const QString &metric) const
{
    for (const Line &line : m_lines) {
        if (line.metric == metric)
            return line.series->points();
    }
    return {};
}

void MonitorCharts::setTriggerMs(double ms)
{
    m_triggerMs = ms;
    redraw();
}

void MonitorCharts::redraw()
{
    if (m_pause->isChecked()) {
        updateScrollRange(); // the history grows; the picture stays
        draw(m_viewEndMs);
        return;
    }
    draw(m_history.lastMs() + 1000);
}

void MonitorCharts::draw(qint64 end)
{
    // The chosen range, or less while the run is younger than that.
    const qint64 since = std::max(end - qint64(rangeMinutes()) * 60 * 1000, std::min(m_history.firstMs(), end - 10000));
    // Lines per partition or per operator, as they appear.
    const QStringList metrics = m_history.metrics();
    for (const Chart &c : std::as_const(m_charts)) {
        if (c.prefix.isEmpty())
            continue;
        bool added = false;
        for (const QString &metric : metrics) {
            if (!metric.startsWith(c.prefix))
                continue;
            const bool known = std::any_of(m_lines.begin(), m_lines.end(), [&](const Line &l) { return l.metric == metric; });
            if (!known) {
                addLine(c.chart, metric, metric.mid(c.prefix.size()));
                added = true;
            }
        }
        if (added && c.prefix == u"lag.")
            nameLinesByPartition(c.chart, c.prefix);
    }
    for (const Chart &c : std::as_const(m_charts)) {
        double top = 10; // a flat zero line still gets readable axis labels
        double capacityTop = 0; // the throughput chart's capacity line, apart
        QLineSeries *capacity = nullptr;
        QHash<qint64, double> stackTop; // per second: the top of the stacked parts so far
        for (const Line &line : std::as_const(m_lines)) {
            if (line.chart != c.chart)
                continue;
            QList<QPointF> shown;
            if (line.metric == QLatin1String("trigger")) {
                if (m_triggerMs > 0 && !m_history.isEmpty())
                    shown = {QPointF(double(since), m_triggerMs), QPointF(double(end), m_triggerMs)};
            } else {
                for (const QPointF &p : m_history.series(line.metric, since)) {
                    if (p.x() < double(end)) // scrolled back: not what came later
                        shown.append(p);
                }
                // Rows are summed per second: the newest second is still filling, not a drop.
                if (line.metric == QLatin1String("inputRows") && shown.size() > 1 && end > m_history.lastMs())
                    shown.removeLast();
                if (line.stacked) {
                    for (QPointF &p : shown) {
                        double &below = stackTop[qint64(p.x())];
                        p.setY(below + p.y());
                        below = p.y();
                    }
                }
            }
            double &highest = line.metric == QLatin1String("processedRows") ? capacityTop : top;
            if (line.metric == QLatin1String("processedRows"))
                capacity = line.series;
            for (const QPointF &p : shown)
                highest = std::max(highest, p.y());
            line.series->replace(shown);
        }
        // The capacity (rows/s the batches could take) is often a thousand times the
        // input: scaled to it, the input is a flat line at 0. It is drawn to the
        // chart's top then, and its legend says how high it goes.
        if (capacity) {
            const bool clipped = capacityTop > 3 * top;
            if (!clipped)
                top = std::max(top, capacityTop);
            capacity->setName(clipped ? tr("processed (capacity: up to %1, above the chart)").arg(QLocale().toString(qint64(capacityTop)))
                                      : tr("processed (capacity)"));
        }
        c.chart->axes(Qt::Horizontal).front()->setRange(QDateTime::fromMSecsSinceEpoch(since),
                                                        QDateTime::fromMSecsSinceEpoch(end));
        c.chart->axes(Qt::Vertical).front()->setRange(0, niceTop(top * 1.1));
    }
}

double MonitorCharts::niceTop(double value)
{
    // With three ticks (0, half, top), a top of 1, 2, 4, 5 or 10 times a power of
    // ten keeps the half a round number too (not 1438 and 2875).
    if (value <= 0)
        return 1;
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 4.0, 5.0, 10.0}) {
        if (value <= step * power * (1 + 1e-9))
            return step * power;
    }
    return 10 * power;
}

} // namespace sw::widgets
