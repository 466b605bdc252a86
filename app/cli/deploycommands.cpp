// `cuttlectl deploy`: check a deployment of a release against the lifecycle, the tenants
// and the options, preview its plan, or queue it as a task (one per tenant).
#include "app/cli/clitext.h"
#include "app/cli/commandcontext.h"
#include "app/cli/commandregistry.h"
#include "app/cli/taskfollower.h"
#include "app/cli/exitcode.h"
#include "app/cli/parsedarguments.h"
#include "model/engine/deploymentplanner.h"
#include "model/store/deploymentrepository.h"
#include "model/store/tenantrepository.h"
#include "model/store/projectrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Cuttle::Cli {
namespace {

using SkipReason = DeploymentPlan::SkipReason;

QString skipReasonName(SkipReason reason)
{
    switch (reason) {
    case SkipReason::None: break;
    case SkipReason::Disabled: return QStringLiteral("Disabled");
    case SkipReason::SkippedByRequest: return QStringLiteral("SkippedByRequest");
    case SkipReason::EnvironmentFilter: return QStringLiteral("EnvironmentFilter");
    case SkipReason::ExcludedEnvironment: return QStringLiteral("ExcludedEnvironment");
    case SkipReason::ChannelFilter: return QStringLiteral("ChannelFilter");
    case SkipReason::TenantTagFilter: return QStringLiteral("TenantTagFilter");
    case SkipReason::NoTargets: return QStringLiteral("NoTargets");
    }
    return {};
}

/// "2026-11-27T22:00" (local time unless an offset or Z is given), or "+90m", "+2h", "+1d".
Result<QDateTime> parseTime(const QString &option, const QString &text)
{
    static const QRegularExpression relative(QStringLiteral("^\\+(\\d+)([mhd])$"));
    const QRegularExpressionMatch m = relative.match(text.trimmed());
    if (m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const QChar unit = m.captured(2).at(0);
        const qint64 seconds = unit == u'm' ? n * 60 : unit == u'h' ? n * 3600 : n * 86400;
        return QDateTime::currentDateTimeUtc().addSecs(seconds);
    }
    const QDateTime parsed = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!parsed.isValid())
        return Error::validation(tr("--%1 takes a time such as 2026-11-27T22:00, 2026-11-27T22:00Z or +2h, not \"%2\".")
                                     .arg(option, text));
    return parsed.toUTC();
}

