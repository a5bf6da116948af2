// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspector/NodeInspector.h"

#include "catalog/NodeCatalog.h"
#include "document/PipelineDocument.h"
#include "inspector/SettingEditors.h"
#include "problems/ProblemsModel.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sw::widgets {

namespace {

// "/nodes/2/config/window/size" -> {"window", "size"}; empty unless it is inside a node's config.
QStringList configPath(const QString &pointer)
{
    const QStringList parts = pointer.split(QLatin1Char('/'));
    if (parts.size() < 5 || parts.at(1) != QLatin1String("nodes") || parts.at(3) != QLatin1String("config"))
        return {};
    return parts.mid(4);
}

} // namespace

NodeInspector::NodeInspector(core::PipelineDocument &document, ProblemsModel &problems, QWidget *parent)
    : QWidget(parent), m_document(document), m_problems(problems)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);

    auto *placeholder = new QLabel(tr("Select a node on the canvas to see and edit its settings."), m_stack);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    placeholder->setEnabled(false);
    m_stack->addWidget(placeholder);

    auto *page = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(page);
    auto *header = new QFormLayout;
    m_id = new QLineEdit(page);
    m_id->setObjectName(QStringLiteral("node-id"));
    m_id->setToolTip(tr("The node's id: unique in the pipeline; edges and metrics use it"));
    header->addRow(tr("&Id"), m_id);
    m_type = new QLabel(page);
    m_type->setTextInteractionFlags(Qt::TextSelectableByMouse);
    header->addRow(tr("Type"), m_type);
    layout->addLayout(header);
    m_help = new QLabel(page);
    m_help->setWordWrap(true);
    layout->addWidget(m_help);
    m_nodeProblems = new QLabel(page);
    m_nodeProblems->setWordWrap(true);
    m_nodeProblems->setStyleSheet(QStringLiteral("color: #d03030;"));
    layout->addWidget(m_nodeProblems);
    m_useRecording = new QPushButton(tr("Use a Recording..."), page);
    m_useRecording->setObjectName(QStringLiteral("use-recording"));
    m_useRecording->setToolTip(tr("Read a recording (streamwright-cli record) instead of Kafka, with the same schema, "
                                  "event time and dead letters: replays and the debugger run on it"));
    layout->addWidget(m_useRecording, 0, Qt::AlignLeft);
    connect(m_useRecording, &QPushButton::clicked, this, [this] {
        const QString base = QFileInfo(m_document.pipeline().filePath).absolutePath();
        const QString file = QFileDialog::getOpenFileName(this, tr("Use a Recording"),
                                                          m_document.pipeline().filePath.isEmpty() ? QString() : base,
                                                          tr("Recordings (*.swrec);;All files (*)"));
        if (file.isEmpty())
            return;
        useRecording(file);
    });

    auto *splitter = new QSplitter(Qt::Vertical, page);
    m_scroll = new QScrollArea(splitter);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_schemas = new QTreeWidget(splitter);
    m_schemas->setColumnCount(2);
    m_schemas->setHeaderLabels({tr("Schema"), tr("Type")});
    m_schemas->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_schemas->header()->setStretchLastSection(false);
    splitter->addWidget(m_scroll);
    splitter->addWidget(m_schemas);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({750, 250}); // the settings first: a schema is looked at, seldom edited
    layout->addWidget(splitter, 1);
    m_stack->addWidget(page);

    connect(m_id, &QLineEdit::editingFinished, this, &NodeInspector::rename);
    connect(&m_document, &core::PipelineDocument::nodeChanged, this, [this](const QString &id) {
        if (id == m_nodeId)
            refreshValues();
    });
    connect(&m_document, &core::PipelineDocument::nodeRenamed, this, [this](const QString &from, const QString &to) {
        if (from == m_nodeId) {
            m_nodeId = to;
            m_id->setText(to);
        }
    });
    connect(&m_document, &core::PipelineDocument::nodeRemoved, this, [this](const QString &id) {
        if (id == m_nodeId)
            showNode({});
    });
    connect(&m_document, &core::PipelineDocument::pipelineReset, this, [this] {
        showNode(m_document.pipeline().node(m_nodeId) ? m_nodeId : QString());
    });
    connect(&m_problems, &ProblemsModel::validated, this, &NodeInspector::refreshAnalysis);
}

void NodeInspector::useRecording(const QString &file)
{
    // Relative to the pipeline file when it is saved (the file moves with it).
    const QString pipelineFile = m_document.pipeline().filePath;
    const QString path = pipelineFile.isEmpty() ? file : QFileInfo(pipelineFile).absoluteDir().relativeFilePath(file);
    m_document.useRecordingAsSource(m_nodeId, path);
}

void NodeInspector::showNode(const QString &id)
{
    m_nodeId = m_document.pipeline().node(id) ? id : QString();
    rebuild();
}

SettingEditor *NodeInspector::editor(const QString &key) const
{
    return m_form ? m_form->editor(key) : nullptr;
}

