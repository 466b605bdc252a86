#pragma once

#include "model/variables/dotnetdate.h"

#include <QString>

#include <optional>

namespace Cuttle {

/// .NET standard and custom format strings (invariant culture) for the Format and date filters,
/// because templates moved from the reference engine carry .NET format strings.
class DotNetFormat final
{
public:
    static QString formatDate(const DotNetDate &date, const QString &format);
    /// nullopt when `text` is not a number or the format does not apply to it.
    static std::optional<QString> formatNumber(const QString &text, const QString &format);
};

} // namespace Cuttle
