#pragma once

#include "model/core/result.h"
#include "model/core/semanticversion.h"
#include "model/variables/variabledictionary.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Cuttle {

/// The version a new release gets from its project's template (domain.md 4): the template
/// is evaluated with the project's variables plus Octopus.Version.*, Octopus.Date.*,
/// Octopus.Time.* and Octopus.Release.Channel.Name; if the result carries mask characters
/// (`2.1.c.i`) it continues from the latest existing release that matches it.
class ReleaseVersionTemplate final
{
    Q_DECLARE_TR_FUNCTIONS(ReleaseVersionTemplate)

public:
    /// What the template can refer to besides the project's variables.
    struct Inputs
    {
        QList<SemanticVersion> existingVersions;           ///< every release of the project
        std::optional<SemanticVersion> latest;             ///< the project's latest release
        QString channelName;
        std::optional<SemanticVersion> latestInChannel;    ///< of the release's channel
        QHash<QString, std::optional<SemanticVersion>> latestByChannelName; ///< for Octopus.Version.Channel[Name].*
        QDateTime now;                                     ///< local time of the workstation
    };

    /// The variables the template sees: `projectVariables` (unscoped or scoped to the
    /// channel, already resolved by the caller) plus the system ones above.
    static VariableDictionary variables(const VariableDictionary &projectVariables, const Inputs &inputs);
    /// The next version, or one sentence saying why the template gives none. An empty
    /// template means Project::defaultReleaseVersionTemplate().
    static Result<SemanticVersion> next(const QString &templateText, const VariableDictionary &projectVariables,
                                        const Inputs &inputs);
};

} // namespace Cuttle
