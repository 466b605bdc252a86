#include "model/variables/structured/yamlscalarwriter.h"

#include <QRegularExpression>

namespace Cuttle {

YamlScalarWriter::Type YamlScalarWriter::resolvePlain(const QString &text)
{
    static const QRegularExpression nullRe(QStringLiteral("\\A(~|null|Null|NULL|)\\z"));
    static const QRegularExpression boolRe(
        QStringLiteral("\\A(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|"
                       "off|Off|OFF)\\z"));
    static const QRegularExpression numberRe(
        QStringLiteral("\\A([-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?"
                       "|[-+]?0x[0-9a-fA-F_]+|[-+]?0o?[0-7_]+|[-+]?0b[01_]+"
                       "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"
                       "|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?)\\z"));
    if (nullRe.match(text).hasMatch())
        return Type::Null;
    if (boolRe.match(text).hasMatch())
        return Type::Bool;
    if (numberRe.match(text).hasMatch())
        return Type::Number;
    return Type::String;
}

bool YamlScalarWriter::isPlainSafe(const QString &text, bool flow)
{
    if (text.isEmpty() || text.front().isSpace() || text.back().isSpace())
        return false;
    if (resolvePlain(text) != Type::String)
        return false;
    // Timestamps resolve to dates in YAML 1.1 readers.
    static const QRegularExpression dateRe(QStringLiteral("^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"));
    if (dateRe.match(text).hasMatch())
        return false;
    static const QString indicators = QStringLiteral("-?:,[]{}#&*!|>'\"%@`=");
    if (indicators.contains(text.front()))
        return false;
    if (text.contains(QLatin1String(": ")) || text.contains(QLatin1String(" #")) ||
        text.endsWith(QLatin1Char(':')))
        return false;
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F || c == QChar(0xFEFF))
            return false;
        if (flow && (c == QLatin1Char(',') || c == QLatin1Char('[') || c == QLatin1Char(']') ||
                     c == QLatin1Char('{') || c == QLatin1Char('}')))
            return false;
    }
    if (text == QLatin1String("---") || text == QLatin1String("..."))
        return false;
    return true;
}

QByteArray YamlScalarWriter::doubleQuoted(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(utf8.at(i));
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
        case 0:
            out += "\\0";
            break;
        default:
            if (c < 0x20 || c == 0x7F) {
                static const char hex[] = "0123456789ABCDEF";
                out += "\\x";
                out += hex[c >> 4];
                out += hex[c & 0xF];
            } else if (c == 0xEF && utf8.mid(i, 3) == "\xEF\xBB\xBF") {
                out += "\\uFEFF";
                i += 2;
            } else {
                out += char(c);
            }
        }
    }
    out += '"';
    return out;
}

QByteArray YamlScalarWriter::singleQuoted(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            return {};
    }
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QLatin1String("''"));
    return '\'' + escaped.toUtf8() + '\'';
}

QByteArray YamlScalarWriter::plainOrDoubleQuoted(const QString &text, bool flow)
{
    return isPlainSafe(text, flow) ? text.toUtf8() : doubleQuoted(text);
}

} // namespace Cuttle
