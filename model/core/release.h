#pragma once

#include "model/core/deploymentprocess.h"
#include "model/core/releasepackage.h"
#include "model/core/variablevalue.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Cuttle {

/// A version of a project frozen for deployment: the process and the variables as they
/// were when it was created (the variables again after "update variables"), and a package
/// version per package reference. Later edits of the project do not change it.
struct Release
{
    QString id;
    QString spaceId;
    QString projectId;
    QString channelId;
    QString version;
    QString notes;
    QDateTime createdAt;
    QString createdBy;
    DeploymentProcess process;
    /// Sensitive values are empty here; their snapshot copies live in the keychain.
    QList<VariableValue> variables;
    QDateTime variablesSnapshotAt;
    bool isBlocked = false; ///< "prevent progression"
    QString blockReason;
    bool ignoredChannelRules = false; ///< created with package versions the channel's rules refuse
    QList<ReleasePackage> packages;
};

} // namespace Cuttle
