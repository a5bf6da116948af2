// SPDX-License-Identifier: GPL-3.0-or-later
#include "validation/SettingsValidator.h"

#include "model/Duration.h"
#include "model/Suggest.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <QRegularExpression>

#include <cmath>

namespace sw::core {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("sw::core::SettingsValidator", text);
}

QString show(const QJsonValue &v)
{
    if (v.isString())
        return u'"' + v.toString() + u'"';
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isArray())
        return tr("an array");
    if (v.isObject())
        return tr("an object");
    return QStringLiteral("null");
}
} // namespace

void SettingsValidator::validateObject(const QJsonObject &object, const std::vector<SettingSpec> &fields,
                                       const LazyPointer &pointer, const QString &nodeId)
{
    // In the catalog's order, as the messages are read; pointers are written out
    // only for a message.
    qsizetype known = 0;
    for (const auto &spec : fields) {
        const auto it = object.constFind(spec.key);
        if (it == object.constEnd()) {
            if (spec.required)
                m_context.error(LazyPointer(pointer, spec.key).str(),
                                tr("missing required setting \"%1\": %2").arg(spec.key, spec.help), nodeId);
            continue;
        }
        ++known;
        validateValue(*it, spec, LazyPointer(pointer, spec.key), nodeId);
    }
    if (known == object.size())
        return; // no unknown setting
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString key = it.key();
        const bool isKnown = std::any_of(fields.begin(), fields.end(), [&](const SettingSpec &s) { return s.key == key; });
        if (isKnown)
            continue;
        QStringList names;
        for (const auto &spec : fields)
            names << spec.key;
        m_context.warning(LazyPointer(pointer, key).str(),
                          tr("unknown setting \"%1\"%2 (kept in the file, not used)").arg(key, didYouMean(key, names)),
                          nodeId);
    }
}

void SettingsValidator::wrongKind(const QJsonValue &value, const SettingSpec &spec, const LazyPointer &pointer,
                                  const QString &nodeId)
{
    m_context.error(pointer.str(), tr("\"%1\" must be %2, not %3").arg(spec.key, settingKindName(spec.kind), show(value)),
                    nodeId);
}

