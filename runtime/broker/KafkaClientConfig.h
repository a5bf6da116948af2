// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

#include <string>

struct rd_kafka_conf_s;

namespace sw::runtime {

// The client settings of one connection, resolved: where to connect, whether it
// is the embedded broker (which wants short fetch waits and group timeouts), and
// the librdkafka properties with ${env:NAME} references expanded.
struct KafkaEndpoint
{
    QString name;
    QString bootstrap;
    bool embedded = false;
    QJsonObject properties;
};

class KafkaClientConfig
{
public:
    // A new librdkafka configuration (the caller owns it), or nullptr with `error`.
    enum class Role { Consumer, Producer };
    static rd_kafka_conf_s *make(const KafkaEndpoint &endpoint, Role role, const QJsonObject &extraProperties,
                                 std::string &error);
    static bool set(rd_kafka_conf_s *conf, const std::string &key, const std::string &value, std::string &error);
    // "${env:NAME}" replaced by the variable; an unset variable is an error.
    static bool expand(const QString &text, QString &out, std::string &error);
};

} // namespace sw::runtime
