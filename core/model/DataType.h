// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace sw::core {

// The value types of pipeline fields and expressions. Timestamps are epoch
// milliseconds (UTC). `Null` is only the type of the literal NULL.
enum class DataType { Null, Boolean, Int, Double, String, Timestamp };

QString typeName(DataType type);
// Accepts the canonical names and the Spark SQL aliases (long, bigint, float, bool).
std::optional<DataType> parseTypeName(const QString &name);
QStringList typeNames(); // canonical names, for choices and messages
bool isNumeric(DataType type);

} // namespace sw::core
