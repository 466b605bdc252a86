#include "model/core/processenums.h"

#include "model/core/enumnames.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace Cuttle {

using namespace EnumNames;

namespace {

constexpr std::array<std::pair<StepCondition, const char *>, 4> kConditions{{
    {StepCondition::Success, "Success"},
    {StepCondition::Failure, "Failure"},
    {StepCondition::Always, "Always"},
    {StepCondition::Variable, "Variable"},
}};
constexpr std::array<std::pair<StartTrigger, const char *>, 2> kTriggers{{
    {StartTrigger::StartAfterPrevious, "StartAfterPrevious"},
    {StartTrigger::StartWithPrevious, "StartWithPrevious"},
}};
constexpr std::array<std::pair<ActionType, const char *>, 4> kActionTypes{{
    {ActionType::RunScript, "Octopus.Script"},
    {ActionType::DeployPackage, "Octopus.TentaclePackage"},
    {ActionType::TransferPackage, "Octopus.TransferPackage"},
    {ActionType::ManualIntervention, "Octopus.Manual"},
}};
constexpr std::array<std::pair<ActionType, const char *>, 4> kActionShortNames{{
    {ActionType::RunScript, "script"},
    {ActionType::DeployPackage, "deploy-package"},
    {ActionType::TransferPackage, "transfer-package"},
    {ActionType::ManualIntervention, "manual"},
}};

QString tr(const char *text)
{
    return QCoreApplication::translate("Cuttle::Domain", text);
}

} // namespace

QString toString(StepCondition condition) { return nameOf(kConditions, condition); }
QString toString(StartTrigger trigger) { return nameOf(kTriggers, trigger); }
QString toString(ActionType type) { return nameOf(kActionTypes, type); }

std::optional<StepCondition> stepConditionFromString(QStringView text) { return valueOf(kConditions, text); }
std::optional<StartTrigger> startTriggerFromString(QStringView text) { return valueOf(kTriggers, text); }
std::optional<ActionType> actionTypeFromString(QStringView text)
{
    if (auto type = valueOf(kActionTypes, text))
        return type;
    return valueOf(kActionShortNames, text);
}

QStringList stepConditionNames() { return allNames(kConditions); }
QStringList actionTypeShortNames() { return allNames(kActionShortNames); }

QString displayName(StepCondition condition)
{
    switch (condition) {
    case StepCondition::Success: return tr("Only when every previous step succeeded");
    case StepCondition::Failure: return tr("Only when a previous step failed");
    case StepCondition::Always: return tr("Always");
    case StepCondition::Variable: return tr("When a variable expression is true");
    }
    return {};
}

QString displayName(ActionType type)
{
    switch (type) {
    case ActionType::RunScript: return tr("Run a script");
    case ActionType::DeployPackage: return tr("Deploy a package");
    case ActionType::TransferPackage: return tr("Transfer a package");
    case ActionType::ManualIntervention: return tr("Manual intervention");
    }
    return {};
}

bool runsOnTargets(ActionType type)
{
    return type != ActionType::ManualIntervention;
}

} // namespace Cuttle
