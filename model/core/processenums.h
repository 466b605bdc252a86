#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Cuttle {

/// When a step runs, given how the deployment has gone so far.
enum class StepCondition { Success, Failure, Always, Variable };
/// Whether a step waits for the one before it or runs alongside it.
enum class StartTrigger { StartAfterPrevious, StartWithPrevious };
/// What an action does. The stored names are the reference product's action types, so
/// exported processes read the same to users who know it.
enum class ActionType { RunScript, DeployPackage, TransferPackage, ManualIntervention };

// Stable spellings used in the database, JSON and the command line.
QString toString(StepCondition condition);
QString toString(StartTrigger trigger);
QString toString(ActionType type);

std::optional<StepCondition> stepConditionFromString(QStringView text);
std::optional<StartTrigger> startTriggerFromString(QStringView text);
/// Accepts the stored name ("Octopus.Script") and the short one ("script", "deploy-package",
/// "transfer-package", "manual").
std::optional<ActionType> actionTypeFromString(QStringView text);

QStringList stepConditionNames();
QStringList actionTypeShortNames();

/// Words shown to users (translated).
QString displayName(StepCondition condition);
QString displayName(ActionType type);

/// Whether actions of this type run on deployment targets (and so need target tags or
/// "run on this workstation"); a manual intervention runs nowhere.
bool runsOnTargets(ActionType type);

} // namespace Cuttle
