// SPDX-License-Identifier: GPL-3.0-or-later
// Connection profiles: kept in the settings without any password; a password is
// an ${env:NAME} reference or goes to the desktop keyring.
#include "explorer/ConnectionProfiles.h"
#include "format/PipelineFormat.h"
#include "run/KeyringSecrets.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace sw;

class tst_ConnectionProfiles : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void environmentReferenceIsKeptAsAReference();
    void plainPasswordsAreNeverWritten();
    void keyringPasswordNeverTouchesTheSettings();
    void pipelineKeyringReferencesGoThroughTheEnvironment();
};

void tst_ConnectionProfiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("StreamwrightTest"));
    QCoreApplication::setApplicationName(QStringLiteral("profiles"));
    QSettings().clear();
}

void tst_ConnectionProfiles::environmentReferenceIsKeptAsAReference()
{
    widgets::ConnectionProfile p;
    p.name = QStringLiteral("prod");
    p.bootstrap = QStringLiteral("kafka-1:9092");
    p.securityProtocol = QStringLiteral("SASL_SSL");
    p.saslMechanism = QStringLiteral("SCRAM-SHA-512");
    p.username = QStringLiteral("ops");
    p.passwordReference = QStringLiteral("${env:PROD_KAFKA_PASSWORD}");
    {
        widgets::ConnectionProfiles profiles;
        QString error = QStringLiteral("not called");
        profiles.store(p, {}, [&error](const QString &e) { error = e; });
        QCOMPARE(error, QString());
    }
    widgets::ConnectionProfiles reloaded; // from the settings
    QVERIFY(reloaded.find(QStringLiteral("prod")));
    QCOMPARE(*reloaded.find(QStringLiteral("prod")), p);
    bool called = false;
    reloaded.resolve(QStringLiteral("prod"), [&](const runtime::KafkaEndpoint &e, const QString &error) {
        called = true;
        QCOMPARE(error, QString());
        QCOMPARE(e.bootstrap, QStringLiteral("kafka-1:9092"));
        QCOMPARE(e.properties.value(QStringLiteral("security.protocol")).toString(), QStringLiteral("SASL_SSL"));
        QCOMPARE(e.properties.value(QStringLiteral("sasl.mechanism")).toString(), QStringLiteral("SCRAM-SHA-512"));
        // Expanded only when the client is made (KafkaClientConfig), never stored expanded.
        QCOMPARE(e.properties.value(QStringLiteral("sasl.password")).toString(), QStringLiteral("${env:PROD_KAFKA_PASSWORD}"));
    });
    QVERIFY(called);
    reloaded.remove(QStringLiteral("prod"));
    QVERIFY(!widgets::ConnectionProfiles().find(QStringLiteral("prod")));
}

void tst_ConnectionProfiles::plainPasswordsAreNeverWritten()
{
    widgets::ConnectionProfiles profiles;
    widgets::ConnectionProfile p;
    p.name = QStringLiteral("leaky");
    p.bootstrap = QStringLiteral("k:9092");
    p.securityProtocol = QStringLiteral("SASL_PLAINTEXT");
    p.passwordReference = QStringLiteral("hunter2");
    QString error;
    profiles.store(p, {}, [&error](const QString &e) { error = e; });
    QVERIFY(error.contains(QLatin1String("keyring")));
    QVERIFY(!profiles.find(QStringLiteral("leaky")));
}

void tst_ConnectionProfiles::keyringPasswordNeverTouchesTheSettings()
{
    widgets::ConnectionProfiles profiles;
    widgets::ConnectionProfile p;
    p.name = QStringLiteral("secure");
    p.bootstrap = QStringLiteral("k:9093");
    p.securityProtocol = QStringLiteral("SASL_SSL");
    p.username = QStringLiteral("me");
    p.passwordInKeyring = true;
    bool done = false;
    QString error;
    profiles.store(p, QStringLiteral("s3cret-pa55"), [&](const QString &e) {
        done = true;
        error = e;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("s3cret-pa55"));
    if (!error.isEmpty()) {
        qInfo() << "keyring:" << error;
        // No keyring service here (a headless machine): said in words, profile kept without it.
        QVERIFY(error.contains(QLatin1String("keyring")));
        return;
    }
    bool resolved = false;
    profiles.resolve(QStringLiteral("secure"), [&](const runtime::KafkaEndpoint &e, const QString &resolveError) {
        resolved = true;
        QCOMPARE(resolveError, QString());
        QCOMPARE(e.properties.value(QStringLiteral("sasl.password")).toString(), QStringLiteral("s3cret-pa55"));
    });
    QTRY_VERIFY_WITH_TIMEOUT(resolved, 30000);
    profiles.remove(QStringLiteral("secure"));
}

void tst_ConnectionProfiles::pipelineKeyringReferencesGoThroughTheEnvironment()
{
    core::Pipeline p;
    p.name = QStringLiteral("secured");
    p.connections.insert(QStringLiteral("prod"),
                         QJsonObject{{QStringLiteral("kind"), QStringLiteral("kafka")},
                                     {QStringLiteral("bootstrap"), QStringLiteral("k:9093")},
                                     {QStringLiteral("properties"),
                                      QJsonObject{{QStringLiteral("sasl.password"), QStringLiteral("${keyring:prod-password}")},
                                                  {QStringLiteral("sasl.username"), QStringLiteral("ops")}}}});
    QCOMPARE(widgets::KeyringSecrets::referencedNames(p), QStringList{QStringLiteral("prod-password")});
    QHash<QString, QString> environment;
    const core::Pipeline copy = widgets::KeyringSecrets::withEnvironmentReferences(
        p, {{QStringLiteral("prod-password"), QStringLiteral("s3cret")}}, &environment);
    const QJsonObject properties = copy.connections.value(QStringLiteral("prod")).value(QStringLiteral("properties")).toObject();
    QCOMPARE(properties.value(QStringLiteral("sasl.password")).toString(), QStringLiteral("${env:STREAMWRIGHT_SECRET_PROD_PASSWORD}"));
    QCOMPARE(properties.value(QStringLiteral("sasl.username")).toString(), QStringLiteral("ops"));
    QCOMPARE(environment.value(QStringLiteral("STREAMWRIGHT_SECRET_PROD_PASSWORD")), QStringLiteral("s3cret"));
    QVERIFY(!core::PipelineFormat::save(copy).contains("s3cret")); // the file the runtime gets has no secret
    // And the runtime's client config expands the reference from its environment.
    qputenv("STREAMWRIGHT_SECRET_PROD_PASSWORD", "s3cret");
    QString expanded;
    std::string error;
    QVERIFY(runtime::KafkaClientConfig::expand(properties.value(QStringLiteral("sasl.password")).toString(), expanded, error));
    QCOMPARE(expanded, QStringLiteral("s3cret"));
}

QTEST_MAIN(tst_ConnectionProfiles)
#include "tst_connectionprofiles.moc"
