#include "model/variables/dotnetformat.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

const char *const monthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
const char *const dayNames[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

QString pad(qint64 v, int width)
{
    return QString::number(v).rightJustified(width, u'0');
}

QString offsetText(const DotNetDate &d, bool withColon, bool minutes)
{
    const int off = d.kind == DotNetDate::Kind::Offset ? d.offsetSeconds : 0;
    const int a = std::abs(off);
    QString out = off < 0 ? u"-"_s : u"+"_s;
    out += pad(a / 3600, 2);
    if (minutes)
        out += (withColon ? u":"_s : QString()) + pad((a % 3600) / 60, 2);
    return out;
}

QString expandStandard(const QString &format)
{
    if (format.size() != 1)
        return format;
    switch (format.front().unicode()) {
    case 'd': return u"MM/dd/yyyy"_s;
    case 'D': return u"dddd, dd MMMM yyyy"_s;
    case 'f': return u"dddd, dd MMMM yyyy HH:mm"_s;
    case 'F': return u"dddd, dd MMMM yyyy HH:mm:ss"_s;
    case 'g': return u"MM/dd/yyyy HH:mm"_s;
    case 'G': return u"MM/dd/yyyy HH:mm:ss"_s;
    case 'm':
    case 'M': return u"MMMM dd"_s;
    case 's': return u"yyyy'-'MM'-'dd'T'HH':'mm':'ss"_s;
    case 't': return u"HH:mm"_s;
    case 'T': return u"HH:mm:ss"_s;
    case 'u': return u"yyyy'-'MM'-'dd HH':'mm':'ss'Z'"_s;
    case 'y':
    case 'Y': return u"yyyy MMMM"_s;
    case 'r':
    case 'R': return u"ddd, dd MMM yyyy HH':'mm':'ss 'GMT'"_s;
    }
    return format;
}

} // namespace

QString DotNetFormat::formatDate(const DotNetDate &d, const QString &formatIn)
{
    if (formatIn == "O"_L1 || formatIn == "o"_L1) {
        QString out = d.dateTime.toString(u"yyyy-MM-ddTHH:mm:ss"_s) + u'.'
            + pad(qint64(d.dateTime.time().msec()) * 10000 + d.subMillisecondTicks, 7);
        if (d.kind == DotNetDate::Kind::Utc)
            out += u'Z';
        else if (d.kind == DotNetDate::Kind::Offset)
            out += offsetText(d, true, true);
        return out;
    }
    const QString format = expandStandard(formatIn);
    const QDate date = d.dateTime.date();
    const QTime time = d.dateTime.time();
    const qint64 ticks = qint64(time.msec()) * 10000 + d.subMillisecondTicks;
    QString out;
    for (qsizetype i = 0; i < format.size();) {
        const QChar c = format.at(i);
        qsizetype run = 1;
        while (i + run < format.size() && format.at(i + run) == c)
            ++run;
        switch (c.unicode()) {
        case 'd':
            if (run == 1) out += QString::number(date.day());
            else if (run == 2) out += pad(date.day(), 2);
            else if (run == 3) out += QLatin1StringView(dayNames[date.dayOfWeek() - 1]).left(3);
            else out += QLatin1StringView(dayNames[date.dayOfWeek() - 1]);
            break;
        case 'M':
            if (run == 1) out += QString::number(date.month());
            else if (run == 2) out += pad(date.month(), 2);
            else if (run == 3) out += QLatin1StringView(monthNames[date.month() - 1]).left(3);
            else out += QLatin1StringView(monthNames[date.month() - 1]);
            break;
        case 'y':
            if (run == 1) out += QString::number(date.year() % 100);
            else if (run == 2) out += pad(date.year() % 100, 2);
            else out += pad(date.year(), int(run));
            break;
        case 'H': out += run == 1 ? QString::number(time.hour()) : pad(time.hour(), 2); break;
        case 'h': {
            const int h = time.hour() % 12 == 0 ? 12 : time.hour() % 12;
            out += run == 1 ? QString::number(h) : pad(h, 2);
            break;
        }
        case 'm': out += run == 1 ? QString::number(time.minute()) : pad(time.minute(), 2); break;
        case 's': out += run == 1 ? QString::number(time.second()) : pad(time.second(), 2); break;
        case 'f':
        case 'F': {
            const int n = int(std::min<qsizetype>(run, 7));
            QString digits = pad(ticks, 7).left(n);
            if (c == u'F') {
                while (!digits.isEmpty() && digits.back() == u'0')
                    digits.chop(1);
            }
            out += digits;
            break;
        }
        case 't': out += (time.hour() < 12 ? u"AM"_s : u"PM"_s).left(run == 1 ? 1 : 2); break;
        case 'z': {
            const int off = d.kind == DotNetDate::Kind::Offset ? d.offsetSeconds : 0;
            const QString sign = off < 0 ? u"-"_s : u"+"_s;
            if (run == 1)
                out += sign + QString::number(std::abs(off) / 3600);
            else
                out += offsetText(d, true, run >= 3);
            break;
        }
        case 'K':
            if (d.kind == DotNetDate::Kind::Utc) out += u'Z';
            else if (d.kind == DotNetDate::Kind::Offset) out += offsetText(d, true, true);
            run = 1;
            break;
        case '\'':
        case '"': {
            const qsizetype end = format.indexOf(c, i + 1);
            const qsizetype stop = end < 0 ? format.size() : end;
            out += format.mid(i + 1, stop - i - 1);
            run = stop - i + 1;
            break;
        }
        case '\\':
            if (i + 1 < format.size())
                out += format.at(i + 1);
            run = 2;
            break;
        case '%':
            run = 1;
            break;
        default:
            out += QString(run, c);
            break;
        }
        i += run;
    }
    return out;
}

