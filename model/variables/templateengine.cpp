#include "model/variables/templateengine.h"

#include "model/variables/orderedjson.h"
#include "model/variables/templatefilters.h"
#include "model/variables/templateparser.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QSet>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

struct Step
{
    bool identifier = true;
    QString text;
};
using Steps = std::vector<Step>;

QString canonical(const Steps &steps, size_t from = 0, size_t to = size_t(-1))
{
    QString key;
    to = std::min(to, steps.size());
    for (size_t i = from; i < to; ++i) {
        if (steps[i].identifier) {
            if (i > from)
                key += u'.';
            key += steps[i].text.toLower();
        } else {
            key += u'[' + steps[i].text.toLower() + u']';
        }
    }
    return key;
}

struct LoopScope
{
    QString enumerator; // lower case
    QString value;
    Steps prefix;       // where the item lives in the dictionary, empty for list and JSON items
    QString key;        // JSON object entries: .Key
    QString entryValue; // JSON object entries: .Value
    bool isObjectEntry = false;
    QString index, first, last;
};

struct Aborted
{
};

constexpr int maxValueNesting = 200;

class Evaluator final
{
public:
    Evaluator(const VariableDictionary &vars, const TemplateLimits &limits) : m_vars(vars), m_limits(limits) {}

    void run(const std::vector<TemplateNode> &nodes, QString &out);

    QList<TemplateError> errors;
    QStringList unresolved;
    bool aborted = false;

private:
    std::optional<Steps> concrete(const TemplateSymbol &symbol);
    std::optional<QString> resolve(const TemplateSymbol &symbol);
    std::optional<QString> resolveSteps(const Steps &steps, size_t scopeLimit);
    std::optional<QString> resolveGlobal(const Steps &steps);
    std::optional<QString> walkJson(const QString &text, const Steps &steps, size_t from);
    QString expandEntry(int index);
    QString expandText(const QString &text);
    std::optional<QString> calculate(const TemplateExpression &expr, bool &symbolMissing);
    std::optional<double> calcValue(const TemplateNode &node, int index, QString &missing);
    void each(const TemplateNode &node, QString &out);
    void append(QString &out, QStringView text);
    void noteUnresolved(const QString &text);
    [[noreturn]] void abort(const QString &message);

    const VariableDictionary &m_vars;
    TemplateLimits m_limits;
    std::vector<LoopScope> m_scopes;
    std::vector<int> m_stack;
    QHash<int, QString> m_expanded;
    QHash<int, std::shared_ptr<const CompiledTemplate>> m_compiled;
    QSet<QString> m_unresolvedSeen;
    qsizetype m_work = 0;
};

void Evaluator::abort(const QString &message)
{
    errors.append({message, 0, 0});
    aborted = true;
    throw Aborted{};
}

void Evaluator::append(QString &out, QStringView text)
{
    out += text;
    m_work += text.size();
    // Work is bounded as well as size, so that expansions thrown away by a filter cannot run forever.
    if (out.size() > m_limits.maxOutputChars || m_work > 4 * m_limits.maxOutputChars) {
        abort(QCoreApplication::translate("TemplateEngine",
                                          "The template expands to more than %1 characters; evaluation was stopped.")
                  .arg(m_limits.maxOutputChars));
    }
}

void Evaluator::noteUnresolved(const QString &text)
{
    if (!m_unresolvedSeen.contains(text)) {
        m_unresolvedSeen.insert(text);
        unresolved.append(text);
    }
}

std::optional<Steps> Evaluator::concrete(const TemplateSymbol &symbol)
{
    Steps steps;
    steps.reserve(symbol.steps.size());
    for (const TemplateSymbolStep &step : symbol.steps) {
        switch (step.kind) {
        case TemplateSymbolStep::Kind::Identifier:
            steps.push_back({true, step.text});
            break;
        case TemplateSymbolStep::Kind::Index:
            steps.push_back({false, step.text});
            break;
        case TemplateSymbolStep::Kind::SymbolIndex: {
            const auto index = resolve(*step.symbol);
            if (!index)
                return std::nullopt;
            steps.push_back({false, *index});
            break;
        }
        }
    }
    return steps;
}

std::optional<QString> Evaluator::resolve(const TemplateSymbol &symbol)
{
    const auto steps = concrete(symbol);
    if (!steps || steps->empty())
        return std::nullopt;
    return resolveSteps(*steps, m_scopes.size());
}

