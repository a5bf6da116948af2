// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/SettingSpec.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <utility>
#include <vector>

namespace sw::core {

// A JSON value whose object keys keep a chosen order (QJsonObject sorts them).
struct OrderedJsonMember;

struct OrderedJson
{
    enum class Kind { Scalar, Array, Object };

    Kind kind = Kind::Scalar;
    QJsonValue scalar;
    std::vector<OrderedJson> items;
    // Not std::pair<QString, OrderedJson>: a pair of an incomplete type does not
    // compile with every standard library (clang's checks refuse it).
    std::vector<OrderedJsonMember> members;

    static OrderedJson object();
    static OrderedJson array();
    void add(const QString &key, OrderedJson value);

    // Orders object keys as `spec` lists its fields, then any others alphabetically
    // (settings the catalog does not know are kept). Without a spec: alphabetical.
    static OrderedJson from(const QJsonValue &value, const SettingSpec *spec = nullptr);
};

// One key and value of an object, in order.
struct OrderedJsonMember
{
    QString first;
    OrderedJson second;
};

inline OrderedJson OrderedJson::object()
{
    OrderedJson o;
    o.kind = Kind::Object;
    return o;
}

inline OrderedJson OrderedJson::array()
{
    OrderedJson a;
    a.kind = Kind::Array;
    return a;
}

inline void OrderedJson::add(const QString &key, OrderedJson value)
{
    members.push_back(OrderedJsonMember{key, std::move(value)});
}

// Writes the canonical pretty form of pipeline files: two-space indentation; an
// array of scalars (or of scalar pairs) and an object of scalars on one line when
// that line is short; everything else one member per line. The form depends only
// on the value, so saving a loaded canonical file gives the same bytes.
class JsonWriter
{
public:
    static QByteArray write(const OrderedJson &root);
    static QString number(double d);
    static QString quote(const QString &s);
};

} // namespace sw::core
