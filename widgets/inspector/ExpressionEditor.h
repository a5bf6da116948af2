// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expr/ExprError.h"
#include "model/Schema.h"

#include <Qsci/qsciscintilla.h>

#include <QHash>

#include <optional>
#include <vector>

class QTimer;

namespace sw::widgets {

// An editor for one SQL expression: highlighting, completion of the upstream
// schema's field names and of the built-in functions, and the type checker's
// errors as squiggles while typing. It checks the text itself on every keystroke
// and reports the text (debounced) through textEdited(); the caller decides what
// an edit does to the document.
class ExpressionEditor : public QsciScintilla
{
    Q_OBJECT
public:
    explicit ExpressionEditor(QWidget *parent = nullptr);

    // The schema the expression is checked against; nullopt when upstream problems
    // hide it, and then only the syntax is checked.
    void setSchema(const std::optional<core::Schema> &schema);
    // Replaces the text without emitting textEdited (the document changed).
    void setExpression(const QString &text);
    QString expression() const { return text(); }
    const std::vector<core::expr::ExprError> &errors() const { return m_errors; }
    // Sends a pending edit now instead of after the pause (focus left, tests).
    void flush();
    // What completion offers for a prefix (case-insensitive): the input's fields,
    // then functions as "name(args)", then keywords.
    QStringList completions(const QString &prefix) const;
    // Shows the completion list for the word before the cursor (Ctrl+Space, typing).
    void showCompletions(bool evenIfEmpty);

signals:
    void textEdited(const QString &text);
    void errorsChanged(const QString &firstMessage); // empty: no errors

protected:
    void focusOutEvent(QFocusEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void check();
    void updateCompletions();
    void insertCompletion(const QString &chosen);
    QString wordBeforeCursor(long *start = nullptr) const;

    std::optional<core::Schema> m_schema;
    std::vector<core::expr::ExprError> m_errors;
    QStringList m_words;                 // shown, in order
    QHash<QString, QString> m_insertions; // shown -> inserted ("lower(str)" -> "lower(")
    QTimer *m_editTimer = nullptr;
    bool m_settingText = false;
};

} // namespace sw::widgets
