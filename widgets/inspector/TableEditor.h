// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspector/SettingEditors.h"

namespace sw::widgets {

// The editor of lists of objects (columns, aggregates, schema fields), field pairs
// and maps: a table with a row per item, choice and field cells picked from lists.
SettingEditor *createTableEditor(const core::SettingSpec &spec, QWidget *parent);

} // namespace sw::widgets
