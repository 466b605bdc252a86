#pragma once

#include "model/core/result.h"
#include "model/store/storecontext.h"

#include <QCoreApplication>
#include <QStringList>

namespace Cuttle {

/// Queues the deployments a lifecycle makes automatic (domain.md 3): as soon as a release
/// becomes eligible for a phase, each of the phase's automatic environments gets a
/// deployment, once. Called when a release is created and whenever a deployment of it
/// succeeds. A blocked release and optional phases queue nothing.
class AutomaticDeployments final
{
    Q_DECLARE_TR_FUNCTIONS(AutomaticDeployments)

public:
    explicit AutomaticDeployments(StoreContext context) : m_context(std::move(context)) {}

    /// The task ids of the deployments queued now (for `tenantId`'s progression when given).
    Result<QStringList> queueDue(const QString &releaseId, const QString &tenantId = {});

private:
    StoreContext m_context;
};

} // namespace Cuttle
