// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/SettingSpec.h"
#include "validation/ValidationContext.h"

#include <QJsonObject>

namespace sw::core {

// Checks settings against their catalog description, whatever node or section
// they belong to: required settings present, values of the right kind, choices,
// durations, connection names; unknown settings are warned about (and kept).
// Checks that need schemas (fields, expressions) are SchemaInference's.
class SettingsValidator
{
public:
    explicit SettingsValidator(ValidationContext &context) : m_context(context) {}

    void validateObject(const QJsonObject &object, const std::vector<SettingSpec> &fields, const LazyPointer &pointer,
                        const QString &nodeId = {});
    void validateObject(const QJsonObject &object, const std::vector<SettingSpec> &fields, const QString &pointer,
                        const QString &nodeId = {})
    {
        validateObject(object, fields, LazyPointer(pointer), nodeId);
    }
    void validateValue(const QJsonValue &value, const SettingSpec &spec, const LazyPointer &pointer,
                       const QString &nodeId = {});

private:
    void wrongKind(const QJsonValue &value, const SettingSpec &spec, const LazyPointer &pointer, const QString &nodeId);
    void checkSecret(const QString &key, const QJsonValue &value, const LazyPointer &pointer, const QString &nodeId);

    ValidationContext &m_context;
};

} // namespace sw::core
