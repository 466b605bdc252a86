#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace Cuttle {

/// A date as .NET's DateTime/DateTimeOffset sees it: a wall-clock time plus its kind, with
/// 100 ns ticks below the millisecond, so the date filters print what the reference engine prints.
struct DotNetDate
{
    enum class Kind { Unspecified, Utc, Offset };

    QDateTime dateTime; ///< wall-clock time, held in UTC spec so that no time-zone rules apply to it
    int subMillisecondTicks = 0;
    Kind kind = Kind::Unspecified;
    int offsetSeconds = 0;

    static std::optional<DotNetDate> parse(const QString &text);
    static DotNetDate localNow();
    static DotNetDate utcNow();
};

} // namespace Cuttle
