// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspector/ExpressionEditor.h"

#include "expr/Expression.h"
#include "expr/Functions.h"
#include "expr/Parser.h"

#include <Qsci/qsciapis.h>
#include <Qsci/qscilexersql.h>

#include <QFontDatabase>
#include <QKeyEvent>
#include <QTimer>

namespace sw::widgets {

namespace {
constexpr int SquiggleIndicator = 8; // 0-7 are the lexers'
constexpr int EditPauseMs = 400;

int utf8Length(const QString &text, int from, int length)
{
    return int(QStringView(text).mid(from, length).toUtf8().size());
}
} // namespace

ExpressionEditor::ExpressionEditor(QWidget *parent) : QsciScintilla(parent)
{
    auto *lexer = new QsciLexerSQL(this);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    lexer->setDefaultFont(mono);
    lexer->setFont(mono);
    lexer->setDefaultPaper(palette().color(QPalette::Base));
    lexer->setPaper(palette().color(QPalette::Base));
    lexer->setDefaultColor(palette().color(QPalette::Text));
    setLexer(lexer);
    m_apis = new QsciAPIs(lexer);
    updateCompletions();

    setUtf8(true);
    setMarginWidth(1, 0);
    setWrapMode(WrapWord);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setAutoCompletionSource(AcsAPIs);
    setAutoCompletionThreshold(1);
    setAutoCompletionCaseSensitivity(false);
    setAutoCompletionReplaceWord(true);
    setCallTipsStyle(CallTipsNoContext);
    setCallTipsVisible(0);
    setBraceMatching(SloppyBraceMatch);
    setCaretForegroundColor(palette().color(QPalette::Text));
    setFixedHeight(QFontMetrics(mono).lineSpacing() * 3 + 8);

    indicatorDefine(SquiggleIndicator, SquiggleIndicator);
    setIndicatorForegroundColor(QColor(0xd0, 0x30, 0x30), SquiggleIndicator);

    m_editTimer = new QTimer(this);
    m_editTimer->setSingleShot(true);
    m_editTimer->setInterval(EditPauseMs);
    connect(m_editTimer, &QTimer::timeout, this, [this] { emit textEdited(text()); });
    connect(this, &QsciScintilla::textChanged, this, [this] {
        check();
        if (!m_settingText)
            m_editTimer->start();
    });
}

void ExpressionEditor::setSchema(const std::optional<core::Schema> &schema)
{
    if (schema == m_schema)
        return;
    m_schema = schema;
    updateCompletions();
    check();
}

void ExpressionEditor::setExpression(const QString &newText)
{
    if (newText == text())
        return;
    m_settingText = true;
    int line = 0, index = 0;
    getCursorPosition(&line, &index);
    setText(newText);
    setCursorPosition(line, index);
    m_settingText = false;
}

void ExpressionEditor::flush()
{
    if (m_editTimer->isActive()) {
        m_editTimer->stop();
        emit textEdited(text());
    }
}

void ExpressionEditor::focusOutEvent(QFocusEvent *event)
{
    flush();
    QsciScintilla::focusOutEvent(event);
}

void ExpressionEditor::keyPressEvent(QKeyEvent *event)
{
    // Ctrl+Space: complete; Return applies (expressions are one logical line).
    if (event->key() == Qt::Key_Space && event->modifiers() == Qt::ControlModifier) {
        autoCompleteFromAPIs();
        return;
    }
    // Tab moves on through the form (keyboard reachability), as in a line edit.
    if ((event->key() == Qt::Key_Tab || event->key() == Qt::Key_Backtab) && !isListActive()) {
        flush();
        focusNextPrevChild(event->key() == Qt::Key_Tab);
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && !isListActive()) {
        flush();
        return;
    }
    QsciScintilla::keyPressEvent(event);
}

void ExpressionEditor::check()
{
    const QString source = text();
    if (source.trimmed().isEmpty()) {
        m_errors.clear();
    } else if (m_schema) {
        m_errors = core::expr::Expression::compile(source, *m_schema).errors;
    } else {
        m_errors.clear();
        if (auto error = core::expr::Parser::parse(source).error)
            m_errors.push_back(*error);
    }

    SendScintilla(SCI_SETINDICATORCURRENT, SquiggleIndicator);
    SendScintilla(SCI_INDICATORCLEARRANGE, 0, SendScintilla(SCI_GETLENGTH));
    QStringList messages;
    for (const auto &error : m_errors) {
        const int start = utf8Length(source, 0, error.offset);
        const int length = std::max(1, utf8Length(source, error.offset, std::max(1, error.length)));
        SendScintilla(SCI_INDICATORFILLRANGE, start, length);
        messages << error.describe();
    }
    setToolTip(messages.join(QLatin1Char('\n')));
    emit errorsChanged(messages.value(0));
}

void ExpressionEditor::updateCompletions()
{
    m_apis->clear();
    if (m_schema) {
        for (const auto &field : m_schema->fields)
            m_apis->add(field.name);
    }
    for (const auto &function : core::expr::Functions::all())
        m_apis->add(function.signature); // "name(args)": the word, then its call tip
    for (const char *keyword : {"AND", "OR", "NOT", "IS NULL", "IS NOT NULL", "LIKE", "IN", "BETWEEN", "CASE", "WHEN",
                                "THEN", "ELSE", "END", "CAST", "TRUE", "FALSE", "NULL"})
        m_apis->add(QString::fromLatin1(keyword));
    m_apis->prepare();
}

} // namespace sw::widgets
