// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/ConnectionProfilesDialog.h"

#include "explorer/ConnectionProfiles.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>

namespace sw::widgets {

ConnectionProfilesDialog::ConnectionProfilesDialog(ConnectionProfiles &profiles, QWidget *parent)
    : QDialog(parent), m_profiles(profiles)
{
    setWindowTitle(tr("Connection Profiles"));
    auto *form = new QFormLayout(this);
    auto *existing = new QComboBox(this);
    existing->addItem(tr("(new profile)"));
    for (const auto &p : m_profiles.profiles())
        existing->addItem(p.name);
    auto *name = new QLineEdit(this);
    auto *bootstrap = new QLineEdit(this);
    bootstrap->setPlaceholderText(QStringLiteral("kafka-1:9092,kafka-2:9092"));
    auto *protocol = new QComboBox(this);
    protocol->addItems({QStringLiteral("PLAINTEXT"), QStringLiteral("SSL"), QStringLiteral("SASL_PLAINTEXT"), QStringLiteral("SASL_SSL")});
    auto *mechanism = new QComboBox(this);
    mechanism->addItems({QStringLiteral("PLAIN"), QStringLiteral("SCRAM-SHA-256"), QStringLiteral("SCRAM-SHA-512")});
    auto *username = new QLineEdit(this);
    auto *where = new QComboBox(this);
    where->addItem(tr("kept in the desktop keyring"), true);
    where->addItem(tr("from an environment variable"), false);
    auto *password = new QLineEdit(this);
    password->setEchoMode(QLineEdit::Password);
    auto *ca = new QLineEdit(this);
    ca->setPlaceholderText(tr("CA bundle file (SSL), optional"));
    auto updatePasswordField = [where, password] {
        const bool keyring = where->currentData().toBool();
        password->setEchoMode(keyring ? QLineEdit::Password : QLineEdit::Normal);
        password->setPlaceholderText(keyring ? tr("password (stored in the keyring, never in a file)") : QStringLiteral("${env:KAFKA_PASSWORD}"));
    };
    connect(where, &QComboBox::currentIndexChanged, this, updatePasswordField);
    updatePasswordField();
    connect(existing, &QComboBox::currentIndexChanged, this, [=, this](int index) {
        const ConnectionProfile *p = index > 0 ? m_profiles.find(existing->currentText()) : nullptr;
        const ConnectionProfile shown = p ? *p : ConnectionProfile{};
        name->setText(shown.name);
        bootstrap->setText(shown.bootstrap);
        protocol->setCurrentText(shown.securityProtocol);
        mechanism->setCurrentText(shown.saslMechanism);
        username->setText(shown.username);
        where->setCurrentIndex(shown.passwordInKeyring || shown.passwordReference.isEmpty() ? 0 : 1);
        password->setText(shown.passwordInKeyring ? QString() : shown.passwordReference);
        ca->setText(shown.caLocation);
    });
    form->addRow(tr("Profile"), existing);
    form->addRow(tr("&Name"), name);
    form->addRow(tr("&Bootstrap servers"), bootstrap);
    form->addRow(tr("Security protocol"), protocol);
    form->addRow(tr("SASL mechanism"), mechanism);
    form->addRow(tr("&User name"), username);
    form->addRow(tr("Password"), where);
    form->addRow(QString(), password);
    form->addRow(tr("CA file"), ca);
    auto *message = new QLabel(this);
    message->setWordWrap(true);
    message->setStyleSheet(QStringLiteral("color: #d03030;"));
    form->addRow(message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    auto *removeButton = buttons->addButton(tr("Remove"), QDialogButtonBox::DestructiveRole);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(removeButton, &QPushButton::clicked, this, [=, this] {
        m_profiles.remove(name->text().trimmed());
        accept();
    });
    connect(buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this, [=, this] {
        ConnectionProfile p;
        p.name = name->text().trimmed();
        p.bootstrap = bootstrap->text().trimmed();
        p.securityProtocol = protocol->currentText();
        p.saslMechanism = mechanism->currentText();
        p.username = username->text().trimmed();
        p.passwordInKeyring = where->currentData().toBool();
        p.passwordReference = p.passwordInKeyring ? QString() : password->text().trimmed();
        p.caLocation = ca->text().trimmed();
        if (p.name.isEmpty() || p.bootstrap.isEmpty()) {
            message->setText(tr("A profile needs a name and bootstrap servers."));
            return;
        }
        QPointer<QDialog> open(this);
        m_profiles.store(p, p.passwordInKeyring ? password->text() : QString(), [open, message](const QString &error) {
            if (!open)
                return;
            if (error.isEmpty())
                open->accept();
            else
                message->setText(error);
        });
    });
}

} // namespace sw::widgets
