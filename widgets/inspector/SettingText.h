// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/SettingSpec.h"
#include "inspector/SettingEditors.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace sw::widgets {

// How the inspector's editors show a setting's JSON value as text and read text
// back, shared by the one-line editors and the table cells.
QString valueText(const QJsonValue &value);
// Text typed by the user as the setting's JSON value. Text that does not fit the
// kind is kept as a string, so the validator names the problem and nothing typed
// is thrown away. Empty text: Undefined (not set).
QJsonValue textValue(core::SettingKind kind, const QString &text);
// The names of the input's fields (none when the input is unknown).
QStringList fieldNames(const EditorContext &context);

} // namespace sw::widgets