void NodeInspector::focusPointer(const QString &pointer)
{
    const QStringList path = configPath(pointer);
    if (path.isEmpty()) {
        m_id->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (SettingEditor *e = editor(path.first())) {
        m_scroll->ensureWidgetVisible(e);
        e->focusEditor();
    }
}

void NodeInspector::rebuild()
{
    const core::Node *node = m_document.pipeline().node(m_nodeId);
    if (!node) {
        m_stack->setCurrentIndex(0);
        delete m_form;
        m_form = nullptr;
        m_formType.clear();
        return;
    }
    m_stack->setCurrentIndex(1);
    m_id->setText(node->id);
    m_useRecording->setVisible(node->type == u"source.kafka");
    const core::NodeType *type = core::NodeCatalog::instance().find(node->type);
    m_type->setText(type ? QStringLiteral("%1 (%2)").arg(type->displayName, node->type) : node->type);
    m_help->setText(type ? type->help : tr("This node type is unknown; edit it in the JSON view."));

    if (!m_form || m_formType != node->type) {
        delete m_form;
        m_form = new SettingForm(type ? type->settings : std::vector<core::SettingSpec>{});
        m_formType = node->type;
        m_scroll->setWidget(m_form);
        connect(m_form, &SettingForm::edited, this, [this](const QString &key, const QJsonValue &value, bool typing) {
            m_document.setNodeSetting(m_nodeId, key, value,
                                      typing ? core::PipelineDocument::EditMerge::Typing
                                             : core::PipelineDocument::EditMerge::Separate);
        });
    }
    refreshValues();
    refreshAnalysis();
}

void NodeInspector::refreshValues()
{
    const core::Node *node = m_document.pipeline().node(m_nodeId);
    if (!node || !m_form)
        return;
    if (node->type != m_formType) {
        rebuild();
        return;
    }
    m_form->setValues(node->config);
}

void NodeInspector::refreshAnalysis()
{
    if (!m_form || m_nodeId.isEmpty())
        return;
    const core::ValidationResult &result = m_problems.result();
    const core::Pipeline &pipeline = m_document.pipeline();

    EditorContext context;
    context.connections = pipeline.connections.keys();
    if (!pipeline.filePath.isEmpty())
        context.pipelineDir = QFileInfo(pipeline.filePath).absolutePath();
    const auto schemas = result.schemas.constFind(m_nodeId);
    if (schemas != result.schemas.constEnd() && !schemas->inputs.empty())
        context.input = schemas->inputs.begin()->second;
    const core::Node *node = pipeline.node(m_nodeId);
    if (node && node->type == u"join.stream" && schemas != result.schemas.constEnd()) {
        const auto out = schemas->outputs.find(QStringLiteral("out"));
        if (out != schemas->outputs.end())
            context.expressionInput = out->second;
    }
    m_form->setContext(context);

    QMap<QString, QString> bySetting;
    QStringList general;
    for (const auto &d : result.diagnostics) {
        if (d.nodeId != m_nodeId)
            continue;
        const QStringList path = configPath(d.pointer);
        const QString text = (d.isError() ? QString() : tr("Warning: ")) + d.message;
        if (!path.isEmpty() && m_form->editor(path.first())) {
            QString &messages = bySetting[path.first()];
            messages += (messages.isEmpty() ? QString() : QStringLiteral("\n")) + text;
        } else {
            general << text;
        }
    }
    m_form->setProblems(bySetting);
    m_nodeProblems->setText(general.join(QLatin1Char('\n')));
    m_nodeProblems->setVisible(!general.isEmpty());

    m_schemas->clear();
    if (schemas == result.schemas.constEnd()) {
        auto *unknown = new QTreeWidgetItem(m_schemas, {tr("Unknown until the problems upstream are fixed")});
        unknown->setDisabled(true);
        return;
    }
    auto addPorts = [this](const std::map<QString, core::Schema> &ports, const QString &direction) {
        for (const auto &[port, schema] : ports) {
            auto *portItem = new QTreeWidgetItem(m_schemas, {QStringLiteral("%1: %2").arg(direction, port)});
            for (const auto &field : schema.fields) {
                auto *fieldItem = new QTreeWidgetItem(portItem, {field.name, core::typeName(field.type)});
                if (field.name == schema.eventTimeField)
                    fieldItem->setToolTip(0, tr("event time"));
                if (field.name == schema.eventTimeField)
                    fieldItem->setText(0, field.name + tr(" (event time)"));
            }
            portItem->setExpanded(true);
        }
    };
    addPorts(schemas->inputs, tr("in"));
    addPorts(schemas->outputs, tr("out"));
}

void NodeInspector::rename()
{
    const QString wanted = m_id->text().trimmed();
    if (m_nodeId.isEmpty() || wanted == m_nodeId)
        return;
    if (!m_document.renameNode(m_nodeId, wanted)) {
        m_nodeProblems->setText(tr("The id \"%1\" is empty or taken by another node.").arg(wanted));
        m_nodeProblems->show();
        m_id->setText(m_nodeId);
    }
}

} // namespace sw::widgets
