#pragma once

#include "model/engine/deploy/servicemessageevent.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Cuttle {

/// Where a package was extracted on a target (for Octopus.Action.Package.InstallationDirectoryPath).
struct ExtractedPackage
{
    QString path;                    ///< absolute path of the fresh directory
    QString directoryName;           ///< its last component, "<version>[_N]"
    QStringList conventionScripts;   ///< which of PreDeploy.sh, Deploy.sh, PostDeploy.sh, DeployFailed.sh it holds
    QList<ServiceMessageEvent> messages; ///< all the extracting command reported, the work done after it included
};

} // namespace Cuttle
