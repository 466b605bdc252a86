#pragma once

#include "model/core/deploymentaction.h"
#include "model/core/processenums.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Cuttle {

/// One step of a deployment process: where it runs (target tags, or this workstation),
/// when (condition and start trigger) and its action, or for a rolling step its child
/// actions, run as a group per target.
struct DeploymentStep
{
    QString id;
    QString name;
    StartTrigger startTrigger = StartTrigger::StartAfterPrevious;
    StepCondition condition = StepCondition::Success;
    QString conditionExpression; ///< StepCondition::Variable: true when this evaluates truthy
    bool runOnWorkstation = false;
    QStringList targetTags;
    QString windowSize; ///< rolling: how many targets at once (a number or a #{variable}); empty: all
    bool isRequired = false;
    bool isDisabled = false;
    QList<DeploymentAction> actions;

    bool isRolling() const { return !windowSize.isEmpty() || actions.size() > 1; }

    friend bool operator==(const DeploymentStep &, const DeploymentStep &) = default;
};

} // namespace Cuttle
