#pragma once

#include "model/core/result.h"
#include "model/core/semanticversion.h"

#include <QRegularExpression>
#include <QString>

namespace Cuttle {

/// A channel's pre-release tag rule: a regular expression searched in the pre-release and
/// in the build metadata of a version (`^$` = stable only, `^beta`, `^(?!beta).+`).
class VersionTagRule final
{
public:
    /// The rule that accepts every version.
    VersionTagRule() = default;

    /// An empty pattern accepts every version; an invalid expression is a validation error.
    static Result<VersionTagRule> parse(const QString &pattern);

    /// True when the expression matches the pre-release (empty for a stable version), or
    /// the build metadata when the version has some.
    bool matches(const SemanticVersion &version) const;
    /// Matches one tag text directly, e.g. "beta.1".
    bool matchesTag(const QString &tag) const;

    QString pattern() const { return m_regex.pattern(); }
    bool acceptsEverything() const { return m_regex.pattern().isEmpty(); }

private:
    QRegularExpression m_regex;
};

} // namespace Cuttle
