// SPDX-License-Identifier: GPL-3.0-or-later
#include "broker/KafkaClientConfig.h"

#include <QRegularExpression>

#include <librdkafka/rdkafka.h>

namespace sw::runtime {

bool KafkaClientConfig::expand(const QString &text, QString &out, std::string &error)
{
    static const QRegularExpression ref(QStringLiteral("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)\\}"));
    out = text;
    auto it = ref.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        const QByteArray name = m.captured(1).toUtf8();
        if (!qEnvironmentVariableIsSet(name.constData())) {
            error = "environment variable " + name.toStdString() + " is not set (referenced as ${env:" + name.toStdString() + "})";
            return false;
        }
        out.replace(m.captured(0), qEnvironmentVariable(name.constData()));
    }
    if (out.contains(QStringLiteral("${keyring:"))) {
        error = "keyring references are resolved by the desktop app; on the command line use ${env:NAME}";
        return false;
    }
    return true;
}

bool KafkaClientConfig::set(rd_kafka_conf_t *conf, const std::string &key, const std::string &value, std::string &error)
{
    char errstr[512];
    if (rd_kafka_conf_set(conf, key.c_str(), value.c_str(), errstr, sizeof errstr) != RD_KAFKA_CONF_OK) {
        error = "Kafka property " + key + ": " + errstr;
        return false;
    }
    return true;
}

rd_kafka_conf_t *KafkaClientConfig::make(const KafkaEndpoint &endpoint, Role role, const QJsonObject &extraProperties,
                                         std::string &error)
{
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    bool ok = set(conf, "bootstrap.servers", endpoint.bootstrap.toStdString(), error)
              && set(conf, "client.id", "streamwright", error) && set(conf, "log_level", "4", error);
    if (endpoint.embedded && role == Role::Consumer) // EMBEDDED-BROKER.md: idle fetches wait it out in full
        ok = ok && set(conf, "fetch.wait.max.ms", "10", error);
    for (const QJsonObject &props : {endpoint.properties, extraProperties}) {
        for (auto it = props.constBegin(); ok && it != props.constEnd(); ++it) {
            QString value = it->isString() ? it->toString()
                            : it->isBool()  ? (it->toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                            : QString::number(it->toDouble());
            ok = expand(value, value, error) && set(conf, it.key().toStdString(), value.toStdString(), error);
        }
    }
    if (!ok) {
        rd_kafka_conf_destroy(conf);
        return nullptr;
    }
    return conf;
}

} // namespace sw::runtime
