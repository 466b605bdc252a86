#include "model/variables/templateparser.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

enum class BodyMode { Top, IfBody, Template };

class Parser final
{
public:
    explicit Parser(const QString &source) : m_src(source), m_s(source.constData()), m_n(int(source.size())) {}

    std::vector<TemplateNode> nodes(int &p, BodyMode mode);
    std::optional<TemplateSymbol> symbol(int &p);

    bool fatal() const { return m_fatal; }
    const QString &fatalReason() const { return m_fatalReason; }
    int fatalPos() const { return m_fatalPos; }
    int failPos() const { return m_failPos; }
    const QString &failReason() const { return m_failReason; }
    int size() const { return m_n; }
    bool startsWith(int at, QLatin1StringView lit) const
    {
        if (at + int(lit.size()) > m_n)
            return false;
        for (int i = 0; i < int(lit.size()); ++i)
            if (m_s[at + i] != QLatin1Char(lit[i]))
                return false;
        return true;
    }

private:
    bool startsWithCi(int at, QLatin1StringView lit) const
    {
        if (at + int(lit.size()) > m_n)
            return false;
        for (int i = 0; i < int(lit.size()); ++i)
            if (m_s[at + i].toLower() != QLatin1Char(lit[i]))
                return false;
        return true;
    }
    void skipWs(int &p) const
    {
        while (p < m_n && m_s[p].isSpace())
            ++p;
    }
    void fail(int at, const QString &reason)
    {
        if (at >= m_failPos) {
            m_failPos = at;
            m_failReason = reason;
        }
    }
    bool enter(int at)
    {
        if (++m_depth > TemplateParser::maxNestingDepth()) {
            if (!m_fatal) {
                m_fatal = true;
                m_fatalPos = at;
                m_fatalReason = QCoreApplication::translate(
                    "TemplateParser", "blocks, substitutions or brackets are nested more than %1 levels deep")
                                    .arg(TemplateParser::maxNestingDepth());
            }
            --m_depth;
            return false;
        }
        return true;
    }
    void leave() { --m_depth; }

    static bool isIdentChar(QChar c, bool allowWs)
    {
        return c.isLetterOrNumber() || (allowWs && c.isSpace()) || c == u'_' || c == u'-' || c == u':' || c == u'/'
            || c == u'~' || c == u'(' || c == u')';
    }
    bool keywordAfterWhitespace(int p) const
    {
        for (QLatin1StringView kw : {"in"_L1, "=="_L1, "!="_L1}) {
            const int len = int(kw.size());
            if (m_n <= p + len)
                continue;
            if (!m_s[p + len].isSpace())
                continue;
            if (startsWith(p, kw))
                return true;
        }
        return false;
    }

    std::optional<QString> identifier(int &p, bool allowWs);
    bool indexer(int &p, TemplateSymbolStep &step);
    bool quoted(int &p, QString &text);
    bool expression(int &p, TemplateExpression &expr);
    bool substitution(int &p, TemplateNode &node);
    bool conditional(int &p, TemplateNode &node);
    bool each(int &p, TemplateNode &node);
    bool calc(int &p, TemplateNode &node);
    int calcAdditive(int &p, TemplateNode &node);
    int calcTerm(int &p, TemplateNode &node);
    int calcFactor(int &p, TemplateNode &node);
    bool token(int &p, TemplateNode &node, bool allowCalc);
    void setPosition(TemplateNode &node, int p) const;

    const QString &m_src;
    const QChar *m_s;
    int m_n;
    int m_depth = 0;
    bool m_fatal = false;
    int m_fatalPos = 0;
    QString m_fatalReason;
    int m_failPos = -1;
    QString m_failReason;
    QSet<int> m_failedBlocks;
    mutable int m_lineCachePos = 0;
    mutable int m_lineCacheLine = 1;
    mutable int m_lineCacheStart = 0;
};

