#include "model/variables/structured/jsonlexer.h"

#include <QCoreApplication>

#include <cstring>

namespace Cuttle {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("StructuredConfig", text);
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

JsonLexer::JsonLexer(const char *data, qsizetype size, bool lenient)
    : m_data(data), m_size(size), m_lenient(lenient)
{}

bool JsonLexer::fail(const QString &reason)
{
    return fail(m_pos, reason);
}

bool JsonLexer::fail(qsizetype at, const QString &reason)
{
    if (m_errorPos < 0) {
        m_errorPos = at;
        m_errorReason = reason;
    }
    return false;
}

QString JsonLexer::describeHere() const
{
    if (atEnd())
        return tr("unexpected end of file");
    const unsigned char c = static_cast<unsigned char>(m_data[m_pos]);
    if (c >= 0x21 && c < 0x7F)
        return tr("unexpected character '%1'").arg(QLatin1Char(char(c)));
    return tr("unexpected character");
}

bool JsonLexer::skipTrivia()
{
    while (m_pos < m_size) {
        const char c = m_data[m_pos];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            ++m_pos;
        } else if (c == '/' && m_lenient && m_pos + 1 < m_size && m_data[m_pos + 1] == '/') {
            const void *nl = std::memchr(m_data + m_pos, '\n', size_t(m_size - m_pos));
            m_pos = nl ? static_cast<const char *>(nl) - m_data : m_size;
        } else if (c == '/' && m_lenient && m_pos + 1 < m_size && m_data[m_pos + 1] == '*') {
            const qsizetype start = m_pos;
            m_pos += 2;
            while (m_pos + 1 < m_size && !(m_data[m_pos] == '*' && m_data[m_pos + 1] == '/'))
                ++m_pos;
            if (m_pos + 1 >= m_size)
                return fail(start, tr("unterminated comment"));
            m_pos += 2;
        } else {
            break;
        }
    }
    return true;
}

bool JsonLexer::scanString(bool *hasEscapes)
{
    const qsizetype start = m_pos;
    ++m_pos; // opening quote
    bool escapes = false;
    while (m_pos < m_size) {
        const unsigned char c = static_cast<unsigned char>(m_data[m_pos]);
        if (c == '"') {
            ++m_pos;
            if (hasEscapes)
                *hasEscapes = escapes;
            return true;
        }
        if (c < 0x20)
            return fail(tr("control character in a string"));
        if (c == '\\') {
            escapes = true;
            if (m_pos + 1 >= m_size)
                break;
            const char e = m_data[m_pos + 1];
            if (e == 'u') {
                for (int k = 2; k < 6; ++k) {
                    if (m_pos + k >= m_size || hexValue(m_data[m_pos + k]) < 0)
                        return fail(tr("invalid \\u escape in a string"));
                }
                m_pos += 6;
                continue;
            }
            if (!std::strchr("\"\\/bfnrt", e) || e == '\0')
                return fail(tr("invalid escape in a string"));
            m_pos += 2;
            continue;
        }
        ++m_pos;
    }
    return fail(start, tr("unterminated string"));
}

bool JsonLexer::scanNumber()
{
    const qsizetype start = m_pos;
    if (peek() == '-')
        ++m_pos;
    if (peek() == '0') {
        ++m_pos;
    } else if (isDigit(peek())) {
        while (isDigit(peek()))
            ++m_pos;
    } else {
        return fail(start, tr("invalid number"));
    }
    if (peek() == '.') {
        ++m_pos;
        if (!isDigit(peek()))
            return fail(start, tr("invalid number"));
        while (isDigit(peek()))
            ++m_pos;
    }
    if (peek() == 'e' || peek() == 'E') {
        ++m_pos;
        if (peek() == '+' || peek() == '-')
            ++m_pos;
        if (!isDigit(peek()))
            return fail(start, tr("invalid number"));
        while (isDigit(peek()))
            ++m_pos;
    }
    return true;
}

bool JsonLexer::scanLiteral()
{
    for (const char *word : {"true", "false", "null"}) {
        const qsizetype len = qsizetype(std::strlen(word));
        if (m_pos + len <= m_size && std::memcmp(m_data + m_pos, word, size_t(len)) == 0) {
            m_pos += len;
            return true;
        }
    }
    return fail(describeHere());
}

bool JsonLexer::isNumber(const QByteArray &text)
{
    JsonLexer lexer(text.constData(), text.size(), false);
    return !text.isEmpty() && lexer.scanNumber() && lexer.atEnd();
}

QString JsonLexer::decodeString(const char *token, qsizetype size)
{
    QString out;
    const char *p = token + 1;
    const char *end = token + size - 1;
    const char *run = p;
    while (p < end) {
        if (*p != '\\') {
            ++p;
            continue;
        }
        out += QString::fromUtf8(run, p - run);
        const char e = p[1];
        if (e == 'u' && p + 6 <= end) {
            char16_t unit = 0;
            for (int k = 2; k < 6; ++k)
                unit = char16_t(unit * 16 + hexValue(p[k]));
            out += QChar(unit);
            p += 6;
        } else {
            switch (e) {
            case 'b':
                out += QLatin1Char('\b');
                break;
            case 'f':
                out += QLatin1Char('\f');
                break;
            case 'n':
                out += QLatin1Char('\n');
                break;
            case 'r':
                out += QLatin1Char('\r');
                break;
            case 't':
                out += QLatin1Char('\t');
                break;
            default:
                out += QLatin1Char(e);
                break;
            }
            p += 2;
        }
        run = p;
    }
    out += QString::fromUtf8(run, end - run);
    return out;
}

QByteArray JsonLexer::quote(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (const char ch : utf8) {
        const unsigned char c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (c < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xF];
            } else {
                out += ch;
            }
        }
    }
    out += '"';
    return out;
}

} // namespace Cuttle
