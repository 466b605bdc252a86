#include "model/engine/automaticdeployments.h"

#include "model/core/lifecycleprogression.h"
#include "model/engine/deploymentplanner.h"
#include "model/store/channelrepository.h"
#include "model/store/deploymentrepository.h"
#include "model/store/environmentrepository.h"
#include "model/store/lifecyclerepository.h"
#include "model/store/projectrepository.h"
#include "model/store/releaserepository.h"

namespace Cuttle {

Result<QStringList> AutomaticDeployments::queueDue(const QString &releaseId, const QString &tenantId)
{
    auto release = ReleaseRepository(m_context).get(releaseId);
    if (!release)
        return release.error();
    if (release->isBlocked)
        return QStringList();
    auto project = ProjectRepository(m_context).get(release->projectId);
    if (!project)
        return project.error();
    auto channel = ChannelRepository(m_context).get(release->channelId);
    if (!channel)
        return channel.error();
    auto lifecycle = LifecycleRepository(m_context).get(channel->lifecycleId.isEmpty() ? project->lifecycleId
                                                                                        : channel->lifecycleId);
    if (!lifecycle)
        return lifecycle.error();
    auto environments = EnvironmentRepository(m_context).list(project->spaceId);
    if (!environments)
        return environments.error();
    DeploymentRepository deployments(m_context);
    auto succeeded = deployments.succeededEnvironmentIds(releaseId, tenantId);
    if (!succeeded)
        return succeeded.error();
    auto existing = deployments.list(release->projectId);
    if (!existing)
        return existing.error();
    QSet<QString> tried; // one automatic attempt per environment: a failed one is for people to look at
    for (const Deployment &deployment : *existing) {
        if (deployment.releaseId == releaseId && deployment.tenantId == tenantId)
            tried.insert(deployment.environmentId);
    }

    const LifecycleProgression progression(*lifecycle, *environments);
    QStringList queued;
    for (const QString &environmentId : progression.automaticEnvironmentsDue({*succeeded, release->isBlocked})) {
        if (tried.contains(environmentId))
            continue;
        DeploymentPlanner::Request request;
        request.projectId = release->projectId;
        request.release = releaseId;
        request.environment = environmentId;
        request.tenant = tenantId;
        request.comments = tr("Deployed automatically by the lifecycle \"%1\".").arg(lifecycle->name);
        auto plan = DeploymentPlanner(m_context).plan(request);
        if (!plan)
            return plan.error();
        auto deployment = deployments.create(plan->toDeployment());
        if (!deployment)
            return deployment.error();
        queued << deployment->taskId;
    }
    return queued;
}

} // namespace Cuttle