void Parser::setPosition(TemplateNode &node, int p) const
{
    // Positions are asked for in (mostly) increasing order, so counting resumes from the last one.
    if (p < m_lineCachePos) {
        m_lineCachePos = 0;
        m_lineCacheLine = 1;
        m_lineCacheStart = 0;
    }
    const int end = std::min(p, m_n);
    for (int i = m_lineCachePos; i < end;) {
        // indexOf scans many characters at a time; a large template has few lines per token.
        const qsizetype newline = QStringView(m_s + i, end - i).indexOf(u'\n');
        if (newline < 0)
            break;
        i += int(newline) + 1;
        ++m_lineCacheLine;
        m_lineCacheStart = i;
    }
    m_lineCachePos = p;
    node.line = m_lineCacheLine;
    node.column = p - m_lineCacheStart + 1;
}

std::optional<QString> Parser::identifier(int &p, bool allowWs)
{
    const int start = p;
    while (p < m_n) {
        const QChar c = m_s[p];
        if (!isIdentChar(c, allowWs))
            break;
        if (c.isSpace()) {
            if (p + 1 < m_n && (m_s[p + 1] == u'|' || m_s[p + 1] == u'}'))
                break;
            if (keywordAfterWhitespace(p + 1))
                break;
        }
        ++p;
    }
    const QStringView text = QStringView(m_s + start, p - start).trimmed();
    if (text.isEmpty()) {
        p = start;
        fail(p, QCoreApplication::translate("TemplateParser", "a variable name was expected"));
        return std::nullopt;
    }
    return text.toString();
}

bool Parser::indexer(int &p, TemplateSymbolStep &step)
{
    // p is at '['
    int q = p + 1;
    skipWs(q);
    if (startsWith(q, "#{"_L1) && !startsWith(q, "#{/"_L1)) {
        TemplateNode inner;
        int r = q;
        if (substitution(r, inner) && inner.expression.filters.empty() && inner.expression.symbol) {
            skipWs(r);
            if (r < m_n && m_s[r] == u']') {
                step.kind = TemplateSymbolStep::Kind::SymbolIndex;
                step.symbol = std::make_shared<const TemplateSymbol>(*inner.expression.symbol);
                p = r + 1;
                return true;
            }
        }
        if (m_fatal)
            return false;
    }
    // A literal index may hold balanced brackets; counted iteratively so deep nesting cannot overflow.
    int level = 1;
    int r = p + 1;
    while (r < m_n) {
        if (m_s[r] == u'[')
            ++level;
        else if (m_s[r] == u']' && --level == 0)
            break;
        ++r;
    }
    if (r >= m_n) {
        fail(p, QCoreApplication::translate("TemplateParser", "'[' is not closed by ']'"));
        return false;
    }
    step.kind = TemplateSymbolStep::Kind::Index;
    step.text = m_src.mid(p + 1, r - p - 1).trimmed();
    p = r + 1;
    return true;
}

std::optional<TemplateSymbol> Parser::symbol(int &p)
{
    auto first = identifier(p, true);
    if (!first)
        return std::nullopt;
    TemplateSymbol sym;
    sym.steps.push_back({TemplateSymbolStep::Kind::Identifier, *first, {}});
    while (p < m_n && !m_fatal) {
        if (m_s[p] == u'.') {
            int q = p + 1;
            auto id = identifier(q, true);
            if (!id)
                break;
            sym.steps.push_back({TemplateSymbolStep::Kind::Identifier, *id, {}});
            p = q;
        } else if (m_s[p] == u'[') {
            int q = p;
            TemplateSymbolStep step;
            if (!indexer(q, step))
                break;
            sym.steps.push_back(std::move(step));
            p = q;
        } else {
            break;
        }
    }
    return sym;
}

bool Parser::quoted(int &p, QString &text)
{
    if (p < m_n && m_s[p] == u'"') {
        int q = p + 1;
        while (q < m_n && m_s[q] != u'"' && m_s[q] != u'#')
            ++q;
        if (q < m_n && m_s[q] == u'"') {
            text = m_src.mid(p + 1, q - p - 1);
            p = q + 1;
            return true;
        }
        fail(q, QCoreApplication::translate("TemplateParser", "a quoted argument is not closed"));
        return false;
    }
    if (startsWith(p, "\\\""_L1)) {
        const int end = int(m_src.indexOf("\\\""_L1, p + 2));
        if (end < 0) {
            fail(p, QCoreApplication::translate("TemplateParser", "a quoted argument is not closed"));
            return false;
        }
        text = m_src.mid(p + 2, end - p - 2);
        p = end + 2;
        return true;
    }
    return false;
}

