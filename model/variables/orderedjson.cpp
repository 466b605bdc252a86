#include "model/variables/orderedjson.h"

using namespace Qt::StringLiterals;

namespace Cuttle {

class OrderedJsonReader final
{
public:
    explicit OrderedJsonReader(QStringView text) : m_t(text) {}

    std::optional<OrderedJson> document()
    {
        OrderedJson value;
        if (!read(value, 0))
            return std::nullopt;
        ws();
        if (m_p != m_t.size())
            return std::nullopt;
        return value;
    }

private:
    void ws()
    {
        while (m_p < m_t.size() && (m_t[m_p] == u' ' || m_t[m_p] == u'\t' || m_t[m_p] == u'\n' || m_t[m_p] == u'\r'))
            ++m_p;
    }
    bool literal(QLatin1StringView word)
    {
        if (m_t.mid(m_p).startsWith(word)) {
            m_p += word.size();
            return true;
        }
        return false;
    }
    bool string(QString &out)
    {
        if (m_p >= m_t.size() || m_t[m_p] != u'"')
            return false;
        ++m_p;
        while (m_p < m_t.size()) {
            const QChar c = m_t[m_p++];
            if (c == u'"')
                return true;
            if (c.unicode() < 0x20)
                return false;
            if (c != u'\\') {
                out += c;
                continue;
            }
            if (m_p >= m_t.size())
                return false;
            const QChar e = m_t[m_p++];
            switch (e.unicode()) {
            case '"': out += u'"'; break;
            case '\\': out += u'\\'; break;
            case '/': out += u'/'; break;
            case 'b': out += u'\b'; break;
            case 'f': out += u'\f'; break;
            case 'n': out += u'\n'; break;
            case 'r': out += u'\r'; break;
            case 't': out += u'\t'; break;
            case 'u': {
                if (m_p + 4 > m_t.size())
                    return false;
                bool ok = false;
                const uint code = m_t.mid(m_p, 4).toUInt(&ok, 16);
                if (!ok)
                    return false;
                out += QChar(char16_t(code));
                m_p += 4;
                break;
            }
            default:
                return false;
            }
        }
        return false;
    }
    bool number(QString &out)
    {
        const qsizetype start = m_p;
        if (m_p < m_t.size() && m_t[m_p] == u'-')
            ++m_p;
        const qsizetype digits = m_p;
        while (m_p < m_t.size() && m_t[m_p].isDigit())
            ++m_p;
        if (m_p == digits)
            return false;
        if (m_p < m_t.size() && m_t[m_p] == u'.') {
            ++m_p;
            while (m_p < m_t.size() && m_t[m_p].isDigit())
                ++m_p;
        }
        if (m_p < m_t.size() && (m_t[m_p] == u'e' || m_t[m_p] == u'E')) {
            ++m_p;
            if (m_p < m_t.size() && (m_t[m_p] == u'+' || m_t[m_p] == u'-'))
                ++m_p;
            while (m_p < m_t.size() && m_t[m_p].isDigit())
                ++m_p;
        }
        out = m_t.mid(start, m_p - start).toString();
        return true;
    }
    bool read(OrderedJson &value, int depth)
    {
        // JSON nesting is bounded so that a hostile value cannot exhaust the stack.
        if (depth > 200)
            return false;
        ws();
        if (m_p >= m_t.size())
            return false;
        const QChar c = m_t[m_p];
        if (c == u'{') {
            value.m_type = OrderedJson::Type::Object;
            ++m_p;
            ws();
            if (m_p < m_t.size() && m_t[m_p] == u'}') {
                ++m_p;
                return true;
            }
            for (;;) {
                ws();
                QString name;
                if (!string(name))
                    return false;
                ws();
                if (m_p >= m_t.size() || m_t[m_p] != u':')
                    return false;
                ++m_p;
                OrderedJson member;
                if (!read(member, depth + 1))
                    return false;
                value.m_members.emplace_back(std::move(name), std::move(member));
                ws();
                if (m_p < m_t.size() && m_t[m_p] == u',') {
                    ++m_p;
                    continue;
                }
                if (m_p < m_t.size() && m_t[m_p] == u'}') {
                    ++m_p;
                    return true;
                }
                return false;
            }
        }
        if (c == u'[') {
            value.m_type = OrderedJson::Type::Array;
            ++m_p;
            ws();
            if (m_p < m_t.size() && m_t[m_p] == u']') {
                ++m_p;
                return true;
            }
            for (;;) {
                OrderedJson item;
                if (!read(item, depth + 1))
                    return false;
                value.m_items.push_back(std::move(item));
                ws();
                if (m_p < m_t.size() && m_t[m_p] == u',') {
                    ++m_p;
                    continue;
                }
                if (m_p < m_t.size() && m_t[m_p] == u']') {
                    ++m_p;
                    return true;
                }
                return false;
            }
        }
        if (c == u'"') {
            value.m_type = OrderedJson::Type::String;
            return string(value.m_scalar);
        }
        if (literal("true"_L1)) {
            value.m_type = OrderedJson::Type::Bool;
            value.m_scalar = u"True"_s;
            return true;
        }
        if (literal("false"_L1)) {
            value.m_type = OrderedJson::Type::Bool;
            value.m_scalar = u"False"_s;
            return true;
        }
        if (literal("null"_L1)) {
            value.m_type = OrderedJson::Type::Null;
            return true;
        }
        value.m_type = OrderedJson::Type::Number;
        return number(value.m_scalar);
    }

