#pragma once

#include "model/core/channel.h"
#include "model/core/deploymentplan.h"
#include "model/core/deploymenttarget.h"
#include "model/core/environment.h"
#include "model/core/lifecycle.h"
#include "model/core/project.h"
#include "model/core/release.h"
#include "model/core/result.h"
#include "model/core/tenant.h"
#include "model/store/storecontext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMap>
#include <QSet>

#include <optional>

namespace Cuttle {

/// Checks whether a release may be deployed to an environment (lifecycle, tenants, options)
/// and works out what the deployment will do (domain.md 3, 5, 7): the DeploymentPlan that a
/// preview shows and that is queued as a deployment. Reads the store; call it from a worker
/// thread or the CLI.
class DeploymentPlanner final
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentPlanner)

public:
    enum class GuidedFailure { EnvironmentDefault, On, Off };

    struct Request
    {
        QString projectId;
        QString release;     ///< version (compared semantically) or id
        QString environment; ///< name or id
        QString tenant;      ///< name or id; empty: an untenanted deployment
        QStringList specificTargets; ///< names or ids; empty: every matching target
        QStringList excludedTargets; ///< names or ids
        QStringList skipSteps;       ///< step (or action) names
        QMap<QString, QString> promptedValues; ///< by prompt label or variable name
        GuidedFailure guidedFailure = GuidedFailure::EnvironmentDefault;
        QDateTime queueTime;       ///< invalid: now
        QDateTime queueTimeExpiry; ///< invalid: never
        QString comments;
        bool forcePackageRedeployment = false;
    };

    /// Everything a plan is computed from, loaded once from the store.
    struct Inputs
    {
        Project project;
        Release release;
        Channel channel;
        Lifecycle lifecycle; ///< the channel's if it sets one, else the project's
        QList<Environment> environments; ///< all of the space's
        Environment environment;
        std::optional<Tenant> tenant;
        QList<DeploymentTarget> targets; ///< all of the space's
        /// Environments with a successful deployment of the release (for the tenant when tenanted).
        QSet<QString> succeededEnvironmentIds;
        QDateTime now = QDateTime::currentDateTimeUtc();
    };

    /// How far ahead a deployment may be scheduled.
    static constexpr int kMaxScheduleDays = 30;
    static constexpr int kDefaultMaxParallelism = 10;

    explicit DeploymentPlanner(StoreContext context) : m_context(std::move(context)) {}

    Result<Inputs> load(const Request &request) const;
    /// load() and then plan(inputs, request).
    Result<DeploymentPlan> plan(const Request &request) const;
    /// The plan of a queued deployment, for the executor: the same checks and choices with
    /// the options stored in the record (its schedule has served its purpose by then).
    Result<DeploymentPlan> planFor(const Deployment &deployment) const;
    static Request requestFor(const Deployment &deployment);
    /// The plan, or the one sentence that says why the deployment is refused.
    static Result<DeploymentPlan> plan(const Inputs &inputs, const Request &request);

    /// Whether tags (canonical `Set/Tag`) satisfy a tag filter: one tag of each set the
    /// filter names (OR within a set, AND across sets). An empty filter matches everything.
    static bool matchesTagFilter(const QStringList &tags, const QStringList &filter);
    /// The names of the tenants connected to the project for the environment (name or id) whose
    /// tags satisfy the filter, in name order: the tenants a "deploy to tenants tagged ..."
    /// reaches. Refused when a tag is not in `Set/Tag` form or no tenant matches.
    Result<QStringList> tenantsTagged(const QString &projectId, const QString &environment,
                                      const QStringList &tagFilter) const;

private:
    StoreContext m_context;
};

} // namespace Cuttle
