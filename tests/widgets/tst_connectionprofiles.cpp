// SPDX-License-Identifier: GPL-3.0-or-later
// Connection profiles: kept in the settings without any password; a password is
// an ${env:NAME} reference or goes to the desktop keyring.
#include "explorer/ConnectionProfiles.h"

#include <QCoreApplication>
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

QTEST_MAIN(tst_ConnectionProfiles)
#include "tst_connectionprofiles.moc"
