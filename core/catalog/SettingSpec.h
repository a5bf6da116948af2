// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <vector>

namespace sw::core {

// What kind of value a setting holds; drives validation, the inspector's editor
// and the key order of the saved file.
enum class SettingKind {
    String,
    Integer,
    Number,
    Boolean,
    Duration,      // "10s"
    Choice,        // one of `choices`
    Expression,    // SQL expression over the node's input schema
    Path,          // file path, relative to the pipeline file
    Connection,    // name of a connection of the pipeline
    Field,         // name of a field of the input schema
    FieldList,     // ["a", "b"]
    StringList,    // ["user-events"]
    FieldPairList, // [["left_field", "right_field"], ...]
    Object,        // {...} with `fields`
    ObjectList,    // [{...}, ...], each item with `fields`
    Map,           // free string -> string map (client properties)
};

struct SettingSpec
{
    QString key;
    SettingKind kind = SettingKind::String;
    QString help;
    bool required = false;
    QJsonValue defaultValue; // Undefined: no default
    QStringList choices;     // Choice
    bool mayBeNegative = false; // Duration: "-5m" allowed (join bounds)
    bool mayBeNull = false;     // null turns the setting off (eventTime.maxAhead)
    std::vector<SettingSpec> fields; // Object / ObjectList

    const SettingSpec *field(const QString &name) const
    {
        for (const auto &f : fields) {
            if (f.key == name)
                return &f;
        }
        return nullptr;
    }
};

QString settingKindName(SettingKind kind);

} // namespace sw::core