namespace {

QString group(const QString &digits)
{
    QString out;
    const qsizetype n = digits.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0)
            out += u',';
        out += digits.at(i);
    }
    return out;
}

// Fixed-point text of |v| with `decimals` digits, rounding half away from zero as .NET does.
QString fixed(double v, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    const double scaled = std::fabs(v) * scale;
    if (scaled < 9e15) {
        const double rounded = std::floor(scaled + 0.5 + 1e-9 * scaled / 1e6);
        QString digits = QString::number(qint64(rounded)).rightJustified(decimals + 1, u'0');
        if (decimals == 0)
            return digits;
        return digits.left(digits.size() - decimals) + u'.' + digits.right(decimals);
    }
    return QString::number(std::fabs(v), 'f', decimals);
}

QString customNumber(double v, const QString &formatIn)
{
    QString format = formatIn.section(u';', 0, 0);
    if (v < 0 && formatIn.contains(u';'))
        format = formatIn.section(u';', 1, 1);
    const bool negativeSection = v < 0 && formatIn.contains(u';');
    if (format.contains(u'%'))
        v *= 100;
    qsizetype firstPh = -1, lastPh = -1;
    for (qsizetype i = 0; i < format.size(); ++i) {
        const QChar c = format.at(i);
        if (c == u'0' || c == u'#' || c == u'.' || c == u',') {
            if (firstPh < 0)
                firstPh = i;
            lastPh = i;
        }
    }
    if (firstPh < 0)
        return format;
    const QString prefix = format.left(firstPh);
    const QString suffix = format.mid(lastPh + 1);
    const QString body = format.mid(firstPh, lastPh - firstPh + 1);
    const qsizetype dot = body.indexOf(u'.');
    const QString intPart = dot < 0 ? body : body.left(dot);
    const QString fracPart = dot < 0 ? QString() : body.mid(dot + 1);
    const bool grouping = intPart.contains(u',');
    const int minInt = int(intPart.count(u'0'));
    const int minFrac = int(fracPart.count(u'0'));
    const int maxFrac = minFrac + int(fracPart.count(u'#'));
    QString text = fixed(v, maxFrac);
    QString ip = text.section(u'.', 0, 0);
    QString fp = text.contains(u'.') ? text.section(u'.', 1, 1) : QString();
    while (fp.size() > minFrac && fp.endsWith(u'0'))
        fp.chop(1);
    while (ip.size() > 1 && ip.startsWith(u'0'))
        ip.remove(0, 1);
    if (ip == "0"_L1 && minInt == 0)
        ip.clear();
    if (ip.size() < minInt)
        ip = ip.rightJustified(minInt, u'0');
    if (grouping)
        ip = group(ip);
    QString number = ip + (fp.isEmpty() ? QString() : u'.' + fp);
    const bool isZero = !number.contains(QRegularExpression(u"[1-9]"_s));
    const QString sign = (v < 0 && !negativeSection && !isZero) ? u"-"_s : QString();
    auto literal = [](QString s) {
        s.remove(u'\'');
        s.remove(u'"');
        return s;
    };
    return sign + literal(prefix) + number + literal(suffix);
}

} // namespace