bool Parser::expression(int &p, TemplateExpression &expr)
{
    int q = p;
    skipWs(q);
    if (q < m_n && m_s[q] != u'|') {
        int r = q;
        auto sym = symbol(r);
        if (sym) {
            expr.symbol = std::move(*sym);
            q = r;
            skipWs(q);
        }
    }
    while (q < m_n && m_s[q] == u'|' && !m_fatal) {
        int r = q + 1;
        skipWs(r);
        auto name = identifier(r, false);
        if (!name) {
            fail(r, QCoreApplication::translate("TemplateParser", "a filter name was expected after '|'"));
            return false;
        }
        TemplateFilterCall call;
        call.name = *name;
        for (;;) {
            int o = r;
            skipWs(o);
            TemplateFilterOption option;
            if (startsWith(o, "#{"_L1)) {
                TemplateNode node;
                if (!token(o, node, false))
                    break;
                option.node = std::make_shared<const TemplateNode>(std::move(node));
            } else if (quoted(o, option.text)) {
            } else if (o < m_n && isIdentChar(m_s[o], false)) {
                auto word = identifier(o, false);
                if (!word)
                    break;
                option.text = *word;
            } else {
                break;
            }
            call.options.push_back(std::move(option));
            r = o;
        }
        expr.filters.push_back(std::move(call));
        q = r;
        skipWs(q);
    }
    if (!expr.symbol && expr.filters.empty())
        return false;
    p = q;
    return true;
}

bool Parser::substitution(int &p, TemplateNode &node)
{
    if (!startsWith(p, "#{"_L1) || startsWith(p, "#{/"_L1))
        return false;
    if (!enter(p))
        return false;
    int q = p + 2;
    TemplateExpression expr;
    const bool ok = expression(q, expr);
    leave();
    if (!ok)
        return false;
    skipWs(q);
    if (q >= m_n || m_s[q] != u'}') {
        fail(q, QCoreApplication::translate("TemplateParser", "'}' was expected"));
        return false;
    }
    node.kind = TemplateNode::Kind::Substitution;
    node.expression = std::move(expr);
    setPosition(node, p);
    p = q + 1;
    return true;
}

bool Parser::conditional(int &p, TemplateNode &node)
{
    int q = p + 2;
    skipWs(q);
    QLatin1StringView keyword;
    if (startsWithCi(q, "if"_L1))
        keyword = "if"_L1;
    else if (startsWithCi(q, "unless"_L1))
        keyword = "unless"_L1;
    else
        return false;
    q += int(keyword.size());
    if (q >= m_n || !m_s[q].isSpace())
        return false;
    if (m_failedBlocks.contains(p))
        return false;
    skipWs(q);
    TemplateNode out;
    auto left = symbol(q);
    if (!left)
        return false;
    out.left = std::move(*left);
    skipWs(q);
    if (startsWith(q, "=="_L1) || startsWith(q, "!="_L1)) {
        const bool equals = m_s[q] == u'=';
        q += 2;
        skipWs(q);
        if (quoted(q, out.compareText)) {
            out.comparison = equals ? TemplateNode::Comparison::EqualsText : TemplateNode::Comparison::NotEqualsText;
        } else if (auto right = symbol(q)) {
            out.right = std::move(*right);
            out.comparison = equals ? TemplateNode::Comparison::EqualsSymbol : TemplateNode::Comparison::NotEqualsSymbol;
        } else {
            return false;
        }
        skipWs(q);
    }
    if (q >= m_n || m_s[q] != u'}') {
        fail(q, QCoreApplication::translate("TemplateParser", "'}' was expected"));
        return false;
    }
    ++q;
    if (!enter(p))
        return false;
    out.truthy = nodes(q, BodyMode::IfBody);
    if (!m_fatal && startsWith(q, "#{else}"_L1)) {
        q += 7;
        out.falsy = nodes(q, BodyMode::Template);
    }
    leave();
    if (m_fatal)
        return false;
    const QString end = "#{/"_L1 + keyword + u'}';
    if (!m_src.mid(q, end.size()).startsWith(end)) {
        fail(q, QCoreApplication::translate("TemplateParser", "'%1' was expected").arg(end));
        m_failedBlocks.insert(p);
        return false;
    }
    if (keyword == "unless"_L1)
        std::swap(out.truthy, out.falsy);
    out.kind = TemplateNode::Kind::Conditional;
    setPosition(out, p);
    node = std::move(out);
    p = q + int(end.size());
    return true;
}

