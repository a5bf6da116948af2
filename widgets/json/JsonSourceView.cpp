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

// Finds where a JSON pointer's target starts in valid JSON text, to show an
// error there: a small scanner that tracks the path to each value it meets.
class PointerLocator
{
public:
    PointerLocator(const QString &text, const QString &pointer)
        : m_text(text), m_target(pointer.split(QLatin1Char('/'), Qt::SkipEmptyParts))
    {
        for (QString &segment : m_target)
            segment.replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), QStringLiteral("~"));
    }
    // The offset of the deepest value on the pointer's path that exists.
    qsizetype find()
    {
        value();
        return m_best;
    }

private:
    void skipSpace()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }
    QString string()
    {
        QString result;
        ++m_pos; // opening quote
        while (m_pos < m_text.size() && m_text.at(m_pos) != QLatin1Char('"')) {
            if (m_text.at(m_pos) == QLatin1Char('\\'))
                ++m_pos;
            if (m_pos < m_text.size())
                result += m_text.at(m_pos++);
        }
        ++m_pos; // closing quote
        return result;
    }
    void value()
    {
        skipSpace();
        if (m_path.size() <= m_target.size() && m_path == m_target.mid(0, m_path.size()) && m_path.size() >= m_depth) {
            m_best = m_pos;
            m_depth = m_path.size();
        }
        if (m_pos >= m_text.size())
            return;
        const QChar c = m_text.at(m_pos);
        if (c == QLatin1Char('{') || c == QLatin1Char('[')) {
            const bool array = c == QLatin1Char('[');
            ++m_pos;
            for (int index = 0;; ++index) {
                skipSpace();
                if (m_pos >= m_text.size())
                    return;
                if (m_text.at(m_pos) == (array ? QLatin1Char(']') : QLatin1Char('}'))) {
                    ++m_pos;
                    return;
                }
                if (array) {
                    m_path << QString::number(index);
                } else {
                    m_path << string();
                    skipSpace();
                    ++m_pos; // ':'
                }
                value();
                m_path.removeLast();
                skipSpace();
                if (m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char(','))
                    ++m_pos;
            }
        } else if (c == QLatin1Char('"')) {
            string();
        } else {
            while (m_pos < m_text.size() && !QStringLiteral(",]} \n\r\t").contains(m_text.at(m_pos)))
                ++m_pos;
        }
    }

    const QString &m_text;
    QStringList m_target;
    QStringList m_path;
    qsizetype m_pos = 0;
    qsizetype m_best = 0;
    qsizetype m_depth = 0;
};

int lineOfPointer(const QString &text, const QString &pointer)
{
    const qsizetype offset = PointerLocator(text, pointer).find();
    return int(text.left(offset).count(QLatin1Char('\n')));
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
