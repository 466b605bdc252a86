#include "model/engine/deploymentplanner.h"
#include "model/store/channelrepository.h"
#include "model/store/deploymentrepository.h"
#include "model/store/releaserepository.h"
#include "model/store/taskrepository.h"
#include "tests/unit/process/projectfixture.h"

#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

namespace {

using SkipReason = DeploymentPlan::SkipReason;

DeploymentTarget target(const QString &name, const QString &environmentId, const QStringList &tags)
{
    DeploymentTarget t;
    t.id = u"Machines-"_s + name;
    t.name = name;
    t.kind = TargetKind::Local;
    t.environmentIds = {environmentId};
    t.tags = tags;
    t.healthStatus = HealthStatus::Healthy;
    return t;
}

DeploymentStep scriptStep(const QString &name, const QStringList &tags = {u"web"_s})
{
    DeploymentStep step;
    step.id = u"step-"_s + name;
    step.name = name;
    step.targetTags = tags;
    DeploymentAction action;
    action.name = name;
    action.type = ActionType::RunScript;
    action.properties.insert(ActionProperty::ScriptBody, u"echo hi"_s);
    step.actions = {action};
    return step;
}

/// Shop with Development, Test and Production in a three-phase lifecycle, and a Sandbox
/// environment outside it; release 1.0.0 with one script step on "web".
DeploymentPlanner::Inputs baseInputs()
{
    DeploymentPlanner::Inputs in;
    const QStringList names{u"Development"_s, u"Test"_s, u"Production"_s, u"Sandbox"_s};
    for (int i = 0; i < names.size(); ++i) {
        Environment e;
        e.id = u"Environments-"_s + names.at(i);
        e.spaceId = u"Spaces-1"_s;
        e.name = names.at(i);
        e.sortOrder = i;
        in.environments << e;
    }
    in.environment = in.environments.at(0);
    in.lifecycle.id = u"Lifecycles-1"_s;
    in.lifecycle.name = u"Standard"_s;
    for (const QString &phaseName : {u"Development"_s, u"Testing"_s, u"Production"_s}) {
        LifecyclePhase phase;
        phase.name = phaseName;
        const QString environment = phaseName == u"Testing"_s ? u"Test"_s : phaseName;
        phase.optionalEnvironmentIds = {u"Environments-"_s + environment};
        in.lifecycle.phases << phase;
    }
    in.project.id = u"Projects-1"_s;
    in.project.spaceId = u"Spaces-1"_s;
    in.project.name = u"Shop"_s;
    in.project.lifecycleId = in.lifecycle.id;
    in.channel.id = u"Channels-1"_s;
    in.channel.projectId = in.project.id;
    in.channel.name = u"Default"_s;
    in.channel.isDefault = true;
    in.release.id = u"Releases-1"_s;
    in.release.projectId = in.project.id;
    in.release.channelId = in.channel.id;
    in.release.version = u"1.0.0"_s;
    in.release.process.steps = {scriptStep(u"Hello"_s)};
    in.targets = {target(u"web01"_s, u"Environments-Development"_s, {u"web"_s})};
    return in;
}

Tenant acme(const DeploymentPlanner::Inputs &in, const QStringList &environments = {u"Development"_s, u"Test"_s, u"Production"_s})
{
    Tenant t;
    t.id = u"Tenants-1"_s;
    t.name = u"Acme"_s;
    t.tags = {u"Region/EU"_s, u"Tier/Gold"_s};
    QStringList ids;
    for (const QString &e : environments)
        ids << u"Environments-"_s + e;
    t.projects = {{in.project.id, ids}};
    return t;
}

void useEnvironment(DeploymentPlanner::Inputs &in, const QString &name)
{
    for (const Environment &e : std::as_const(in.environments)) {
        if (e.name == name)
            in.environment = e;
    }
}

VariableValue variable(const QString &name, const QString &value)
{
    VariableValue v;
    v.name = name;
    v.value = value;
    return v;
}

QString errorOf(const Result<DeploymentPlan> &plan)
{
    return plan ? QString() : plan.error().message;
}

QStringList targetNames(const DeploymentPlan::Step &step)
{
    QStringList names;
    for (const DeploymentTarget &t : step.targets)
        names << t.name;
    return names;
}

QStringList exclusions(const DeploymentPlan::Step &step)
{
    QStringList list;
    for (const DeploymentPlan::TargetExclusion &e : step.excludedTargets)
        list << e.targetName + u": "_s + e.reason;
    return list;
}

} // namespace

namespace Cuttle {
// QCOMPARE prints a skip reason by this name when rows disagree.
char *toString(DeploymentPlan::SkipReason reason)
{
    return qstrdup(QByteArray::number(int(reason)).constData());
}
} // namespace Cuttle

Q_DECLARE_METATYPE(DeploymentPlan::SkipReason)
Q_DECLARE_METATYPE(DeploymentPlanner::GuidedFailure)
Q_DECLARE_METATYPE(Cuttle::TenantedMode)

