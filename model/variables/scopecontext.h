#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Cuttle {

/// Where a value is being resolved for: the deployment's environment, the target, the step, ...
/// Absent members mean the context has no such dimension (e.g. no channel during a runbook).
struct ScopeContext
{
    std::optional<QString> environment;
    std::optional<QString> machine;
    QStringList machineTags;    ///< target tags (roles) of the machine
    QStringList stepTargetTags; ///< target tags the current step runs on
    std::optional<QString> step;
    std::optional<QString> channel;
    std::optional<QString> tenant;
    QStringList tenantTags;
    std::optional<QString> process;
};

} // namespace Cuttle