std::optional<QString> Evaluator::resolveSteps(const Steps &steps, size_t scopeLimit)
{
    // Loop variables shadow the dictionary, innermost loop first.
    for (size_t s = scopeLimit; s-- > 0;) {
        const LoopScope &scope = m_scopes[s];
        if (steps.size() == 4 && steps[0].identifier && steps[0].text.compare("Octopus"_L1, Qt::CaseInsensitive) == 0) {
            const QString key = canonical(steps);
            if (key == "octopus.template.each.index"_L1)
                return scope.index;
            if (key == "octopus.template.each.first"_L1)
                return scope.first;
            if (key == "octopus.template.each.last"_L1)
                return scope.last;
        }
        if (!steps[0].identifier || steps[0].text.toLower() != scope.enumerator)
            continue;
        if (steps.size() == 1)
            return expandText(scope.value);
        if (scope.isObjectEntry && steps[1].identifier) {
            const QString member = steps[1].text.toLower();
            if (member == "key"_L1 || member == "value"_L1) {
                const QString v = member == "key"_L1 ? scope.key : scope.entryValue;
                if (steps.size() == 2)
                    return v;
                if (auto walked = walkJson(v, steps, 2))
                    return walked;
                continue;
            }
        }
        if (!scope.prefix.empty()) {
            Steps rewritten = scope.prefix;
            rewritten.insert(rewritten.end(), steps.begin() + 1, steps.end());
            if (auto v = resolveSteps(rewritten, s))
                return v;
            continue;
        }
        if (auto walked = walkJson(expandText(scope.value), steps, 1))
            return walked;
    }
    return resolveGlobal(steps);
}

std::optional<QString> Evaluator::resolveGlobal(const Steps &steps)
{
    const int exact = m_vars.indexOfCanonical(canonical(steps));
    if (exact >= 0)
        return expandEntry(exact);
    // An explicitly defined full name wins; otherwise walk into the JSON of the longest defined prefix.
    for (size_t k = steps.size() - 1; k >= 1; --k) {
        const int index = m_vars.indexOfCanonical(canonical(steps, 0, k));
        if (index >= 0)
            return walkJson(expandEntry(index), steps, k);
    }
    return std::nullopt;
}

std::optional<QString> Evaluator::walkJson(const QString &text, const Steps &steps, size_t from)
{
    QString current = text;
    for (size_t i = from; i < steps.size(); ++i) {
        if (current.isEmpty() || steps[i].text.isEmpty())
            return std::nullopt;
        const auto json = OrderedJson::parse(current);
        if (!json)
            return std::nullopt;
        switch (json->type()) {
        case OrderedJson::Type::Array: {
            bool ok = false;
            const int index = steps[i].text.trimmed().toInt(&ok);
            if (!ok)
                return std::nullopt;
            current = index >= 0 && size_t(index) < json->items().size() ? json->items()[size_t(index)].toTemplateText()
                                                                         : QString();
            break;
        }
        case OrderedJson::Type::Object: {
            const OrderedJson *member = json->member(steps[i].text);
            current = member ? member->toTemplateText() : QString();
            break;
        }
        default:
            // A scalar JSON value answers every property with itself, as in the reference engine.
            current = json->toTemplateText();
            break;
        }
    }
    return current;
}

QString Evaluator::expandText(const QString &text)
{
    if (!text.contains(u'#'))
        return text;
    const CompiledTemplate compiled = TemplateParser::parse(text);
    if (!compiled.isValid())
        return text;
    QString out;
    run(compiled.nodes(), out);
    return out;
}

QString Evaluator::expandEntry(int index)
{
    const VariableDictionary::Entry &entry = m_vars.entryAt(index);
    if (!entry.value.contains(u'#'))
        return entry.value;
    const bool cacheable = m_scopes.empty();
    if (cacheable) {
        const auto cached = m_expanded.constFind(index);
        if (cached != m_expanded.constEnd())
            return *cached;
    }
    for (size_t i = 0; i < m_stack.size(); ++i) {
        if (m_stack[i] == index) {
            QStringList chain;
            for (size_t j = i; j < m_stack.size(); ++j)
                chain.append(m_vars.entryAt(m_stack[j]).name);
            chain.append(entry.name);
            abort(QCoreApplication::translate("TemplateEngine",
                                              "The variable %1 refers to itself through a self referencing loop (%2).")
                      .arg(entry.name, chain.join(" -> "_L1)));
        }
    }
    auto it = m_compiled.constFind(index);
    if (it == m_compiled.constEnd())
        it = m_compiled.insert(index, std::make_shared<const CompiledTemplate>(TemplateParser::parse(entry.value)));
    const std::shared_ptr<const CompiledTemplate> compiled = *it;
    if (!compiled->isValid())
        return entry.value;
    // Deep but acyclic chains (A1 -> A2 -> ... ) are bounded so that they cannot exhaust the stack.
    if (m_stack.size() >= size_t(maxValueNesting)) {
        abort(QCoreApplication::translate("TemplateEngine",
                                          "Variables refer to each other more than %1 levels deep (at %2).")
                  .arg(maxValueNesting)
                  .arg(entry.name));
    }
    m_stack.push_back(index);
    QString out;
    run(compiled->nodes(), out);
    m_stack.pop_back();
    if (cacheable)
        m_expanded.insert(index, out);
    return out;
}

