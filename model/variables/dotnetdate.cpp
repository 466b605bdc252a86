#include "model/variables/dotnetdate.h"

#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Cuttle {

std::optional<DotNetDate> DotNetDate::parse(const QString &text)
{
    static const QRegularExpression iso(
        u"^\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,7}))?)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?\\s*$"_s);
    static const QRegularExpression us(
        u"^\\s*(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*(AM|PM))?)?\\s*$"_s,
        QRegularExpression::CaseInsensitiveOption);
    DotNetDate out;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, ms = 0;
    auto m = iso.match(text);
    if (m.hasMatch()) {
        year = m.captured(1).toInt();
        month = m.captured(2).toInt();
        day = m.captured(3).toInt();
        hour = m.captured(4).toInt();
        minute = m.captured(5).toInt();
        second = m.captured(6).toInt();
        const QString fraction = m.captured(7).leftJustified(7, u'0');
        const int ticks = fraction.toInt();
        ms = ticks / 10000;
        out.subMillisecondTicks = ticks % 10000;
        const QString zone = m.captured(8);
        if (zone == "Z"_L1) {
            out.kind = Kind::Utc;
        } else if (!zone.isEmpty()) {
            QString digits = zone.mid(1);
            digits.remove(u':');
            out.kind = Kind::Offset;
            out.offsetSeconds = (digits.left(2).toInt() * 3600 + digits.mid(2, 2).toInt() * 60) * (zone.front() == u'-' ? -1 : 1);
        }
    } else {
        m = us.match(text);
        if (!m.hasMatch())
            return std::nullopt;
        month = m.captured(1).toInt();
        day = m.captured(2).toInt();
        year = m.captured(3).toInt();
        hour = m.captured(4).toInt();
        minute = m.captured(5).toInt();
        second = m.captured(6).toInt();
        const QString ampm = m.captured(7).toUpper();
        if (!ampm.isEmpty()) {
            if (hour < 1 || hour > 12)
                return std::nullopt;
            hour = (hour % 12) + (ampm == "PM"_L1 ? 12 : 0);
        }
    }
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, ms);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    out.dateTime = QDateTime(date, time, Qt::UTC);
    return out;
}

DotNetDate DotNetDate::localNow()
{
    const QDateTime now = QDateTime::currentDateTime();
    DotNetDate out;
    out.dateTime = QDateTime(now.date(), now.time(), Qt::UTC);
    return out;
}

DotNetDate DotNetDate::utcNow()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    DotNetDate out;
    out.dateTime = QDateTime(now.date(), now.time(), Qt::UTC);
    out.kind = Kind::Utc;
    return out;
}

} // namespace Cuttle
