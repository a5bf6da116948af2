// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/ConnectionProfiles.h"

#include <qt6keychain/keychain.h>

#include <QSettings>

namespace sw::widgets {

namespace {
const QString kService = QStringLiteral("Streamwright");
}

QJsonObject ConnectionProfile::properties() const
{
    QJsonObject p;
    if (securityProtocol != QLatin1String("PLAINTEXT"))
        p.insert(QStringLiteral("security.protocol"), securityProtocol);
    if (securityProtocol.startsWith(QLatin1String("SASL"))) {
        p.insert(QStringLiteral("sasl.mechanism"), saslMechanism);
        p.insert(QStringLiteral("sasl.username"), username);
        if (!passwordInKeyring && !passwordReference.isEmpty())
            p.insert(QStringLiteral("sasl.password"), passwordReference);
    }
    if (!caLocation.isEmpty())
        p.insert(QStringLiteral("ssl.ca.location"), caLocation);
    return p;
}

ConnectionProfiles::ConnectionProfiles(QObject *parent) : QObject(parent)
{
    load();
}

const ConnectionProfile *ConnectionProfiles::find(const QString &name) const
{
    for (const auto &p : m_profiles) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

void ConnectionProfiles::load()
{
    QSettings settings;
    const int count = settings.beginReadArray(QStringLiteral("connectionProfiles"));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        ConnectionProfile p;
        p.name = settings.value(QStringLiteral("name")).toString();
        p.bootstrap = settings.value(QStringLiteral("bootstrap")).toString();
        p.securityProtocol = settings.value(QStringLiteral("securityProtocol"), p.securityProtocol).toString();
        p.saslMechanism = settings.value(QStringLiteral("saslMechanism"), p.saslMechanism).toString();
        p.username = settings.value(QStringLiteral("username")).toString();
        p.passwordInKeyring = settings.value(QStringLiteral("passwordInKeyring")).toBool();
        p.passwordReference = settings.value(QStringLiteral("passwordReference")).toString();
        p.caLocation = settings.value(QStringLiteral("caLocation")).toString();
        if (!p.name.isEmpty())
            m_profiles.push_back(p);
    }
    settings.endArray();
}

void ConnectionProfiles::save() const
{
    QSettings settings;
    settings.remove(QStringLiteral("connectionProfiles"));
    settings.beginWriteArray(QStringLiteral("connectionProfiles"), int(m_profiles.size()));
    for (int i = 0; i < int(m_profiles.size()); ++i) {
        const ConnectionProfile &p = m_profiles[size_t(i)];
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), p.name);
        settings.setValue(QStringLiteral("bootstrap"), p.bootstrap);
        settings.setValue(QStringLiteral("securityProtocol"), p.securityProtocol);
        settings.setValue(QStringLiteral("saslMechanism"), p.saslMechanism);
        settings.setValue(QStringLiteral("username"), p.username);
        settings.setValue(QStringLiteral("passwordInKeyring"), p.passwordInKeyring);
        // Only a reference ("${env:NAME}"); a real password goes to the keyring.
        settings.setValue(QStringLiteral("passwordReference"), p.passwordInKeyring ? QString() : p.passwordReference);
        settings.setValue(QStringLiteral("caLocation"), p.caLocation);
    }
    settings.endArray();
    settings.sync();
}

void ConnectionProfiles::store(const ConnectionProfile &profile, const QString &password, std::function<void(QString)> done)
{
    ConnectionProfile kept = profile;
    if (!kept.passwordInKeyring && !kept.passwordReference.isEmpty() &&
        !kept.passwordReference.startsWith(QLatin1String("${env:"))) {
        done(tr("A password is kept in the desktop keyring or named as ${env:NAME}, never written to a file."));
        return;
    }
    if (kept.passwordInKeyring)
        kept.passwordReference.clear();
    auto it = std::find_if(m_profiles.begin(), m_profiles.end(), [&](const auto &p) { return p.name == kept.name; });
    if (it != m_profiles.end())
        *it = kept;
    else
        m_profiles.push_back(kept);
    save();
    emit changed();
    if (!kept.passwordInKeyring || password.isEmpty()) {
        done(QString());
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(kService);
    job->setAutoDelete(true);
    job->setKey(keyringKey(kept.name));
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        done(j->error() == QKeychain::NoError ? QString()
                                              : tr("The desktop keyring did not keep the password: %1").arg(j->errorString()));
    });
    job->start();
}

void ConnectionProfiles::remove(const QString &name)
{
    const auto it = std::find_if(m_profiles.begin(), m_profiles.end(), [&](const auto &p) { return p.name == name; });
    if (it == m_profiles.end())
        return;
    if (it->passwordInKeyring) {
        auto *job = new QKeychain::DeletePasswordJob(kService);
        job->setAutoDelete(true);
        job->setKey(keyringKey(name));
        job->start();
    }
    m_profiles.erase(it);
    save();
    emit changed();
}

void ConnectionProfiles::resolve(const QString &name, std::function<void(runtime::KafkaEndpoint, QString)> done) const
{
    const ConnectionProfile *p = find(name);
    if (!p) {
        done({}, tr("No connection profile \"%1\".").arg(name));
        return;
    }
    runtime::KafkaEndpoint endpoint;
    endpoint.name = p->name;
    endpoint.bootstrap = p->bootstrap;
    endpoint.properties = p->properties();
    if (!p->passwordInKeyring) {
        done(endpoint, QString());
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(kService);
    job->setAutoDelete(true);
    job->setKey(keyringKey(p->name));
    connect(job, &QKeychain::Job::finished, this, [endpoint, done](QKeychain::Job *j) mutable {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (read->error() != QKeychain::NoError) {
            done(endpoint, tr("The password is not in the desktop keyring: %1").arg(read->errorString()));
            return;
        }
        endpoint.properties.insert(QStringLiteral("sasl.password"), read->textData());
        done(endpoint, QString());
    });
    job->start();
}

} // namespace sw::widgets