std::optional<QString> Evaluator::calculate(const TemplateExpression &expr, bool &symbolMissing)
{
    std::optional<QString> value;
    symbolMissing = false;
    if (expr.symbol) {
        value = resolve(*expr.symbol);
        symbolMissing = !value.has_value();
    }
    for (const TemplateFilterCall &call : expr.filters) {
        QStringList options;
        options.reserve(qsizetype(call.options.size()));
        for (const TemplateFilterOption &option : call.options) {
            if (option.node) {
                QString text;
                run({*option.node}, text);
                options.append(text);
            } else {
                options.append(option.text);
            }
        }
        value = TemplateFilters::apply(call.name, value, options);
    }
    return value;
}

std::optional<double> Evaluator::calcValue(const TemplateNode &node, int index, QString &missing)
{
    const TemplateCalcNode &c = node.calc[size_t(index)];
    switch (c.kind) {
    case TemplateCalcNode::Kind::Number:
        return c.number;
    case TemplateCalcNode::Kind::Symbol: {
        const auto value = resolve(c.symbol);
        if (!value) {
            missing = c.symbol.toString();
            return std::nullopt;
        }
        bool ok = false;
        const double d = value->trimmed().toDouble(&ok);
        if (!ok) {
            missing = c.symbol.toString();
            return std::nullopt;
        }
        return d;
    }
    case TemplateCalcNode::Kind::Operation: {
        const auto l = calcValue(node, c.left, missing);
        if (!l)
            return std::nullopt;
        const auto r = calcValue(node, c.right, missing);
        if (!r)
            return std::nullopt;
        switch (c.op.unicode()) {
        case '+': return *l + *r;
        case '-': return *l - *r;
        case '*': return *l * *r;
        case '/': return *l / *r;
        }
        return std::nullopt;
    }
    }
    return std::nullopt;
}

void Evaluator::each(const TemplateNode &node, QString &out)
{
    std::vector<LoopScope> items;
    const QString enumerator = node.enumerator.toLower();
    auto steps = concrete(node.collection);
    if (!steps || steps->empty())
        return;
    // A loop item that lives in the dictionary lends its path to the collection.
    for (size_t s = m_scopes.size(); s-- > 0;) {
        const LoopScope &scope = m_scopes[s];
        if ((*steps)[0].identifier && (*steps)[0].text.toLower() == scope.enumerator && !scope.prefix.empty()) {
            Steps rewritten = scope.prefix;
            rewritten.insert(rewritten.end(), steps->begin() + 1, steps->end());
            *steps = std::move(rewritten);
            break;
        }
    }
    const QStringList keys = m_vars.indexKeys(canonical(*steps));
    if (!keys.isEmpty()) {
        for (const QString &key : keys) {
            LoopScope item;
            item.prefix = *steps;
            item.prefix.push_back({false, key});
            const int explicitIndex = m_vars.indexOfCanonical(canonical(item.prefix));
            item.value = explicitIndex >= 0 ? m_vars.entryAt(explicitIndex).value : key;
            items.push_back(std::move(item));
        }
    } else {
        const auto value = resolveSteps(*steps, m_scopes.size());
        if (!value)
            return;
        const auto json = OrderedJson::parse(*value);
        if (json && json->type() == OrderedJson::Type::Array) {
            for (const OrderedJson &element : json->items()) {
                LoopScope item;
                item.value = element.toTemplateText();
                items.push_back(std::move(item));
            }
        } else if (json && json->type() == OrderedJson::Type::Object) {
            for (const auto &[name, element] : json->members()) {
                LoopScope item;
                item.value = name;
                item.key = name;
                item.entryValue = element.toTemplateText();
                item.isObjectEntry = true;
                items.push_back(std::move(item));
            }
        } else {
            for (const QString &part : value->split(u','))
                items.push_back({QString(), part, {}, {}, {}, false, {}, {}, {}});
        }
    }
    for (size_t i = 0; i < items.size(); ++i) {
        LoopScope &item = items[i];
        item.enumerator = enumerator;
        item.index = QString::number(i);
        item.first = i == 0 ? u"True"_s : u"False"_s;
        item.last = i + 1 == items.size() ? u"True"_s : u"False"_s;
        m_scopes.push_back(std::move(item));
        try {
            run(node.body, out);
        } catch (...) {
            m_scopes.pop_back();
            throw;
        }
        m_scopes.pop_back();
    }
}

