#include "model/engine/deploymentplanner.h"

#include "model/core/lifecycleprogression.h"
#include "model/store/channelrepository.h"
#include "model/store/deploymentrepository.h"
#include "model/store/environmentrepository.h"
#include "model/store/lifecyclerepository.h"
#include "model/store/projectrepository.h"
#include "model/store/releaserepository.h"
#include "model/store/targetrepository.h"
#include "model/store/tagsetrepository.h"
#include "model/store/tenantrepository.h"
#include "model/variables/templateengine.h"
#include "model/variables/variableset.h"

#include <QHash>

#include <algorithm>

namespace Cuttle {

namespace {

using SkipReason = DeploymentPlan::SkipReason;

bool containsInsensitive(const QStringList &list, const QString &value)
{
    return list.contains(value, Qt::CaseInsensitive);
}

QString setOf(const QString &canonicalTag)
{
    const qsizetype slash = canonicalTag.indexOf(u'/');
    return slash < 0 ? QString() : canonicalTag.left(slash).toLower();
}

/// Trailing full stops dropped, so a reason fits inside our own sentence.
QString clause(QString text)
{
    text = text.trimmed();
    while (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

const DeploymentTarget *findTarget(const QList<DeploymentTarget> &targets, const QString &idOrName)
{
    for (const DeploymentTarget &t : targets) {
        if (t.id == idOrName)
            return &t;
    }
    for (const DeploymentTarget &t : targets) {
        if (t.name.compare(idOrName, Qt::CaseInsensitive) == 0)
            return &t;
    }
    return nullptr;
}

QString environmentNames(const DeploymentPlanner::Inputs &inputs, const QStringList &ids)
{
    QStringList names;
    for (const QString &id : ids) {
        auto it = std::find_if(inputs.environments.cbegin(), inputs.environments.cend(),
                               [&](const Environment &e) { return e.id == id; });
        names << (it == inputs.environments.cend() ? id : it->name);
    }
    return names.join(QLatin1String(", "));
}

QString lifecycleRefusal(const DeploymentPlanner::Inputs &inputs, const LifecycleProgression &progression,
                         const LifecycleProgression::Refusal &refusal)
{
    const QString &version = inputs.release.version;
    const QString &project = inputs.project.name;
    const QString &environment = inputs.environment.name;
    const QString forTenant = inputs.tenant ? DeploymentPlanner::tr(" for %1").arg(inputs.tenant->name) : QString();
    switch (refusal.reason) {
    case LifecycleProgression::Refusal::Reason::NotInLifecycle:
        return DeploymentPlanner::tr("Release %1 of %2 cannot be deployed to %3: the lifecycle \"%4\" does not include that environment.")
            .arg(version, project, environment, inputs.lifecycle.name);
    case LifecycleProgression::Refusal::Reason::Blocked: {
        const QString reason = clause(inputs.release.blockReason);
        if (reason.isEmpty())
            return DeploymentPlanner::tr("Release %1 of %2 is blocked and cannot be deployed to %3%4.")
                .arg(version, project, environment, forTenant);
        return DeploymentPlanner::tr("Release %1 of %2 is blocked and cannot be deployed to %3%4: %5.")
            .arg(version, project, environment, forTenant, reason);
    }
    case LifecycleProgression::Refusal::Reason::PhaseIncomplete:
        break;
    }
    return DeploymentPlanner::tr("Release %1 of %2 cannot be deployed to %3%4 yet: the phase \"%5\" must be complete first (%6 of %7 environments deployed).")
        .arg(version, project, environment, forTenant, progression.phases().at(refusal.phase).name)
        .arg(refusal.succeeded)
        .arg(refusal.required);
}

VoidResult checkTenant(const DeploymentPlanner::Inputs &inputs)
{
    const Project &project = inputs.project;
    if (!inputs.tenant) {
        if (project.tenantedMode == TenantedMode::Tenanted)
            return Error::validation(DeploymentPlanner::tr("The project %1 is tenanted: say which tenant to deploy for.").arg(project.name),
                                     QStringLiteral("tenant"));
        return {};
    }
    const Tenant &tenant = *inputs.tenant;
    if (project.tenantedMode == TenantedMode::Untenanted)
        return Error::validation(DeploymentPlanner::tr("The project %1 is not tenanted, so it cannot be deployed for the tenant %2.")
                                     .arg(project.name, tenant.name),
                                 QStringLiteral("tenant"));
    auto connection = std::find_if(tenant.projects.cbegin(), tenant.projects.cend(),
                                   [&](const TenantProjectConnection &c) { return c.projectId == project.id; });
    if (connection == tenant.projects.cend())
        return Error::validation(DeploymentPlanner::tr("The tenant %1 is not connected to the project %2.").arg(tenant.name, project.name),
                                 QStringLiteral("tenant"));
    if (!connection->environmentIds.contains(inputs.environment.id))
        return Error::validation(DeploymentPlanner::tr("The tenant %1 does not deploy %2 to %3.")
                                     .arg(tenant.name, project.name, inputs.environment.name),
                                 QStringLiteral("tenant"));
    if (!DeploymentPlanner::matchesTagFilter(tenant.tags, inputs.channel.tenantTags))
        return Error::validation(DeploymentPlanner::tr("The channel %1 does not serve the tenant %2.").arg(inputs.channel.name, tenant.name),
                                 QStringLiteral("tenant"));
    return {};
}

VoidResult checkSchedule(const DeploymentPlanner::Inputs &inputs, const DeploymentPlanner::Request &request)
{
    if (request.queueTime.isValid()) {
        // A minute of slack: a time typed as "now" is a little in the past when it arrives.
        if (request.queueTime < inputs.now.addSecs(-60))
            return Error::validation(DeploymentPlanner::tr("The queue time %1 is in the past.")
                                         .arg(request.queueTime.toUTC().toString(Qt::ISODate)),
                                     QStringLiteral("queueTime"));
        if (request.queueTime > inputs.now.addDays(DeploymentPlanner::kMaxScheduleDays))
            return Error::validation(DeploymentPlanner::tr("A deployment can be scheduled at most %1 days ahead.")
                                         .arg(DeploymentPlanner::kMaxScheduleDays),
                                     QStringLiteral("queueTime"));
    }
    if (request.queueTimeExpiry.isValid()) {
        const QDateTime start = request.queueTime.isValid() ? request.queueTime : inputs.now;
        if (request.queueTimeExpiry <= start)
            return Error::validation(DeploymentPlanner::tr("The expiry of a scheduled deployment must be after its queue time."),
                                     QStringLiteral("queueTimeExpiry"));
    }
    return {};
}

/// Prompted values keyed by variable name, from values given by label or name.
Result<QMap<QString, QString>> promptedValues(const Release &release, const QMap<QString, QString> &given)
{
    QMap<QString, QString> byName;
    for (auto it = given.cbegin(); it != given.cend(); ++it) {
        const VariableValue *match = nullptr;
        for (const VariableValue &v : release.variables) {
            if (v.prompt && v.prompt->label.compare(it.key(), Qt::CaseInsensitive) == 0) {
                match = &v;
                break;
            }
        }
        if (!match) {
            for (const VariableValue &v : release.variables) {
                if (v.prompt && v.name.compare(it.key(), Qt::CaseInsensitive) == 0) {
                    match = &v;
                    break;
                }
            }
        }
        if (!match)
            return Error::validation(DeploymentPlanner::tr("Release %1 has no prompted variable \"%2\".").arg(release.version, it.key()),
                                     QStringLiteral("promptedValues"));
        byName.insert(match->name, it.value());
    }
    for (const VariableValue &v : release.variables) {
        // A sensitive value is empty in the snapshot because it lives in the keychain.
        if (v.prompt && v.prompt->required && !v.sensitive && v.value.isEmpty() && byName.value(v.name).isEmpty()) {
            const QString label = v.prompt->label.isEmpty() ? v.name : v.prompt->label;
            return Error::validation(DeploymentPlanner::tr("The prompted variable \"%1\" needs a value.").arg(label),
                                     QStringLiteral("promptedValues"));
        }
    }
    return byName;
}

struct Evaluator
{
    const DeploymentPlanner::Inputs &inputs;
    VariableSet variables;

    /// A step setting such as MaxParallelism with #{...} resolved for the step.
    Result<int> number(const DeploymentStep &step, const QString &text, const QString &setting, int fallback) const
    {
        QString value = text.trimmed();
        if (value.isEmpty())
            return fallback;
        if (value.contains(QLatin1String("#{"))) {
            ScopeContext context;
            context.environment = inputs.environment.name;
            context.channel = inputs.channel.name;
            context.step = step.name;
            context.stepTargetTags = step.targetTags;
            if (inputs.tenant) {
                context.tenant = inputs.tenant->name;
                context.tenantTags = inputs.tenant->tags;
            }
            VariableDictionary dictionary = variables.resolve(context);
            dictionary.set(QStringLiteral("Octopus.Environment.Name"), inputs.environment.name);
            dictionary.set(QStringLiteral("Octopus.Project.Name"), inputs.project.name);
            dictionary.set(QStringLiteral("Octopus.Release.Number"), inputs.release.version);
            dictionary.set(QStringLiteral("Octopus.Release.Channel.Name"), inputs.channel.name);
            dictionary.set(QStringLiteral("Octopus.Step.Name"), step.name);
            if (inputs.tenant)
                dictionary.set(QStringLiteral("Octopus.Deployment.Tenant.Name"), inputs.tenant->name);
            const EvaluationResult evaluated = TemplateEngine::evaluate(value, dictionary);
            value = evaluated.text.trimmed();
        }
        bool ok = false;
        const int n = value.toInt(&ok);
        if (!ok || n < 1)
            return Error::validation(DeploymentPlanner::tr("The step \"%1\" sets %2 to \"%3\", which is not a positive whole number.")
                                         .arg(step.name, setting, value),
                                     setting);
        return n;
    }
};

QString tagList(const QStringList &tags)
{
    return tags.join(DeploymentPlanner::tr(" or "));
}

/// Why an action does not run here; None when it does.
std::pair<SkipReason, QString> actionSkip(const DeploymentPlanner::Inputs &inputs, const DeploymentStep &step,
                                          const DeploymentAction &action, bool skippedByRequest)
{
    if (step.isDisabled || action.isDisabled)
        return {SkipReason::Disabled, DeploymentPlanner::tr("the step is disabled")};
    if (skippedByRequest)
        return {SkipReason::SkippedByRequest, DeploymentPlanner::tr("skipped by request")};
    const QString &environmentId = inputs.environment.id;
    if (!action.environmentIds.isEmpty() && !action.environmentIds.contains(environmentId))
        return {SkipReason::EnvironmentFilter,
                DeploymentPlanner::tr("runs only in %1").arg(environmentNames(inputs, action.environmentIds))};
    if (action.excludedEnvironmentIds.contains(environmentId))
        return {SkipReason::ExcludedEnvironment, DeploymentPlanner::tr("excluded from %1").arg(inputs.environment.name)};
    if (!action.channelIds.isEmpty() && !action.channelIds.contains(inputs.channel.id))
        return {SkipReason::ChannelFilter,
                DeploymentPlanner::tr("runs only for releases of other channels than %1").arg(inputs.channel.name)};
    if (!action.tenantTags.isEmpty()) {
        const QString tags = action.tenantTags.join(QLatin1String(", "));
        // As in the reference product: a step filtered by tenant tags never runs untenanted.
        if (!inputs.tenant)
            return {SkipReason::TenantTagFilter,
                    DeploymentPlanner::tr("runs only for tenants tagged %1, and this deployment has no tenant").arg(tags)};
        if (!DeploymentPlanner::matchesTagFilter(inputs.tenant->tags, action.tenantTags))
            return {SkipReason::TenantTagFilter,
                    DeploymentPlanner::tr("runs only for tenants tagged %1, and %2 is not").arg(tags, inputs.tenant->name)};
    }
    return {SkipReason::None, {}};
}

/// Why a target with one of the step's tags does not take part; empty when it does.
QString targetExclusion(const DeploymentPlanner::Inputs &inputs, const DeploymentTarget &target,
                        const QStringList &specificIds, const QStringList &excludedIds)
{
    if (target.isDisabled)
        return DeploymentPlanner::tr("disabled");
    if (excludedIds.contains(target.id))
        return DeploymentPlanner::tr("excluded by request");
    if (!specificIds.isEmpty() && !specificIds.contains(target.id))
        return DeploymentPlanner::tr("not among the chosen targets");
    if (inputs.tenant) {
        if (target.tenantedParticipation == TenantedParticipation::Untenanted)
            return DeploymentPlanner::tr("takes part in untenanted deployments only");
        const bool associated = target.tenantIds.contains(inputs.tenant->id)
            || (!target.tenantTags.isEmpty() && DeploymentPlanner::matchesTagFilter(inputs.tenant->tags, target.tenantTags));
        if (!associated)
            return DeploymentPlanner::tr("not associated with the tenant %1").arg(inputs.tenant->name);
    } else if (target.tenantedParticipation == TenantedParticipation::Tenanted) {
        return DeploymentPlanner::tr("takes part in tenanted deployments only");
    }
    if (target.healthStatus == HealthStatus::Unhealthy && inputs.project.excludeUnhealthyTargets)
        return DeploymentPlanner::tr("unhealthy");
    if (target.healthStatus == HealthStatus::Unavailable && inputs.project.skipUnavailableTargets)
        return DeploymentPlanner::tr("unavailable");
    return {};
}

bool hasTag(const DeploymentTarget &target, const QStringList &tags)
{
    return std::any_of(tags.cbegin(), tags.cend(), [&](const QString &tag) { return containsInsensitive(target.tags, tag); });
}

} // namespace

bool DeploymentPlanner::matchesTagFilter(const QStringList &tags, const QStringList &filter)
{
    QHash<QString, bool> satisfied; // per tag set named by the filter
    for (const QString &wanted : filter) {
        bool &ok = satisfied[setOf(wanted)];
        ok = ok || containsInsensitive(tags, wanted);
    }
    return std::all_of(satisfied.cbegin(), satisfied.cend(), [](bool ok) { return ok; });
}

Result<QStringList> DeploymentPlanner::tenantsTagged(const QString &projectId, const QString &environment,
                                                     const QStringList &tagFilter) const
{
    for (const QString &tag : tagFilter) {
        const qsizetype slash = tag.indexOf(u'/');
        if (slash <= 0 || slash == tag.size() - 1)
            return Error::validation(tr("The tenant tag \"%1\" is not in the form Set/Tag.").arg(tag), QStringLiteral("tenantTag"));
    }
    auto project = ProjectRepository(m_context).get(projectId);
    if (!project)
        return project.error();
    auto tagSets = TagSetRepository(m_context).list(project->spaceId);
    if (!tagSets)
        return tagSets.error();
    QStringList known;
    for (const TagSet &set : std::as_const(*tagSets)) {
        for (const Tag &tag : set.tags)
            known << set.canonicalTag(tag.name);
    }
    // The filter in the tag sets' own spelling: sets are grouped by name when matching.
    QStringList filter;
    for (const QString &tag : tagFilter) {
        const auto found = std::find_if(known.cbegin(), known.cend(), [&](const QString &canonical) {
            return canonical.compare(tag, Qt::CaseInsensitive) == 0;
        });
        if (found == known.cend())
            return Error::validation(tr("There is no tenant tag %1.").arg(tag), QStringLiteral("tenantTag"));
        filter << *found;
    }
    auto env = EnvironmentRepository(m_context).find(project->spaceId, environment);
    if (!env)
        return env.error();
    auto tenants = TenantRepository(m_context).list(project->spaceId);
    if (!tenants)
        return tenants.error();
    QStringList names;
    for (const Tenant &tenant : std::as_const(*tenants)) {
        const bool connected = std::any_of(tenant.projects.cbegin(), tenant.projects.cend(), [&](const TenantProjectConnection &c) {
            return c.projectId == project->id && c.environmentIds.contains(env->id);
        });
        if (connected && matchesTagFilter(tenant.tags, filter))
            names << tenant.name;
    }
    if (names.isEmpty()) {
        return Error::validation(tr("No tenant connected to %1 for %2 is tagged %3.")
                                     .arg(project->name, env->name, tagFilter.join(QLatin1String(", "))),
                                 QStringLiteral("tenantTag"));
    }
    names.sort(Qt::CaseInsensitive);
    return names;
}

Result<DeploymentPlanner::Inputs> DeploymentPlanner::load(const Request &request) const
{
    Inputs inputs;
    auto project = ProjectRepository(m_context).get(request.projectId);
    if (!project)
        return project.error();
    inputs.project = *project;
    const QString &spaceId = project->spaceId;

    ReleaseRepository releases(m_context);
    auto release = releases.find(project->id, request.release);
    if (!release && release.error().kind == ErrorKind::NotFound) {
        auto byId = releases.get(request.release);
        if (byId && byId->projectId == project->id)
            release = byId;
    }
    if (!release)
        return release.error();
    inputs.release = *release;

    auto channel = ChannelRepository(m_context).get(release->channelId);
    if (!channel)
        return channel.error();
    inputs.channel = *channel;
    const QString lifecycleId = channel->lifecycleId.isEmpty() ? project->lifecycleId : channel->lifecycleId;
    auto lifecycle = LifecycleRepository(m_context).get(lifecycleId);
    if (!lifecycle)
        return lifecycle.error();
    inputs.lifecycle = *lifecycle;

    EnvironmentRepository environmentRepository(m_context);
    auto environments = environmentRepository.list(spaceId);
    if (!environments)
        return environments.error();
    inputs.environments = *environments;
    auto environment = environmentRepository.find(spaceId, request.environment);
    if (!environment)
        return environment.error();
    inputs.environment = *environment;

    if (!request.tenant.isEmpty()) {
        auto tenant = TenantRepository(m_context).find(spaceId, request.tenant);
        if (!tenant)
            return tenant.error();
        inputs.tenant = *tenant;
    }
    auto targets = TargetRepository(m_context).list(spaceId);
    if (!targets)
        return targets.error();
    inputs.targets = *targets;
    auto succeeded = DeploymentRepository(m_context).succeededEnvironmentIds(release->id,
                                                                           inputs.tenant ? inputs.tenant->id : QString());
    if (!succeeded)
        return succeeded.error();
    inputs.succeededEnvironmentIds = *succeeded;
    return inputs;
}

Result<DeploymentPlan> DeploymentPlanner::plan(const Request &request) const
{
    auto inputs = load(request);
    if (!inputs)
        return inputs.error();
    return plan(*inputs, request);
}

DeploymentPlanner::Request DeploymentPlanner::requestFor(const Deployment &deployment)
{
    Request request;
    request.projectId = deployment.projectId;
    request.release = deployment.releaseId;
    request.environment = deployment.environmentId;
    request.tenant = deployment.tenantId;
    request.specificTargets = deployment.specificTargetIds;
    request.excludedTargets = deployment.excludedTargetIds;
    request.skipSteps = deployment.skipActions;
    request.promptedValues = deployment.formValues;
    request.guidedFailure = deployment.useGuidedFailure ? GuidedFailure::On : GuidedFailure::Off;
    request.comments = deployment.comments;
    request.forcePackageRedeployment = deployment.forcePackageRedeployment;
    return request;
}

Result<DeploymentPlan> DeploymentPlanner::planFor(const Deployment &deployment) const
{
    return plan(requestFor(deployment));
}

Result<DeploymentPlan> DeploymentPlanner::plan(const Inputs &inputs, const Request &request)
{
    if (inputs.project.isDisabled)
        return Error::validation(tr("The project %1 is disabled.").arg(inputs.project.name));
    if (auto r = checkTenant(inputs); !r)
        return r.error();

    const LifecycleProgression progression(inputs.lifecycle, inputs.environments);
    const LifecycleProgression::State state{inputs.succeededEnvironmentIds, inputs.release.isBlocked};
    if (auto refusal = progression.refusal(inputs.environment.id, state))
        return Error::validation(lifecycleRefusal(inputs, progression, *refusal), QStringLiteral("environment"));

    if (auto r = checkSchedule(inputs, request); !r)
        return r.error();

    DeploymentPlan plan;
    plan.spaceId = inputs.project.spaceId;
    plan.projectId = inputs.project.id;
    plan.projectName = inputs.project.name;
    plan.releaseId = inputs.release.id;
    plan.releaseVersion = inputs.release.version;
    plan.channelId = inputs.channel.id;
    plan.channelName = inputs.channel.name;
    plan.environmentId = inputs.environment.id;
    plan.environmentName = inputs.environment.name;
    if (inputs.tenant) {
        plan.tenantId = inputs.tenant->id;
        plan.tenantName = inputs.tenant->name;
    }
    switch (request.guidedFailure) {
    case GuidedFailure::On: plan.useGuidedFailure = true; break;
    case GuidedFailure::Off: plan.useGuidedFailure = false; break;
    case GuidedFailure::EnvironmentDefault: plan.useGuidedFailure = inputs.environment.useGuidedFailure; break;
    }
    plan.forcePackageRedeployment = request.forcePackageRedeployment;
    plan.comments = request.comments;
    plan.queueTime = request.queueTime;
    plan.queueTimeExpiry = request.queueTimeExpiry;

    for (const QString &name : request.specificTargets) {
        const DeploymentTarget *target = findTarget(inputs.targets, name);
        if (!target)
            return Error::notFound(tr("There is no target \"%1\".").arg(name));
        if (!target->environmentIds.contains(inputs.environment.id))
            return Error::validation(tr("The target %1 is not in %2.").arg(target->name, inputs.environment.name),
                                     QStringLiteral("specificTargets"));
        if (!plan.specificTargetIds.contains(target->id))
            plan.specificTargetIds << target->id;
    }
    for (const QString &name : request.excludedTargets) {
        const DeploymentTarget *target = findTarget(inputs.targets, name);
        if (!target)
            return Error::notFound(tr("There is no target \"%1\".").arg(name));
        if (plan.specificTargetIds.contains(target->id))
            return Error::validation(tr("The target %1 is both chosen and excluded.").arg(target->name),
                                     QStringLiteral("excludedTargets"));
        if (!plan.excludedTargetIds.contains(target->id))
            plan.excludedTargetIds << target->id;
    }

    const QList<DeploymentStep> &steps = inputs.release.process.steps;
    for (const QString &name : request.skipSteps) {
        const DeploymentStep *found = nullptr;
        const DeploymentAction *foundAction = nullptr;
        for (const DeploymentStep &step : steps) {
            if (step.name.compare(name, Qt::CaseInsensitive) == 0) {
                found = &step;
                break;
            }
            for (const DeploymentAction &action : step.actions) {
                if (action.name.compare(name, Qt::CaseInsensitive) == 0) {
                    found = &step;
                    foundAction = &action;
                    break;
                }
            }
            if (found)
                break;
        }
        if (!found)
            return Error::notFound(tr("Release %1 has no step \"%2\".").arg(inputs.release.version, name));
        const bool required = foundAction ? foundAction->isRequired : (found->isRequired
            || std::any_of(found->actions.cbegin(), found->actions.cend(), [](const DeploymentAction &a) { return a.isRequired; }));
        if (required)
            return Error::validation(tr("The step \"%1\" is required and cannot be skipped.").arg(foundAction ? foundAction->name : found->name),
                                     QStringLiteral("skipSteps"));
        const QString canonical = foundAction ? foundAction->name : found->name;
        if (!plan.skipActions.contains(canonical))
            plan.skipActions << canonical;
    }

    auto prompted = promptedValues(inputs.release, request.promptedValues);
    if (!prompted)
        return prompted.error();
    plan.formValues = *prompted;

    Evaluator evaluator{inputs, {}};
    for (VariableValue value : inputs.release.variables) {
        if (value.prompt && plan.formValues.contains(value.name))
            value.value = plan.formValues.value(value.name);
        evaluator.variables.add(value);
    }

    for (qsizetype i = 0; i < steps.size(); ++i) {
        const DeploymentStep &step = steps.at(i);
        DeploymentPlan::Step planned;
        planned.number = int(i) + 1;
        planned.id = step.id;
        planned.name = step.name;
        planned.condition = step.condition;
        planned.conditionExpression = step.conditionExpression;
        planned.startTrigger = step.startTrigger;
        planned.runOnWorkstation = step.runOnWorkstation;
        planned.targetTags = step.targetTags;
        planned.isRolling = step.isRolling();

        const bool stepSkippedByRequest = plan.skipActions.contains(step.name);
        bool anyRuns = false;
        bool needsTargets = false;
        QString maxParallelism;
        for (const DeploymentAction &action : step.actions) {
            DeploymentPlan::Action a;
            a.name = action.name;
            a.type = action.type;
            const auto [reason, message] = actionSkip(inputs, step, action,
                                                      stepSkippedByRequest || plan.skipActions.contains(action.name));
            a.skipReason = reason;
            a.skipMessage = message;
            for (const ReleasePackage &package : inputs.release.packages) {
                if (package.actionName == action.name)
                    a.packages << package;
            }
            if (!a.isSkipped()) {
                anyRuns = true;
                needsTargets = needsTargets || runsOnTargets(action.type);
            }
            if (maxParallelism.isEmpty())
                maxParallelism = action.properties.value(ActionProperty::MaxParallelism);
            planned.actions << a;
        }
        if (!anyRuns) {
            const DeploymentPlan::Action *first = planned.actions.isEmpty() ? nullptr : &planned.actions.constFirst();
            planned.skipReason = first ? first->skipReason : SkipReason::Disabled;
            planned.skipMessage = first ? first->skipMessage : tr("the step has no action");
            plan.steps << planned;
            continue;
        }
        planned.runsOnTargets = needsTargets && !step.runOnWorkstation;

        auto parallelism = evaluator.number(step, maxParallelism, QStringLiteral("MaxParallelism"), kDefaultMaxParallelism);
        if (!parallelism)
            return parallelism.error();
        planned.maxParallelism = *parallelism;
        auto window = evaluator.number(step, step.windowSize, QStringLiteral("the rolling window size"), 0);
        if (!window)
            return window.error();
        planned.windowSize = *window;

        if (planned.runsOnTargets) {
            int candidates = 0;
            bool chosenMatch = plan.specificTargetIds.isEmpty();
            for (const DeploymentTarget &target : inputs.targets) {
                if (!target.environmentIds.contains(inputs.environment.id) || !hasTag(target, step.targetTags))
                    continue;
                ++candidates;
                chosenMatch = chosenMatch || plan.specificTargetIds.contains(target.id);
                const QString why = targetExclusion(inputs, target, plan.specificTargetIds, plan.excludedTargetIds);
                if (why.isEmpty())
                    planned.targets << target;
                else
                    planned.excludedTargets << DeploymentPlan::TargetExclusion{target.id, target.name, why};
            }
            if (planned.targets.isEmpty()) {
                // Choosing targets by name means "deploy to these": steps for other tags just do not apply.
                if (!chosenMatch) {
                    planned.skipReason = SkipReason::NoTargets;
                    planned.skipMessage = tr("none of the chosen targets has the target tag %1").arg(tagList(step.targetTags));
                } else if (inputs.project.allowDeploymentsToNoTargets) {
                    planned.skipReason = SkipReason::NoTargets;
                    planned.skipMessage = tr("no target to run on, and the project allows deployments to no targets");
                } else if (candidates == 0) {
                    return Error::validation(tr("The step \"%1\" has no target to run on: no target in %2 has the target tag %3.")
                                                 .arg(step.name, inputs.environment.name, tagList(step.targetTags)),
                                             QStringLiteral("targets"));
                } else {
                    QStringList reasons;
                    for (const DeploymentPlan::TargetExclusion &e : std::as_const(planned.excludedTargets))
                        reasons << e.targetName + QLatin1String(": ") + e.reason;
                    return Error::validation(tr("The step \"%1\" has no target to run on in %2 (%3).")
                                                 .arg(step.name, inputs.environment.name, reasons.join(QLatin1String("; "))),
                                             QStringLiteral("targets"));
                }
            }
        }
        plan.steps << planned;
    }
    return plan;
}

} // namespace Cuttle
