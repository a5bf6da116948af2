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
    case DataType::ArrayString: return QStringLiteral("array<string>");
    case DataType::ArrayInt: return QStringLiteral("array<int>");
    case DataType::ArrayDouble: return QStringLiteral("array<double>");
    case DataType::ArrayObject: return QStringLiteral("array<object>");
    }
    return {};
}

std::optional<DataType> parseTypeName(const QString &name)
{
    const QString n = name.toLower().remove(u' ');
    if (n.startsWith(QStringLiteral("array<")) && n.endsWith(u'>')) {
        const QString element = n.mid(6, n.size() - 7);
        if (element == u"object" || element == u"struct")
            return DataType::ArrayObject;
        const auto e = parseTypeName(element);
        return e ? arrayOf(*e) : std::nullopt;
    }
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

QStringList scalarTypeNames()
{
    return {QStringLiteral("string"), QStringLiteral("int"), QStringLiteral("double"),
            QStringLiteral("boolean"), QStringLiteral("timestamp")};
}

QStringList typeNames()
{
    return scalarTypeNames() + QStringList{QStringLiteral("array<string>"), QStringLiteral("array<int>"),
                                           QStringLiteral("array<double>"), QStringLiteral("array<object>")};
}

bool isArray(DataType type)
{
    return type == DataType::ArrayString || type == DataType::ArrayInt || type == DataType::ArrayDouble
           || type == DataType::ArrayObject;
}

DataType elementType(DataType array)
{
    switch (array) {
    case DataType::ArrayString: return DataType::String;
    case DataType::ArrayInt: return DataType::Int;
    case DataType::ArrayDouble: return DataType::Double;
    default: return DataType::Null;
    }
}

std::optional<DataType> arrayOf(DataType element)
{
    switch (element) {
    case DataType::String: return DataType::ArrayString;
    case DataType::Int: return DataType::ArrayInt;
    case DataType::Double: return DataType::ArrayDouble;
    default: return std::nullopt;
    }
}

bool isNumeric(DataType type)
{
    return type == DataType::Int || type == DataType::Double;
}

} // namespace sw::core
