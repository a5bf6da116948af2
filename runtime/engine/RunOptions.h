// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

namespace sw::runtime {

struct RunOptions
{
    QHash<QString, QString> connectionBootstraps; // --connection NAME=BOOTSTRAP
    double untilIdleSeconds = -1;                 // < 0: run until stopped
    QString metricsPath;                          // JSON Lines, one object per batch
};

} // namespace sw::runtime