class TestDeploymentPlanner final : public QObject
{
    Q_OBJECT

private slots:
    void lifecycleGate_data()
    {
        QTest::addColumn<QString>("environment");
        QTest::addColumn<QStringList>("succeeded");
        QTest::addColumn<bool>("blocked");
        QTest::addColumn<bool>("tenanted");
        QTest::addColumn<bool>("channelLifecycle");
        QTest::addColumn<QString>("error");

        QTest::newRow("first phase") << u"Development"_s << QStringList() << false << false << false << QString();
        QTest::newRow("next phase open") << u"Test"_s << QStringList{u"Development"_s} << false << false << false << QString();
        QTest::newRow("phase incomplete")
            << u"Production"_s << QStringList{u"Development"_s} << false << false << false
            << u"Release 1.0.0 of Shop cannot be deployed to Production yet: the phase \"Testing\" must be complete first (0 of 1 environments deployed)."_s;
        QTest::newRow("earlier phase stays deployable") << u"Development"_s << QStringList{u"Development"_s, u"Test"_s} << false
                                                         << false << false << QString();
        QTest::newRow("blocked")
            << u"Test"_s << QStringList{u"Development"_s} << true << false << false
            << u"Release 1.0.0 of Shop is blocked and cannot be deployed to Test: it breaks checkout."_s;
        QTest::newRow("blocked keeps phases with a success") << u"Development"_s << QStringList{u"Development"_s} << true
                                                              << false << false << QString();
        QTest::newRow("not in lifecycle")
            << u"Sandbox"_s << QStringList() << false << false << false
            << u"Release 1.0.0 of Shop cannot be deployed to Sandbox: the lifecycle \"Standard\" does not include that environment."_s;
        QTest::newRow("per tenant")
            << u"Test"_s << QStringList() << false << true << false
            << u"Release 1.0.0 of Shop cannot be deployed to Test for Acme yet: the phase \"Development\" must be complete first (0 of 1 environments deployed)."_s;
        QTest::newRow("per tenant open") << u"Test"_s << QStringList{u"Development"_s} << false << true << false << QString();
        QTest::newRow("channel lifecycle") << u"Production"_s << QStringList() << false << false << true << QString();
        QTest::newRow("channel lifecycle refuses")
            << u"Development"_s << QStringList() << false << false << true
            << u"Release 1.0.0 of Shop cannot be deployed to Development: the lifecycle \"Hotfix\" does not include that environment."_s;
    }

    void lifecycleGate()
    {
        QFETCH(QString, environment);
        QFETCH(QStringList, succeeded);
        QFETCH(bool, blocked);
        QFETCH(bool, tenanted);
        QFETCH(bool, channelLifecycle);
        QFETCH(QString, error);

        DeploymentPlanner::Inputs in = baseInputs();
        in.targets << target(u"web02"_s, u"Environments-Test"_s, {u"web"_s})
                   << target(u"web03"_s, u"Environments-Production"_s, {u"web"_s})
                   << target(u"web04"_s, u"Environments-Sandbox"_s, {u"web"_s});
        useEnvironment(in, environment);
        for (const QString &name : succeeded)
            in.succeededEnvironmentIds.insert(u"Environments-"_s + name);
        in.release.isBlocked = blocked;
        in.release.blockReason = u"It breaks checkout."_s;
        if (blocked)
            in.release.blockReason = u"it breaks checkout."_s;
        if (tenanted) {
            in.project.tenantedMode = TenantedMode::Tenanted;
            in.tenant = acme(in);
            for (DeploymentTarget &t : in.targets) {
                t.tenantedParticipation = TenantedParticipation::Tenanted;
                t.tenantIds = {in.tenant->id};
            }
        }
        if (channelLifecycle) {
            // What the planner's load() does: the channel's lifecycle replaces the project's.
            Lifecycle hotfix;
            hotfix.id = u"Lifecycles-2"_s;
            hotfix.name = u"Hotfix"_s;
            LifecyclePhase phase;
            phase.name = u"Straight to production"_s;
            phase.optionalEnvironmentIds = {u"Environments-Production"_s};
            hotfix.phases = {phase};
            in.lifecycle = hotfix;
        }
        const auto plan = DeploymentPlanner::plan(in, {});
        QCOMPARE(errorOf(plan), error);
        if (plan) {
            QCOMPARE(plan->environmentName, environment);
            QCOMPARE(plan->steps.size(), 1);
            QCOMPARE(plan->steps.at(0).targets.size(), 1);
        } else {
            QCOMPARE(plan.error().kind, ErrorKind::Validation);
        }
    }

