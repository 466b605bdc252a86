#pragma once

#include "model/core/semanticversion.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace Cuttle {

/// A release version with mask characters (domain.md 4): `i` for the incremented and `c`
/// for the current value of a component, as in `2.1.c.i` or `1.0.0-beta.i`. The current
/// version is the latest existing one whose leading literal components match the mask.
class VersionMask final
{
public:
    /// nullopt unless the text is a version with at least one `i` or `c` (the first
    /// pre-release identifier is always literal; build metadata is not allowed).
    static std::optional<VersionMask> parse(QStringView text);
    static bool isMask(QStringView text) { return parse(text).has_value(); }

    /// The next version after `current` (or the first one, with every `i` and `c` as 0).
    /// An increment resets every substituted component after it to 0; components the
    /// current version has beyond the mask are kept, or reset after an increment.
    SemanticVersion apply(const std::optional<SemanticVersion> &current) const;
    /// The highest of `versions` whose components match the mask's leading literal ones.
    std::optional<SemanticVersion> latestMatching(const QList<SemanticVersion> &versions) const;

private:
    struct Part
    {
        enum class Kind { Literal, Current, Increment } kind = Kind::Literal;
        QString text;
    };

    QList<Part> m_numbers;
    QList<Part> m_preRelease;
};

} // namespace Cuttle
