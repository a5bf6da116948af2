// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expr/Value.h"
#include "model/DataType.h"

#include <QString>

#include <memory>
#include <vector>

namespace sw::core::expr {

struct FunctionDef;

enum class ExprKind { Literal, Column, Unary, Binary, IsNull, In, Like, Between, Case, Cast, Call };

enum class Op { None, Neg, Not, Add, Sub, Mul, Div, Mod, Concat, Eq, Ne, Lt, Le, Gt, Ge, And, Or };

// One node of a parsed expression. Children are in `args`:
//   Unary/IsNull/Cast: [operand]; Binary: [lhs, rhs]; In: [x, item...];
//   Like: [x, pattern]; Between: [x, low, high]; Call: the arguments;
//   Case: [operand if hasOperand] then (when, then) pairs, then [else if hasElse].
// `pos`/`len` locate the node in the source text. The type checker fills `type`
// (and `function` for calls); a node is immutable after checking.
struct Expr
{
    ExprKind kind = ExprKind::Literal;
    Op op = Op::None;
    bool negated = false; // IS NOT NULL, NOT IN, NOT LIKE, NOT BETWEEN
    bool hasOperand = false;
    bool hasElse = false;
    Value value;        // Literal
    QString name;       // Column (dotted path) or Call (lower-case function name)
    DataType castType = DataType::Null;
    std::vector<std::unique_ptr<Expr>> args;
    int pos = 0;
    int len = 0;
    int chainDepth = 1; // levels of binary operators at and below this node (the parser's depth limit)

    DataType type = DataType::Null;
    const FunctionDef *function = nullptr;
};

using ExprPtr = std::unique_ptr<Expr>;

// Structural equality, ignoring positions and checked types (for round-trip tests).
bool sameTree(const Expr &a, const Expr &b);

} // namespace sw::core::expr
