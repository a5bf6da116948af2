// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "broker/KafkaClientConfig.h"

#include <QObject>
#include <QString>

#include <functional>
#include <vector>

namespace sw::widgets {

// A cluster the explorer can connect to, outside any pipeline file.
struct ConnectionProfile
{
    QString name;
    QString bootstrap;
    QString securityProtocol = QStringLiteral("PLAINTEXT"); // SSL, SASL_PLAINTEXT, SASL_SSL
    QString saslMechanism = QStringLiteral("PLAIN");        // SCRAM-SHA-256, SCRAM-SHA-512
    QString username;
    // Where the password comes from: the desktop keyring (never a file), or an
    // environment variable, written "${env:NAME}".
    bool passwordInKeyring = false;
    QString passwordReference;
    QString caLocation; // SSL: a CA bundle file

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
    // librdkafka properties, with the password as its ${env:} reference (not resolved).
    QJsonObject properties() const;
};

// The user's connection profiles, kept in the app's settings; passwords that are
// not environment references are kept in the desktop keyring (QtKeychain), never
// in a file.
class ConnectionProfiles : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionProfiles(QObject *parent = nullptr);

    const std::vector<ConnectionProfile> &profiles() const { return m_profiles; }
    const ConnectionProfile *find(const QString &name) const;
    // Adds or replaces `profile`; with passwordInKeyring, `password` goes to the
    // keyring (done(error) when stored; error empty on success).
    void store(const ConnectionProfile &profile, const QString &password, std::function<void(QString)> done);
    void remove(const QString &name);
    // The endpoint of a profile, its password fetched from the keyring if it is kept there.
    void resolve(const QString &name, std::function<void(runtime::KafkaEndpoint, QString error)> done) const;

signals:
    void changed();

private:
    void load();
    void save() const;
    static QString keyringKey(const QString &profile) { return QStringLiteral("profile/") + profile; }

    std::vector<ConnectionProfile> m_profiles;
};

} // namespace sw::widgets
