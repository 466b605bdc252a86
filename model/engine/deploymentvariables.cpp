#include "model/engine/deploymentvariables.h"

#include "model/variables/sensitivevaluemasker.h"

#include <QSet>

namespace Cuttle {

namespace {

QString joined(const QStringList &list)
{
    return list.join(u',');
}

} // namespace

DeploymentVariables::DeploymentVariables(const DeploymentPlan &plan, const Release &release,
                                         const QList<VariableValue> &snapshot, const Facts &facts)
    : m_plan(plan)
{
    // Prompted values replace the stored value of their variable wherever it is scoped.
    QList<VariableValue> values;
    QSet<QString> prompted;
    for (auto it = plan.formValues.cbegin(); it != plan.formValues.cend(); ++it)
        prompted.insert(it.key().toLower());
    for (const VariableValue &value : snapshot) {
        if (prompted.contains(value.name.toLower())) {
            if (value.sensitive || (value.prompt && value.prompt->control == VariablePrompt::Control::Sensitive))
                m_promptedSensitive.insert(value.name.toLower(), true);
            continue;
        }
        values << value;
        if (value.sensitive && value.value.size() >= SensitiveValueMasker::minimumLength())
            m_sensitive << value.value;
    }
    for (auto it = plan.formValues.cbegin(); it != plan.formValues.cend(); ++it) {
        VariableValue value;
        value.name = it.key();
        value.value = it.value();
        value.sensitive = m_promptedSensitive.value(it.key().toLower());
        if (value.sensitive && value.value.size() >= SensitiveValueMasker::minimumLength())
            m_sensitive << value.value;
        values << value;
    }
    m_set = VariableSet(values);

    const Deployment &d = facts.deployment;
    const QList<std::pair<QString, QString>> system{
        {QStringLiteral("Octopus.Release.Number"), release.version},
        {QStringLiteral("Octopus.Release.Id"), release.id},
        {QStringLiteral("Octopus.Release.Notes"), release.notes},
        {QStringLiteral("Octopus.Release.Channel.Name"), plan.channelName},
        {QStringLiteral("Octopus.Release.Previous.Number"), facts.previousReleaseNumber},
        {QStringLiteral("Octopus.Release.PreviousForEnvironment.Number"), facts.previousForEnvironmentNumber},
        {QStringLiteral("Octopus.Release.CurrentForEnvironment.Number"), facts.previousForEnvironmentNumber},
        {QStringLiteral("Octopus.Deployment.Id"), d.id},
        {QStringLiteral("Octopus.Deployment.Name"), d.name},
        {QStringLiteral("Octopus.Deployment.Created"), d.createdAt.toString(Qt::ISODate)},
        {QStringLiteral("Octopus.Deployment.Comments"), d.comments},
        {QStringLiteral("Octopus.Deployment.CreatedBy.Username"), d.createdBy},
        {QStringLiteral("Octopus.Deployment.Tenant.Id"), plan.tenantId},
        {QStringLiteral("Octopus.Deployment.Tenant.Name"), plan.tenantName},
        {QStringLiteral("Octopus.Deployment.Tenant.Tags"), joined(facts.tenantTags)},
        {QStringLiteral("Octopus.Deployment.ForcePackageRedeployment"),
         plan.forcePackageRedeployment ? QStringLiteral("True") : QStringLiteral("False")},
        {QStringLiteral("Octopus.Environment.Name"), plan.environmentName},
        {QStringLiteral("Octopus.Environment.Id"), plan.environmentId},
        {QStringLiteral("Octopus.Environment.SortOrder"), QString::number(facts.environmentSortOrder)},
        {QStringLiteral("Octopus.Project.Name"), plan.projectName},
        {QStringLiteral("Octopus.Project.Id"), plan.projectId},
        {QStringLiteral("Octopus.ProjectGroup.Name"), facts.projectGroupName},
        {QStringLiteral("Octopus.Space.Name"), facts.spaceName},
        {QStringLiteral("Octopus.Space.Id"), plan.spaceId},
        {QStringLiteral("Octopus.Task.Id"), facts.taskId},
        {QStringLiteral("Octopus.Task.ConcurrencyTag"), plan.projectId + u'/' + plan.environmentId
                                                            + (plan.tenantId.isEmpty() ? QString() : u'/' + plan.tenantId)},
        {QStringLiteral("Octopus.Deployment.Error"), QString()},
        {QStringLiteral("Octopus.Deployment.ErrorDetail"), QString()},
    };
    for (const auto &[name, value] : system)
        m_system.set(name, value);

    QStringList machineIds;
    QHash<QString, QStringList> byRole;
    for (const DeploymentTarget &machine : facts.machines) {
        machineIds << machine.id;
        for (const QString &role : machine.tags)
            byRole[role] << machine.id;
    }
    m_system.set(QStringLiteral("Octopus.Deployment.Machines"), joined(machineIds));
    for (auto it = byRole.cbegin(); it != byRole.cend(); ++it)
        m_system.set(u"Octopus.Environment.MachinesInRole[" + it.key() + u']', joined(it.value()));
}

VariableDictionary DeploymentVariables::resolve(const DeploymentPlan::Step &step, const DeploymentPlan::Action &action,
                                                const DeploymentTarget *target) const
{
    ScopeContext context;
    context.environment = m_plan.environmentName;
    context.channel = m_plan.channelName;
    context.step = step.name;
    context.stepTargetTags = step.targetTags;
    context.process = m_plan.projectName;
    if (!m_plan.tenantName.isEmpty())
        context.tenant = m_plan.tenantName;
    if (target) {
        context.machine = target->name;
        context.machineTags = target->tags;
    }
    VariableDictionary variables = m_set.resolve(context);
    for (const QString &name : m_system.names())
        variables.set(name, m_system.valueOr(name), m_system.isSensitive(name));

    variables.set(QStringLiteral("Octopus.Step.Name"), step.name);
    variables.set(QStringLiteral("Octopus.Step.Number"), QString::number(step.number));
    variables.set(QStringLiteral("Octopus.Action.Name"), action.name);
    variables.set(QStringLiteral("Octopus.Action.Number"), QString::number(step.number));
    variables.set(QStringLiteral("Octopus.Action.TargetRoles"), joined(step.targetTags));
    if (!action.packages.isEmpty()) {
        variables.set(QStringLiteral("Octopus.Action.Package.PackageId"), action.packages.constFirst().packageId);
        variables.set(QStringLiteral("Octopus.Action.Package.PackageVersion"), action.packages.constFirst().version);
    }
    if (target) {
        variables.set(QStringLiteral("Octopus.Machine.Name"), target->name);
        variables.set(QStringLiteral("Octopus.Machine.Id"), target->id);
        variables.set(QStringLiteral("Octopus.Machine.Roles"), joined(target->tags));
        variables.set(QStringLiteral("Octopus.Machine.Hostname"), target->host);
    }
    QMutexLocker locker(&m_mutex);
    for (const QString &name : m_outputs.names())
        variables.set(name, m_outputs.valueOr(name), m_outputs.isSensitive(name));
    return variables;
}

void DeploymentVariables::addOutput(const QString &actionName, const QString &machineName, const QString &name,
                                    const QString &value, bool sensitive)
{
    QMutexLocker locker(&m_mutex);
    const QString prefix = u"Octopus.Action[" + actionName + u"].Output";
    m_outputs.set(prefix + u'.' + name, value, sensitive);
    if (!machineName.isEmpty())
        m_outputs.set(prefix + u'[' + machineName + u"]." + name, value, sensitive);
    if (sensitive && value.size() >= SensitiveValueMasker::minimumLength() && !m_sensitive.contains(value))
        m_sensitive << value;
}

void DeploymentVariables::setDeploymentValue(const QString &name, const QString &value)
{
    QMutexLocker locker(&m_mutex);
    m_outputs.set(name, value);
}

QStringList DeploymentVariables::sensitiveValues() const
{
    QMutexLocker locker(&m_mutex);
    return m_sensitive;
}

} // namespace Cuttle
