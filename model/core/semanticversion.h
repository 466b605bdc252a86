#pragma once

#include <QString>
#include <QStringView>

#include <compare>
#include <optional>

namespace Cuttle {

/// A package or release version: SemVer 2.0 plus the 1-, 2- and 4-part forms NuGet accepts.
/// Ordering is semantic: 1.0.0.0 == 1.0.0, 2016.01.02 == 2016.1.2, build metadata is ignored,
/// pre-release identifiers compare numerically when numeric and case-insensitively otherwise.
class SemanticVersion final
{
public:
    /// 0.0.0
    SemanticVersion() = default;
    SemanticVersion(int major, int minor, int patch, int revision = 0,
                    const QString &preRelease = {}, const QString &metadata = {});

    /// Parses `1`, `1.2`, `1.2.3`, `1.2.3.4`, each optionally followed by `-pre.release` and `+metadata`.
    static std::optional<SemanticVersion> parse(QStringView text);

    int major() const { return m_major; }
    int minor() const { return m_minor; }
    int patch() const { return m_patch; }
    int revision() const { return m_revision; }

    /// "beta.10" for 3.0.0-beta.10; empty for a stable version.
    QString preRelease() const { return m_preRelease; }
    /// The pre-release without its trailing counter: "beta" for "beta.10" or "beta10".
    QString preReleasePrefix() const;
    /// The trailing numeric counter of the pre-release: "10" for "beta.10" or "beta10"; empty if none.
    QString preReleaseCounter() const;
    /// Build metadata after '+'.
    QString metadata() const { return m_metadata; }
    bool isPreRelease() const { return !m_preRelease.isEmpty(); }

    /// The text as parsed (or as built from the parts).
    QString toString() const { return m_text; }
    /// Major.Minor.Patch[.Revision when not 0][-PreRelease], without leading zeros and metadata.
    QString toNormalizedString() const;

    friend std::strong_ordering operator<=>(const SemanticVersion &a, const SemanticVersion &b);
    friend bool operator==(const SemanticVersion &a, const SemanticVersion &b)
    {
        return (a <=> b) == std::strong_ordering::equal;
    }

private:
    int m_major = 0;
    int m_minor = 0;
    int m_patch = 0;
    int m_revision = 0;
    QString m_preRelease;
    QString m_metadata;
    QString m_text = QStringLiteral("0.0.0");
};

/// Consistent with operator==: versions that compare equal hash equally.
size_t qHash(const SemanticVersion &version, size_t seed = 0);

} // namespace Cuttle