void SettingsValidator::validateValue(const QJsonValue &value, const SettingSpec &spec, const LazyPointer &pointer,
                                      const QString &nodeId)
{
    if (value.isNull() && spec.mayBeNull)
        return;
    switch (spec.kind) {
    case SettingKind::String:
    case SettingKind::Expression:
    case SettingKind::Path:
    case SettingKind::Field:
        if (!value.isString())
            return wrongKind(value, spec, pointer, nodeId);
        if (spec.required && value.toString().trimmed().isEmpty())
            m_context.error(pointer.str(), tr("\"%1\" must not be empty: %2").arg(spec.key, spec.help), nodeId);
        return;
    case SettingKind::Connection: {
        if (!value.isString())
            return wrongKind(value, spec, pointer, nodeId);
        const QString name = value.toString();
        if (!m_context.pipeline.connections.contains(name)) {
            const QStringList defined = m_context.pipeline.connections.keys();
            m_context.error(pointer.str(),
                            defined.isEmpty()
                                ? tr("unknown connection \"%1\": the pipeline defines no connections; add one under "
                                     "\"connections\"").arg(name)
                                : tr("unknown connection \"%1\"%2; defined: %3")
                                      .arg(name, didYouMean(name, defined), defined.join(QStringLiteral(", "))),
                            nodeId);
        }
        return;
    }
    case SettingKind::Integer:
        if (!value.isDouble() || value.toDouble() != std::floor(value.toDouble()))
            return wrongKind(value, spec, pointer, nodeId);
        if (value.toDouble() < 0)
            m_context.error(pointer.str(), tr("\"%1\" must not be negative").arg(spec.key), nodeId);
        return;
    case SettingKind::Number:
        if (!value.isDouble())
            wrongKind(value, spec, pointer, nodeId);
        return;
    case SettingKind::Boolean:
        if (!value.isBool())
            wrongKind(value, spec, pointer, nodeId);
        return;
    case SettingKind::Duration: {
        if (!value.isString())
            return wrongKind(value, spec, pointer, nodeId);
        const auto ms = Duration::parseMs(value.toString());
        if (!ms)
            m_context.error(pointer.str(), tr("\"%1\" is not a duration; %2").arg(value.toString(), Duration::syntaxHelp()),
                            nodeId);
        else if (*ms < 0 && !spec.mayBeNegative)
            m_context.error(pointer.str(), tr("\"%1\" must not be negative").arg(spec.key), nodeId);
        return;
    }
    case SettingKind::Choice:
        if (!value.isString() || !spec.choices.contains(value.toString()))
            m_context.error(pointer.str(), tr("\"%1\" must be one of %2, not %3%4")
                                         .arg(spec.key, spec.choices.join(QStringLiteral(", ")), show(value),
                                              value.isString() ? didYouMean(value.toString(), spec.choices) : QString()),
                            nodeId);
        return;
    case SettingKind::FieldList:
    case SettingKind::StringList: {
        if (!value.isArray())
            return wrongKind(value, spec, pointer, nodeId);
        const QJsonArray a = value.toArray();
        if (spec.required && a.isEmpty())
            m_context.error(pointer.str(), tr("\"%1\" must not be empty: %2").arg(spec.key, spec.help), nodeId);
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a[i].isString() || a[i].toString().isEmpty())
                m_context.error(LazyPointer(pointer, i).str(),
                                tr("items of \"%1\" must be non-empty strings, not %2").arg(spec.key, show(a[i])), nodeId);
        }
        return;
    }
    case SettingKind::FieldPairList: {
        if (!value.isArray())
            return wrongKind(value, spec, pointer, nodeId);
        const QJsonArray a = value.toArray();
        if (spec.required && a.isEmpty())
            m_context.error(pointer.str(), tr("\"%1\" needs at least one pair: %2").arg(spec.key, spec.help), nodeId);
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QJsonArray pair = a[i].toArray();
            if (!a[i].isArray() || pair.size() != 2 || !pair[0].isString() || !pair[1].isString())
                m_context.error(LazyPointer(pointer, i).str(),
                                tr("each item of \"%1\" must be a pair of field names, like [\"user_id\", \"user_id\"]")
                                    .arg(spec.key),
                                nodeId);
        }
        return;
    }
    case SettingKind::Object:
        if (!value.isObject())
            return wrongKind(value, spec, pointer, nodeId);
        validateObject(value.toObject(), spec.fields, pointer, nodeId);
        return;
    case SettingKind::ObjectList: {
        if (!value.isArray())
            return wrongKind(value, spec, pointer, nodeId);
        const QJsonArray a = value.toArray();
        if (spec.required && a.isEmpty())
            m_context.error(pointer.str(), tr("\"%1\" must not be empty: %2").arg(spec.key, spec.help), nodeId);
        for (qsizetype i = 0; i < a.size(); ++i) {
            const LazyPointer p(pointer, i);
            if (!a[i].isObject())
                m_context.error(p.str(), tr("items of \"%1\" must be objects, not %2").arg(spec.key, show(a[i])), nodeId);
            else
                validateObject(a[i].toObject(), spec.fields, p, nodeId);
        }
        return;
    }
    case SettingKind::Map: {
        if (!value.isObject())
            return wrongKind(value, spec, pointer, nodeId);
        const QJsonObject o = value.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            const QString key = it.key();
            const LazyPointer p(pointer, key);
            if (!it->isString() && !it->isDouble() && !it->isBool())
                m_context.error(p.str(), tr("\"%1\" must be a string, number or boolean").arg(it.key()), nodeId);
            checkSecret(key, *it, p, nodeId);
        }
        return;
    }
    }
}

void SettingsValidator::checkSecret(const QString &key, const QJsonValue &value, const LazyPointer &pointer,
                                    const QString &nodeId)
{
    if (!value.isString())
        return;
    const QString text = value.toString();
    static const QRegularExpression reference(QStringLiteral("\\$\\{(env|keyring):[A-Za-z_][A-Za-z0-9_.-]*\\}"));
    if (text.contains(QStringLiteral("${"))) {
        QString rest = text;
        rest.remove(reference);
        if (rest.contains(QStringLiteral("${")))
            m_context.error(pointer.str(), tr("malformed reference in \"%1\": write ${env:NAME} or ${keyring:NAME}").arg(key),
                            nodeId);
        return;
    }
    static const QRegularExpression secretKey(QStringLiteral("password|secret|jaas|token|api\\.key"),
                                              QRegularExpression::CaseInsensitiveOption);
    if (secretKey.match(key).hasMatch() && !text.isEmpty())
        m_context.warning(pointer.str(), tr("\"%1\" looks like a secret stored in the file; use ${env:NAME} or "
                                      "${keyring:NAME} instead")
                                       .arg(key),
                          nodeId);
}

} // namespace sw::core