    void tenantRules_data()
    {
        QTest::addColumn<TenantedMode>("mode");
        QTest::addColumn<bool>("withTenant");
        QTest::addColumn<QStringList>("connected"); ///< environments; "-" for not connected
        QTest::addColumn<QStringList>("channelTags");
        QTest::addColumn<QString>("error");

        const QStringList all{u"Development"_s, u"Test"_s};
        QTest::newRow("untenanted project with a tenant")
            << TenantedMode::Untenanted << true << all << QStringList()
            << u"The project Shop is not tenanted, so it cannot be deployed for the tenant Acme."_s;
        QTest::newRow("tenanted project without a tenant") << TenantedMode::Tenanted << false << all << QStringList()
                                                           << u"The project Shop is tenanted: say which tenant to deploy for."_s;
        QTest::newRow("either, untenanted") << TenantedMode::TenantedOrUntenanted << false << all << QStringList() << QString();
        QTest::newRow("either, tenanted") << TenantedMode::TenantedOrUntenanted << true << all << QStringList() << QString();
        QTest::newRow("not connected") << TenantedMode::Tenanted << true << QStringList{u"-"_s} << QStringList()
                                       << u"The tenant Acme is not connected to the project Shop."_s;
        QTest::newRow("environment not connected") << TenantedMode::Tenanted << true << QStringList{u"Test"_s} << QStringList()
                                                   << u"The tenant Acme does not deploy Shop to Development."_s;
        QTest::newRow("channel serves the tenant's tags") << TenantedMode::Tenanted << true << all
                                                          << QStringList{u"Region/EU"_s, u"Region/US"_s} << QString();
        QTest::newRow("channel serves other tenants")
            << TenantedMode::Tenanted << true << all << QStringList{u"Region/EU"_s, u"Tier/Silver"_s}
            << u"The channel Default does not serve the tenant Acme."_s;
    }

    void tenantRules()
    {
        QFETCH(TenantedMode, mode);
        QFETCH(bool, withTenant);
        QFETCH(QStringList, connected);
        QFETCH(QStringList, channelTags);
        QFETCH(QString, error);
        DeploymentPlanner::Inputs in = baseInputs();
        in.project.tenantedMode = mode;
        in.channel.tenantTags = channelTags;
        in.targets.first().tenantedParticipation = TenantedParticipation::TenantedOrUntenanted;
        in.targets.first().tenantTags = {u"Region/EU"_s};
        if (withTenant) {
            in.tenant = acme(in, connected);
            if (connected == QStringList{u"-"_s})
                in.tenant->projects.clear();
        }
        QCOMPARE(errorOf(DeploymentPlanner::plan(in, {})), error);
    }

    void skipReasons_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<SkipReason>("reason");
        QTest::addColumn<QString>("message");

