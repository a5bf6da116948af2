// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expr/Value.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace sw::core::expr {

// What an argument position accepts.
enum class ArgKind { Any, String, Numeric, Integer, Boolean, Timestamp, Array };

// How a function's result type follows from its argument types.
enum class ResultRule {
    Fixed,            // always `result`
    FirstArg,         // the type of the first argument (abs, round)
    CommonOfAll,      // the common type of all arguments (coalesce, greatest)
    CommonFromSecond, // the common type of the arguments after the first (if)
    ElementOfFirst,   // the element type of the first argument, an array (element_at)
};

// One built-in function. The catalog of these is the documented function list
// (docs/expressions.md); the GUI offers it for completion.
struct FunctionDef
{
    QString name;
    QString signature;
    QString help;
    std::vector<ArgKind> params; // the first minArgs are required
    int minArgs = 0;
    bool variadic = false; // the last param kind repeats
    ResultRule rule = ResultRule::Fixed;
    DataType result = DataType::Null;
    bool nullPropagating = true; // any NULL argument gives NULL without calling eval
    Value (*eval)(const std::vector<Value> &args, DataType resultType) = nullptr;

    int maxArgs() const { return variadic ? -1 : int(params.size()); }
    ArgKind paramKind(size_t i) const { return i < params.size() ? params[i] : params.back(); }
};

class Functions
{
public:
    static const FunctionDef *find(const QString &name);
    static const std::vector<FunctionDef> &all();
    static QStringList names();
    static bool accepts(ArgKind kind, DataType type);
    static QString kindName(ArgKind kind);
    // An array value's elements (its canonical JSON text read back); empty for
    // NULL. array<object> elements are their objects' JSON text, as strings.
    static std::vector<Value> elements(const Value &array);
};

} // namespace sw::core::expr
