#include "model/variables/templatefilters.h"

#include "model/core/semanticversion.h"
#include "model/variables/dotnetformat.h"
#include "model/variables/markdownconverter.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

using Arg = std::optional<QString>;
using Filter = Arg (*)(const Arg &, const QStringList &);

QString lowerBool(bool b)
{
    return b ? u"true"_s : u"false"_s;
}

// .NET int.TryParse: optional surrounding whitespace and sign, decimal digits only.
std::optional<int> parseInt(const QString &text)
{
    bool ok = false;
    const int v = text.trimmed().toInt(&ok, 10);
    if (!ok)
        return std::nullopt;
    return v;
}

Arg toLower(const Arg &a, const QStringList &o)
{
    if (!a || !o.isEmpty())
        return std::nullopt;
    return a->toLower();
}

Arg toUpper(const Arg &a, const QStringList &o)
{
    if (!a || !o.isEmpty())
        return std::nullopt;
    return a->toUpper();
}

std::optional<QByteArray> encode(const QString &text, const QString &encoding)
{
    const QString e = encoding.toLower();
    if (e == "utf8"_L1 || e == "utf-8"_L1)
        return text.toUtf8();
    if (e == "unicode"_L1)
        return QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    return std::nullopt;
}

Arg toBase64(const Arg &a, const QStringList &o)
{
    if (!a || o.size() > 1)
        return std::nullopt;
    const auto bytes = encode(*a, o.isEmpty() ? u"utf8"_s : o.first());
    if (!bytes)
        return std::nullopt;
    return QString::fromLatin1(bytes->toBase64());
}

