// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/DataType.h"

namespace sw::core {

QString typeName(DataType type)
{
    switch (type) {
    case DataType::Null: return QStringLiteral("null");
    case DataType::Boolean: return QStringLiteral("boolean");
    case DataType::Int: return QStringLiteral("int");
    case DataType::Double: return QStringLiteral("double");
    case DataType::String: return QStringLiteral("string");
    case DataType::Timestamp: return QStringLiteral("timestamp");
    }
    return {};
}

std::optional<DataType> parseTypeName(const QString &name)
{
    const QString n = name.toLower();
    if (n == u"boolean" || n == u"bool")
        return DataType::Boolean;
    if (n == u"int" || n == u"long" || n == u"bigint" || n == u"integer")
        return DataType::Int;
    if (n == u"double" || n == u"float")
        return DataType::Double;
    if (n == u"string")
        return DataType::String;
    if (n == u"timestamp")
        return DataType::Timestamp;
    return std::nullopt;
}

QStringList typeNames()
{
    return {QStringLiteral("string"), QStringLiteral("int"), QStringLiteral("double"),
            QStringLiteral("boolean"), QStringLiteral("timestamp")};
}

bool isNumeric(DataType type)
{
    return type == DataType::Int || type == DataType::Double;
}

} // namespace sw::core
