#pragma once

#include <QStringList>

namespace Cuttle {

/// The scope of one variable value. An empty list means "not scoped on that dimension";
/// values within a list OR together, dimensions AND together.
struct ScopeSpec
{
    QStringList environments;
    QStringList machines;
    QStringList roles; ///< target tags
    QStringList steps;
    QStringList channels;
    QStringList tenants;
    QStringList tenantTags; ///< canonical `Set/Tag`
    QStringList processes;  ///< a deployment process or a runbook

    bool isUnscoped() const
    {
        return environments.isEmpty() && machines.isEmpty() && roles.isEmpty() && steps.isEmpty()
            && channels.isEmpty() && tenants.isEmpty() && tenantTags.isEmpty() && processes.isEmpty();
    }
};

} // namespace Cuttle
