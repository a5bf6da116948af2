// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/SettingSpec.h"
#include "model/Schema.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QWidget>

#include <optional>

class QFormLayout;
class QLabel;

namespace sw::widgets {

// What an editor may offer besides the value: the fields of the node's input (for
// field pickers, completion and expression checks) and the pipeline's connections.
struct EditorContext
{
    std::optional<core::Schema> input; // nullopt: unknown (upstream problems)
    // What expressions are checked against and completed from, when not the input:
    // a stream join's condition is over the joined fields.
    std::optional<core::Schema> expressionInput;
    QStringList connections;
    QString pipelineDir; // relative paths are offered relative to it
};

// The editor of one setting, chosen by its kind in the node catalog. setValue()
// never emits; a user's change emits edited() with `typing` true for keystrokes
// (which the document merges into one undo step) and false for a discrete choice.
class SettingEditor : public QWidget
{
    Q_OBJECT
public:
    SettingEditor(const core::SettingSpec &spec, QWidget *parent) : QWidget(parent), m_spec(spec) {}
    const core::SettingSpec &spec() const { return m_spec; }

    virtual void setValue(const QJsonValue &value) = 0; // Undefined: not set
    virtual QJsonValue value() const = 0;
    virtual void setContext(const EditorContext &) {}
    // Puts the keyboard focus into the editor (the problems list asks for it).
    virtual void focusEditor() { setFocus(Qt::OtherFocusReason); }

signals:
    void edited(const QJsonValue &value, bool typing);

private:
    core::SettingSpec m_spec;
};

SettingEditor *createSettingEditor(const core::SettingSpec &spec, QWidget *parent);

// A form of setting editors, one row per setting of `specs`, each row with its
// problems under it. Used for a node's settings and, nested, for an object setting.
class SettingForm : public QWidget
{
    Q_OBJECT
public:
    SettingForm(const std::vector<core::SettingSpec> &specs, QWidget *parent = nullptr);

    void setValues(const QJsonObject &values);
    void setContext(const EditorContext &context);
    // Problem messages by setting key (several joined by line breaks).
    void setProblems(const QMap<QString, QString> &problems);
    SettingEditor *editor(const QString &key) const;
    const std::vector<SettingEditor *> &editors() const { return m_editors; }

signals:
    void edited(const QString &key, const QJsonValue &value, bool typing);

private:
    void updateApplicability(const QJsonObject &values);

    QFormLayout *m_layout = nullptr;
    std::vector<SettingEditor *> m_editors;
    QMap<QString, QLabel *> m_problemLabels;
    QMap<QString, QLabel *> m_labels;
};

} // namespace sw::widgets
