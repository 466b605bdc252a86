#include "model/engine/releaseservice.h"

#include "model/core/processvalidation.h"
#include "model/engine/automaticdeployments.h"
#include "model/core/versionrange.h"
#include "model/engine/builtinrepository.h"
#include "model/engine/variableservice.h"
#include "model/secrets/secretkey.h"
#include "model/store/channelrepository.h"
#include "model/store/processrepository.h"
#include "model/store/projectrepository.h"
#include "model/store/releaserepository.h"
#include "model/variables/releaseversiontemplate.h"
#include "model/variables/variableset.h"

#include <algorithm>

namespace Cuttle {

namespace {

struct Loaded
{
    Project project;
    Channel channel;
    QList<Channel> channels;
    DeploymentProcess process;
};

const ChannelVersionRule *ruleFor(const Channel &channel, const QString &key)
{
    for (const ChannelVersionRule &rule : channel.rules) {
        for (const QString &reference : rule.packageReferences) {
            if (reference.compare(key, Qt::CaseInsensitive) == 0)
                return &rule;
        }
    }
    return nullptr;
}

QString describe(const ChannelVersionRule &rule)
{
    QStringList parts;
    if (!rule.versionRange.isEmpty())
        parts << ReleaseService::tr("version range %1").arg(rule.versionRange);
    if (!rule.tagRegex.isEmpty())
        parts << ReleaseService::tr("pre-release tag %1").arg(rule.tagRegex);
    return parts.join(ReleaseService::tr(" and "));
}

QString secretKey(const Workspace &workspace, const QString &releaseId, qsizetype index)
{
    return SecretKey(workspace.id(), releaseId, u"variable/" + QString::number(index)).toString();
}

} // namespace

ReleaseService::ReleaseService(std::shared_ptr<Workspace> workspace, std::shared_ptr<SecretStore> secrets, QString actor)
    : m_workspace(std::move(workspace))
    , m_secrets(std::move(secrets))
    , m_actor(std::move(actor))
{
}

QString ReleaseService::packageKey(const QString &actionName, const QString &referenceName)
{
    return referenceName.isEmpty() ? actionName : actionName + u':' + referenceName;
}

static Result<Loaded> load(const StoreContext &context, const QString &projectId, const QString &channelName)
{
    Loaded loaded;
    auto project = ProjectRepository(context).get(projectId);
    if (!project)
        return project.error();
    loaded.project = *project;
    ChannelRepository channels(context);
    auto channel = channelName.isEmpty() ? channels.defaultChannel(projectId) : channels.find(projectId, channelName);
    if (!channel)
        return Error::validation(channel.error().message, QStringLiteral("channel"));
    loaded.channel = *channel;
    auto all = channels.list(projectId);
    if (!all)
        return all.error();
    loaded.channels = *all;
    auto process = ProcessRepository(context).get(projectId);
    if (!process)
        return process.error();
    loaded.process = *process;
    return loaded;
}

Result<QList<ReleaseService::PackageChoice>> ReleaseService::choosePackages(const Request &request) const
{
    const StoreContext context = m_workspace->context(m_actor);
    auto loaded = load(context, request.projectId, request.channel);
    if (!loaded)
        return loaded.error();
    BuiltinRepository repository(context, m_workspace->packagesDirectory(), loaded->project.spaceId);
    QList<PackageChoice> choices;
    for (const DeploymentStep &step : loaded->process.steps) {
        for (const DeploymentAction &action : step.actions) {
            for (const PackageReference &reference : action.packages) {
                PackageChoice choice;
                choice.key = packageKey(action.name, reference.name);
                choice.actionName = action.name;
                choice.referenceName = reference.name;
                choice.packageId = reference.packageId;
                const ChannelVersionRule *rule = ruleFor(loaded->channel, choice.key);
                if (rule)
                    choice.rule = describe(*rule);
                const QString asked = request.packageVersions.value(choice.key);
                if (!asked.isEmpty()) {
                    auto record = repository.records().find(loaded->project.spaceId, reference.packageId, asked);
                    if (!record)
                        return Error::validation(tr("Version %1 of the package %2 (step \"%3\") is not in the built-in "
                                                    "repository.").arg(asked, reference.packageId, action.name),
                                                 QStringLiteral("packages"));
                    choice.version = record->version;
                    if (rule) {
                        auto allowed = repository.versions(reference.packageId, rule->versionRange, rule->tagRegex);
                        if (!allowed)
                            return allowed.error();
                        choice.violatesRule = std::none_of(allowed->cbegin(), allowed->cend(), [&](const auto &r) {
                            return r.id == record->id;
                        });
                    }
                } else {
                    auto allowed = rule ? repository.versions(reference.packageId, rule->versionRange, rule->tagRegex)
                                        : repository.versions(reference.packageId);
                    if (!allowed && allowed.error().kind != ErrorKind::NotFound)
                        return allowed.error();
                    if (allowed && !allowed->isEmpty())
                        choice.version = allowed->constFirst().version;
                }
                choices << choice;
            }
        }
    }
    return choices;
}

Result<QString> ReleaseService::nextVersion(const QString &projectId, const QString &channelName) const
{
    const StoreContext context = m_workspace->context(m_actor);
    auto loaded = load(context, projectId, channelName);
    if (!loaded)
        return loaded.error();
    // Versions only: the snapshots of every release are not needed to number the next one.
    ReleaseRepository releases(context);
    ReleaseVersionTemplate::Inputs inputs;
    auto all = releases.versions(projectId);
    if (!all)
        return all.error();
    inputs.existingVersions = *all;
    const auto latestOf = [](const QList<SemanticVersion> &versions) {
        std::optional<SemanticVersion> latest;
        for (const SemanticVersion &version : versions) {
            if (!latest || version > *latest)
                latest = version;
        }
        return latest;
    };
    // "Last" is the latest release by version, as the reference product counts it.
    inputs.latest = latestOf(*all);
    for (const Channel &channel : loaded->channels) {
        auto inChannel = releases.versions(projectId, channel.id);
        if (!inChannel)
            return inChannel.error();
        inputs.latestByChannelName.insert(channel.name, latestOf(*inChannel));
    }
    inputs.channelName = loaded->channel.name;
    inputs.latestInChannel = inputs.latestByChannelName.value(loaded->channel.name);
    inputs.now = QDateTime::currentDateTime();

    auto variables = VariableService(m_workspace, m_secrets, m_actor).effective(projectId, false);
    if (!variables)
        return variables.error();
    ScopeContext scope;
    scope.channel = loaded->channel.name;
    const VariableDictionary dictionary = VariableSet(*variables).resolve(scope);
    auto next = ReleaseVersionTemplate::next(loaded->project.releaseVersionTemplate, dictionary, inputs);
    if (!next)
        return next.error();
    return next->toString();
}

VoidResult ReleaseService::storeSecrets(const Release &release) const
{
    for (qsizetype i = 0; i < release.variables.size(); ++i) {
        if (!release.variables.at(i).sensitive)
            continue;
        if (auto written = m_secrets->write(secretKey(*m_workspace, release.id, i), release.variables.at(i).value.toUtf8());
            !written)
            return written;
    }
    return {};
}

Result<Release> ReleaseService::create(const Request &request)
{
    const StoreContext context = m_workspace->context(m_actor);
    auto loaded = load(context, request.projectId, request.channel);
    if (!loaded)
        return loaded.error();
    auto process = validateProcess(loaded->process);
    if (!process)
        return Error::validation(tr("The deployment process cannot be released: %1").arg(process.error().message),
                                 process.error().field);

    auto choices = choosePackages(request);
    if (!choices)
        return choices.error();
    Release release;
    release.projectId = request.projectId;
    release.channelId = loaded->channel.id;
    release.notes = request.notes;
    release.process = *process;
    for (const PackageChoice &choice : *choices) {
        if (choice.version.isEmpty())
            return Error::validation(
                choice.rule.isEmpty()
                    ? tr("There is no version of the package %1 (step \"%2\") in the built-in repository.")
                          .arg(choice.packageId, choice.actionName)
                    : tr("No version of the package %1 (step \"%2\") in the built-in repository satisfies the channel "
                         "\"%3\" rule: %4.").arg(choice.packageId, choice.actionName, loaded->channel.name, choice.rule),
                QStringLiteral("packages"));
        if (choice.violatesRule && !request.ignoreChannelRules)
            return Error::validation(tr("Version %1 of the package %2 (step \"%3\") breaks the channel \"%4\" rule: %5; "
                                        "choose another version or ignore the channel rules deliberately.")
                                         .arg(choice.version, choice.packageId, choice.actionName, loaded->channel.name,
                                              choice.rule),
                                     QStringLiteral("packages"));
        release.ignoredChannelRules = release.ignoredChannelRules || choice.violatesRule;
        release.packages << ReleasePackage{choice.actionName, choice.referenceName, choice.packageId, choice.version};
    }

    if (request.version.trimmed().isEmpty()) {
        auto next = nextVersion(request.projectId, loaded->channel.id);
        if (!next)
            return next.error();
        release.version = *next;
    } else {
        release.version = request.version.trimmed();
    }

    auto variables = VariableService(m_workspace, m_secrets, m_actor).effective(request.projectId, true);
    if (!variables)
        return variables.error();
    release.variables = *variables;
    auto created = ReleaseRepository(context).create(release, [this](const Release &created) { return storeSecrets(created); });
    if (!created)
        return created;
    // The first phase's automatic environments are due at once. The release stands even if
    // queueing fails (the deployments can still be started by hand); the caller hears why.
    m_warnings.clear();
    m_queuedTasks.clear();
    if (auto queued = AutomaticDeployments(context).queueDue(created->id); !queued)
        m_warnings << tr("Release %1 was created, but its automatic deployments could not be queued: %2")
                          .arg(created->version, queued.error().message);
    else
        m_queuedTasks = *queued;
    return created;
}

Result<Release> ReleaseService::updateVariables(const QString &releaseId)
{
    const StoreContext context = m_workspace->context(m_actor);
    ReleaseRepository releases(context);
    auto before = releases.get(releaseId);
    if (!before)
        return before.error();
    auto variables = VariableService(m_workspace, m_secrets, m_actor).effective(before->projectId, true);
    if (!variables)
        return variables.error();
    auto updated = releases.updateVariables(releaseId, *variables,
                                            [this](const Release &release) { return storeSecrets(release); });
    if (!updated)
        return updated;
    // Copies the new snapshot no longer needs; a failure here leaves an unused keychain entry, nothing worse.
    for (qsizetype i = 0; i < before->variables.size(); ++i) {
        if (before->variables.at(i).sensitive && (i >= updated->variables.size() || !updated->variables.at(i).sensitive))
            (void)m_secrets->remove(secretKey(*m_workspace, releaseId, i));
    }
    return updated;
}

QStringList ReleaseService::secretKeys(const Release &release) const
{
    QStringList keys;
    for (qsizetype i = 0; i < release.variables.size(); ++i) {
        if (release.variables.at(i).sensitive)
            keys << secretKey(*m_workspace, release.id, i);
    }
    return keys;
}

Result<QList<VariableValue>> ReleaseService::snapshotVariables(const Release &release) const
{
    QList<VariableValue> values = release.variables;
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (!values.at(i).sensitive)
            continue;
        auto secret = m_secrets->read(secretKey(*m_workspace, release.id, i));
        if (!secret)
            return Error::failed(tr("The sensitive value of %1 in release %2 cannot be read from the keychain: %3")
                                     .arg(values.at(i).name, release.version, secret.error().message));
        values[i].value = QString::fromUtf8(*secret);
    }
    return values;
}

} // namespace Cuttle
