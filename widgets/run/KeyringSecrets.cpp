// SPDX-License-Identifier: GPL-3.0-or-later
#include "run/KeyringSecrets.h"

#include <qt6keychain/keychain.h>

#include <QInputDialog>
#include <QJsonObject>
#include <QRegularExpression>

namespace sw::widgets {

namespace {
const QString kService = QStringLiteral("Streamwright");
const QRegularExpression kReference(QStringLiteral("\\$\\{keyring:([A-Za-z_][A-Za-z0-9_.-]*)\\}"));

QString secretKey(const QString &name)
{
    return QStringLiteral("secret/") + name;
}
} // namespace

KeyringSecrets::KeyringSecrets(QWidget *dialogParent, QObject *parent) : QObject(parent), m_dialogParent(dialogParent)
{
}

QStringList KeyringSecrets::referencedNames(const core::Pipeline &pipeline)
{
    QStringList names;
    for (const QJsonObject &connection : pipeline.connections) {
        const QJsonObject properties = connection.value(QStringLiteral("properties")).toObject();
        for (const auto &value : properties) {
            auto matches = kReference.globalMatch(value.toString());
            while (matches.hasNext()) {
                const QString name = matches.next().captured(1);
                if (!names.contains(name))
                    names << name;
            }
        }
    }
    return names;
}

QString KeyringSecrets::environmentName(const QString &secret)
{
    QString name = QStringLiteral("STREAMWRIGHT_SECRET_") + secret.toUpper();
    name.replace(QRegularExpression(QStringLiteral("[^A-Z0-9_]")), QStringLiteral("_"));
    return name;
}

core::Pipeline KeyringSecrets::withEnvironmentReferences(const core::Pipeline &pipeline, const QHash<QString, QString> &secrets,
                                                        QHash<QString, QString> *environment)
{
    core::Pipeline copy = pipeline;
    for (auto it = copy.connections.begin(); it != copy.connections.end(); ++it) {
        QJsonObject properties = it.value().value(QStringLiteral("properties")).toObject();
        for (auto p = properties.begin(); p != properties.end(); ++p) {
            QString text = p.value().toString();
            for (auto s = secrets.begin(); s != secrets.end(); ++s) {
                const QString reference = QStringLiteral("${keyring:%1}").arg(s.key());
                if (text.contains(reference)) {
                    text.replace(reference, QStringLiteral("${env:%1}").arg(environmentName(s.key())));
                    environment->insert(environmentName(s.key()), s.value());
                }
            }
            p.value() = text;
        }
        it.value().insert(QStringLiteral("properties"), properties);
    }
    return copy;
}

void KeyringSecrets::resolve(const QStringList &names, std::function<void(QHash<QString, QString>, QString)> done)
{
    next(names, {}, std::move(done));
}

void KeyringSecrets::next(QStringList names, QHash<QString, QString> values,
                          std::function<void(QHash<QString, QString>, QString)> done)
{
    if (names.isEmpty()) {
        done(values, QString());
        return;
    }
    const QString name = names.takeFirst();
    auto *read = new QKeychain::ReadPasswordJob(kService);
    read->setAutoDelete(true);
    read->setKey(secretKey(name));
    connect(read, &QKeychain::Job::finished, this, [this, name, names, values, done](QKeychain::Job *job) mutable {
        auto *r = static_cast<QKeychain::ReadPasswordJob *>(job);
        if (r->error() == QKeychain::NoError) {
            values.insert(name, r->textData());
            next(names, values, done);
            return;
        }
        if (r->error() != QKeychain::EntryNotFound) {
            done({}, tr("The desktop keyring cannot give ${keyring:%1}: %2").arg(name, r->errorString()));
            return;
        }
        bool ok = false;
        const QString secret = QInputDialog::getText(
            m_dialogParent, tr("Secret Needed"),
            tr("The pipeline refers to ${keyring:%1}, which the desktop keyring does not have yet. Enter it; it is kept "
               "in the keyring, never in the pipeline file:")
                .arg(name),
            QLineEdit::Password, QString(), &ok);
        if (!ok) {
            done({}, tr("Run cancelled: ${keyring:%1} was not given.").arg(name));
            return;
        }
        auto *write = new QKeychain::WritePasswordJob(kService);
        write->setAutoDelete(true);
        write->setKey(secretKey(name));
        write->setTextData(secret);
        connect(write, &QKeychain::Job::finished, this, [this, name, names, values, done, secret](QKeychain::Job *w) mutable {
            if (w->error() != QKeychain::NoError) {
                done({}, tr("The desktop keyring did not keep ${keyring:%1}: %2").arg(name, w->errorString()));
                return;
            }
            values.insert(name, secret);
            next(names, values, done);
        });
        write->start();
    });
    read->start();
}

} // namespace sw::widgets
