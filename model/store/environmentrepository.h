#pragma once

#include "model/core/environment.h"
#include "model/core/result.h"
#include "model/store/storecontext.h"

#include <QList>

namespace Cuttle {

/// Environments of a space, in their sort order.
class EnvironmentRepository final
{
public:
    explicit EnvironmentRepository(StoreContext context) : m_context(std::move(context)) {}

    Result<QList<Environment>> list(const QString &spaceId) const;
    Result<Environment> get(const QString &id) const;
    /// By id, or else by name within the space.
    Result<Environment> find(const QString &spaceId, const QString &idOrName) const;
    /// Appends at the end of the sort order.
    Result<Environment> create(Environment environment);
    Result<Environment> update(const Environment &environment);
    /// Refused, with what still uses it, while targets, lifecycles, accounts, tenants or
    /// deployments refer to the environment.
    VoidResult remove(const QString &id);
    /// `orderedIds` must name every environment of the space exactly once.
    VoidResult reorder(const QString &spaceId, const QStringList &orderedIds);

    static QVariantMap auditFields(const Environment &environment);

private:
    StoreContext m_context;
};

} // namespace Cuttle
