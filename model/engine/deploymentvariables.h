#pragma once

#include "model/core/deployment.h"
#include "model/core/deploymentplan.h"
#include "model/core/deploymenttarget.h"
#include "model/core/release.h"
#include "model/variables/variabledictionary.h"
#include "model/variables/variableset.h"

#include <QHash>
#include <QMutex>

namespace Cuttle {

/// The variables of one running deployment: the release's snapshot (with its secrets),
/// prompted values, the system variables of domain.md 2.6 and the output variables that
/// steps set as they run. Resolves them for a step, action and target. Thread-safe: the
/// targets of a step resolve and add outputs in parallel.
class DeploymentVariables final
{
public:
    /// What the system variables are made of, beyond the plan and the release.
    struct Facts
    {
        Deployment deployment;
        QString taskId;
        QString spaceName;
        QString projectGroupName;
        int environmentSortOrder = 0;
        QStringList tenantTags;
        QString previousReleaseNumber;
        QString previousForEnvironmentNumber;
        /// Every target of the deployment, for Octopus.Deployment.Machines and MachinesInRole.
        QList<DeploymentTarget> machines;
    };

    DeploymentVariables(const DeploymentPlan &plan, const Release &release, const QList<VariableValue> &snapshot,
                        const Facts &facts);

    /// The variables as one step's action sees them on `target` (nullptr: this workstation, or
    /// a step that runs nowhere).
    VariableDictionary resolve(const DeploymentPlan::Step &step, const DeploymentPlan::Action &action,
                               const DeploymentTarget *target) const;
    /// Octopus.Action[<action>].Output.<name> and Octopus.Action[<action>].Output[<machine>].<name>.
    void addOutput(const QString &actionName, const QString &machineName, const QString &name, const QString &value,
                   bool sensitive);
    /// Sets a deployment-wide variable such as Octopus.Deployment.Error.
    void setDeploymentValue(const QString &name, const QString &value);
    /// Every sensitive value known so far, for the log's masker.
    QStringList sensitiveValues() const;

private:
    DeploymentPlan m_plan;
    VariableSet m_set;
    VariableDictionary m_system;  ///< deployment-wide system variables
    QHash<QString, bool> m_promptedSensitive; ///< prompted names whose value is sensitive
    mutable QMutex m_mutex;
    VariableDictionary m_outputs; ///< guarded by m_mutex
    QStringList m_sensitive;      ///< guarded by m_mutex
};

} // namespace Cuttle
