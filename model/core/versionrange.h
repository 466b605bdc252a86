#pragma once

#include "model/core/mavenversion.h"
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

    /// Bounds must be semantic versions (NuGet and most package formats).
    static Result<VersionRange> parse(QStringView text);
    /// Bounds are Maven versions (`[1.0-SNAPSHOT,2.0.0.RELEASE)`), for Jar, War and Ear packages.
    static Result<VersionRange> parseMaven(QStringView text);

    bool contains(const SemanticVersion &version) const;
    /// Compares with Maven ordering; bounds of a semantic range are read as Maven versions.
    bool contains(const MavenVersion &version) const;

    /// Semantic bounds; empty for a Maven range whose bound is not a semantic version.
    const std::optional<SemanticVersion> &minimum() const { return m_min; }
    const std::optional<SemanticVersion> &maximum() const { return m_max; }
    bool isMinimumInclusive() const { return m_minInclusive; }
    bool isMaximumInclusive() const { return m_maxInclusive; }
    bool isUnbounded() const { return !m_min && !m_max && !m_mavenMin && !m_mavenMax; }

    /// Interval notation of the range, e.g. "[1.0.0, 2.0.0)"; an empty string for the unbounded range.
    QString toString() const;

private:
    static Result<VersionRange> parseWith(QStringView text, bool maven);
    bool setBound(QStringView text, std::optional<SemanticVersion> &semantic, std::optional<MavenVersion> &maven) const;

    std::optional<SemanticVersion> m_min;
    std::optional<SemanticVersion> m_max;
    bool m_minInclusive = false;
    bool m_maxInclusive = false;
    std::optional<MavenVersion> m_mavenMin;
    std::optional<MavenVersion> m_mavenMax;
    bool m_maven = false;
};

} // namespace Cuttle
