// SPDX-License-Identifier: GPL-3.0-or-later
#include "expr/Value.h"

#include "expr/Printer.h"
#include "model/Timestamps.h"

#include <cmath>

namespace sw::core::expr {

Value Value::boolean(bool b)
{
    Value v;
    v.m_type = DataType::Boolean;
    v.m_int = b ? 1 : 0;
    return v;
}

Value Value::integer(int64_t i)
{
    Value v;
    v.m_type = DataType::Int;
    v.m_int = i;
    return v;
}

Value Value::real(double d)
{
    Value v;
    v.m_type = DataType::Double;
    v.m_double = d;
    return v;
}

Value Value::string(QString s)
{
    Value v;
    v.m_type = DataType::String;
    v.m_string = std::move(s);
    return v;
}

Value Value::timestamp(int64_t epochMs)
{
    Value v;
    v.m_type = DataType::Timestamp;
    v.m_int = epochMs;
    return v;
}

Value Value::array(DataType type, QString json)
{
    Value v;
    v.m_type = type;
    v.m_string = std::move(json);
    return v;
}

double Value::toDouble() const
{
    return m_type == DataType::Double ? m_double : double(m_int);
}

QString Value::toSql() const
{
    return Printer::literal(*this);
}

bool operator==(const Value &a, const Value &b)
{
    if (a.m_type != b.m_type)
        return false;
    switch (a.m_type) {
    case DataType::Null: return true;
    case DataType::Double:
        return a.m_double == b.m_double || (std::isnan(a.m_double) && std::isnan(b.m_double));
    case DataType::String:
    case DataType::ArrayString:
    case DataType::ArrayInt:
    case DataType::ArrayDouble:
    case DataType::ArrayObject: return a.m_string == b.m_string;
    default: return a.m_int == b.m_int;
    }
}

} // namespace sw::core::expr
