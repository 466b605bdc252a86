#include "model/engine/projectdefinition.h"

#include "model/core/processjson.h"
#include "model/core/variablesjson.h"
#include "model/engine/variableservice.h"
#include "model/store/channelrepository.h"
#include "model/store/environmentrepository.h"
#include "model/store/libraryvariablesetrepository.h"
#include "model/store/lifecyclerepository.h"
#include "model/store/processrepository.h"
#include "model/store/projectgrouprepository.h"
#include "model/store/projectrepository.h"
#include "model/store/unitofwork.h"

#include <QJsonArray>

namespace Cuttle {

namespace {

const QLatin1String kFormatKey("cuttleProjectDefinition");

/// Names by id and ids by lower-case name of one kind of record.
struct NameMap
{
    QHash<QString, QString> names;
    QHash<QString, QString> ids;

    void add(const QString &id, const QString &name)
    {
        names.insert(id, name);
        ids.insert(name.toLower(), id);
    }
    QStringList namesOf(const QStringList &idList) const
    {
        QStringList result;
        for (const QString &id : idList)
            result << names.value(id, id);
        return result;
    }
    /// Ids of `nameList`; the first unknown name is reported through `missing`.
    QStringList idsOf(const QStringList &nameList, QString *missing) const
    {
        QStringList result;
        for (const QString &name : nameList) {
            const QString id = ids.value(name.toLower());
            if (id.isEmpty() && missing && missing->isEmpty())
                *missing = name;
            result << id;
        }
        return result;
    }
};

template<typename Record>
NameMap nameMap(const QList<Record> &records)
{
    NameMap map;
    for (const Record &record : records)
        map.add(record.id, record.name);
    return map;
}

QJsonObject channelJson(const Channel &channel, const NameMap &lifecycles)
{
    QJsonArray rules;
    for (const ChannelVersionRule &rule : channel.rules)
        rules.append(QJsonObject{{QStringLiteral("packageReferences"), QJsonArray::fromStringList(rule.packageReferences)},
                                 {QStringLiteral("versionRange"), rule.versionRange},
                                 {QStringLiteral("tagRegex"), rule.tagRegex}});
    return {{QStringLiteral("name"), channel.name},
            {QStringLiteral("description"), channel.description},
            {QStringLiteral("lifecycle"), channel.lifecycleId.isEmpty() ? QJsonValue() : lifecycles.names.value(channel.lifecycleId)},
            {QStringLiteral("isDefault"), channel.isDefault},
            {QStringLiteral("tenantTags"), QJsonArray::fromStringList(channel.tenantTags)},
            {QStringLiteral("versionRules"), rules}};
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString();
    return list;
}

/// Replaces ids by names (or back) in the filters of every action.
template<typename Map>
void mapActionReferences(DeploymentProcess &process, Map map)
{
    for (DeploymentStep &step : process.steps) {
        step.id.clear();
        for (DeploymentAction &action : step.actions) {
            action.id.clear();
            action.environmentIds = map(action.environmentIds, true);
            action.excludedEnvironmentIds = map(action.excludedEnvironmentIds, true);
            action.channelIds = map(action.channelIds, false);
        }
    }
}

bool sameScope(const ScopeSpec &a, const ScopeSpec &b)
{
    for (const auto &[key, member] : ScopeSpec::dimensions()) {
        QStringList left = a.*member;
        QStringList right = b.*member;
        left.sort(Qt::CaseInsensitive);
        right.sort(Qt::CaseInsensitive);
        if (left != right)
            return false;
    }
    return true;
}

/// The error of the first failed result, if any.
template<typename... Results>
std::optional<Error> firstError(const Results &...results)
{
    std::optional<Error> error;
    ((error || results.ok() ? void() : void(error = results.error())), ...);
    return error;
}

Error invalid(const QString &message)
{
    return Error::validation(message);
}

} // namespace

ProjectDefinition::ProjectDefinition(std::shared_ptr<Workspace> workspace, std::shared_ptr<SecretStore> secrets,
                                     QString actor)
    : m_workspace(std::move(workspace))
    , m_secrets(std::move(secrets))
    , m_actor(std::move(actor))
{
}

Result<QJsonObject> ProjectDefinition::exportProject(const QString &spaceId, const QString &projectIdOrName) const
{
    const StoreContext context = m_workspace->context(m_actor);
    auto project = ProjectRepository(context).find(spaceId, projectIdOrName);
    if (!project)
        return project.error();
    auto groups = ProjectGroupRepository(context).list(spaceId);
    auto lifecycles = LifecycleRepository(context).list(spaceId);
    auto environments = EnvironmentRepository(context).list(spaceId);
    auto sets = LibraryVariableSetRepository(context).list(spaceId);
    auto channels = ChannelRepository(context).list(project->id);
    auto process = ProcessRepository(context).get(project->id);
    auto variables = VariableService(m_workspace, m_secrets, m_actor).list(VariableOwner::project(project->id));
    if (auto error = firstError(groups, lifecycles, environments, sets, channels, process, variables))
        return *error;
    const NameMap lifecycleNames = nameMap(*lifecycles);
    const NameMap environmentNames = nameMap(*environments);
    const NameMap setNames = nameMap(*sets);
    const NameMap channelNames = nameMap(*channels);

    QJsonArray channelList;
    for (const Channel &channel : *channels)
        channelList.append(channelJson(channel, lifecycleNames));

    DeploymentProcess portable = *process;
    mapActionReferences(portable, [&](const QStringList &ids, bool environment) {
        return (environment ? environmentNames : channelNames).namesOf(ids);
    });
    QJsonObject processJson = ProcessJson::toJson(portable);
    processJson.remove(QStringLiteral("version"));

    QList<VariableValue> values;
    for (const VariableRepository::Stored &stored : *variables)
        values << stored.value;

    return QJsonObject{
        {kFormatKey, FormatVersion},
        {QStringLiteral("name"), project->name},
        {QStringLiteral("description"), project->description},
        {QStringLiteral("projectGroup"), nameMap(*groups).names.value(project->projectGroupId)},
        {QStringLiteral("lifecycle"), lifecycleNames.names.value(project->lifecycleId)},
        {QStringLiteral("tenantedMode"), toString(project->tenantedMode)},
        {QStringLiteral("isDisabled"), project->isDisabled},
        {QStringLiteral("releaseVersionTemplate"), project->releaseVersionTemplate},
        {QStringLiteral("allowDeploymentsToNoTargets"), project->allowDeploymentsToNoTargets},
        {QStringLiteral("skipUnavailableTargets"), project->skipUnavailableTargets},
        {QStringLiteral("excludeUnhealthyTargets"), project->excludeUnhealthyTargets},
        {QStringLiteral("includedLibrarySets"), QJsonArray::fromStringList(setNames.namesOf(project->includedLibrarySetIds))},
        {QStringLiteral("channels"), channelList},
        {QStringLiteral("process"), processJson},
        {QStringLiteral("variables"), VariablesJson::toJson(values)},
    };
}

Result<ProjectDefinition::ImportReport> ProjectDefinition::importProject(const QString &spaceId, const QJsonObject &json)
{
    if (json.value(kFormatKey).toInt() != FormatVersion)
        return invalid(tr("This is not a Cuttle project definition of format %1 (\"%2\": %1 is missing).")
                           .arg(FormatVersion)
                           .arg(kFormatKey));
    const StoreContext context = m_workspace->context(m_actor);
    ImportReport report;
    auto done = UnitOfWork::run(context, [&]() -> VoidResult {
        auto groups = ProjectGroupRepository(context).list(spaceId);
        auto lifecycles = LifecycleRepository(context).list(spaceId);
        auto environments = EnvironmentRepository(context).list(spaceId);
        auto sets = LibraryVariableSetRepository(context).list(spaceId);
        if (auto error = firstError(groups, lifecycles, environments, sets))
            return *error;
        const NameMap lifecycleIds = nameMap(*lifecycles);
        const NameMap environmentIds = nameMap(*environments);

        // The project and its settings.
        Project project;
        const QString name = json.value(QLatin1String("name")).toString();
        ProjectRepository projects(context);
        if (auto existing = projects.find(spaceId, name))
            project = *existing;
        else
            report.created = true;
        project.spaceId = spaceId;
        project.name = name;
        project.description = json.value(QLatin1String("description")).toString();
        QString missing;
        const QString groupName = json.value(QLatin1String("projectGroup")).toString();
        project.projectGroupId = nameMap(*groups).idsOf({groupName}, &missing).value(0);
        if (!missing.isEmpty())
            return invalid(tr("There is no project group named \"%1\" in this space.").arg(missing));
        const QString lifecycleName = json.value(QLatin1String("lifecycle")).toString();
        project.lifecycleId = lifecycleIds.idsOf({lifecycleName}, &missing).value(0);
        if (!missing.isEmpty())
            return invalid(tr("There is no lifecycle named \"%1\" in this space.").arg(missing));
        const auto mode = tenantedModeFromString(json.value(QLatin1String("tenantedMode")).toString());
        if (!mode)
            return invalid(tr("\"%1\" is not a tenanted mode.").arg(json.value(QLatin1String("tenantedMode")).toString()));
        project.tenantedMode = *mode;
        project.isDisabled = json.value(QLatin1String("isDisabled")).toBool();
        project.releaseVersionTemplate = json.value(QLatin1String("releaseVersionTemplate")).toString();
        project.allowDeploymentsToNoTargets = json.value(QLatin1String("allowDeploymentsToNoTargets")).toBool();
        project.skipUnavailableTargets = json.value(QLatin1String("skipUnavailableTargets")).toBool();
        project.excludeUnhealthyTargets = json.value(QLatin1String("excludeUnhealthyTargets")).toBool();
        project.includedLibrarySetIds = nameMap(*sets).idsOf(strings(json.value(QLatin1String("includedLibrarySets"))), &missing);
        if (!missing.isEmpty())
            return invalid(tr("There is no library variable set named \"%1\" in this space.").arg(missing));
        auto saved = report.created ? projects.create(project) : projects.update(project);
        if (!saved)
            return saved.error();
        report.projectId = saved->id;
        report.projectName = saved->name;

        // Channels by name: update or create those in the file, then drop the others.
        ChannelRepository channelRepository(context);
        auto existingChannels = channelRepository.list(report.projectId);
        if (!existingChannels)
            return existingChannels.error();
        NameMap channelIds = nameMap(*existingChannels);
        QStringList keep;
        QString defaultChannel;
        for (const QJsonValue &value : json.value(QLatin1String("channels")).toArray()) {
            const QJsonObject c = value.toObject();
            Channel channel;
            channel.projectId = report.projectId;
            channel.id = channelIds.ids.value(c.value(QLatin1String("name")).toString().toLower());
            if (!channel.id.isEmpty())
                channel.isDefault = channelRepository.get(channel.id).valueOr(Channel()).isDefault;
            channel.name = c.value(QLatin1String("name")).toString();
            channel.description = c.value(QLatin1String("description")).toString();
            if (const QJsonValue lifecycle = c.value(QLatin1String("lifecycle")); lifecycle.isString()) {
                channel.lifecycleId = lifecycleIds.idsOf({lifecycle.toString()}, &missing).value(0);
                if (!missing.isEmpty())
                    return invalid(tr("There is no lifecycle named \"%1\" in this space.").arg(missing));
            }
            channel.tenantTags = strings(c.value(QLatin1String("tenantTags")));
            for (const QJsonValue &rule : c.value(QLatin1String("versionRules")).toArray()) {
                const QJsonObject r = rule.toObject();
                channel.rules << ChannelVersionRule{{}, strings(r.value(QLatin1String("packageReferences"))),
                                                    r.value(QLatin1String("versionRange")).toString(),
                                                    r.value(QLatin1String("tagRegex")).toString()};
            }
            auto stored = channel.id.isEmpty() ? channelRepository.create(channel) : channelRepository.update(channel);
            if (!stored)
                return stored.error();
            channelIds.add(stored->id, stored->name);
            keep << stored->id;
            if (c.value(QLatin1String("isDefault")).toBool())
                defaultChannel = stored->id;
        }
        if (!defaultChannel.isEmpty()) {
            auto channel = channelRepository.get(defaultChannel);
            if (!channel)
                return channel.error();
            if (!channel->isDefault) {
                channel->isDefault = true;
                if (auto r = channelRepository.update(*channel); !r)
                    return r.error();
            }
        }
        for (const Channel &old : *existingChannels) {
            if (!keep.contains(old.id) && !keep.isEmpty()) {
                if (auto r = channelRepository.remove(old.id); !r)
                    return r;
            }
        }

        // The process, with names back to ids.
        auto process = ProcessJson::fromJson(json.value(QLatin1String("process")).toObject());
        if (!process)
            return process.error();
        QString missingKind;
        mapActionReferences(*process, [&](const QStringList &names, bool environment) {
            QString unknown;
            QStringList ids = (environment ? environmentIds : channelIds).idsOf(names, &unknown);
            if (!unknown.isEmpty() && missing.isEmpty()) {
                missing = unknown;
                missingKind = environment ? tr("environment") : tr("channel");
            }
            return ids;
        });
        if (!missing.isEmpty())
            return invalid(tr("The process names the %1 \"%2\", which does not exist here.").arg(missingKind, missing));
        ProcessRepository processes(context);
        auto current = processes.get(report.projectId);
        if (!current)
            return current.error();
        process->projectId = report.projectId;
        process->version = current->version;
        // Steps keep their ids where a step of the same name exists, so releases and logs stay linked.
        for (DeploymentStep &step : process->steps) {
            for (const DeploymentStep &old : current->steps) {
                if (old.name.compare(step.name, Qt::CaseInsensitive) == 0)
                    step.id = old.id;
            }
        }
        if (auto r = processes.save(*process); !r)
            return r.error();

        // Variables: sensitive ones keep the secret of the same name and scope.
        auto values = VariablesJson::fromJson(json.value(QLatin1String("variables")).toArray(),
                                              tr("the variables of the project definition"));
        if (!values)
            return values.error();
        VariableService variables(m_workspace, m_secrets, m_actor);
        const VariableOwner owner = VariableOwner::project(report.projectId);
        auto existingValues = variables.list(owner);
        if (!existingValues)
            return existingValues.error();
        QList<VariableRepository::Stored> rows;
        for (VariableValue value : *values) {
            VariableRepository::Stored row;
            value.source.clear();
            if (value.sensitive) {
                for (const VariableRepository::Stored &old : *existingValues) {
                    if (old.value.sensitive && old.value.name.compare(value.name, Qt::CaseInsensitive) == 0
                        && sameScope(old.value.scope, value.scope))
                        row.id = old.id;
                }
                if (row.id.isEmpty()) {
                    // The file carries no secret, and a sensitive value cannot be stored empty.
                    report.warnings << tr("The sensitive variable %1 was not imported because the file holds no "
                                          "secret values; set it with cuttlectl variable set %1 --project \"%2\" "
                                          "--sensitive --value-stdin.")
                                           .arg(value.name, report.projectName);
                    continue;
                }
            }
            row.value = value;
            rows << row;
        }
        if (auto r = variables.save(spaceId, owner, rows); !r)
            return r.error();
        return {};
    });
    if (!done)
        return done.error();
    return report;
}

} // namespace Cuttle