bool Parser::each(int &p, TemplateNode &node)
{
    int q = p + 2;
    skipWs(q);
    if (!startsWithCi(q, "each"_L1))
        return false;
    q += 4;
    if (q >= m_n || !m_s[q].isSpace())
        return false;
    if (m_failedBlocks.contains(p))
        return false;
    skipWs(q);
    TemplateNode out;
    auto enumerator = identifier(q, true);
    if (!enumerator)
        return false;
    out.enumerator = *enumerator;
    skipWs(q);
    if (!startsWithCi(q, "in"_L1))
        return false;
    q += 2;
    skipWs(q);
    auto collection = symbol(q);
    if (!collection)
        return false;
    out.collection = std::move(*collection);
    skipWs(q);
    if (q >= m_n || m_s[q] != u'}') {
        fail(q, QCoreApplication::translate("TemplateParser", "'}' was expected"));
        return false;
    }
    ++q;
    if (!enter(p))
        return false;
    out.body = nodes(q, BodyMode::Template);
    leave();
    if (m_fatal)
        return false;
    if (!startsWith(q, "#{/each}"_L1)) {
        fail(q, QCoreApplication::translate("TemplateParser", "'#{/each}' was expected"));
        m_failedBlocks.insert(p);
        return false;
    }
    out.kind = TemplateNode::Kind::Each;
    setPosition(out, p);
    node = std::move(out);
    p = q + 8;
    return true;
}

int Parser::calcFactor(int &p, TemplateNode &node)
{
    skipWs(p);
    if (p >= m_n)
        return -1;
    if (m_s[p] == u'(') {
        if (!enter(p))
            return -1;
        int q = p + 1;
        const int inner = calcAdditive(q, node);
        leave();
        skipWs(q);
        if (inner < 0 || q >= m_n || m_s[q] != u')')
            return -1;
        p = q + 1;
        return inner;
    }
    const int start = p;
    int q = p;
    bool numeric = true;
    while (q < m_n) {
        const QChar c = m_s[q];
        if (c == u'[') {
            int level = 1;
            ++q;
            while (q < m_n && level > 0) {
                if (m_s[q] == u'[')
                    ++level;
                else if (m_s[q] == u']')
                    --level;
                ++q;
            }
            numeric = false;
            continue;
        }
        if (!(c.isLetterOrNumber() || c == u'_' || c == u'.' || c == u':' || c == u'~'))
            break;
        if (!(c.isDigit() || c == u'.'))
            numeric = false;
        ++q;
    }
    if (q == start)
        return -1;
    const QString text = m_src.mid(start, q - start);
    TemplateCalcNode calcNode;
    if (numeric) {
        bool ok = false;
        calcNode.number = text.toDouble(&ok);
        if (!ok)
            return -1;
        calcNode.kind = TemplateCalcNode::Kind::Number;
    } else {
        auto sym = TemplateParser::parseSymbol(text);
        if (!sym)
            return -1;
        calcNode.kind = TemplateCalcNode::Kind::Symbol;
        calcNode.symbol = std::move(*sym);
    }
    p = q;
    node.calc.push_back(std::move(calcNode));
    return int(node.calc.size()) - 1;
}

