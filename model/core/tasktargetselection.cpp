#include "model/core/tasktargetselection.h"

namespace Cuttle {

bool TaskTargetSelection::matches(const DeploymentTarget &target) const
{
    if (target.isDisabled)
        return false;
    if (targetIds.contains(target.id))
        return true;
    for (const QString &environmentId : target.environmentIds) {
        if (environmentIds.contains(environmentId))
            return true;
    }
    for (const QString &tag : target.tags) {
        if (tags.contains(tag, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QList<DeploymentTarget> TaskTargetSelection::resolve(const QList<DeploymentTarget> &all) const
{
    QList<DeploymentTarget> chosen;
    for (const DeploymentTarget &target : all) {
        if (matches(target))
            chosen << target;
    }
    return chosen;
}

} // namespace Cuttle