Arg fromBase64(const Arg &a, const QStringList &o)
{
    if (!a || o.size() > 1)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(a->toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QString e = o.isEmpty() ? u"utf8"_s : o.first().toLower();
    if (e == "utf8"_L1 || e == "utf-8"_L1)
        return QString::fromUtf8(*decoded);
    if (e == "unicode"_L1)
        return QString::fromUtf16(reinterpret_cast<const char16_t *>(decoded.decoded.constData()), decoded.decoded.size() / 2);
    return std::nullopt;
}

template<typename Map>
QString escapeEach(const QString &raw, Map map)
{
    QString out;
    out.reserve(raw.size() + raw.size() / 8);
    for (qsizetype i = 0; i < raw.size(); ++i)
        map(out, raw.at(i), i);
    return out;
}

Arg htmlEscape(const Arg &a, const QStringList &o)
{
    if (!a || !o.isEmpty())
        return std::nullopt;
    return escapeEach(*a, [](QString &out, QChar c, qsizetype) {
        switch (c.unicode()) {
        case '&': out += "&amp;"_L1; break;
        case '<': out += "&lt;"_L1; break;
        case '>': out += "&gt;"_L1; break;
        case '"': out += "&quot;"_L1; break;
        case '\'': out += "&apos;"_L1; break;
        case '/': out += "&#x2F;"_L1; break;
        default: out += c;
        }
    });
}

Arg xmlEscape(const Arg &a, const QStringList &o)
{
    if (!a || !o.isEmpty())
        return std::nullopt;
    return escapeEach(*a, [](QString &out, QChar c, qsizetype) {
        switch (c.unicode()) {
        case '&': out += "&amp;"_L1; break;
        case '<': out += "&lt;"_L1; break;
        case '>': out += "&gt;"_L1; break;
        case '"': out += "&quot;"_L1; break;
        case '\'': out += "&apos;"_L1; break;
        default: out += c;
        }
    });
}

Arg jsonEscape(const Arg &a, const QStringList &o)
{
    if (!a || !o.isEmpty())
        return std::nullopt;
    return escapeEach(*a, [](QString &out, QChar c, qsizetype) {
        switch (c.unicode()) {
        case '"': out += "\\\""_L1; break;
        case '\r': out += "\\r"_L1; break;
        case '\t': out += "\\t"_L1; break;
        case '\n': out += "\\n"_L1; break;
        case '\\': out += "\\\\"_L1; break;
        default: out += c;
        }
    });
}

QString unicodeEscape(QChar c)
{
    return "\\u"_L1 + QString::number(c.unicode(), 16).rightJustified(4, u'0');
}

Arg yamlSingleQuoteEscape(const Arg &a, const QStringList &o)
{
    if (!a || !o.isEmpty())
        return std::nullopt;
    // In a single-quoted YAML scalar one line break reads as a space, so each run of breaks gets one more.
    static const QRegularExpression newLines(u"(?:\\r?\\n)+"_s);
    QString text;
    qsizetype last = 0;
    auto it = newLines.globalMatch(*a);
    while (it.hasNext()) {
        const auto m = it.next();
        text += QStringView(*a).mid(last, m.capturedStart() - last);
        text += m.captured().startsWith(u'\r') ? "\r\n"_L1 : "\n"_L1;
        text += m.captured();
        last = m.capturedEnd();
    }
    text += QStringView(*a).mid(last);
    return escapeEach(text, [](QString &out, QChar c, qsizetype) {
        if (c == u'\'')
            out += "''"_L1;
        else
            out += c;
    });
}

Arg yamlDoubleQuoteEscape(const Arg &a, const QStringList &o)
{
    if (!a || !o.isEmpty())
        return std::nullopt;
    return escapeEach(*a, [](QString &out, QChar c, qsizetype) {
        switch (c.unicode()) {
        case '\r': out += "\\r"_L1; break;
        case '\n': out += "\\n"_L1; break;
        case '\t': out += "\\t"_L1; break;
        case '\\': out += "\\\\"_L1; break;
        case '"': out += "\\\""_L1; break;
        default:
            if (c.unicode() >= 0x20 && c.unicode() <= 0x7E)
                out += c;
            else
                out += unicodeEscape(c);
        }
    });
}

void commonProperties(QString &out, QChar c)
{
    switch (c.unicode()) {
    case '\\': out += "\\\\"_L1; break;
    case '\r': out += "\\r"_L1; break;
    case '\n': out += "\\n"_L1; break;
    case '\t': out += "\\t"_L1; break;
    default:
        if (c.unicode() < 0xFF)
            out += c;
        else
            out += unicodeEscape(c);
    }
}

Arg propertiesKeyEscape(const Arg &a, const QStringList &o)
{
    if (!a || !o.isEmpty())
        return std::nullopt;
    return escapeEach(*a, [](QString &out, QChar c, qsizetype) {
        switch (c.unicode()) {
        case ' ': out += "\\ "_L1; break;
        case ':': out += "\\:"_L1; break;
        case '=': out += "\\="_L1; break;
        default: commonProperties(out, c);
        }
    });
}

Arg propertiesValueEscape(const Arg &a, const QStringList &o)
{
    if (!a || !o.isEmpty())
        return std::nullopt;
    return escapeEach(*a, [](QString &out, QChar c, qsizetype i) {
        if (c == u' ' && i == 0)
            out += "\\ "_L1;
        else
            commonProperties(out, c);
    });
}

QString percentEncode(const QString &text, const char *keep)
{
    const QByteArray utf8 = text.toUtf8();
    QString out;
    out.reserve(utf8.size());
    for (const char ch : utf8) {
        const uchar c = uchar(ch);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
            || c == '_' || c == '.' || c == '~';
        if (unreserved || (c < 0x80 && c != 0 && std::strchr(keep, char(c))))
            out += QLatin1Char(char(c));
        else
            out += u'%' + QString::number(c, 16).toUpper().rightJustified(2, u'0');
    }
    return out;
}

Arg uriEscape(const Arg &a, const QStringList &o)
{
    if (!a || !o.isEmpty())
        return std::nullopt;
    // Uri.EscapeUriString keeps the reserved characters and escapes everything else.
    return percentEncode(*a, ";/?:@&=+$,#[]!*'()");
}

Arg uriDataEscape(const Arg &a, const QStringList &o)
{
    if (!a || !o.isEmpty())
        return std::nullopt;
    return percentEncode(*a, "");
}

int defaultPort(const QString &scheme)
{
    static const QHash<QString, int> ports{{u"http"_s, 80},  {u"https"_s, 443}, {u"ftp"_s, 21},  {u"ws"_s, 80},
                                           {u"wss"_s, 443},  {u"ssh"_s, 22},    {u"ldap"_s, 389}, {u"file"_s, -1},
                                           {u"news"_s, -1},  {u"mailto"_s, 25}, {u"gopher"_s, 70}, {u"nntp"_s, 119},
                                           {u"telnet"_s, 23}};
    return ports.value(scheme, -1);
}

Arg uriPart(const Arg &a, const QStringList &o)
{
    if (!a)
        return std::nullopt;
    if (o.isEmpty())
        return u"[UriPart error: no argument given]"_s;
    const QString part = o.first();
    const QString key = part.toLower();
    const QUrl url(*a, QUrl::TolerantMode);
    if (!url.isValid())
        return *a;
    const bool absolute = !url.scheme().isEmpty() && url.scheme().size() > 1 && a->contains(u':');
    if (key == "isabsoluteuri"_L1)
        return lowerBool(absolute);
    static const QStringList known{u"absolutepath"_s, u"absoluteuri"_s, u"authority"_s,    u"dnssafehost"_s,
                                   u"fragment"_s,     u"host"_s,        u"hostandport"_s,  u"hostnametype"_s,
                                   u"isdefaultport"_s, u"isfile"_s,     u"isloopback"_s,   u"isunc"_s,
                                   u"path"_s,         u"pathandquery"_s, u"port"_s,        u"query"_s,
                                   u"scheme"_s,       u"schemeandserver"_s, u"userinfo"_s};
    if (!known.contains(key))
        return u"[UriPart %1 error: argument '%1' not supported]"_s.arg(part);
    if (!absolute)
        return u"[UriPart %1 error: This operation is not supported for a relative URI.]"_s.arg(part);

    const QString scheme = url.scheme().toLower();
    const int def = defaultPort(scheme);
    const int port = url.port(def);
    const bool isDefault = url.port() == -1 || url.port() == def;
    QString path = url.path(QUrl::FullyEncoded);
    if (path.isEmpty() && !url.host().isEmpty())
        path = u"/"_s;
    const QString query = url.hasQuery() ? u'?' + url.query(QUrl::FullyEncoded) : QString();
    const QString fragment = url.hasFragment() ? u'#' + url.fragment(QUrl::FullyEncoded) : QString();
    const QString host = url.host(QUrl::FullyEncoded);
    const QString authority = isDefault ? host : host + u':' + QString::number(port);
    if (key == "absolutepath"_L1)
        return path;
    if (key == "absoluteuri"_L1) {
        const QString user = url.userInfo(QUrl::FullyEncoded);
        return scheme + "://"_L1 + (user.isEmpty() ? QString() : user + u'@') + authority + path + query + fragment;
    }
    if (key == "authority"_L1)
        return authority;
    if (key == "dnssafehost"_L1 || key == "host"_L1)
        return host;
    if (key == "fragment"_L1)
        return fragment;
    if (key == "hostandport"_L1)
        return host + u':' + QString::number(port);
    if (key == "hostnametype"_L1) {
        if (host.isEmpty())
            return u"Basic"_s;
        if (host.startsWith(u'['))
            return u"IPv6"_s;
        static const QRegularExpression ipv4(u"^\\d{1,3}(\\.\\d{1,3}){3}$"_s);
        return ipv4.match(host).hasMatch() ? u"IPv4"_s : u"Dns"_s;
    }
    if (key == "isdefaultport"_L1)
        return lowerBool(isDefault);
    if (key == "isfile"_L1)
        return lowerBool(scheme == "file"_L1);
    if (key == "isloopback"_L1)
        return lowerBool(host == "localhost"_L1 || host.startsWith("127."_L1) || host == "[::1]"_L1);
    if (key == "isunc"_L1)
        return lowerBool(scheme == "file"_L1 && !host.isEmpty());
    if (key == "path"_L1)
        return scheme == "file"_L1 ? url.toLocalFile() : url.path(QUrl::FullyDecoded).isEmpty() && !host.isEmpty()
                ? u"/"_s
                : url.path(QUrl::FullyDecoded);
    if (key == "pathandquery"_L1)
        return path + query;
    if (key == "port"_L1)
        return QString::number(port);
    if (key == "query"_L1)
        return query;
    if (key == "scheme"_L1)
        return scheme;
    if (key == "schemeandserver"_L1)
        return scheme + "://"_L1 + authority;
    if (key == "userinfo"_L1)
        return url.userInfo(QUrl::PrettyDecoded);
    return std::nullopt;
}

Arg truncate(const Arg &a, const QStringList &o)
{
    if (!a || o.isEmpty())
        return std::nullopt;
    const auto length = parseInt(o.first());
    if (!length || *length < 0)
        return std::nullopt;
    return *length < a->size() ? a->left(*length) + "..."_L1 : *a;
}

QString trimStart(const QString &s)
{
    qsizetype i = 0;
    while (i < s.size() && s.at(i).isSpace())
        ++i;
    return s.mid(i);
}

QString trimEnd(const QString &s)
{
    qsizetype i = s.size();
    while (i > 0 && s.at(i - 1).isSpace())
        --i;
    return s.left(i);
}

Arg trim(const Arg &a, const QStringList &o)
{
    if (!a)
        return std::nullopt;
    if (o.isEmpty())
        return a->trimmed();
    const QString mode = o.first().toLower();
    if (mode == "start"_L1)
        return trimStart(*a);
    if (mode == "end"_L1)
        return trimEnd(*a);
    return std::nullopt;
}

Arg substring(const Arg &a, const QStringList &o)
{
    if (!a || o.isEmpty() || o.size() > 2)
        return std::nullopt;
    QList<int> n;
    for (const QString &opt : o) {
        const auto v = parseInt(opt);
        if (!v || *v < 0)
            return std::nullopt;
        n.append(*v);
    }
    if (n.size() == 1) {
        if (n[0] > a->size())
            return std::nullopt;
        return a->left(n[0]);
    }
    if (qint64(n[0]) + n[1] > a->size())
        return std::nullopt;
    return a->mid(n[0], n[1]);
}

std::optional<QRegularExpression> regex(const QString &pattern)
{
    QRegularExpression re(pattern);
    if (!re.isValid())
        return std::nullopt;
    return re;
}

// Expands a .NET replacement pattern ($1, ${name}, $$, $&) for one match.
QString expandReplacement(const QString &replacement, const QRegularExpressionMatch &m)
{
    QString out;
    for (qsizetype i = 0; i < replacement.size(); ++i) {
        const QChar c = replacement.at(i);
        if (c != u'$' || i + 1 >= replacement.size()) {
            out += c;
            continue;
        }
        const QChar n = replacement.at(i + 1);
        if (n == u'$') {
            out += u'$';
            ++i;
        } else if (n == u'&') {
            out += m.captured(0);
            ++i;
        } else if (n.isDigit()) {
            qsizetype j = i + 1;
            while (j < replacement.size() && replacement.at(j).isDigit())
                ++j;
            // .NET takes the longest digit run that names an existing group.
            qsizetype end = j;
            while (end > i + 1) {
                const int group = replacement.mid(i + 1, end - i - 1).toInt();
                if (group <= m.lastCapturedIndex() || group <= m.regularExpression().captureCount()) {
                    out += m.captured(group);
                    break;
                }
                --end;
            }
            if (end == i + 1) {
                out += c;
                continue;
            }
            i = end - 1;
        } else if (n == u'{') {
            const qsizetype close = replacement.indexOf(u'}', i + 2);
            if (close < 0) {
                out += c;
                continue;
            }
            const QString name = replacement.mid(i + 2, close - i - 2);
            bool isNumber = false;
            const int group = name.toInt(&isNumber);
            if (isNumber ? group <= m.regularExpression().captureCount()
                         : m.regularExpression().namedCaptureGroups().contains(name)) {
                out += isNumber ? m.captured(group) : m.captured(name);
                i = close;
            } else {
                out += c;
            }
        } else {
            out += c;
        }
    }
    return out;
}

Arg replace(const Arg &a, const QStringList &o)
{
    if (!a || o.isEmpty())
        return std::nullopt;
    const auto re = regex(o.first());
    if (!re)
        return std::nullopt;
    const QString replacement = o.size() == 1 ? QString() : o.at(1);
    QString out;
    qsizetype last = 0;
    auto it = re->globalMatch(*a);
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(*a).mid(last, m.capturedStart() - last);
        out += expandReplacement(replacement, m);
        last = m.capturedEnd();
    }
    out += QStringView(*a).mid(last);
    return out;
}

