#pragma once

#include "model/core/deploymenttarget.h"

#include <QList>
#include <QStringList>

namespace Cuttle {

/// Which targets a script run (and later a task) goes to: chosen by name, by environment or by
/// tag, combined as a union. Disabled targets are never chosen.
struct TaskTargetSelection
{
    QStringList targetIds;
    QStringList environmentIds;
    QStringList tags; ///< compared case-insensitively

    bool isEmpty() const { return targetIds.isEmpty() && environmentIds.isEmpty() && tags.isEmpty(); }
    bool matches(const DeploymentTarget &target) const;
    /// The chosen targets of `all`, in its order, each once.
    QList<DeploymentTarget> resolve(const QList<DeploymentTarget> &all) const;
};

} // namespace Cuttle
