// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/DataType.h"

#include <QString>

#include <cstdint>

namespace sw::core::expr {

// One SQL value of the reference evaluator: a type and a payload, or NULL.
// (The runtime's columnar evaluator does not use this type on its hot path.)
class Value
{
public:
    Value() = default; // NULL
    static Value null() { return {}; }
    static Value boolean(bool b);
    static Value integer(int64_t i);
    static Value real(double d);
    static Value string(QString s);
    static Value timestamp(int64_t epochMs);
    // An array of `type` (an array type), as its canonical JSON text.
    static Value array(DataType type, QString json);

    DataType type() const { return m_type; }
    bool isNull() const { return m_type == DataType::Null; }
    bool asBool() const { return m_int != 0; }
    int64_t asInt() const { return m_int; }     // Int and Timestamp
    double asDouble() const { return m_double; } // Double
    const QString &asString() const { return m_string; } // String, and an array's JSON text
    double toDouble() const; // Int or Double as double

    // For messages and tests: NULL, true, 42, 1.5, 'text', TIMESTAMP '...'.
    QString toSql() const;

    friend bool operator==(const Value &a, const Value &b);

private:
    DataType m_type = DataType::Null;
    int64_t m_int = 0;
    double m_double = 0;
    QString m_string;
};

} // namespace sw::core::expr
