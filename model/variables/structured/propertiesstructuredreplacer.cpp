#include "model/variables/structured/propertiesstructuredreplacer.h"

#include "model/variables/structured/structuredvariablelookup.h"
#include "model/variables/structured/textposition.h"
#include "model/variables/structured/textsplicer.h"

namespace Cuttle {

namespace {

bool isLineEnd(char c)
{
    return c == '\n' || c == '\r';
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\f';
}

/// Reads properties text the way java.util.Properties.load does, keeping byte offsets.
class PropertiesScanner final
{
public:
    explicit PropertiesScanner(const QByteArray &content)
        : m_data(content.constData()), m_size(content.size()),
          m_pos(TextPosition::bomLength(content))
    {}

    bool atEnd() const { return m_pos >= m_size; }

    /// Moves to the next key; false at the end of the text.
    bool nextEntry(QString *key, qsizetype *keyEnd, qsizetype *valueBegin, qsizetype *valueEnd)
    {
        while (m_pos < m_size) {
            skipBlanks();
            if (m_pos >= m_size)
                return false;
            const char c = m_data[m_pos];
            if (isLineEnd(c)) {
                skipLineEnd();
                continue;
            }
            if (c == '#' || c == '!') {
                while (m_pos < m_size && !isLineEnd(m_data[m_pos]))
                    ++m_pos;
                continue;
            }
            readKey(key);
            *keyEnd = m_pos;
            skipSeparator();
            *valueBegin = m_pos;
            *valueEnd = logicalLineEnd();
            m_pos = *valueEnd;
            return true;
        }
        return false;
    }

private:
    void skipBlanks()
    {
        while (m_pos < m_size && isBlank(m_data[m_pos]))
            ++m_pos;
    }

    void skipLineEnd()
    {
        if (m_pos < m_size && m_data[m_pos] == '\r')
            ++m_pos;
        if (m_pos < m_size && m_data[m_pos] == '\n')
            ++m_pos;
    }

    /// A backslash right before the line end joins the next line, minus its leading blanks.
    bool skipContinuation()
    {
        if (m_pos < m_size && m_data[m_pos] == '\\' &&
            (m_pos + 1 >= m_size || isLineEnd(m_data[m_pos + 1]))) {
            ++m_pos;
            skipLineEnd();
            skipBlanks();
            return true;
        }
        return false;
    }

    void readKey(QString *key)
    {
        QByteArray raw;
        while (m_pos < m_size) {
            const char c = m_data[m_pos];
            if (isLineEnd(c) || c == '=' || c == ':' || isBlank(c))
                break;
            if (c == '\\') {
                if (skipContinuation())
                    continue;
                raw += c;
                if (m_pos + 1 < m_size)
                    raw += m_data[m_pos + 1];
                m_pos += 2;
                continue;
            }
            raw += c;
            ++m_pos;
        }
        *key = unescape(raw);
    }

    void skipSeparator()
    {
        bool separatorSeen = false;
        while (m_pos < m_size) {
            const char c = m_data[m_pos];
            if (isBlank(c)) {
                ++m_pos;
            } else if (!separatorSeen && (c == '=' || c == ':')) {
                separatorSeen = true;
                ++m_pos;
            } else if (!skipContinuation()) {
                break;
            }
        }
    }

    qsizetype logicalLineEnd() const
    {
        qsizetype pos = m_pos;
        for (;;) {
            while (pos < m_size && !isLineEnd(m_data[pos]))
                ++pos;
            qsizetype backslashes = 0;
            while (pos - backslashes - 1 >= m_pos && m_data[pos - backslashes - 1] == '\\')
                ++backslashes;
            if (backslashes % 2 == 0 || pos >= m_size)
                return pos;
            if (m_data[pos] == '\r')
                ++pos;
            if (pos < m_size && m_data[pos] == '\n')
                ++pos;
        }
    }

    static QString unescape(const QByteArray &raw)
    {
        const QString text = QString::fromUtf8(raw);
        QString out;
        out.reserve(text.size());
        for (qsizetype i = 0; i < text.size(); ++i) {
            QChar c = text.at(i);
            if (c != QLatin1Char('\\') || i + 1 >= text.size()) {
                out += c;
                continue;
            }
            c = text.at(++i);
            if (c == QLatin1Char('u') && i + 4 < text.size()) {
                bool ok = false;
                const ushort unit = text.mid(i + 1, 4).toUShort(&ok, 16);
                if (ok) {
                    out += QChar(unit);
                    i += 4;
                    continue;
                }
            }
            switch (c.unicode()) {
            case u't':
                out += QLatin1Char('\t');
                break;
            case u'n':
                out += QLatin1Char('\n');
                break;
            case u'r':
                out += QLatin1Char('\r');
                break;
            case u'f':
                out += QLatin1Char('\f');
                break;
            default:
                out += c;
            }
        }
        return out;
    }

    const char *m_data;
    qsizetype m_size;
    qsizetype m_pos;
};

/// PropertiesValueEscape of the template engine: a value that reads back unchanged.
QByteArray escapeValue(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char16_t c = value.at(i).unicode();
        switch (c) {
        case u'\\':
            out += QLatin1String("\\\\");
            break;
        case u'\r':
            out += QLatin1String("\\r");
            break;
        case u'\n':
            out += QLatin1String("\\n");
            break;
        case u'\t':
            out += QLatin1String("\\t");
            break;
        case u' ':
            out += i == 0 ? QLatin1String("\\ ") : QLatin1String(" ");
            break;
        default:
            if (c >= 0xFF)
                out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
            else
                out += QChar(c);
        }
    }
    return out.toUtf8();
}

} // namespace

VoidResult PropertiesStructuredReplacer::plan(const QByteArray &content, const QString &,
                                              StructuredVariableLookup &lookup,
                                              TextSplicer &splicer, QStringList &)
{
    PropertiesScanner scanner(content);
    QString key;
    qsizetype keyEnd = 0;
    qsizetype begin = 0;
    qsizetype end = 0;
    while (scanner.nextEntry(&key, &keyEnd, &begin, &end)) {
        const int match = lookup.find(key.toUtf8());
        if (match < 0)
            continue;
        lookup.markMatched(match);
        // A key written alone needs a separator before its new value.
        const QByteArray separator = begin == keyEnd ? QByteArrayLiteral("=") : QByteArray();
        splicer.add(begin, end, separator + escapeValue(lookup.value(match)));
    }
    return {};
}

} // namespace Cuttle
