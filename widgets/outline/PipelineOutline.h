// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "problems/ProblemsModel.h"

#include <QTreeWidget>

namespace sw::widgets {

// The pipeline's nodes in the order they run, each with the fields flowing out of
// its ports (from schema propagation). A read-only projection: rebuilt whenever
// the problems model has revalidated the document.
class PipelineOutline : public QTreeWidget
{
    Q_OBJECT
public:
    PipelineOutline(core::PipelineDocument &document, ProblemsModel &problems, QWidget *parent = nullptr);

    void selectNode(const QString &id);

signals:
    // The user clicked a node (or one of its ports or fields), or pressed Enter on it.
    void nodeChosen(const QString &id);

private:
    void rebuild();

    core::PipelineDocument &m_document;
    ProblemsModel &m_problems;
};

} // namespace sw::widgets
