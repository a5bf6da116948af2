// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace sw::core {

// The value types of pipeline fields and expressions. Timestamps are epoch
// milliseconds (UTC). `Null` is only the type of the literal NULL. Arrays (added
// last: state files keep these numbers) hold their elements as canonical JSON
// text, and an array<object>'s elements have the fields its schema field declares.
enum class DataType { Null, Boolean, Int, Double, String, Timestamp, ArrayString, ArrayInt, ArrayDouble, ArrayObject };

QString typeName(DataType type);
// Accepts the canonical names and the Spark SQL aliases (long, bigint, float, bool;
// array<bigint>, ...).
std::optional<DataType> parseTypeName(const QString &name);
QStringList typeNames();       // canonical names, for choices and messages
QStringList scalarTypeNames(); // those a CAST can convert to
bool isNumeric(DataType type);
bool isArray(DataType type);
// An array's element type (Null for array<object>, whose elements are objects);
// Null for a type that is not an array.
DataType elementType(DataType array);
// The array of a scalar element type; nullopt for element types without one.
std::optional<DataType> arrayOf(DataType element);

} // namespace sw::core
