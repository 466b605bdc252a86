#pragma once

#include "model/core/account.h"
#include "model/core/environment.h"
#include "model/core/machinepolicy.h"
#include "model/core/tenant.h"

#include <QList>
#include <QStringList>

namespace Cuttle {

/// What the target editor offers to choose from, as the targets panel last loaded it.
struct TargetDialogContext
{
    QList<Environment> environments;
    QList<Account> accounts;
    QList<MachinePolicy> machinePolicies;
    QStringList tags; ///< every target tag in use, for completion
    QList<Tenant> tenants;
    QStringList tenantTags; ///< every tenant tag of the space as "Set/Tag", in tag-set order
};

} // namespace Cuttle