    QStringView m_t;
    qsizetype m_p = 0;
};

std::optional<OrderedJson> OrderedJson::parse(QStringView text)
{
    return OrderedJsonReader(text).document();
}

const OrderedJson *OrderedJson::member(const QString &name) const
{
    for (const auto &[key, value] : m_members)
        if (key == name)
            return &value;
    return nullptr;
}

QString OrderedJson::toTemplateText() const
{
    switch (m_type) {
    case Type::Null:
        return {};
    case Type::Bool:
    case Type::Number:
    case Type::String:
        return m_scalar;
    case Type::Array:
    case Type::Object:
        return toCompactJson();
    }
    return {};
}

static void appendQuoted(QString &out, const QString &s)
{
    out += u'"';
    for (QChar c : s) {
        switch (c.unicode()) {
        case '"': out += "\\\""_L1; break;
        case '\\': out += "\\\\"_L1; break;
        case '\n': out += "\\n"_L1; break;
        case '\r': out += "\\r"_L1; break;
        case '\t': out += "\\t"_L1; break;
        case '\b': out += "\\b"_L1; break;
        case '\f': out += "\\f"_L1; break;
        default:
            if (c.unicode() < 0x20)
                out += "\\u"_L1 + QString::number(c.unicode(), 16).rightJustified(4, u'0');
            else
                out += c;
        }
    }
    out += u'"';
}

QString OrderedJson::toCompactJson() const
{
    QString out;
    switch (m_type) {
    case Type::Null:
        return u"null"_s;
    case Type::Bool:
        return m_scalar == "True"_L1 ? u"true"_s : u"false"_s;
    case Type::Number:
        return m_scalar;
    case Type::String:
        appendQuoted(out, m_scalar);
        return out;
    case Type::Array:
        out += u'[';
        for (size_t i = 0; i < m_items.size(); ++i) {
            if (i)
                out += u',';
            out += m_items[i].toCompactJson();
        }
        out += u']';
        return out;
    case Type::Object:
        out += u'{';
        for (size_t i = 0; i < m_members.size(); ++i) {
            if (i)
                out += u',';
            appendQuoted(out, m_members[i].first);
            out += u':';
            out += m_members[i].second.toCompactJson();
        }
        out += u'}';
        return out;
    }
    return out;
}

} // namespace Cuttle