Arg match(const Arg &a, const QStringList &o)
{
    if (!a || o.size() != 1)
        return std::nullopt;
    const auto re = regex(o.first());
    if (!re)
        return std::nullopt;
    return lowerBool(re->match(*a).hasMatch());
}

Arg startsWith(const Arg &a, const QStringList &o)
{
    if (!a || o.size() != 1)
        return std::nullopt;
    return lowerBool(a->startsWith(o.first()));
}

Arg endsWith(const Arg &a, const QStringList &o)
{
    if (!a || o.size() != 1)
        return std::nullopt;
    return lowerBool(a->endsWith(o.first()));
}

Arg contains(const Arg &a, const QStringList &o)
{
    if (!a || o.size() != 1)
        return std::nullopt;
    return lowerBool(a->contains(o.first()));
}

Arg indent(const Arg &a, const QStringList &o)
{
    if (!a)
        return std::nullopt;
    if (a->isEmpty())
        return QString();
    QString initial;
    QString subsequent;
    if (o.isEmpty()) {
        initial = subsequent = u"    "_s;
    } else if (o.size() == 1) {
        static const QRegularExpression dual(u"^((\\d{1,3})?/)?(\\d{1,3})$"_s);
        const auto m = dual.match(o.first());
        bool done = false;
        if (m.hasMatch()) {
            // Sizes are bytes in the reference engine, so anything above 255 is taken literally.
            const int sub = m.captured(3).toInt();
            if (m.hasCaptured(1)) {
                if (m.hasCaptured(2)) {
                    const int init = m.captured(2).toInt();
                    if (init <= 255 && sub <= 255) {
                        initial = QString(init, u' ');
                        subsequent = QString(sub, u' ');
                        done = true;
                    }
                } else if (sub <= 255) {
                    subsequent = QString(sub, u' ');
                    done = true;
                }
            } else if (sub <= 255) {
                initial = subsequent = QString(sub, u' ');
                done = true;
            }
        }
        if (!done)
            initial = subsequent = o.first();
    } else if (o.size() == 2) {
        initial = o.at(0);
        subsequent = o.at(1);
    } else {
        return std::nullopt;
    }
    QString body = *a;
    body.replace(u"\n"_s, u'\n' + subsequent);
    return initial + body;
}

