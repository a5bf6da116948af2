// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QStringList>
#include <QTranslator>

namespace sw::app {

// Translates core's messages (node catalog, validator, expression errors).
// Core's files look their texts up through small tr() helpers with one context
// per file, while lupdate files each call under the class or namespace it sits
// in; so core's texts are looked up by their source alone, from the German .ts
// built into the app. App and widget texts keep their contexts (the .qm).
class CoreTranslator : public QTranslator
{
public:
    // Reads a Qt Linguist .ts file; false if it cannot be read.
    bool loadTs(const QString &path);
    QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr,
                      int n = -1) const override;
    bool isEmpty() const override { return m_texts.isEmpty(); }
    int size() const { return int(m_texts.size()); }

private:
    QHash<QString, QStringList> m_texts; // source -> translation (numerus forms: several)
};

} // namespace sw::app
