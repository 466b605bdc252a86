#pragma once

#include "model/core/deployment.h"
#include "model/core/deploymenttarget.h"
#include "model/core/processenums.h"
#include "model/core/releasepackage.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Cuttle {

/// What a deployment of a release to one environment (and tenant) will do: per step of the
/// release's process snapshot whether it runs (and why not), on which targets (and which
/// ones were left out, and why), how many at once and with which package versions. The
/// executor loads the release by id for the process and the variables.
struct DeploymentPlan
{
    /// Why a step or action does not run in this deployment.
    enum class SkipReason {
        None,
        Disabled,
        SkippedByRequest,
        EnvironmentFilter,   ///< the action runs only in other environments
        ExcludedEnvironment, ///< the action is excluded from this environment
        ChannelFilter,
        TenantTagFilter,
        NoTargets, ///< no target matches and the project allows deployments to no targets
    };

    /// A target of the environment with one of the step's tags that does not take part.
    struct TargetExclusion
    {
        QString targetId;
        QString targetName;
        QString reason; ///< e.g. "disabled", "unhealthy"
    };

    struct Action
    {
        QString name;
        ActionType type = ActionType::RunScript;
        SkipReason skipReason = SkipReason::None;
        QString skipMessage; ///< a sentence for people, empty when the action runs
        QList<ReleasePackage> packages;
        bool isSkipped() const { return skipReason != SkipReason::None; }
    };

    struct Step
    {
        int number = 0; ///< 1-based, as the log shows it ("Step 1: ...")
        QString id;
        QString name;
        StepCondition condition = StepCondition::Success;
        QString conditionExpression;
        StartTrigger startTrigger = StartTrigger::StartAfterPrevious;
        bool runOnWorkstation = false;
        bool runsOnTargets = false; ///< false for steps that run nowhere (manual intervention)
        QStringList targetTags;
        SkipReason skipReason = SkipReason::None;
        QString skipMessage;
        QList<Action> actions;
        QList<DeploymentTarget> targets;
        QList<TargetExclusion> excludedTargets;
        int maxParallelism = 10;
        int windowSize = 0; ///< rolling: targets at once; 0: all of them
        bool isRolling = false;

        bool isSkipped() const { return skipReason != SkipReason::None; }
        QList<ReleasePackage> packages() const
        {
            QList<ReleasePackage> all;
            for (const Action &action : actions) {
                if (!action.isSkipped())
                    all += action.packages;
            }
            return all;
        }
    };

    QString spaceId;
    QString projectId;
    QString projectName;
    QString releaseId;
    QString releaseVersion;
    QString channelId;
    QString channelName;
    QString environmentId;
    QString environmentName;
    QString tenantId; ///< empty: untenanted
    QString tenantName;
    bool useGuidedFailure = false;
    bool forcePackageRedeployment = false;
    QString comments;
    QDateTime queueTime;       ///< invalid: now
    QDateTime queueTimeExpiry; ///< invalid: never
    QStringList skipActions;
    QStringList specificTargetIds;
    QStringList excludedTargetIds;
    QMap<QString, QString> formValues; ///< prompted values by variable name
    QList<Step> steps;

    /// The deployment record this plan asks for (without id and task).
    Deployment toDeployment() const
    {
        Deployment d;
        d.spaceId = spaceId;
        d.projectId = projectId;
        d.releaseId = releaseId;
        d.environmentId = environmentId;
        d.tenantId = tenantId;
        d.channelId = channelId;
        d.comments = comments;
        d.useGuidedFailure = useGuidedFailure;
        d.forcePackageRedeployment = forcePackageRedeployment;
        d.skipActions = skipActions;
        d.specificTargetIds = specificTargetIds;
        d.excludedTargetIds = excludedTargetIds;
        d.formValues = formValues;
        return d;
    }
};

} // namespace Cuttle