std::optional<QString> DotNetFormat::formatNumber(const QString &textIn, const QString &format)
{
    QString text = textIn.trimmed();
    static const QRegularExpression numeric(u"^[+-]?(\\d{1,3}(,\\d{3})+|\\d+)?(\\.\\d+)?([eE][+-]?\\d+)?$"_s);
    if (text.isEmpty() || !numeric.match(text).hasMatch() || text == "."_L1)
        return std::nullopt;
    text.remove(u',');
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    static const QRegularExpression standard(u"^([CcDdEeFfGgNnPpRrXx])(\\d{0,2})$"_s);
    const auto m = standard.match(format);
    if (!m.hasMatch())
        return customNumber(v, format);
    const QChar kind = m.captured(1).front().toUpper();
    const bool hasPrecision = !m.captured(2).isEmpty();
    const int precision = m.captured(2).toInt();
    const QString sign = v < 0 ? u"-"_s : QString();
    switch (kind.unicode()) {
    case 'F':
        return sign + fixed(v, hasPrecision ? precision : 2);
    case 'N': {
        const QString f = fixed(v, hasPrecision ? precision : 2);
        return sign + group(f.section(u'.', 0, 0)) + (f.contains(u'.') ? u'.' + f.section(u'.', 1, 1) : QString());
    }
    case 'C': {
        const QString f = fixed(v, hasPrecision ? precision : 2);
        const QString body = group(f.section(u'.', 0, 0)) + (f.contains(u'.') ? u'.' + f.section(u'.', 1, 1) : QString());
        if (v < 0)
            return QString(u"(\u00A4"_s + body + u')');
        return QString(u"\u00A4"_s + body);
    }
    case 'P': {
        const QString f = fixed(v * 100, hasPrecision ? precision : 2);
        return sign + group(f.section(u'.', 0, 0)) + (f.contains(u'.') ? u'.' + f.section(u'.', 1, 1) : QString())
            + u" %"_s;
    }
    case 'D':
    case 'X': {
        if (v != std::floor(v) || std::fabs(v) > 9.2e18 || text.contains(u'.') || text.contains(u'e', Qt::CaseInsensitive))
            return std::nullopt;
        const qint64 n = qint64(v);
        if (kind == u'D')
            return (n < 0 ? u"-"_s : QString()) + QString::number(std::llabs(n)).rightJustified(precision, u'0');
        QString hex = QString::number(quint64(n), 16).rightJustified(precision, u'0');
        return m.captured(1) == "X"_L1 ? hex.toUpper() : hex;
    }
    case 'E': {
        QString e = QString::number(v, 'e', hasPrecision ? precision : 6);
        // .NET writes at least three exponent digits.
        const qsizetype ePos = e.indexOf(u'e');
        QString exponent = e.mid(ePos + 2).rightJustified(3, u'0');
        e = e.left(ePos) + (m.captured(1) == "E"_L1 ? u"E"_s : u"e"_s) + e.at(ePos + 1) + exponent;
        return e;
    }
    case 'G':
    case 'R':
        return QString::number(v, 'g', hasPrecision && precision > 0 ? precision : QLocale::FloatingPointShortest);
    }
    return std::nullopt;
}

} // namespace Cuttle
