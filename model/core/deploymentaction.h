#pragma once

#include "model/core/packagereference.h"
#include "model/core/processenums.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Cuttle {

/// What a step does: its type, the properties of that type (named as in the reference
/// product, e.g. Octopus.Action.Script.ScriptBody), its packages and its filters.
struct DeploymentAction
{
    QString id;
    QString name;
    ActionType type = ActionType::RunScript;
    QStringList environmentIds;         ///< runs only in these (empty: all)
    QStringList excludedEnvironmentIds; ///< never runs in these
    QStringList channelIds;             ///< runs only for releases of these channels (empty: all)
    QStringList tenantTags;             ///< canonical `Set/Tag`; runs only for matching tenants
    bool isDisabled = false;
    bool isRequired = false; ///< cannot be skipped when deploying
    QMap<QString, QString> properties;
    QList<PackageReference> packages;

    friend bool operator==(const DeploymentAction &, const DeploymentAction &) = default;
};

/// Property names shared by the engine, the editor and validation.
namespace ActionProperty {
inline const QString ScriptBody = QStringLiteral("Octopus.Action.Script.ScriptBody");
/// "Inline" (default) or "Package": the script file comes from the action's package.
inline const QString ScriptSource = QStringLiteral("Octopus.Action.Script.ScriptSource");
inline const QString ScriptFileName = QStringLiteral("Octopus.Action.Script.ScriptFileName");
inline const QString ScriptParameters = QStringLiteral("Octopus.Action.Script.ScriptParameters");
inline const QString MaxParallelism = QStringLiteral("Octopus.Action.MaxParallelism");
inline const QString CustomInstallationDirectory = QStringLiteral("Octopus.Action.Package.CustomInstallationDirectory");
inline const QString TransferPath = QStringLiteral("Octopus.Action.Package.TransferPath");
inline const QString Instructions = QStringLiteral("Octopus.Action.Manual.Instructions");
inline const QString ResponsibleTeamIds = QStringLiteral("Octopus.Action.Manual.ResponsibleTeamIds");
/// A package step's own Bash for a convention ("PreDeploy", "Deploy", "PostDeploy",
/// "DeployFailed"): Octopus.Action.CustomScripts.<phase>.sh. It runs after the package's script
/// of the same name, in the extracted directory.
inline QString customScript(const QString &phase)
{
    return QStringLiteral("Octopus.Action.CustomScripts.") + phase + QStringLiteral(".sh");
}
} // namespace ActionProperty

} // namespace Cuttle