int Parser::calcTerm(int &p, TemplateNode &node)
{
    int left = calcFactor(p, node);
    while (left >= 0) {
        int q = p;
        skipWs(q);
        if (q >= m_n || (m_s[q] != u'*' && m_s[q] != u'/'))
            break;
        const QChar op = m_s[q];
        ++q;
        const int right = calcFactor(q, node);
        if (right < 0)
            return -1;
        node.calc.push_back({TemplateCalcNode::Kind::Operation, 0, {}, op, left, right});
        left = int(node.calc.size()) - 1;
        p = q;
    }
    return left;
}

int Parser::calcAdditive(int &p, TemplateNode &node)
{
    int left = calcTerm(p, node);
    while (left >= 0) {
        int q = p;
        skipWs(q);
        if (q >= m_n || (m_s[q] != u'+' && m_s[q] != u'-'))
            break;
        const QChar op = m_s[q];
        ++q;
        const int right = calcTerm(q, node);
        if (right < 0)
            return -1;
        node.calc.push_back({TemplateCalcNode::Kind::Operation, 0, {}, op, left, right});
        left = int(node.calc.size()) - 1;
        p = q;
    }
    return left;
}

bool Parser::calc(int &p, TemplateNode &node)
{
    int q = p + 2;
    skipWs(q);
    if (!startsWithCi(q, "calc"_L1))
        return false;
    q += 4;
    if (q >= m_n || !m_s[q].isSpace())
        return false;
    TemplateNode out;
    out.calcRoot = calcAdditive(q, out);
    if (out.calcRoot < 0)
        return false;
    skipWs(q);
    if (q >= m_n || m_s[q] != u'}') {
        fail(q, QCoreApplication::translate("TemplateParser", "'}' was expected"));
        return false;
    }
    ++q;
    out.kind = TemplateNode::Kind::Calc;
    out.text = m_src.mid(p, q - p);
    setPosition(out, p);
    node = std::move(out);
    p = q;
    return true;
}

bool Parser::token(int &p, TemplateNode &node, bool allowCalc)
{
    // Same order of alternatives as the reference grammar; a block without its end falls back
    // to being read as a plain substitution, exactly as there.
    int q = p;
    if (conditional(q, node)) {
        p = q;
        return true;
    }
    if (m_fatal)
        return false;
    q = p;
    if (each(q, node)) {
        p = q;
        return true;
    }
    if (m_fatal)
        return false;
    if (allowCalc) {
        q = p;
        if (calc(q, node)) {
            p = q;
            return true;
        }
        if (m_fatal)
            return false;
    }
    q = p;
    if (substitution(q, node)) {
        p = q;
        return true;
    }
    return false;
}

std::vector<TemplateNode> Parser::nodes(int &p, BodyMode mode)
{
    std::vector<TemplateNode> out;
    if (mode == BodyMode::Top) {
        // Every token adds at most itself and the text before it. Reserving for that up front
        // spares moving the (large) nodes on every growth of a template with many tokens.
        qsizetype tokens = 0;
        for (qsizetype at = m_src.indexOf(u'#', p); at >= 0 && at + 1 < m_n; at = m_src.indexOf(u'#', at + 1)) {
            if (m_s[at + 1] == u'{')
                ++tokens;
        }
        out.reserve(size_t(2 * tokens + 1));
    }
    QString text;
    auto flush = [&] {
        if (!text.isEmpty()) {
            TemplateNode t;
            t.kind = TemplateNode::Kind::Text;
            t.text = std::move(text);
            out.push_back(std::move(t));
            text.clear();
        }
    };
    while (p < m_n && !m_fatal) {
        const int hash = int(m_src.indexOf(u'#', p));
        if (hash < 0) {
            text += QStringView(m_s + p, m_n - p);
            p = m_n;
            break;
        }
        if (hash > p) {
            text += QStringView(m_s + p, hash - p);
            p = hash;
        }
        if (startsWith(p, "#{"_L1)) {
            if (mode == BodyMode::IfBody && startsWith(p, "#{else}"_L1))
                break;
            if (startsWith(p, "#{/"_L1))
                break;
            // The token is parsed in place: a node is large, and moving each one costs.
            flush();
            TemplateNode &node = out.emplace_back();
            int q = p;
            if (!token(q, node, true)) {
                out.pop_back();
                break;
            }
            p = q;
            continue;
        }
        // The reference grammar's escapes, tried in its order.
        if (startsWith(p, "##"_L1) && p + 2 < m_n - 2 && startsWith(p + 2, "#{"_L1)) {
            text += u'#';
            p += 2;
        } else if (startsWith(p, "##{"_L1)) {
            text += "#{"_L1;
            p += 3;
        } else if (p + 1 >= m_n) {
            text += u'#';
            p += 1;
        } else {
            text += u'#';
            text += m_s[p + 1];
            p += 2;
        }
    }
    flush();
    return out;
}

