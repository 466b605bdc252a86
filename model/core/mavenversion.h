#pragma once

#include <QString>
#include <QStringView>

#include <compare>
#include <memory>
#include <optional>
#include <vector>

namespace Cuttle {

/// A Java package version ordered like Maven's ComparableVersion:
/// alpha < beta < milestone < rc (= cr) < snapshot < release (= ga = final) < sp,
/// unknown qualifiers after sp in alphabetical order, numbers numerically, trailing zeros ignored.
class MavenVersion final
{
public:
    /// Any non-empty text without whitespace or control characters is a Maven version.
    static std::optional<MavenVersion> parse(QStringView text);

    /// The text as parsed.
    QString toString() const { return m_text; }
    /// The normalized item list, e.g. "1-rc-1" for "1.0.0-CR1"; equal versions have equal forms.
    QString toCanonicalString() const;

    friend std::strong_ordering operator<=>(const MavenVersion &a, const MavenVersion &b);
    friend bool operator==(const MavenVersion &a, const MavenVersion &b)
    {
        return (a <=> b) == std::strong_ordering::equal;
    }

    struct Item
    {
        enum class Kind { Integer, String, List };
        Kind kind = Kind::List;
        QString value; ///< digits without leading zeros, or a lower-case qualifier
        std::vector<Item> items;
    };

private:
    MavenVersion() = default;

    QString m_text;
    std::shared_ptr<const Item> m_root; // immutable, so copies may share it
};

} // namespace Cuttle
