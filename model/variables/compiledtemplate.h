#pragma once

#include "model/variables/templateerror.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace Cuttle {

struct TemplateNode;
struct TemplateSymbol;

/// One step of a variable path: `.Name`, `[Literal]` or `[#{Nested}]`.
struct TemplateSymbolStep
{
    enum class Kind { Identifier, Index, SymbolIndex };
    Kind kind = Kind::Identifier;
    QString text;
    std::shared_ptr<const TemplateSymbol> symbol; ///< for SymbolIndex
};

/// A variable path such as `Endpoint[Web].Address`.
struct TemplateSymbol
{
    std::vector<TemplateSymbolStep> steps;
    QString toString() const;
};

/// One argument of a filter: literal text or a nested template token.
struct TemplateFilterOption
{
    QString text;
    std::shared_ptr<const TemplateNode> node; ///< set when the option is a `#{...}` token
    QString toString() const;
};

struct TemplateFilterCall
{
    QString name;
    std::vector<TemplateFilterOption> options;
};

/// `Symbol | Filter a "b" | Filter2`: the symbol is optional (`#{ | NowDate}`).
struct TemplateExpression
{
    std::optional<TemplateSymbol> symbol;
    std::vector<TemplateFilterCall> filters;
    QString toString() const;
};

/// A node of `#{calc ...}`: a number, a variable or a binary operation on two other nodes.
struct TemplateCalcNode
{
    enum class Kind { Number, Symbol, Operation };
    Kind kind = Kind::Number;
    double number = 0;
    TemplateSymbol symbol;
    QChar op;
    int left = -1;
    int right = -1;
};

/// One node of a parsed template.
struct TemplateNode
{
    enum class Kind { Text, Substitution, Conditional, Each, Calc };
    enum class Comparison { Truthy, EqualsText, NotEqualsText, EqualsSymbol, NotEqualsSymbol };

    Kind kind = Kind::Text;
    int line = 0;
    int column = 0;
    QString text;                  ///< Text: the literal; Calc: the source for echoing
    TemplateExpression expression; ///< Substitution
    // Conditional
    TemplateSymbol left;
    Comparison comparison = Comparison::Truthy;
    QString compareText;
    TemplateSymbol right;
    std::vector<TemplateNode> truthy;
    std::vector<TemplateNode> falsy;
    // Each
    QString enumerator;
    TemplateSymbol collection;
    std::vector<TemplateNode> body;
    // Calc
    std::vector<TemplateCalcNode> calc;
    int calcRoot = -1;

    QString toString() const;
};

/// A template parsed once and evaluated many times with TemplateEngine.
class CompiledTemplate final
{
public:
    CompiledTemplate() = default;
    CompiledTemplate(QString source, std::vector<TemplateNode> nodes, std::optional<TemplateError> error,
                     std::vector<TemplateError> problems = {});

    const QString &source() const { return m_source; }
    const std::vector<TemplateNode> &nodes() const { return m_nodes; }
    /// Set when the template could not be parsed; evaluating it then returns the source unchanged.
    const std::optional<TemplateError> &parseError() const { return m_error; }
    bool isValid() const { return !m_error.has_value(); }
    /// Problems that do not stop evaluation, e.g. an `#{if}` without `#{/if}` (then echoed as text).
    const std::vector<TemplateError> &problems() const { return m_problems; }
    /// True when the template holds no `#{` at all, so evaluation can return the source as is.
    bool isPlainText() const;

private:
    QString m_source;
    std::vector<TemplateNode> m_nodes;
    std::optional<TemplateError> m_error;
    std::vector<TemplateError> m_problems;
};

} // namespace Cuttle
