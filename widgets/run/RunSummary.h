// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QMap>
#include <QWidget>

class QLabel;

namespace sw::widgets {

// The latest progress record of a run, as figures a person reads at a glance
// (the monitor dock's first page; its charts come with the monitor).
class RunSummary : public QWidget
{
    Q_OBJECT
public:
    explicit RunSummary(QWidget *parent = nullptr);
    void setState(const QString &state);
    // The latest record, with the rates over the last poll (the record's own are
    // for one batch, often an empty one).
    void showProgress(const QJsonObject &progress, double inputRowsPerSecond, double processedRowsPerSecond);
    QString figure(const QString &key) const; // the shown text, for tests

private:
    QLabel *m_state = nullptr;
    QMap<QString, QLabel *> m_figures;
};

} // namespace sw::widgets
