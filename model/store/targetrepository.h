#pragma once

#include "model/core/deploymenttarget.h"
#include "model/core/result.h"
#include "model/store/storecontext.h"

#include <QList>

namespace Cuttle {

/// Deployment targets of a space with their environments, tags and tenants.
class TargetRepository final
{
public:
    explicit TargetRepository(StoreContext context) : m_context(std::move(context)) {}

    /// All targets of the space, sorted by name; links loaded in a fixed number of queries.
    Result<QList<DeploymentTarget>> list(const QString &spaceId) const;
    Result<DeploymentTarget> get(const QString &id) const;
    Result<DeploymentTarget> find(const QString &spaceId, const QString &idOrName) const;
    Result<DeploymentTarget> create(DeploymentTarget target);
    Result<DeploymentTarget> update(const DeploymentTarget &target);
    VoidResult remove(const QString &id);

    /// Every target tag used in the space, for completion.
    Result<QStringList> allTags(const QString &spaceId) const;
    /// Records the outcome of a health check (not audited: it is observation, not a change).
    VoidResult recordHealth(const QString &id, HealthStatus status, const QString &message,
                            const QDateTime &checkedAt, const QString &taskId = {});
    /// Pins (or re-pins) the SSH host key fingerprint; audited.
    VoidResult pinHostKey(const QString &id, const QString &fingerprint);

    /// Checks the fields that depend on the kind; shared with the target editor.
    static VoidResult validate(DeploymentTarget &target);
    static QVariantMap auditFields(const DeploymentTarget &target);

private:
    Result<QList<DeploymentTarget>> load(const QString &where, const QVariantList &values) const;
    StoreContext m_context;
};

} // namespace Cuttle
