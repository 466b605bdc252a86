#pragma once

#include "model/core/machinepolicy.h"
#include "model/core/result.h"
#include "model/store/storecontext.h"

#include <QList>

namespace Cuttle {

/// Machine policies of a space; each space has one default policy.
class MachinePolicyRepository final
{
public:
    explicit MachinePolicyRepository(StoreContext context) : m_context(std::move(context)) {}

    Result<QList<MachinePolicy>> list(const QString &spaceId) const;
    Result<MachinePolicy> get(const QString &id) const;
    Result<MachinePolicy> find(const QString &spaceId, const QString &idOrName) const;
    Result<MachinePolicy> defaultPolicy(const QString &spaceId) const;
    Result<MachinePolicy> create(MachinePolicy policy);
    Result<MachinePolicy> update(const MachinePolicy &policy);
    /// Refused for the default policy and while targets use the policy.
    VoidResult remove(const QString &id);

private:
    StoreContext m_context;
};

} // namespace Cuttle
