// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qsci/qsciscintilla.h>

class QTimer;

namespace sw::core {
class PipelineDocument;
}

namespace sw::widgets {

// The whole pipeline file as text. It follows the document; an edit that makes a
// usable pipeline applies back as one undo step when typing pauses, and one that
// does not shows its error in place (a marker, a squiggle and the message under the
// line) without touching the document. Leaving the view puts the text back into
// canonical form.
class JsonSourceView : public QsciScintilla
{
    Q_OBJECT
public:
    explicit JsonSourceView(core::PipelineDocument &document, QWidget *parent = nullptr);

    // Applies the text now if it is usable (Ctrl+Return, focus out, tests).
    // Returns false and shows the error when it is not.
    bool applyText();
    QString errorMessage() const { return m_error; }

signals:
    void errorChanged(const QString &message); // empty: the text is usable

protected:
    void focusOutEvent(QFocusEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void refreshFromDocument();
    void showError(int line, int column, const QString &message);
    void clearError();

    core::PipelineDocument &m_document;
    QTimer *m_applyTimer = nullptr;
    QTimer *m_refreshTimer = nullptr;
    bool m_settingText = false;
    bool m_applying = false;
    QString m_error;
};

} // namespace sw::widgets
