#pragma once

#include "model/core/result.h"
#include "model/core/semanticversion.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace Cuttle {

/// A NuGet/Maven interval of versions: `1.0` (>= 1.0), `[1.0]`, `[1.0,2.0)`, `(,2.0]`, `[1.0,)`.
class VersionRange final
{
public:
    /// The range that contains every version.
    VersionRange() = default;

    static Result<VersionRange> parse(QStringView text);

    bool contains(const SemanticVersion &version) const;

    const std::optional<SemanticVersion> &minimum() const { return m_min; }
    const std::optional<SemanticVersion> &maximum() const { return m_max; }
    bool isMinimumInclusive() const { return m_minInclusive; }
    bool isMaximumInclusive() const { return m_maxInclusive; }
    bool isUnbounded() const { return !m_min && !m_max; }

    /// Interval notation of the range, e.g. "[1.0.0, 2.0.0)"; an empty string for the unbounded range.
    QString toString() const;

private:
    std::optional<SemanticVersion> m_min;
    std::optional<SemanticVersion> m_max;
    bool m_minInclusive = false;
    bool m_maxInclusive = false;
};

} // namespace Cuttle
