// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/Pipeline.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>

class QWidget;

namespace sw::widgets {

// `${keyring:NAME}` references in a pipeline's connection properties, resolved
// from the desktop keyring (QtKeychain) for a run started from the app. A
// secret the keyring does not have is asked for once and kept there, never in
// the pipeline file. The runtime gets the values through its environment.
class KeyringSecrets : public QObject
{
    Q_OBJECT
public:
    explicit KeyringSecrets(QWidget *dialogParent, QObject *parent = nullptr);

    static QStringList referencedNames(const core::Pipeline &pipeline);
    // The copy of `pipeline` to run: each ${keyring:NAME} replaced by an
    // ${env:...} reference to a variable that `environment` receives.
    static core::Pipeline withEnvironmentReferences(const core::Pipeline &pipeline, const QHash<QString, QString> &secrets,
                                                    QHash<QString, QString> *environment);
    static QString environmentName(const QString &secret);

    // Fetches every name (asking for missing ones); done(values, error).
    void resolve(const QStringList &names, std::function<void(QHash<QString, QString>, QString)> done);

private:
    void next(QStringList names, QHash<QString, QString> values,
              std::function<void(QHash<QString, QString>, QString)> done);

    QWidget *m_dialogParent;
};

} // namespace sw::widgets
