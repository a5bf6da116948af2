// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspector/ExpressionEditor.h"

#include "expr/Expression.h"
#include "expr/Functions.h"
#include "expr/Parser.h"

#include <Qsci/qscilexersql.h>

#include <QFontDatabase>
#include <QKeyEvent>
#include <QTimer>

namespace sw::widgets {

namespace {
constexpr int ErrorIndicator = 8; // 0-7 are the lexers'
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
    updateCompletions();
    connect(this, &QsciScintilla::userListActivated, this,
            [this](int, const QString &chosen) { insertCompletion(chosen); });

    setUtf8(true);
    setMarginWidth(1, 0);
    setWrapMode(WrapWord);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setAutoCompletionSource(AcsNone); // our own list: fields of this node's input, functions, keywords
    setBraceMatching(SloppyBraceMatch);
    setCaretForegroundColor(palette().color(QPalette::Text));
    setFixedHeight(QFontMetrics(mono).lineSpacing() * 3 + 8);

    indicatorDefine(QsciScintilla::SquiggleIndicator, ErrorIndicator);
    setIndicatorForegroundColor(QColor(0xd0, 0x30, 0x30), ErrorIndicator);

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
        showCompletions(true);
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
    const QString typed = event->text();
    if (typed.size() == 1 && (typed.front().isLetterOrNumber() || typed.front() == QLatin1Char('_')))
        showCompletions(false);
}

QString ExpressionEditor::wordBeforeCursor(long *start) const
{
    // Field names may hold dots (nested JSON paths): they are part of the word.
    const QString all = text();
    int line = 0, index = 0;
    getCursorPosition(&line, &index);
    const long position = positionFromLineIndex(line, index);
    const QString before = QString::fromUtf8(all.toUtf8().left(position));
    qsizetype from = before.size();
    while (from > 0 && (before.at(from - 1).isLetterOrNumber() || before.at(from - 1) == QLatin1Char('_')
                        || before.at(from - 1) == QLatin1Char('.')))
        --from;
    if (start)
        *start = long(before.left(from).toUtf8().size());
    return before.mid(from);
}

QStringList ExpressionEditor::completions(const QString &prefix) const
{
    QStringList matches;
    for (const QString &word : m_words) {
        if (word.startsWith(prefix, Qt::CaseInsensitive))
            matches << word;
    }
    return matches;
}

void ExpressionEditor::showCompletions(bool evenIfEmpty)
{
    const QString prefix = wordBeforeCursor();
    if (prefix.isEmpty() && !evenIfEmpty)
        return;
    QStringList matches = completions(prefix);
    if (matches.isEmpty() || (matches.size() == 1 && matches.front() == prefix)) {
        cancelList();
        return;
    }
    // Keep our order (fields first); Scintilla sorts a copy for matching.
    constexpr int SC_ORDER_CUSTOM = 2;
    SendScintilla(SCI_AUTOCSETORDER, SC_ORDER_CUSTOM);
    showUserList(1, matches);
}

void ExpressionEditor::insertCompletion(const QString &chosen)
{
    long start = 0;
    wordBeforeCursor(&start);
    int line = 0, index = 0;
    getCursorPosition(&line, &index);
    const long end = positionFromLineIndex(line, index);
    SendScintilla(SCI_SETSELECTION, end, start);
    replaceSelectedText(m_insertions.value(chosen, chosen));
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

    SendScintilla(SCI_SETINDICATORCURRENT, ErrorIndicator);
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
    m_words.clear();
    m_insertions.clear();
    if (m_schema) {
        for (const auto &field : m_schema->fields)
            m_words << field.name;
    }
    for (const auto &function : core::expr::Functions::all()) {
        m_words << function.signature; // "lower(str)": shows the arguments...
        m_insertions.insert(function.signature, function.name + QLatin1Char('(')); // ...inserts "lower("
    }
    for (const char *keyword : {"AND", "OR", "NOT", "IS NULL", "IS NOT NULL", "LIKE", "IN", "BETWEEN", "CASE", "WHEN",
                                "THEN", "ELSE", "END", "CAST", "TRUE", "FALSE", "NULL"})
        m_words << QString::fromLatin1(keyword);
}

} // namespace sw::widgets
