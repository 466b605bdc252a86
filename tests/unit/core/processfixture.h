#pragma once

#include "model/core/deploymentprocess.h"

namespace Cuttle::Test {

/// A process with each kind of action, as a release manager would set one up.
inline DeploymentProcess sampleProcess()
{
    DeploymentProcess process;
    process.version = 4;

    DeploymentStep script;
    script.name = QStringLiteral("Check prerequisites");
    script.targetTags = {QStringLiteral("web"), QStringLiteral("db")};
    DeploymentAction check;
    check.name = script.name;
    check.type = ActionType::RunScript;
    check.properties.insert(ActionProperty::ScriptBody, QStringLiteral("test -d /srv && set_octopusvariable Ready yes"));
    check.environmentIds = {QStringLiteral("Environments-1")};
    script.actions << check;

    DeploymentStep deploy;
    deploy.name = QStringLiteral("Deploy web");
    deploy.targetTags = {QStringLiteral("web")};
    deploy.windowSize = QStringLiteral("2");
    deploy.isRequired = true;
    DeploymentAction package;
    package.name = QStringLiteral("Web package");
    package.type = ActionType::DeployPackage;
    package.packages << PackageReference{QString(), QStringLiteral("Acme.Web"), true};
    package.properties.insert(ActionProperty::MaxParallelism, QStringLiteral("#{Parallel}"));
    package.channelIds = {QStringLiteral("Channels-2")};
    DeploymentAction smoke;
    smoke.name = QStringLiteral("Smoke test");
    smoke.type = ActionType::RunScript;
    smoke.properties.insert(ActionProperty::ScriptSource, QStringLiteral("Package"));
    smoke.properties.insert(ActionProperty::ScriptFileName, QStringLiteral("smoke.sh"));
    smoke.packages << PackageReference{QStringLiteral("tools"), QStringLiteral("Acme.Tools"), true};
    deploy.actions << package << smoke;

    DeploymentStep approve;
    approve.name = QStringLiteral("Approve");
    approve.condition = StepCondition::Variable;
    approve.conditionExpression = QStringLiteral("#{if Octopus.Environment.Name == \"Production\"}true#{/if}");
    approve.startTrigger = StartTrigger::StartWithPrevious;
    DeploymentAction manual;
    manual.name = approve.name;
    manual.type = ActionType::ManualIntervention;
    manual.properties.insert(ActionProperty::Instructions, QStringLiteral("Check the dashboard."));
    manual.tenantTags = {QStringLiteral("Tier/Gold")};
    approve.actions << manual;

    DeploymentStep transfer;
    transfer.name = QStringLiteral("Hand over");
    transfer.runOnWorkstation = true;
    transfer.condition = StepCondition::Always;
    transfer.isDisabled = true;
    DeploymentAction copy;
    copy.name = transfer.name;
    copy.type = ActionType::TransferPackage;
    copy.properties.insert(ActionProperty::TransferPath, QStringLiteral("/srv/drop"));
    copy.packages << PackageReference{QString(), QStringLiteral("Acme.Docs"), false};
    transfer.actions << copy;

    process.steps << script << deploy << approve << transfer;
    return process;
}

} // namespace Cuttle::Test