Arg appendFilter(const Arg &a, const QStringList &o)
{
    if (o.isEmpty())
        return std::nullopt;
    return a.value_or(QString()) + o.join(QString());
}

Arg prependFilter(const Arg &a, const QStringList &o)
{
    if (o.isEmpty())
        return std::nullopt;
    return o.join(QString()) + a.value_or(QString());
}

Arg hash(QCryptographicHash::Algorithm algorithm, const Arg &a, const QStringList &o)
{
    if (!a || o.size() > 2)
        return std::nullopt;
    std::optional<int> size;
    QString encoding = u"utf8"_s;
    auto isEncoding = [](const QString &e) {
        const QString l = e.toLower();
        return l == "utf8"_L1 || l == "utf-8"_L1 || l == "unicode"_L1 || l == "base64"_L1;
    };
    if (!o.isEmpty()) {
        const auto first = parseInt(o.at(0));
        if (first && *first > 0) {
            size = *first;
            if (o.size() > 1) {
                if (!isEncoding(o.at(1)))
                    return std::nullopt;
                encoding = o.at(1);
            }
        } else {
            if (!isEncoding(o.at(0)))
                return std::nullopt;
            encoding = o.at(0);
            if (o.size() > 1) {
                const auto second = parseInt(o.at(1));
                if (!second || *second <= 0)
                    return std::nullopt;
                size = *second;
            }
        }
    }
    QByteArray input;
    if (encoding.toLower() == "base64"_L1) {
        const auto decoded = QByteArray::fromBase64Encoding(a->toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return std::nullopt;
        input = *decoded;
    } else {
        input = *encode(*a, encoding);
    }
    QByteArray digest = QCryptographicHash::hash(input, algorithm);
    if (size && *size < digest.size())
        digest.truncate(*size);
    return QString::fromLatin1(digest.toHex());
}

Arg md5(const Arg &a, const QStringList &o) { return hash(QCryptographicHash::Md5, a, o); }
Arg sha1(const Arg &a, const QStringList &o) { return hash(QCryptographicHash::Sha1, a, o); }
Arg sha256(const Arg &a, const QStringList &o) { return hash(QCryptographicHash::Sha256, a, o); }
Arg sha384(const Arg &a, const QStringList &o) { return hash(QCryptographicHash::Sha384, a, o); }
Arg sha512(const Arg &a, const QStringList &o) { return hash(QCryptographicHash::Sha512, a, o); }

Arg markdown(const Arg &a, const QStringList &o)
{
    if (!a || !o.isEmpty())
        return std::nullopt;
    return MarkdownConverter::toHtml(a->trimmed()) + u'\n';
}

Arg nowDate(const Arg &a, const QStringList &o)
{
    if (a || o.size() > 1)
        return std::nullopt;
    return DotNetFormat::formatDate(DotNetDate::localNow(), o.isEmpty() ? u"O"_s : o.first());
}

Arg nowDateUtc(const Arg &a, const QStringList &o)
{
    if (a || o.size() > 1)
        return std::nullopt;
    return DotNetFormat::formatDate(DotNetDate::utcNow(), o.isEmpty() ? u"O"_s : o.first());
}

Arg format(const Arg &a, const QStringList &o)
{
    if (!a || o.isEmpty() || o.size() > 2)
        return std::nullopt;
    if (o.size() == 1) {
        if (auto n = DotNetFormat::formatNumber(*a, o.first()))
            return n;
        if (const auto date = DotNetDate::parse(*a))
            return DotNetFormat::formatDate(*date, o.first());
        return std::nullopt;
    }
    const QString type = o.first().toLower();
    const QString fmt = o.at(1);
    if (type == "int"_L1 || type == "int32"_L1) {
        bool ok = false;
        a->trimmed().toInt(&ok);
        return ok ? DotNetFormat::formatNumber(*a, fmt) : std::nullopt;
    }
    if (type == "double"_L1 || type == "decimal"_L1)
        return DotNetFormat::formatNumber(*a, fmt);
    if (type == "date"_L1 || type == "datetime"_L1 || type == "datetimeoffset"_L1) {
        const auto date = DotNetDate::parse(*a);
        return date ? std::optional<QString>(DotNetFormat::formatDate(*date, fmt)) : std::nullopt;
    }
    return std::nullopt;
}

enum class Unit { Seconds, Minutes, Hours, Days, Weeks, Months, Years };

Arg addDuration(Unit unit, const Arg &a, const QStringList &o)
{
    if (!a || o.size() != 1)
        return std::nullopt;
    auto date = DotNetDate::parse(*a);
    if (!date)
        return std::nullopt;
    if (unit == Unit::Months || unit == Unit::Years) {
        const auto n = parseInt(o.first());
        if (!n)
            return std::nullopt;
        date->dateTime = unit == Unit::Months ? date->dateTime.addMonths(*n) : date->dateTime.addYears(*n);
    } else {
        bool ok = false;
        const double amount = o.first().trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(amount))
            return std::nullopt;
        double factor = 1;
        switch (unit) {
        case Unit::Seconds: factor = 1; break;
        case Unit::Minutes: factor = 60; break;
        case Unit::Hours: factor = 3600; break;
        case Unit::Days: factor = 86400; break;
        case Unit::Weeks: factor = 7 * 86400; break;
        default: break;
        }
        const double ms = std::round(amount * factor * 1000.0);
        if (std::fabs(ms) > 3.2e14)
            return std::nullopt;
        date->dateTime = date->dateTime.addMSecs(qint64(ms));
    }
    if (!date->dateTime.isValid() || date->dateTime.date().year() < 1 || date->dateTime.date().year() > 9999)
        return std::nullopt;
    return DotNetFormat::formatDate(*date, u"O"_s);
}

