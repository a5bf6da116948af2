// SPDX-License-Identifier: GPL-3.0-or-later
#include "json/JsonSourceView.h"

#include "document/PipelineDocument.h"
#include "format/PipelineFormat.h"

#include <Qsci/qscilexerjson.h>

#include <QFontDatabase>
#include <QKeyEvent>
#include <QTimer>

namespace sw::widgets {

namespace {
constexpr int ErrorMarker = 1;
constexpr int ErrorIndicator = 9;
constexpr int AnnotationStyle = 250; // past the lexer's styles
constexpr int ApplyPauseMs = 700;

// Finds the line of a JSON pointer's target in the text, well enough to show an
// error there: each object key is searched after the previous one. 0-based.
int lineOfPointer(const QString &text, const QString &pointer)
{
    qsizetype position = 0;
    for (const QString &segment : pointer.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        bool isIndex = false;
        segment.toInt(&isIndex);
        if (isIndex)
            continue;
        const qsizetype found = text.indexOf(QLatin1Char('"') + segment + QStringLiteral("\""), position);
        if (found < 0)
            break;
        position = found;
    }
    return int(text.left(position).count(QLatin1Char('\n')));
}
} // namespace

JsonSourceView::JsonSourceView(core::PipelineDocument &document, QWidget *parent)
    : QsciScintilla(parent), m_document(document)
{
    auto *lexer = new QsciLexerJSON(this);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    lexer->setDefaultFont(mono);
    lexer->setFont(mono);
    lexer->setDefaultPaper(palette().color(QPalette::Base));
    lexer->setPaper(palette().color(QPalette::Base));
    if (palette().color(QPalette::Base).lightness() < 128) {
        // The lexer's colours are for light backgrounds; keep text readable on dark.
        lexer->setDefaultColor(palette().color(QPalette::Text));
        for (int style = 0; style <= QsciLexerJSON::Error; ++style)
            lexer->setColor(lexer->color(style).lighter(170), style);
    }
    setLexer(lexer);
    setUtf8(true);
    setFolding(BoxedTreeFoldStyle);
    setMarginLineNumbers(0, true);
    setMarginWidth(0, QStringLiteral("00000"));
    setMarginsBackgroundColor(palette().color(QPalette::Window));
    setMarginsForegroundColor(palette().color(QPalette::PlaceholderText));
    setCaretForegroundColor(palette().color(QPalette::Text));
    setBraceMatching(SloppyBraceMatch);
    setAutoIndent(true);
    setIndentationsUseTabs(false);
    setIndentationWidth(2);
    markerDefine(QsciScintilla::RightTriangle, ErrorMarker);
    setMarkerBackgroundColor(QColor(0xd0, 0x30, 0x30), ErrorMarker);
    indicatorDefine(SquiggleIndicator, ErrorIndicator);
    setIndicatorForegroundColor(QColor(0xd0, 0x30, 0x30), ErrorIndicator);
    setAnnotationDisplay(AnnotationBoxed);
    SendScintilla(SCI_STYLESETFORE, AnnotationStyle, QColor(0xd0, 0x30, 0x30));
    SendScintilla(SCI_STYLESETBACK, AnnotationStyle, palette().color(QPalette::AlternateBase));

    m_applyTimer = new QTimer(this);
    m_applyTimer->setSingleShot(true);
    m_applyTimer->setInterval(ApplyPauseMs);
    connect(m_applyTimer, &QTimer::timeout, this, &JsonSourceView::applyText);
    // The document emits per raw change (a macro emits several): follow once.
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(0);
    connect(m_refreshTimer, &QTimer::timeout, this, &JsonSourceView::refreshFromDocument);

    connect(this, &QsciScintilla::textChanged, this, [this] {
        if (!m_settingText)
            m_applyTimer->start();
    });
    connect(&m_document, &core::PipelineDocument::pipelineChanged, this, [this] {
        if (!m_applying)
            m_refreshTimer->start();
    });
    refreshFromDocument();
}

bool JsonSourceView::applyText()
{
    m_applyTimer->stop();
    const auto loaded = core::PipelineFormat::load(text().toUtf8(), m_document.filePath());
    if (!loaded.pipeline) {
        const core::Diagnostic &d = loaded.diagnostics.front();
        if (d.line > 0)
            showError(d.line - 1, d.column - 1, d.message);
        else
            showError(lineOfPointer(text(), d.pointer), -1,
                      d.pointer.isEmpty() ? d.message : QStringLiteral("%1: %2").arg(d.pointer, d.message));
        return false;
    }
    clearError();
    m_applying = true;
    m_document.replacePipeline(*loaded.pipeline);
    m_applying = false;
    return true;
}

void JsonSourceView::focusOutEvent(QFocusEvent *event)
{
    if (m_applyTimer->isActive())
        applyText();
    if (m_error.isEmpty())
        refreshFromDocument();
    QsciScintilla::focusOutEvent(event);
}

void JsonSourceView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        event->modifiers() & Qt::ControlModifier) {
        if (applyText())
            refreshFromDocument();
        return;
    }
    QsciScintilla::keyPressEvent(event);
}

void JsonSourceView::refreshFromDocument()
{
    // While the user's text does not parse, it stays: their edit is not thrown away
    // because something else changed the document.
    if (!m_error.isEmpty() || m_applyTimer->isActive())
        return;
    const QString canonical = QString::fromUtf8(core::PipelineFormat::save(m_document.pipeline()));
    if (canonical == text())
        return;
    m_settingText = true;
    const int firstLine = firstVisibleLine();
    int line = 0, index = 0;
    getCursorPosition(&line, &index);
    setText(canonical);
    setCursorPosition(line, index);
    setFirstVisibleLine(firstLine);
    m_settingText = false;
}

void JsonSourceView::showError(int line, int column, const QString &message)
{
    clearError();
    m_error = message;
    markerAdd(line, ErrorMarker);
    const int lineStart = int(SendScintilla(SCI_POSITIONFROMLINE, line));
    const int lineEnd = int(SendScintilla(SCI_GETLINEENDPOSITION, line));
    int from = lineStart;
    if (column >= 0)
        from = std::min(lineEnd, lineStart + int(this->text(line).left(column).toUtf8().size()));
    SendScintilla(SCI_SETINDICATORCURRENT, ErrorIndicator);
    SendScintilla(SCI_INDICATORFILLRANGE, from, std::max(1, lineEnd - from));
    annotate(line, message, AnnotationStyle);
    emit errorChanged(message);
}

void JsonSourceView::clearError()
{
    if (m_error.isEmpty())
        return;
    m_error.clear();
    markerDeleteAll(ErrorMarker);
    SendScintilla(SCI_SETINDICATORCURRENT, ErrorIndicator);
    SendScintilla(SCI_INDICATORCLEARRANGE, 0, SendScintilla(SCI_GETLENGTH));
    clearAnnotations();
    emit errorChanged(QString());
}

} // namespace sw::widgets
