// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/DataType.h"

#include <QString>
#include <QList>
#include <QStringList>

#include <vector>

namespace sw::core {

struct Field
{
    QString name; // may contain dots: "payload.user.id" is a nested JSON path
    DataType type = DataType::String;
    // array<object>: the fields of its elements (scalar types; no dots).
    std::vector<Field> elementFields = {};

    friend bool operator==(const Field &, const Field &) = default;
};

// Implicitly shared: a schema is copied from node to node and rarely changed.
using Fields = QList<Field>;

// The rows flowing out of a node port: ordered, typed fields, and which of them
// (if any) carries event time, so that windows and joins downstream can use it.
struct Schema
{
    Fields fields;
    QString eventTimeField; // empty: no event time
    // Each batch carries the whole result table (an aggregate in complete mode),
    // not rows to add: sinks replace what they hold with it.
    bool wholeResult = false;

    const Field *field(const QString &name) const;
    int indexOf(const QString &name) const;
    QStringList names() const;
    bool hasEventTime() const { return !eventTimeField.isEmpty(); }

    friend bool operator==(const Schema &, const Schema &) = default;
};

} // namespace sw::core
