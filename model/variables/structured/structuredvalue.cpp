#include "model/variables/structured/structuredvalue.h"

#include "model/variables/structured/jsonlexer.h"
#include "model/variables/structured/yamlscalarwriter.h"

namespace Cuttle {

/// Builds a StructuredValue from JSON text with JsonLexer.
class StructuredValueParser final
{
public:
    explicit StructuredValueParser(const QByteArray &text)
        : m_text(text), m_lexer(text.constData(), text.size(), false)
    {}

    std::optional<StructuredValue> parse()
    {
        StructuredValue value;
        if (!m_lexer.skipTrivia() || !parseValue(value, 0) || !m_lexer.skipTrivia() ||
            !m_lexer.atEnd())
            return std::nullopt;
        return value;
    }

private:
    bool parseValue(StructuredValue &value, int depth)
    {
        if (depth > 256)
            return false;
        const qsizetype start = m_lexer.pos();
        switch (m_lexer.peek()) {
        case '{': {
            value.m_kind = StructuredValue::Kind::Object;
            m_lexer.setPos(start + 1);
            if (!m_lexer.skipTrivia())
                return false;
            if (m_lexer.peek() == '}') {
                m_lexer.setPos(m_lexer.pos() + 1);
                return true;
            }
            for (;;) {
                const qsizetype keyStart = m_lexer.pos();
                if (m_lexer.peek() != '"' || !m_lexer.scanString())
                    return false;
                QByteArray key = m_text.mid(keyStart, m_lexer.pos() - keyStart);
                if (!m_lexer.skipTrivia() || m_lexer.peek() != ':')
                    return false;
                m_lexer.setPos(m_lexer.pos() + 1);
                StructuredValue child;
                if (!m_lexer.skipTrivia() || !parseValue(child, depth + 1) || !m_lexer.skipTrivia())
                    return false;
                value.m_members.emplace_back(std::move(key), std::move(child));
                const char next = m_lexer.peek();
                m_lexer.setPos(m_lexer.pos() + 1);
                if (next == '}')
                    return true;
                if (next != ',' || !m_lexer.skipTrivia())
                    return false;
            }
        }
        case '[': {
            value.m_kind = StructuredValue::Kind::Array;
            m_lexer.setPos(start + 1);
            if (!m_lexer.skipTrivia())
                return false;
            if (m_lexer.peek() == ']') {
                m_lexer.setPos(m_lexer.pos() + 1);
                return true;
            }
            for (;;) {
                StructuredValue child;
                if (!parseValue(child, depth + 1) || !m_lexer.skipTrivia())
                    return false;
                value.m_items.push_back(std::move(child));
                const char next = m_lexer.peek();
                m_lexer.setPos(m_lexer.pos() + 1);
                if (next == ']')
                    return true;
                if (next != ',' || !m_lexer.skipTrivia())
                    return false;
            }
        }
        case '"':
            value.m_kind = StructuredValue::Kind::String;
            if (!m_lexer.scanString())
                return false;
            break;
        case 't':
        case 'f':
            value.m_kind = StructuredValue::Kind::Bool;
            if (!m_lexer.scanLiteral())
                return false;
            break;
        case 'n':
            value.m_kind = StructuredValue::Kind::Null;
            if (!m_lexer.scanLiteral())
                return false;
            break;
        default:
            value.m_kind = StructuredValue::Kind::Number;
            if (!m_lexer.scanNumber())
                return false;
        }
        value.m_token = m_text.mid(start, m_lexer.pos() - start);
        if (value.m_kind == StructuredValue::Kind::Bool && value.m_token == "null")
            value.m_kind = StructuredValue::Kind::Null;
        if (value.m_kind == StructuredValue::Kind::Null && value.m_token != "null")
            return false;
        return true;
    }

    const QByteArray &m_text;
    JsonLexer m_lexer;
};

std::optional<StructuredValue> StructuredValue::parseCollection(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (!trimmed.startsWith(QLatin1Char('{')) && !trimmed.startsWith(QLatin1Char('[')))
        return std::nullopt;
    const QByteArray utf8 = trimmed.toUtf8();
    return StructuredValueParser(utf8).parse();
}

QByteArray StructuredValue::toJson(const JsonStyle &style) const
{
    if (!isCollection())
        return m_token;
    const bool object = m_kind == Kind::Object;
    if (isEmptyCollection())
        return object ? QByteArrayLiteral("{}") : QByteArrayLiteral("[]");
    JsonStyle inner = style;
    inner.indent += style.unit;
    QByteArray out(1, object ? '{' : '[');
    const qsizetype count = object ? qsizetype(m_members.size()) : qsizetype(m_items.size());
    for (qsizetype i = 0; i < count; ++i) {
        if (style.pretty)
            out += style.newline + inner.indent;
        if (object) {
            out += m_members[size_t(i)].first;
            out += style.pretty || style.spaced ? ": " : ":";
            out += m_members[size_t(i)].second.toJson(inner);
        } else {
            out += m_items[size_t(i)].toJson(inner);
        }
        if (i + 1 < count)
            out += style.pretty || !style.spaced ? "," : ", ";
    }
    if (style.pretty)
        out += style.newline + style.indent;
    out += object ? '}' : ']';
    return out;
}

QByteArray StructuredValue::yamlScalar(bool flow) const
{
    switch (m_kind) {
    case Kind::String:
        return YamlScalarWriter::plainOrDoubleQuoted(
            JsonLexer::decodeString(m_token.constData(), m_token.size()), flow);
    case Kind::Object:
    case Kind::Array:
        return toYamlFlow();
    default:
        return m_token;
    }
}

QByteArray StructuredValue::toYamlFlow() const
{
    if (!isCollection())
        return yamlScalar(true);
    const bool object = m_kind == Kind::Object;
    QByteArray out(1, object ? '{' : '[');
    const size_t count = object ? m_members.size() : m_items.size();
    for (size_t i = 0; i < count; ++i) {
        if (i > 0)
            out += ", ";
        if (object) {
            const QByteArray &key = m_members[i].first;
            out += YamlScalarWriter::plainOrDoubleQuoted(
                JsonLexer::decodeString(key.constData(), key.size()), true);
            out += ": ";
            out += m_members[i].second.toYamlFlow();
        } else {
            out += m_items[i].toYamlFlow();
        }
    }
    out += object ? '}' : ']';
    return out;
}

QByteArray StructuredValue::toYamlBlock(int column, int unit, const QByteArray &newline) const
{
    if (!isCollection() || isEmptyCollection())
        return yamlScalar(false);
    const QByteArray lineStart = newline + QByteArray(column, ' ');
    QByteArray out;
    if (m_kind == Kind::Object) {
        for (size_t i = 0; i < m_members.size(); ++i) {
            if (i > 0)
                out += lineStart;
            const QByteArray &key = m_members[i].first;
            out += YamlScalarWriter::plainOrDoubleQuoted(
                JsonLexer::decodeString(key.constData(), key.size()), false);
            out += ':';
            const StructuredValue &child = m_members[i].second;
            if (child.isCollection() && !child.isEmptyCollection()) {
                out += newline + QByteArray(column + unit, ' ');
                out += child.toYamlBlock(column + unit, unit, newline);
            } else {
                out += ' ' + child.yamlScalar(false);
            }
        }
    } else {
        for (size_t i = 0; i < m_items.size(); ++i) {
            if (i > 0)
                out += lineStart;
            out += "- ";
            out += m_items[i].toYamlBlock(column + 2, unit, newline);
        }
    }
    return out;
}

} // namespace Cuttle