TemplateError errorAt(const QString &source, int pos, const QString &reason)
{
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < pos && i < source.size(); ++i) {
        if (source.at(i) == u'\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    const int column = pos - lineStart + 1;
    return {QCoreApplication::translate("TemplateParser", "The template cannot be parsed at line %1, column %2: %3.")
                .arg(line)
                .arg(column)
                .arg(reason),
            line, column};
}

void collectUnclosedBlocks(const std::vector<TemplateNode> &nodes, std::vector<TemplateError> &problems)
{
    for (const TemplateNode &node : nodes) {
        switch (node.kind) {
        case TemplateNode::Kind::Substitution: {
            if (!node.expression.symbol || node.expression.symbol->steps.empty())
                break;
            const QString &first = node.expression.symbol->steps.front().text;
            for (QLatin1StringView keyword : {"if"_L1, "unless"_L1, "each"_L1}) {
                if (first.size() > keyword.size() && first.at(keyword.size()).isSpace()
                    && first.startsWith(keyword, Qt::CaseInsensitive)) {
                    problems.push_back(
                        {QCoreApplication::translate("TemplateParser",
                                                     "'%1' at line %2, column %3 has no matching '#{/%4}' and was "
                                                     "left as text.")
                             .arg(node.toString())
                             .arg(node.line)
                             .arg(node.column)
                             .arg(keyword),
                         node.line, node.column});
                    break;
                }
            }
            break;
        }
        case TemplateNode::Kind::Conditional:
            collectUnclosedBlocks(node.truthy, problems);
            collectUnclosedBlocks(node.falsy, problems);
            break;
        case TemplateNode::Kind::Each:
            collectUnclosedBlocks(node.body, problems);
            break;
        default:
            break;
        }
    }
}

} // namespace

CompiledTemplate TemplateParser::parse(const QString &source)
{
    Parser parser(source);
    int p = 0;
    std::vector<TemplateNode> nodes = parser.nodes(p, BodyMode::Top);
    if (parser.fatal())
        return CompiledTemplate(source, {}, errorAt(source, parser.fatalPos(), parser.fatalReason()));
    if (p < parser.size()) {
        QString reason;
        if (parser.startsWith(p, "#{/"_L1)) {
            const int close = int(source.indexOf(u'}', p));
            reason = QCoreApplication::translate("TemplateParser", "'%1' closes a block that was never opened")
                         .arg(close < 0 ? source.mid(p, 3) : source.mid(p, close - p + 1));
        } else if (parser.failPos() >= p) {
            reason = QCoreApplication::translate("TemplateParser", "the expression starting here is not valid (%1)")
                         .arg(parser.failReason());
        } else {
            reason = QCoreApplication::translate("TemplateParser", "the expression starting here is not valid");
        }
        return CompiledTemplate(source, {}, errorAt(source, p, reason));
    }
    std::vector<TemplateError> problems;
    collectUnclosedBlocks(nodes, problems);
    return CompiledTemplate(source, std::move(nodes), std::nullopt, std::move(problems));
}

std::optional<TemplateSymbol> TemplateParser::parseSymbol(const QString &path)
{
    Parser parser(path);
    int p = 0;
    auto sym = parser.symbol(p);
    if (!sym || p != parser.size() || parser.fatal())
        return std::nullopt;
    return sym;
}

} // namespace Cuttle
