// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace sw::core {

// The candidate closest to a misspelt name, for "did you mean ...?" messages;
// empty when nothing is close enough to be a likely typo.
QString closestMatch(const QString &name, const QStringList &candidates);

// ", did you mean "x"?" or an empty string. Expressions quote as SQL does: pass '\''.
QString didYouMean(const QString &name, const QStringList &candidates, QChar quote = u'"');

} // namespace sw::core
