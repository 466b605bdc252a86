#pragma once

#include "model/core/result.h"
#include "model/core/tenant.h"
#include "model/store/storecontext.h"

#include <QList>

namespace Cuttle {

/// Tenants of a space with their tags and project/environment connections.
class TenantRepository final
{
public:
    explicit TenantRepository(StoreContext context) : m_context(std::move(context)) {}

    Result<QList<Tenant>> list(const QString &spaceId) const;
    Result<Tenant> get(const QString &id) const;
    Result<Tenant> find(const QString &spaceId, const QString &idOrName) const;
    Result<Tenant> create(Tenant tenant);
    Result<Tenant> update(const Tenant &tenant);
    /// Refused while targets are associated with the tenant or deployments were made for it.
    VoidResult remove(const QString &id);

private:
    Result<QList<Tenant>> load(const QString &where, const QVariantList &values) const;
    StoreContext m_context;
};

} // namespace Cuttle
