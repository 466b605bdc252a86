#pragma once

#include "model/core/deployment.h"
#include "model/core/result.h"
#include "model/core/task.h"
#include "model/store/storecontext.h"

#include <QDateTime>
#include <QList>
#include <QSet>

namespace Cuttle {

/// Deployments of releases. A deployment is created together with the queued task that
/// runs it, in one transaction, so there is never one without the other.
class DeploymentRepository final
{
public:
    explicit DeploymentRepository(StoreContext context) : m_context(std::move(context)) {}

    /// When the task of a new deployment may start, and when it is dropped unstarted.
    struct Schedule
    {
        QDateTime queueTime;       ///< invalid: as soon as possible
        QDateTime queueTimeExpiry; ///< invalid: never
    };

    /// Stores the deployment and its task (kind "Deploy", arguments {"deploymentId"},
    /// concurrency tag "<projectId>/<environmentId>[/<tenantId>]", state Queued) and audits
    /// it. The release must be the project's; channelId, spaceId and name are filled in from
    /// it when empty. Returns the deployment with its id and taskId.
    Result<Deployment> create(Deployment deployment, const Schedule &schedule = {});
    Result<Deployment> get(const QString &id) const;
    Result<Deployment> byTask(const QString &taskId) const;
    /// Newest first; `environmentId` empty lists every environment. `limit` <= 0: no limit.
    Result<QList<Deployment>> list(const QString &projectId, const QString &environmentId = {}, int limit = 0) const;
    /// Environments where this release has a deployment whose task succeeded: for
    /// `tenantId`'s deployments when given, else for untenanted ones (lifecycle progression).
    Result<QSet<QString>> succeededEnvironmentIds(const QString &releaseId, const QString &tenantId = {}) const;

    static QString concurrencyTag(const Deployment &deployment);

private:
    StoreContext m_context;
};

} // namespace Cuttle
