// SPDX-License-Identifier: GPL-3.0-or-later
#include "broker/KafkaClientConfig.h"

#include <QDateTime>
#include <QRegularExpression>

#include <librdkafka/rdkafka.h>

#include <cstdio>
#include <map>
#include <mutex>

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

namespace {
// librdkafka's own log lines ("%3|1796127528.357|FAIL|rdkafka#consumer-1| ...")
// repeat for every connection attempt while a broker is away; the clients'
// error callbacks already report the problem once, in words. So its lines go to
// standard error with a readable prefix, and a line seen in the last minute is
// not repeated.
void logLine(const rd_kafka_t *, int level, const char *facility, const char *message)
{
    static std::mutex mutex;
    static std::map<std::string, qint64> lastShown;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Drop the client and thread prefix ("[thrd:...]: 127.0.0.1:1/bootstrap: "): the rest repeats.
    std::string text = message;
    if (text.rfind("[thrd:", 0) == 0) {
        const size_t end = text.find("]: ");
        if (end != std::string::npos)
            text = text.substr(end + 3);
    }
    // Connection failures repeat per broker and per coordinator with changing
    // details ("(after 0ms in state CONNECT, 3 identical error(s) suppressed)"):
    // one a minute says it.
    std::string key = std::string(facility) == "FAIL" ? std::string("FAIL") : text;
    {
        std::lock_guard lock(mutex);
        auto &shown = lastShown[key];
        if (shown && now - shown < 60'000)
            return;
        shown = now;
        if (lastShown.size() > 1000)
            lastShown.clear();
    }
    std::fprintf(stderr, "Kafka client %s: %s: %s\n", level <= 3 ? "error" : "warning", facility, text.c_str());
}
} // namespace

rd_kafka_conf_t *KafkaClientConfig::make(const KafkaEndpoint &endpoint, Role role, const QJsonObject &extraProperties,
                                         std::string &error)
{
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set_log_cb(conf, logLine);
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
