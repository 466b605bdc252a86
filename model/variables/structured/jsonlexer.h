#pragma once

#include <QByteArray>
#include <QString>

namespace Cuttle {

/// A position-keeping JSON tokenizer over UTF-8 bytes: it reports where each token starts and
/// ends instead of building values, so callers can splice the original text.
class JsonLexer final
{
public:
    JsonLexer(const char *data, qsizetype size, bool lenient);

    qsizetype pos() const { return m_pos; }
    void setPos(qsizetype pos) { m_pos = pos; }
    bool atEnd() const { return m_pos >= m_size; }
    char peek() const { return m_pos < m_size ? m_data[m_pos] : '\0'; }
    const char *data() const { return m_data; }
    bool lenient() const { return m_lenient; }

    /// Skips whitespace and, when lenient, `//` and `/* */` comments.
    bool skipTrivia();
    /// At a '"': moves past the closing quote. hasEscapes tells whether decoding is needed.
    bool scanString(bool *hasEscapes = nullptr);
    bool scanNumber();
    bool scanLiteral();
    bool fail(const QString &reason);
    bool fail(qsizetype at, const QString &reason);

    qsizetype errorPos() const { return m_errorPos; }
    const QString &errorReason() const { return m_errorReason; }

    /// True when the whole text is one JSON number.
    static bool isNumber(const QByteArray &text);
    /// The text of a JSON string token (quotes included) with escapes resolved.
    static QString decodeString(const char *token, qsizetype size);
    /// A JSON string token (with quotes) for the text.
    static QByteArray quote(const QString &text);
    /// A short description of the byte at pos for error messages.
    QString describeHere() const;

private:
    const char *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
    bool m_lenient;
    qsizetype m_errorPos = -1;
    QString m_errorReason;
};

} // namespace Cuttle