        QTest::newRow("runs") << u""_s << SkipReason::None << QString();
        QTest::newRow("step disabled") << u"step-disabled"_s << SkipReason::Disabled << u"the step is disabled"_s;
        QTest::newRow("action disabled") << u"action-disabled"_s << SkipReason::Disabled << u"the step is disabled"_s;
        QTest::newRow("skipped by request") << u"skip"_s << SkipReason::SkippedByRequest << u"skipped by request"_s;
        QTest::newRow("environment filter") << u"environments"_s << SkipReason::EnvironmentFilter
                                            << u"runs only in Test, Production"_s;
        QTest::newRow("environment filter matches") << u"environments-match"_s << SkipReason::None << QString();
        QTest::newRow("excluded environment") << u"excluded"_s << SkipReason::ExcludedEnvironment
                                              << u"excluded from Development"_s;
        QTest::newRow("channel filter") << u"channel"_s << SkipReason::ChannelFilter
                                        << u"runs only for releases of other channels than Default"_s;
        QTest::newRow("tenant tags, untenanted") << u"tenant-tags"_s << SkipReason::TenantTagFilter
                                                 << u"runs only for tenants tagged Region/US, and this deployment has no tenant"_s;
        QTest::newRow("tenant tags, other tenant") << u"tenant-tags-acme"_s << SkipReason::TenantTagFilter
                                                   << u"runs only for tenants tagged Region/US, and Acme is not"_s;
        QTest::newRow("tenant tags, matching tenant") << u"tenant-tags-match"_s << SkipReason::None << QString();
    }

    void skipReasons()
    {
        QFETCH(QString, change);
        QFETCH(SkipReason, reason);
        QFETCH(QString, message);
        DeploymentPlanner::Inputs in = baseInputs();
        in.release.process.steps << scriptStep(u"Check"_s);
        DeploymentStep &step = in.release.process.steps.first();
        DeploymentAction &action = step.actions.first();
        DeploymentPlanner::Request request;
        if (change == u"step-disabled")
            step.isDisabled = true;
        else if (change == u"action-disabled")
            action.isDisabled = true;
        else if (change == u"skip")
            request.skipSteps = {u"hello"_s};
        else if (change == u"environments")
            action.environmentIds = {u"Environments-Test"_s, u"Environments-Production"_s};
        else if (change == u"environments-match")
            action.environmentIds = {u"Environments-Development"_s};
        else if (change == u"excluded")
            action.excludedEnvironmentIds = {u"Environments-Development"_s};
        else if (change == u"channel")
            action.channelIds = {u"Channels-2"_s};
        else if (change.startsWith(u"tenant-tags")) {
            action.tenantTags = {change == u"tenant-tags-match" ? u"Region/EU"_s : u"Region/US"_s};
            if (change != u"tenant-tags") {
                in.project.tenantedMode = TenantedMode::Tenanted;
                in.tenant = acme(in);
                in.targets.first().tenantedParticipation = TenantedParticipation::Tenanted;
                in.targets.first().tenantIds = {in.tenant->id};
            }
        }
        const auto plan = DeploymentPlanner::plan(in, request);
        QVERIFY2(plan, qPrintable(errorOf(plan)));
        QCOMPARE(plan->steps.size(), 2);
        const DeploymentPlan::Step &planned = plan->steps.at(0);
        QCOMPARE(planned.number, 1);
        QCOMPARE(planned.skipReason, reason);
        QCOMPARE(planned.skipMessage, message);
        QCOMPARE(planned.actions.at(0).skipReason, reason);
        // A skipped step looks for no targets.
        QCOMPARE(planned.targets.isEmpty(), reason != SkipReason::None);
        QCOMPARE(plan->steps.at(1).skipReason, SkipReason::None);
        QCOMPARE(plan->steps.at(1).number, 2);
        QCOMPARE(plan->skipActions, change == u"skip" ? QStringList{u"Hello"_s} : QStringList());
    }

    void requiredStepsCannotBeSkipped_data()
    {
        QTest::addColumn<QString>("required");
        QTest::addColumn<QString>("skip");
        QTest::addColumn<QString>("error");
        QTest::newRow("required step") << u"step"_s << u"Hello"_s
                                       << u"The step \"Hello\" is required and cannot be skipped."_s;
        QTest::newRow("required action") << u"action"_s << u"HELLO"_s
                                         << u"The step \"Hello\" is required and cannot be skipped."_s;
        QTest::newRow("unknown step") << u""_s << u"Bye"_s << u"Release 1.0.0 has no step \"Bye\"."_s;
        QTest::newRow("optional step") << u""_s << u"Hello"_s << QString();
    }

    void requiredStepsCannotBeSkipped()
    {
        QFETCH(QString, required);
        QFETCH(QString, skip);
        QFETCH(QString, error);
        DeploymentPlanner::Inputs in = baseInputs();
        if (required == u"step")
            in.release.process.steps.first().isRequired = true;
        else if (required == u"action")
            in.release.process.steps.first().actions.first().isRequired = true;
        DeploymentPlanner::Request request;
        request.skipSteps = {skip};
        QCOMPARE(errorOf(DeploymentPlanner::plan(in, request)), error);
    }

    void targetMatching_data()
    {
        QTest::addColumn<QString>("options");
        QTest::addColumn<QStringList>("specific");
        QTest::addColumn<QStringList>("excluded");
        QTest::addColumn<QStringList>("targets");
        QTest::addColumn<QStringList>("left");

        const QStringList leftAlways{u"web02: disabled"_s, u"web06: takes part in tenanted deployments only"_s};
        QTest::newRow("every matching target") << u""_s << QStringList() << QStringList()
                                               << QStringList{u"web01"_s, u"web03"_s, u"web04"_s, u"web07"_s} << leftAlways;
        QTest::newRow("exclude unhealthy")
            << u"unhealthy"_s << QStringList() << QStringList() << QStringList{u"web01"_s, u"web04"_s, u"web07"_s}
            << QStringList{u"web02: disabled"_s, u"web03: unhealthy"_s, u"web06: takes part in tenanted deployments only"_s};
        QTest::newRow("skip unavailable")
            << u"unavailable"_s << QStringList() << QStringList() << QStringList{u"web01"_s, u"web03"_s, u"web07"_s}
            << QStringList{u"web02: disabled"_s, u"web04: unavailable"_s, u"web06: takes part in tenanted deployments only"_s};
        QTest::newRow("chosen targets")
            << u""_s << QStringList{u"WEB01"_s, u"Machines-web03"_s} << QStringList() << QStringList{u"web01"_s, u"web03"_s}
            << QStringList{u"web02: disabled"_s, u"web04: not among the chosen targets"_s,
                           u"web06: not among the chosen targets"_s, u"web07: not among the chosen targets"_s};
        QTest::newRow("excluded targets")
            << u""_s << QStringList() << QStringList{u"web01"_s, u"web07"_s} << QStringList{u"web03"_s, u"web04"_s}
            << QStringList{u"web01: excluded by request"_s, u"web02: disabled"_s,
                           u"web06: takes part in tenanted deployments only"_s, u"web07: excluded by request"_s};
    }

    void targetMatching()
    {
        QFETCH(QString, options);
        QFETCH(QStringList, specific);
        QFETCH(QStringList, excluded);
        QFETCH(QStringList, targets);
        QFETCH(QStringList, left);
        DeploymentPlanner::Inputs in = baseInputs();
        const QString dev = u"Environments-Development"_s;
        in.targets << target(u"web02"_s, dev, {u"web"_s}) << target(u"web03"_s, dev, {u"web"_s})
                   << target(u"web04"_s, dev, {u"web"_s}) << target(u"db01"_s, dev, {u"db"_s})
                   << target(u"web05"_s, u"Environments-Production"_s, {u"web"_s})
                   << target(u"web06"_s, dev, {u"WEB"_s}) << target(u"web07"_s, dev, {u"db"_s, u"Web"_s});
        in.targets[1].isDisabled = true;
        in.targets[2].healthStatus = HealthStatus::Unhealthy;
        in.targets[3].healthStatus = HealthStatus::Unavailable;
        in.targets[6].tenantedParticipation = TenantedParticipation::Tenanted;
        in.targets[7].tenantedParticipation = TenantedParticipation::TenantedOrUntenanted;
        in.project.excludeUnhealthyTargets = options == u"unhealthy";
        in.project.skipUnavailableTargets = options == u"unavailable";
        DeploymentPlanner::Request request;
        request.specificTargets = specific;
        request.excludedTargets = excluded;
        const auto plan = DeploymentPlanner::plan(in, request);
        QVERIFY2(plan, qPrintable(errorOf(plan)));
        QCOMPARE(targetNames(plan->steps.at(0)), targets);
        QCOMPARE(exclusions(plan->steps.at(0)), left);
        QVERIFY(plan->steps.at(0).runsOnTargets);
    }

    void tenantedTargets()
    {
        DeploymentPlanner::Inputs in = baseInputs();
        in.project.tenantedMode = TenantedMode::Tenanted;
        in.tenant = acme(in);
        const QString dev = u"Environments-Development"_s;
        in.targets << target(u"byId"_s, dev, {u"web"_s}) << target(u"byTag"_s, dev, {u"web"_s})
                   << target(u"otherTag"_s, dev, {u"web"_s}) << target(u"other"_s, dev, {u"web"_s});
        // web01 stays untenanted.
        in.targets[1].tenantedParticipation = TenantedParticipation::Tenanted;
        in.targets[1].tenantIds = {in.tenant->id};
        in.targets[2].tenantedParticipation = TenantedParticipation::TenantedOrUntenanted;
        in.targets[2].tenantTags = {u"region/eu"_s, u"Region/US"_s};
        in.targets[3].tenantedParticipation = TenantedParticipation::Tenanted;
        in.targets[3].tenantTags = {u"Region/EU"_s, u"Tier/Silver"_s};
        in.targets[4].tenantedParticipation = TenantedParticipation::Tenanted;
        in.targets[4].tenantIds = {u"Tenants-2"_s};
        const auto plan = DeploymentPlanner::plan(in, {});
        QVERIFY2(plan, qPrintable(errorOf(plan)));
        QCOMPARE(plan->tenantName, u"Acme"_s);
        QCOMPARE(targetNames(plan->steps.at(0)), (QStringList{u"byId"_s, u"byTag"_s}));
        QCOMPARE(exclusions(plan->steps.at(0)),
                 (QStringList{u"web01: takes part in untenanted deployments only"_s,
                              u"otherTag: not associated with the tenant Acme"_s,
                              u"other: not associated with the tenant Acme"_s}));
    }

    void chosenTargetsMustBeKnownAndInTheEnvironment_data()
    {
        QTest::addColumn<QStringList>("specific");
        QTest::addColumn<QStringList>("excluded");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown") << QStringList{u"nope"_s} << QStringList() << u"There is no target \"nope\"."_s;
        QTest::newRow("unknown excluded") << QStringList() << QStringList{u"nope"_s} << u"There is no target \"nope\"."_s;
        QTest::newRow("elsewhere") << QStringList{u"web05"_s} << QStringList() << u"The target web05 is not in Development."_s;
        QTest::newRow("both") << QStringList{u"web01"_s} << QStringList{u"web01"_s}
                              << u"The target web01 is both chosen and excluded."_s;
    }

    void chosenTargetsMustBeKnownAndInTheEnvironment()
    {
        QFETCH(QStringList, specific);
        QFETCH(QStringList, excluded);
        QFETCH(QString, error);
        DeploymentPlanner::Inputs in = baseInputs();
        in.targets << target(u"web05"_s, u"Environments-Production"_s, {u"web"_s});
        DeploymentPlanner::Request request;
        request.specificTargets = specific;
        request.excludedTargets = excluded;
        QCOMPARE(errorOf(DeploymentPlanner::plan(in, request)), error);
    }

    void stepsOfOtherTagsDoNotApplyToChosenTargets()
    {
        DeploymentPlanner::Inputs in = baseInputs();
        in.targets << target(u"db01"_s, u"Environments-Development"_s, {u"db"_s});
        in.release.process.steps << scriptStep(u"Migrate"_s, {u"db"_s});
        DeploymentPlanner::Request request;
        request.specificTargets = {u"db01"_s};
        const auto plan = DeploymentPlanner::plan(in, request);
        QVERIFY2(plan, qPrintable(errorOf(plan)));
        QCOMPARE(plan->steps.at(0).skipReason, SkipReason::NoTargets);
        QCOMPARE(plan->steps.at(0).skipMessage, u"none of the chosen targets has the target tag web"_s);
        QCOMPARE(targetNames(plan->steps.at(1)), QStringList{u"db01"_s});
    }

    void noTargets_data()
    {
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<bool>("disabledOnly");
        QTest::addColumn<QString>("error");
        QTest::newRow("none has the tag")
            << false << false << u"The step \"Hello\" has no target to run on: no target in Development has the target tag app or api."_s;
        QTest::newRow("all left out")
            << false << true << u"The step \"Hello\" has no target to run on in Development (app01: disabled)."_s;
        QTest::newRow("allowed") << true << false << QString();
        QTest::newRow("allowed, all left out") << true << true << QString();
    }

    void noTargets()
    {
        QFETCH(bool, allowed);
        QFETCH(bool, disabledOnly);
        QFETCH(QString, error);
        DeploymentPlanner::Inputs in = baseInputs();
        in.release.process.steps.first().targetTags = {u"app"_s, u"api"_s};
        if (disabledOnly) {
            in.targets << target(u"app01"_s, u"Environments-Development"_s, {u"app"_s});
            in.targets.last().isDisabled = true;
        }
        in.project.allowDeploymentsToNoTargets = allowed;
        const auto plan = DeploymentPlanner::plan(in, {});
        QCOMPARE(errorOf(plan), error);
        if (plan) {
            QCOMPARE(plan->steps.at(0).skipReason, SkipReason::NoTargets);
            QCOMPARE(plan->steps.at(0).skipMessage, u"no target to run on, and the project allows deployments to no targets"_s);
        }
    }

    void workstationAndManualStepsNeedNoTargets()
    {
        DeploymentPlanner::Inputs in = baseInputs();
        in.targets.clear();
        DeploymentStep local = scriptStep(u"Local"_s, {});
        local.runOnWorkstation = true;
        DeploymentStep approve = scriptStep(u"Approve"_s, {});
        approve.actions.first().type = ActionType::ManualIntervention;
        in.release.process.steps = {local, approve};
        const auto plan = DeploymentPlanner::plan(in, {});
        QVERIFY2(plan, qPrintable(errorOf(plan)));
        QVERIFY(plan->steps.at(0).runOnWorkstation);
        QVERIFY(!plan->steps.at(0).runsOnTargets);
        QVERIFY(!plan->steps.at(1).runsOnTargets);
        QCOMPARE(plan->steps.at(1).skipReason, SkipReason::None);
    }

    void parallelismAndRollingWindow_data()
    {
        QTest::addColumn<QString>("maxParallelism");
        QTest::addColumn<QString>("window");
        QTest::addColumn<int>("expectedParallelism");
        QTest::addColumn<int>("expectedWindow");
        QTest::addColumn<QString>("error");
        QTest::newRow("defaults") << u""_s << u""_s << 10 << 0 << QString();
        QTest::newRow("numbers") << u"3"_s << u"2"_s << 3 << 2 << QString();
        QTest::newRow("variables for the environment") << u"#{Parallel}"_s << u"#{Window}"_s << 4 << 1 << QString();
        QTest::newRow("zero") << u"0"_s << u""_s << 0 << 0
                              << u"The step \"Hello\" sets MaxParallelism to \"0\", which is not a positive whole number."_s;
        QTest::newRow("unknown variable")
            << u""_s << u"#{Nope}"_s << 0 << 0
            << u"The step \"Hello\" sets the rolling window size to \"#{Nope}\", which is not a positive whole number."_s;
    }

    void parallelismAndRollingWindow()
    {
        QFETCH(QString, maxParallelism);
        QFETCH(QString, window);
        QFETCH(int, expectedParallelism);
        QFETCH(int, expectedWindow);
        QFETCH(QString, error);
        DeploymentPlanner::Inputs in = baseInputs();
        DeploymentStep &step = in.release.process.steps.first();
        if (!maxParallelism.isEmpty())
            step.actions.first().properties.insert(ActionProperty::MaxParallelism, maxParallelism);
        step.windowSize = window;
        VariableValue parallel = variable(u"Parallel"_s, u"4"_s);
        parallel.scope.environments = {u"Development"_s};
        VariableValue elsewhere = variable(u"Parallel"_s, u"9"_s);
        VariableValue windowValue = variable(u"Window"_s, u"1"_s);
        windowValue.scope.steps = {u"Hello"_s};
        in.release.variables = {elsewhere, parallel, windowValue};
        const auto plan = DeploymentPlanner::plan(in, {});
        QCOMPARE(errorOf(plan), error);
        if (plan) {
            QCOMPARE(plan->steps.at(0).maxParallelism, expectedParallelism);
            QCOMPARE(plan->steps.at(0).windowSize, expectedWindow);
            QCOMPARE(plan->steps.at(0).isRolling, !window.isEmpty());
        }
    }

    void packageVersionsComeFromTheRelease()
    {
        DeploymentPlanner::Inputs in = baseInputs();
        DeploymentStep deploy = scriptStep(u"Deploy web"_s);
        deploy.actions.first().type = ActionType::DeployPackage;
        in.release.process.steps << deploy;
        in.release.packages = {{u"Deploy web"_s, QString(), u"Acme.Web"_s, u"2.1.0"_s},
                               {u"Deploy web"_s, u"tools"_s, u"Acme.Tools"_s, u"1.0.0"_s},
                               {u"Other"_s, QString(), u"Acme.Other"_s, u"3.0.0"_s}};
        const auto plan = DeploymentPlanner::plan(in, {});
        QVERIFY2(plan, qPrintable(errorOf(plan)));
        QVERIFY(plan->steps.at(0).packages().isEmpty());
        QCOMPARE(plan->steps.at(1).packages(), (QList<ReleasePackage>{in.release.packages.at(0), in.release.packages.at(1)}));
    }

    void promptedValues_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("storedName");
        QTest::newRow("by label") << u"approver name"_s << u"Kim"_s << QString() << u"Approver"_s;
        QTest::newRow("by name") << u"Approver"_s << u"Kim"_s << QString() << u"Approver"_s;
        QTest::newRow("unknown") << u"Colour"_s << u"red"_s << u"Release 1.0.0 has no prompted variable \"Colour\"."_s << QString();
        QTest::newRow("required and missing") << QString() << QString() << u"The prompted variable \"Approver name\" needs a value."_s
                                              << QString();
    }

    void promptedValues()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, error);
        QFETCH(QString, storedName);
        DeploymentPlanner::Inputs in = baseInputs();
        VariableValue approver = variable(u"Approver"_s, QString());
        VariablePrompt prompt;
        prompt.label = u"Approver name"_s;
        prompt.required = true;
        approver.prompt = prompt;
        VariableValue plain = variable(u"Colour"_s, u"blue"_s);
        in.release.variables = {approver, plain};
        DeploymentPlanner::Request request;
        if (!key.isEmpty())
            request.promptedValues.insert(key, value);
        const auto plan = DeploymentPlanner::plan(in, request);
        QCOMPARE(errorOf(plan), error);
        if (plan)
            QCOMPARE(plan->formValues, (QMap<QString, QString>{{storedName, value}}));
    }

    void guidedFailureAndSchedule_data()
    {
        QTest::addColumn<DeploymentPlanner::GuidedFailure>("guided");
        QTest::addColumn<bool>("environmentDefault");
        QTest::addColumn<qint64>("queueInSeconds");
        QTest::addColumn<qint64>("expiryInSeconds");
        QTest::addColumn<bool>("expected");
        QTest::addColumn<QString>("error");
        using G = DeploymentPlanner::GuidedFailure;
        QTest::newRow("environment default on") << G::EnvironmentDefault << true << qint64(0) << qint64(0) << true << QString();
        QTest::newRow("environment default off") << G::EnvironmentDefault << false << qint64(0) << qint64(0) << false << QString();
        QTest::newRow("on") << G::On << false << qint64(0) << qint64(0) << true << QString();
        QTest::newRow("off") << G::Off << true << qint64(0) << qint64(0) << false << QString();
        QTest::newRow("scheduled") << G::Off << false << qint64(3600) << qint64(7200) << false << QString();
        QTest::newRow("too far ahead") << G::Off << false << qint64(31) * 86400 << qint64(0) << false
                                       << u"A deployment can be scheduled at most 30 days ahead."_s;
        QTest::newRow("in the past") << G::Off << false << qint64(-3600) << qint64(0) << false
                                     << u"The queue time 2026-01-01T11:00:00Z is in the past."_s;
        QTest::newRow("expiry first") << G::Off << false << qint64(3600) << qint64(1800) << false
                                      << u"The expiry of a scheduled deployment must be after its queue time."_s;
    }

    void guidedFailureAndSchedule()
    {
        QFETCH(DeploymentPlanner::GuidedFailure, guided);
        QFETCH(bool, environmentDefault);
        QFETCH(qint64, queueInSeconds);
        QFETCH(qint64, expiryInSeconds);
        QFETCH(bool, expected);
        QFETCH(QString, error);
        DeploymentPlanner::Inputs in = baseInputs();
        in.now = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
        in.environment.useGuidedFailure = environmentDefault;
        DeploymentPlanner::Request request;
        request.guidedFailure = guided;
        if (queueInSeconds != 0)
            request.queueTime = in.now.addSecs(queueInSeconds);
        if (expiryInSeconds != 0)
            request.queueTimeExpiry = in.now.addSecs(expiryInSeconds);
        const auto plan = DeploymentPlanner::plan(in, request);
        QCOMPARE(errorOf(plan), error);
        if (plan) {
            QCOMPARE(plan->useGuidedFailure, expected);
            QCOMPARE(plan->toDeployment().useGuidedFailure, expected);
            QCOMPARE(plan->queueTime, request.queueTime);
        }
    }

    void plansFromTheStoreWithTheChannelsLifecycle()
    {
        Test::ProjectFixture f;
        const StoreContext &context = f.ws.context;
        Lifecycle hotfixLifecycle;
        hotfixLifecycle.spaceId = f.ws.spaceId;
        hotfixLifecycle.name = u"Hotfix"_s;
        LifecyclePhase straight;
        straight.name = u"Straight to production"_s;
        straight.optionalEnvironmentIds = {f.production};
        hotfixLifecycle.phases = {straight};
        auto lifecycle = LifecycleRepository(context).create(hotfixLifecycle);
        QVERIFY2(lifecycle, lifecycle ? "" : qPrintable(lifecycle.error().message));
        Channel hotfix;
        hotfix.projectId = f.projectId;
        hotfix.name = u"Hotfix"_s;
        hotfix.lifecycleId = lifecycle->id;
        auto channel = ChannelRepository(context).create(hotfix);
        QVERIFY2(channel, channel ? "" : qPrintable(channel.error().message));

        DeploymentStep local = scriptStep(u"Local"_s, {});
        local.runOnWorkstation = true;
        Release release;
        release.projectId = f.projectId;
        release.channelId = ChannelRepository(context).defaultChannel(f.projectId)->id;
        release.version = u"1.0.0"_s;
        release.process.steps = {local};
        auto standard = ReleaseRepository(context).create(release);
        QVERIFY(standard);
        release.channelId = channel->id;
        release.version = u"1.0.1"_s;
        QVERIFY(ReleaseRepository(context).create(release));

        const DeploymentPlanner planner(context);
        DeploymentPlanner::Request request;
        request.projectId = f.projectId;
        request.release = u"1.0.0"_s;
        request.environment = u"production"_s;
        QCOMPARE(errorOf(planner.plan(request)),
                 u"Release 1.0.0 of Shop cannot be deployed to Production yet: the phase \"Development\" must be complete first (0 of 1 environments deployed)."_s);
        request.release = u"1.0.1"_s;
        QCOMPARE(errorOf(planner.plan(request)), QString());
        request.environment = u"Development"_s;
        QCOMPARE(errorOf(planner.plan(request)),
                 u"Release 1.0.1 of Shop cannot be deployed to Development: the lifecycle \"Hotfix\" does not include that environment."_s);

        // A success in Development, recorded as the executor will, opens Production.
        request.release = standard->id;
        auto plan = planner.plan(request);
        QVERIFY2(plan, qPrintable(errorOf(plan)));
        QCOMPARE(plan->steps.size(), 1);
        QVERIFY(plan->steps.at(0).runOnWorkstation);
        Deployment wanted = plan->toDeployment();
        wanted.useGuidedFailure = true;
        auto deployment = DeploymentRepository(context).create(wanted);
        QVERIFY(deployment);
        QVERIFY(TaskRepository(context).complete(deployment->taskId, TaskState::Success));
        request.environment = u"Production"_s;
        QCOMPARE(errorOf(planner.plan(request)), QString());

        auto again = planner.planFor(*deployment);
        QVERIFY2(again, qPrintable(errorOf(again)));
        QCOMPARE(again->environmentId, f.development);
        QCOMPARE(again->releaseVersion, u"1.0.0"_s);
        QVERIFY(again->useGuidedFailure);
    }

    void tagFilters_data()
    {
        QTest::addColumn<QStringList>("tags");
        QTest::addColumn<QStringList>("filter");
        QTest::addColumn<bool>("matches");
        const QStringList acme{u"Region/EU"_s, u"Tier/Gold"_s};
        QTest::newRow("empty filter") << acme << QStringList() << true;
        QTest::newRow("or within a set") << acme << QStringList{u"Region/US"_s, u"Region/EU"_s} << true;
        QTest::newRow("and across sets") << acme << QStringList{u"Region/EU"_s, u"Tier/Silver"_s} << false;
        QTest::newRow("both sets") << acme << QStringList{u"region/eu"_s, u"Tier/Gold"_s, u"Tier/Silver"_s} << true;
        QTest::newRow("no tags") << QStringList() << QStringList{u"Region/EU"_s} << false;
    }

    void tagFilters()
    {
        QFETCH(QStringList, tags);
        QFETCH(QStringList, filter);
        QFETCH(bool, matches);
        QCOMPARE(DeploymentPlanner::matchesTagFilter(tags, filter), matches);
    }
};

QTEST_GUILESS_MAIN(TestDeploymentPlanner)
#include "tst_deploymentplanner.moc"