Arg addSeconds(const Arg &a, const QStringList &o) { return addDuration(Unit::Seconds, a, o); }
Arg addMinutes(const Arg &a, const QStringList &o) { return addDuration(Unit::Minutes, a, o); }
Arg addHours(const Arg &a, const QStringList &o) { return addDuration(Unit::Hours, a, o); }
Arg addDays(const Arg &a, const QStringList &o) { return addDuration(Unit::Days, a, o); }
Arg addWeeks(const Arg &a, const QStringList &o) { return addDuration(Unit::Weeks, a, o); }
Arg addMonths(const Arg &a, const QStringList &o) { return addDuration(Unit::Months, a, o); }
Arg addYears(const Arg &a, const QStringList &o) { return addDuration(Unit::Years, a, o); }

enum class VersionPart { Major, Minor, Patch, Revision, PreRelease, PreReleasePrefix, PreReleaseCounter, Metadata };

Arg versionPart(VersionPart part, const Arg &a, const QStringList &o)
{
    if (!a || !o.isEmpty())
        return std::nullopt;
    const auto version = SemanticVersion::parse(a->trimmed());
    if (!version)
        return std::nullopt;
    switch (part) {
    case VersionPart::Major: return QString::number(version->major());
    case VersionPart::Minor: return QString::number(version->minor());
    case VersionPart::Patch: return QString::number(version->patch());
    case VersionPart::Revision: return QString::number(version->revision());
    case VersionPart::PreRelease: return version->preRelease();
    case VersionPart::PreReleasePrefix: return version->preReleasePrefix();
    case VersionPart::PreReleaseCounter: return version->preReleaseCounter();
    case VersionPart::Metadata: return version->metadata();
    }
    return std::nullopt;
}

