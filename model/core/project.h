#pragma once

#include "model/core/domainenums.h"

#include <QString>
#include <QStringList>

namespace Cuttle {

/// What gets deployed. The process, variables, channels and releases hang off its id.
struct Project
{
    QString id;
    QString spaceId;
    QString name;
    QString description;
    QString projectGroupId;
    QString lifecycleId;
    TenantedMode tenantedMode = TenantedMode::Untenanted;
    bool isDisabled = false;
    QString releaseVersionTemplate = defaultReleaseVersionTemplate();
    bool allowDeploymentsToNoTargets = false;
    bool skipUnavailableTargets = false;
    bool excludeUnhealthyTargets = false;
    QStringList includedLibrarySetIds;

    static QString defaultReleaseVersionTemplate()
    {
        return QStringLiteral(
            "#{Octopus.Version.LastMajor}.#{Octopus.Version.LastMinor}.#{Octopus.Version.NextPatch}");
    }
};

} // namespace Cuttle
