// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <vector>

namespace sw::core {

enum class Severity { Error, Warning };

// One problem found in a pipeline: how bad, where (a JSON pointer into the file,
// or a line and column when the file is not JSON), and what, in words a user can
// act on. Expression problems also give their place inside the expression text.
struct Diagnostic
{
    Severity severity = Severity::Error;
    QString pointer; // "/nodes/2/config/window/size"; empty: the whole file
    QString message;
    int line = 0;    // 1-based; only for a file that is not valid JSON
    int column = 0;
    QString nodeId;  // the node concerned, if any (for the canvas badge)
    int exprOffset = -1; // 0-based offset inside the expression setting, if any
    int exprLength = 0;

    static Diagnostic error(QString pointer, QString message, QString nodeId = {})
    {
        Diagnostic d;
        d.pointer = std::move(pointer);
        d.message = std::move(message);
        d.nodeId = std::move(nodeId);
        return d;
    }
    static Diagnostic warning(QString pointer, QString message, QString nodeId = {})
    {
        Diagnostic d = error(std::move(pointer), std::move(message), std::move(nodeId));
        d.severity = Severity::Warning;
        return d;
    }

    bool isError() const { return severity == Severity::Error; }
    friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};

using Diagnostics = std::vector<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);
QString severityName(Severity severity);

} // namespace sw::core
