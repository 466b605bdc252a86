#include "model/core/versiontagrule.h"

#include <QCoreApplication>

namespace Cuttle {

Result<VersionTagRule> VersionTagRule::parse(const QString &pattern)
{
    VersionTagRule rule;
    if (pattern.isEmpty())
        return rule;
    rule.m_regex = QRegularExpression(pattern, QRegularExpression::DontCaptureOption);
    if (!rule.m_regex.isValid()) {
        return Error::validation(
            QCoreApplication::translate("VersionTagRule", "The pre-release tag rule \"%1\" is not a valid regular expression: %2 at position %3.")
                .arg(pattern, rule.m_regex.errorString())
                .arg(rule.m_regex.patternErrorOffset()),
            QStringLiteral("versionTag"));
    }
    rule.m_regex.optimize();
    return rule;
}

bool VersionTagRule::matchesTag(const QString &tag) const
{
    return acceptsEverything() || m_regex.match(tag).hasMatch();
}

bool VersionTagRule::matches(const SemanticVersion &version) const
{
    if (acceptsEverything())
        return true;
    if (matchesTag(version.preRelease()))
        return true;
    // Metadata counts only when present, otherwise "^$" would accept every pre-release.
    return !version.metadata().isEmpty() && matchesTag(version.metadata());
}

} // namespace Cuttle
