// SPDX-License-Identifier: GPL-3.0-or-later
#include "CoreTranslator.h"

#include <QFile>
#include <QLocale>
#include <QXmlStreamReader>

namespace sw::app {

bool CoreTranslator::loadTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QXmlStreamReader xml(&file);
    QString source;
    QStringList forms;
    bool unfinished = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("message")) {
                source.clear();
                forms.clear();
                unfinished = false;
            } else if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished") ||
                             xml.attributes().value(QLatin1String("type")) == QLatin1String("obsolete");
                // Plain text, or <numerusform> children.
                QString text;
                while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                    xml.readNext();
                    if (xml.isCharacters())
                        text += xml.text();
                    else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                        forms << xml.readElementText();
                }
                if (forms.isEmpty())
                    forms << text;
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            if (!unfinished && !source.isEmpty() && !forms.isEmpty() && !forms.front().isEmpty() && !m_texts.contains(source))
                m_texts.insert(source, forms);
        }
    }
    return !xml.hasError();
}

QString CoreTranslator::translate(const char *context, const char *sourceText, const char *, int n) const
{
    if (!context || qstrncmp(context, "sw::core", 8) != 0)
        return {};
    const auto it = m_texts.constFind(QString::fromUtf8(sourceText));
    if (it == m_texts.constEnd())
        return {};
    // German has two forms: one, and everything else.
    const int form = (n == 1 || it->size() == 1) ? 0 : 1;
    QString text = it->value(form);
    if (n >= 0)
        text.replace(QLatin1String("%n"), QLocale().toString(n));
    return text;
}

} // namespace sw::app
