#include "model/variables/compiledtemplate.h"

namespace Cuttle {

QString TemplateSymbol::toString() const
{
    QString out;
    for (const TemplateSymbolStep &step : steps) {
        switch (step.kind) {
        case TemplateSymbolStep::Kind::Identifier:
            if (!out.isEmpty())
                out += u'.';
            out += step.text;
            break;
        case TemplateSymbolStep::Kind::Index:
            out += u'[' + step.text + u']';
            break;
        case TemplateSymbolStep::Kind::SymbolIndex:
            out += QStringLiteral("[#{") + (step.symbol ? step.symbol->toString() : QString()) + QStringLiteral("}]");
            break;
        }
    }
    return out;
}

QString TemplateFilterOption::toString() const
{
    if (node)
        return node->toString();
    return u'"' + text + u'"';
}

QString TemplateExpression::toString() const
{
    // Mirrors how the reference engine prints an expression it could not evaluate.
    QString out = symbol ? symbol->toString() : QString();
    for (const TemplateFilterCall &call : filters) {
        out += QStringLiteral(" | ") + call.name;
        for (const TemplateFilterOption &option : call.options)
            out += u' ' + option.toString();
    }
    return out;
}

QString TemplateNode::toString() const
{
    switch (kind) {
    case Kind::Text:
        return text;
    case Kind::Substitution:
        return QStringLiteral("#{") + expression.toString() + u'}';
    case Kind::Calc:
        return text;
    case Kind::Conditional:
    case Kind::Each:
        break;
    }
    return text;
}

CompiledTemplate::CompiledTemplate(QString source, std::vector<TemplateNode> nodes, std::optional<TemplateError> error,
                                   std::vector<TemplateError> problems)
    : m_source(std::move(source)), m_nodes(std::move(nodes)), m_error(std::move(error)), m_problems(std::move(problems))
{
}

bool CompiledTemplate::isPlainText() const
{
    return !m_error && (m_nodes.empty() || (m_nodes.size() == 1 && m_nodes.front().kind == TemplateNode::Kind::Text));
}

} // namespace Cuttle