void Evaluator::run(const std::vector<TemplateNode> &nodes, QString &out)
{
    for (const TemplateNode &node : nodes) {
        switch (node.kind) {
        case TemplateNode::Kind::Text:
            append(out, node.text);
            break;
        case TemplateNode::Kind::Substitution: {
            bool symbolMissing = false;
            const auto value = calculate(node.expression, symbolMissing);
            if (value) {
                append(out, *value);
            } else {
                noteUnresolved(symbolMissing ? node.expression.symbol->toString() : node.expression.toString());
                append(out, node.toString());
            }
            break;
        }
        case TemplateNode::Kind::Conditional: {
            const QString left = resolve(node.left).value_or(QString());
            bool truth = false;
            switch (node.comparison) {
            case TemplateNode::Comparison::Truthy:
                truth = TemplateEngine::isTruthy(left);
                break;
            case TemplateNode::Comparison::EqualsText:
                truth = left == node.compareText;
                break;
            case TemplateNode::Comparison::NotEqualsText:
                truth = left != node.compareText;
                break;
            case TemplateNode::Comparison::EqualsSymbol:
                truth = left == resolve(node.right).value_or(QString());
                break;
            case TemplateNode::Comparison::NotEqualsSymbol:
                truth = left != resolve(node.right).value_or(QString());
                break;
            }
            run(truth ? node.truthy : node.falsy, out);
            break;
        }
        case TemplateNode::Kind::Each:
            each(node, out);
            break;
        case TemplateNode::Kind::Calc: {
            QString missing;
            const auto value = calcValue(node, node.calcRoot, missing);
            if (!value) {
                noteUnresolved(missing);
                append(out, node.text);
            } else if (std::isinf(*value)) {
                append(out, *value > 0 ? u"\u221E"_s : u"-\u221E"_s);
            } else if (std::isnan(*value)) {
                append(out, u"NaN");
            } else {
                append(out, QString::number(*value, 'g', QLocale::FloatingPointShortest));
            }
            break;
        }
        }
    }
}

} // namespace

CompiledTemplate TemplateEngine::compile(const QString &templateText)
{
    return TemplateParser::parse(templateText);
}

EvaluationResult TemplateEngine::evaluate(const QString &templateText, const VariableDictionary &variables,
                                          const TemplateLimits &limits)
{
    return evaluate(TemplateParser::parse(templateText), variables, limits);
}

EvaluationResult TemplateEngine::evaluate(const CompiledTemplate &compiled, const VariableDictionary &variables,
                                          const TemplateLimits &limits)
{
    EvaluationResult result;
    if (!compiled.isValid()) {
        result.text = compiled.source();
        result.errors.append(*compiled.parseError());
        return result;
    }
    Evaluator evaluator(variables, limits);
    QString out;
    out.reserve(compiled.source().size());
    try {
        evaluator.run(compiled.nodes(), out);
    } catch (const Aborted &) {
        // As in the reference engine, a template that cannot be evaluated is returned unchanged.
        out = compiled.source();
    } catch (const std::bad_alloc &) {
        out = compiled.source();
        evaluator.errors.append(
            {QCoreApplication::translate("TemplateEngine", "The template needs more memory than is available."), 0, 0});
    }
    result.text = std::move(out);
    for (const TemplateError &problem : compiled.problems())
        result.errors.append(problem);
    result.errors.append(evaluator.errors);
    result.unresolved = evaluator.unresolved;
    return result;
}

bool TemplateEngine::isTruthy(const QString &value)
{
    if (value.isEmpty() || value == "0"_L1)
        return false;
    const QString trimmed = value.trimmed();
    return trimmed.compare("no"_L1, Qt::CaseInsensitive) != 0 && trimmed.compare("false"_L1, Qt::CaseInsensitive) != 0;
}

} // namespace Cuttle