Arg versionMajor(const Arg &a, const QStringList &o) { return versionPart(VersionPart::Major, a, o); }
Arg versionMinor(const Arg &a, const QStringList &o) { return versionPart(VersionPart::Minor, a, o); }
Arg versionPatch(const Arg &a, const QStringList &o) { return versionPart(VersionPart::Patch, a, o); }
Arg versionRevision(const Arg &a, const QStringList &o) { return versionPart(VersionPart::Revision, a, o); }
Arg versionPreRelease(const Arg &a, const QStringList &o) { return versionPart(VersionPart::PreRelease, a, o); }
Arg versionPreReleasePrefix(const Arg &a, const QStringList &o) { return versionPart(VersionPart::PreReleasePrefix, a, o); }
Arg versionPreReleaseCounter(const Arg &a, const QStringList &o) { return versionPart(VersionPart::PreReleaseCounter, a, o); }
Arg versionMetadata(const Arg &a, const QStringList &o) { return versionPart(VersionPart::Metadata, a, o); }

const QHash<QString, Filter> &registry()
{
    static const QHash<QString, Filter> filters{
        {u"tolower"_s, toLower},
        {u"toupper"_s, toUpper},
        {u"tobase64"_s, toBase64},
        {u"frombase64"_s, fromBase64},
        {u"htmlescape"_s, htmlEscape},
        {u"xmlescape"_s, xmlEscape},
        {u"jsonescape"_s, jsonEscape},
        {u"yamlsinglequoteescape"_s, yamlSingleQuoteEscape},
        {u"yamldoublequoteescape"_s, yamlDoubleQuoteEscape},
        {u"propertieskeyescape"_s, propertiesKeyEscape},
        {u"propertiesvalueescape"_s, propertiesValueEscape},
        {u"uriescape"_s, uriEscape},
        {u"uridataescape"_s, uriDataEscape},
        {u"uripart"_s, uriPart},
        {u"markdown"_s, markdown},
        {u"markdowntohtml"_s, markdown},
        {u"nowdate"_s, nowDate},
        {u"nowdateutc"_s, nowDateUtc},
        {u"format"_s, format},
        {u"replace"_s, replace},
        {u"match"_s, match},
        {u"startswith"_s, startsWith},
        {u"endswith"_s, endsWith},
        {u"contains"_s, contains},
        {u"substring"_s, substring},
        {u"truncate"_s, truncate},
        {u"trim"_s, trim},
        {u"indent"_s, indent},
        {u"append"_s, appendFilter},
        {u"prepend"_s, prependFilter},
        {u"md5"_s, md5},
        {u"sha1"_s, sha1},
        {u"sha256"_s, sha256},
        {u"sha384"_s, sha384},
        {u"sha512"_s, sha512},
        {u"addseconds"_s, addSeconds},
        {u"addminutes"_s, addMinutes},
        {u"addhours"_s, addHours},
        {u"adddays"_s, addDays},
        {u"addweeks"_s, addWeeks},
        {u"addmonths"_s, addMonths},
        {u"addyears"_s, addYears},
        {u"versionmajor"_s, versionMajor},
        {u"versionminor"_s, versionMinor},
        {u"versionpatch"_s, versionPatch},
        {u"versionrevision"_s, versionRevision},
        {u"versionprerelease"_s, versionPreRelease},
        {u"versionprereleaseprefix"_s, versionPreReleasePrefix},
        {u"versionprereleasecounter"_s, versionPreReleaseCounter},
        {u"versionmetadata"_s, versionMetadata},
    };
    return filters;
}

} // namespace

std::optional<QString> TemplateFilters::apply(const QString &name, const std::optional<QString> &argument,
                                              const QStringList &options)
{
    const Filter filter = registry().value(name.toLower(), nullptr);
    if (!filter)
        return std::nullopt;
    return filter(argument, options);
}

bool TemplateFilters::isKnown(const QString &name)
{
    return registry().contains(name.toLower());
}

} // namespace Cuttle