QJsonObject stepJson(const DeploymentPlan::Step &step)
{
    QJsonArray targets;
    for (const DeploymentTarget &t : step.targets)
        targets.append(t.name);
    QJsonArray excluded;
    for (const DeploymentPlan::TargetExclusion &e : step.excludedTargets)
        excluded.append(QJsonObject{{QLatin1String("name"), e.targetName}, {QLatin1String("reason"), e.reason}});
    QJsonArray packages;
    for (const ReleasePackage &p : step.packages())
        packages.append(QJsonObject{{QLatin1String("action"), p.actionName},
                                    {QLatin1String("reference"), p.packageReference},
                                    {QLatin1String("packageId"), p.packageId},
                                    {QLatin1String("version"), p.version}});
    QJsonArray actions;
    for (const DeploymentPlan::Action &a : step.actions)
        actions.append(QJsonObject{{QLatin1String("name"), a.name},
                                   {QLatin1String("type"), toString(a.type)},
                                   {QLatin1String("skipped"), a.isSkipped()},
                                   {QLatin1String("skipReason"), skipReasonName(a.skipReason)},
                                   {QLatin1String("skipMessage"), a.skipMessage}});
    return {{QLatin1String("number"), step.number},
            {QLatin1String("name"), step.name},
            {QLatin1String("skipped"), step.isSkipped()},
            {QLatin1String("skipReason"), skipReasonName(step.skipReason)},
            {QLatin1String("skipMessage"), step.skipMessage},
            {QLatin1String("condition"), toString(step.condition)},
            {QLatin1String("startTrigger"), toString(step.startTrigger)},
            {QLatin1String("runOnWorkstation"), step.runOnWorkstation},
            {QLatin1String("runsOnTargets"), step.runsOnTargets},
            {QLatin1String("targetTags"), QJsonArray::fromStringList(step.targetTags)},
            {QLatin1String("targets"), targets},
            {QLatin1String("excludedTargets"), excluded},
            {QLatin1String("maxParallelism"), step.maxParallelism},
            {QLatin1String("windowSize"), step.windowSize},
            {QLatin1String("packages"), packages},
            {QLatin1String("actions"), actions}};
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QJsonObject planJson(const DeploymentPlan &plan)
{
    QJsonArray steps;
    for (const DeploymentPlan::Step &step : plan.steps)
        steps.append(stepJson(step));
    return {{QLatin1String("project"), plan.projectName},
            {QLatin1String("release"), plan.releaseVersion},
            {QLatin1String("releaseId"), plan.releaseId},
            {QLatin1String("channel"), plan.channelName},
            {QLatin1String("environment"), plan.environmentName},
            {QLatin1String("tenant"), plan.tenantName},
            {QLatin1String("useGuidedFailure"), plan.useGuidedFailure},
            {QLatin1String("queueTime"), timeText(plan.queueTime)},
            {QLatin1String("queueTimeExpiry"), timeText(plan.queueTimeExpiry)},
            {QLatin1String("skipSteps"), QJsonArray::fromStringList(plan.skipActions)},
            {QLatin1String("promptedVariables"), QJsonArray::fromStringList(plan.formValues.keys())},
            {QLatin1String("steps"), steps}};
}

QString planText(const DeploymentPlan &plan)
{
    QString text = plan.tenantName.isEmpty()
        ? tr("Deploy %1 release %2 to %3").arg(plan.projectName, plan.releaseVersion, plan.environmentName)
        : tr("Deploy %1 release %2 to %3 for %4").arg(plan.projectName, plan.releaseVersion, plan.environmentName, plan.tenantName);
    text += u'\n' + tr("Channel: %1").arg(plan.channelName);
    text += u'\n' + tr("Guided failure: %1").arg(plan.useGuidedFailure ? tr("on") : tr("off"));
    if (plan.queueTime.isValid())
        text += u'\n' + tr("Queued for: %1").arg(timeText(plan.queueTime));
    if (plan.queueTimeExpiry.isValid())
        text += u'\n' + tr("Expires: %1").arg(timeText(plan.queueTimeExpiry));
    text += u'\n';
    for (const DeploymentPlan::Step &step : plan.steps) {
        text += tr("Step %1: %2").arg(step.number).arg(step.name);
        if (step.isSkipped()) {
            text += QLatin1String(" - ") + tr("skipped: %1").arg(step.skipMessage) + u'\n';
            continue;
        }
        text += u'\n';
        QStringList names;
        for (const DeploymentTarget &t : step.targets)
            names << t.name;
        if (step.runOnWorkstation)
            text += QLatin1String("  ") + tr("Runs on: this workstation") + u'\n';
        else if (!step.runsOnTargets)
            text += QLatin1String("  ") + tr("Runs on: no target") + u'\n';
        else if (step.windowSize > 0)
            text += QLatin1String("  ") + tr("Runs on: %1 (rolling, %2 at a time)").arg(names.join(QLatin1String(", "))).arg(step.windowSize) + u'\n';
        else
            text += QLatin1String("  ") + tr("Runs on: %1 (at most %2 at once)").arg(names.join(QLatin1String(", "))).arg(step.maxParallelism) + u'\n';
        QStringList left;
        for (const DeploymentPlan::TargetExclusion &e : step.excludedTargets)
            left << tr("%1 (%2)").arg(e.targetName, e.reason);
        if (!left.isEmpty())
            text += QLatin1String("  ") + tr("Left out: %1").arg(left.join(QLatin1String(", "))) + u'\n';
        for (const DeploymentPlan::Action &a : step.actions) {
            if (a.isSkipped() && step.actions.size() > 1)
                text += QLatin1String("  ") + tr("Action %1 skipped: %2").arg(a.name, a.skipMessage) + u'\n';
        }
        QStringList packages;
        for (const ReleasePackage &p : step.packages())
            packages << p.packageId + u' ' + p.version;
        if (!packages.isEmpty())
            text += QLatin1String("  ") + tr("Packages: %1").arg(packages.join(QLatin1String(", "))) + u'\n';
    }
    return text;
}

void writeJson(const QJsonArray &array)
{
    Output::write(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
}

int deploy(CommandContext &context, const ParsedArguments &args)
{
    for (const char *required : {"project", "release", "environment"}) {
        if (!args.has(QString::fromLatin1(required)))
            return context.usage(tr("Say which %1 with --%1.").arg(QString::fromLatin1(required)));
    }
    auto projectId = context.idOf<ProjectRepository>(args.valueOr(QStringLiteral("project")));
    if (!projectId)
        return context.fail(projectId.error());

    DeploymentPlanner::Request request;
    request.projectId = *projectId;
    request.release = args.valueOr(QStringLiteral("release"));
    request.environment = args.valueOr(QStringLiteral("environment"));
    request.specificTargets = args.values(QStringLiteral("target"));
    request.excludedTargets = args.values(QStringLiteral("exclude-target"));
    request.skipSteps = args.values(QStringLiteral("skip-step"));
    request.comments = args.valueOr(QStringLiteral("comments"));
    request.forcePackageRedeployment = args.has(QStringLiteral("force-package-redeployment"));
    for (const QString &item : args.values(QStringLiteral("variable"))) {
        const qsizetype equals = item.indexOf(u'=');
        if (equals <= 0)
            return context.usage(tr("--variable takes LABEL=VALUE, not \"%1\".").arg(item));
        request.promptedValues.insert(item.left(equals), item.mid(equals + 1));
    }
    if (auto guided = args.value(QStringLiteral("guided-failure"))) {
        const QString g = guided->toLower();
        if (g == u"on")
            request.guidedFailure = DeploymentPlanner::GuidedFailure::On;
        else if (g == u"off")
            request.guidedFailure = DeploymentPlanner::GuidedFailure::Off;
        else if (g != u"default")
            return context.usage(tr("--guided-failure takes on, off or default, not \"%1\".").arg(*guided));
    }
    for (const auto &[option, target] : {std::pair{QStringLiteral("queue-at"), &request.queueTime},
                                         std::pair{QStringLiteral("queue-expiry"), &request.queueTimeExpiry}}) {
        if (auto text = args.value(option)) {
            auto time = parseTime(option, *text);
            if (!time)
                return context.usage(time.error().message);
            *target = *time;
        }
    }

    // Every deployment is planned before any is queued, so one refusal queues none.
    const DeploymentPlanner planner(context.store());
    QStringList tenants;
    for (const QString &tenant : args.values(QStringLiteral("tenant"))) {
        // By name, so that a tenant given by id and also tagged deploys once; an unknown one is
        // left for the planner to refuse.
        auto found = TenantRepository(context.store()).find(context.spaceId(), tenant);
        tenants << (found ? found->name : tenant);
    }
    if (const QStringList tags = args.values(QStringLiteral("tenant-tag")); !tags.isEmpty()) {
        auto tagged = planner.tenantsTagged(request.projectId, request.environment, tags);
        if (!tagged)
            return context.fail(tagged.error());
        // Named tenants stay first, in the order given; a tenant both named and tagged deploys once.
        for (const QString &name : std::as_const(*tagged)) {
            if (!tenants.contains(name, Qt::CaseInsensitive))
                tenants << name;
        }
    }
    if (tenants.isEmpty())
        tenants << QString();
    tenants.removeDuplicates();

    QList<DeploymentPlan> plans;
    for (const QString &tenant : std::as_const(tenants)) {
        request.tenant = tenant;
        auto plan = planner.plan(request);
        if (!plan)
            return context.fail(plan.error());
        plans << *plan;
    }

    const bool json = context.output().json();
    if (args.has(QStringLiteral("preview"))) {
        if (json) {
            QJsonArray all;
            for (const DeploymentPlan &plan : std::as_const(plans))
                all.append(planJson(plan));
            writeJson(all);
        } else {
            QStringList texts;
            for (const DeploymentPlan &plan : std::as_const(plans))
                texts << planText(plan);
            Output::write(texts.join(u'\n'));
        }
        return Success;
    }

    DeploymentRepository repository(context.store());
    QJsonArray queued;
    for (const DeploymentPlan &plan : std::as_const(plans)) {
        auto deployment = repository.create(plan.toDeployment(), {plan.queueTime, plan.queueTimeExpiry});
        if (!deployment)
            return context.fail(deployment.error());
        queued.append(QJsonObject{{QLatin1String("deploymentId"), deployment->id},
                                  {QLatin1String("taskId"), deployment->taskId},
                                  {QLatin1String("project"), plan.projectName},
                                  {QLatin1String("release"), plan.releaseVersion},
                                  {QLatin1String("environment"), plan.environmentName},
                                  {QLatin1String("tenant"), plan.tenantName},
                                  {QLatin1String("queueTime"), timeText(plan.queueTime)}});
        if (!json) {
            // The task id alone on standard output, so scripts can capture it.
            Output::write(deployment->taskId + u'\n');
            const QString what = plan.tenantName.isEmpty()
                ? tr("%1 release %2 to %3").arg(plan.projectName, plan.releaseVersion, plan.environmentName)
                : tr("%1 release %2 to %3 for %4").arg(plan.projectName, plan.releaseVersion, plan.environmentName, plan.tenantName);
            Output::writeError(tr("Queued the deployment of %1 as task %2 (cuttlectl task log %2).").arg(what, deployment->taskId) + u'\n');
        }
    }
    if (json)
        writeJson(queued);
    if (!args.has(QStringLiteral("wait")))
        return Success;
    // Run each queued deployment here as soon as the queue lets it start, one after another.
    int exitCode = Success;
    for (const QJsonValue &entry : std::as_const(queued)) {
        const int code = runAndFollow(context, entry.toObject().value(QLatin1String("taskId")).toString());
        if (code != Success)
            exitCode = code;
    }
    return exitCode;
}

Noun makeNoun()
{
    Verb verb;
    verb.summary = QT_TRANSLATE_NOOP("cuttlectl", "Deploy a release to an environment (one deployment per tenant), or preview what the deployment would do.");
    verb.options = {
        {"project", "PROJECT", QT_TRANSLATE_NOOP("cuttlectl", "the project (name or id)")},
        {"release", "VERSION", QT_TRANSLATE_NOOP("cuttlectl", "the release version")},
        {"environment", "ENV", QT_TRANSLATE_NOOP("cuttlectl", "the environment (name or id)")},
        {"tenant", "TENANT", QT_TRANSLATE_NOOP("cuttlectl", "deploy for this tenant (repeat for several: one deployment each)"), true},
        {"tenant-tag", "SET/TAG", QT_TRANSLATE_NOOP("cuttlectl", "also deploy for each tenant connected to the project and environment with this tag (repeat: any tag of a set, and one of each set)"), true},
        {"target", "NAME", QT_TRANSLATE_NOOP("cuttlectl", "deploy only to this target"), true},
        {"exclude-target", "NAME", QT_TRANSLATE_NOOP("cuttlectl", "leave this target out"), true},
        {"skip-step", "STEP", QT_TRANSLATE_NOOP("cuttlectl", "skip this step (required steps cannot be skipped)"), true},
        {"variable", "LABEL=VALUE", QT_TRANSLATE_NOOP("cuttlectl", "the value of a prompted variable (by label or name)"), true},
        {"guided-failure", "on|off|default", QT_TRANSLATE_NOOP("cuttlectl", "pause on errors for a decision; default: the environment's setting")},
        {"queue-at", "TIME", QT_TRANSLATE_NOOP("cuttlectl", "start no earlier than TIME (ISO 8601, local unless it has an offset, or +30m/+2h/+1d; at most 30 days ahead)")},
        {"queue-expiry", "TIME", QT_TRANSLATE_NOOP("cuttlectl", "drop the deployment if it has not started by TIME")},
        {"comments", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "comments recorded with the deployment")},
        {"force-package-redeployment", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "deploy packages even where that version is already installed")},
        {"preview", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "print the plan (steps, targets, skipped steps and why, package versions) and change nothing")},
        {"wait", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "run the deployment here once it may start and stream its log; exit 0 on success, 1 otherwise")},
    };
    verb.run = [](CommandContext &context, const ParsedArguments &args) { return deploy(context, args); };

    Noun noun;
    noun.name = QStringLiteral("deploy");
    noun.summary = QT_TRANSLATE_NOOP("cuttlectl", "deploy a release: deploy --project P --release V --environment E [--tenant T]... [--tenant-tag SET/TAG]... [--preview]");
    noun.verbs = {verb};
    return noun;
}

const CommandRegistry::Registration registration(&makeNoun);

} // namespace
} // namespace Cuttle::Cli
