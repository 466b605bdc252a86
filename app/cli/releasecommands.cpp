// `cuttlectl release`: create releases of a project (version, channel, package versions,
// snapshots), list and show them, re-snapshot their variables, block and unblock them.
#include "app/cli/commandregistry.h"
#include "app/cli/recordverbs.h"
#include "model/engine/releaseservice.h"
#include "model/store/channelrepository.h"
#include "model/store/projectrepository.h"
#include "model/store/releaserepository.h"

#include <QFile>

namespace Cuttle::Cli {
namespace {

const OptionSpec kProjectOption{"project", "PROJECT", QT_TRANSLATE_NOOP("cuttlectl", "the project (name or id)")};
const PositionalSpec kVersionArgument{"VERSION", QT_TRANSLATE_NOOP("cuttlectl", "the release version")};

const QList<Output::Field> kListFields{
    {QT_TRANSLATE_NOOP("cuttlectl", "Version"), "version"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Channel"), "channel"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Created"), "createdAt"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Packages"), "packageSummary"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Blocked"), "blockReason"},
};
const QList<Output::Field> kShowFields{
    {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Project"), "project"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Version"), "version"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Channel"), "channel"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Created"), "createdAt"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Created by"), "createdBy"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Notes"), "notes"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Packages"), "packageSummary"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Steps"), "steps"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Variables"), "variableCount"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Variables taken"), "variablesSnapshotAt"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Blocked"), "blockReason"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Channel rules ignored"), "ignoredChannelRules"},
};

struct ProjectAndChannels
{
    Project project;
    QHash<QString, QString> channelNames;
};

Result<ProjectAndChannels> projectOf(CommandContext &context, const ParsedArguments &args)
{
    if (!args.has(QStringLiteral("project")))
        return Error::validation(tr("Say which project with --project."));
    auto project = ProjectRepository(context.store()).find(context.spaceId(), args.valueOr(QStringLiteral("project")));
    if (!project)
        return project.error();
    ProjectAndChannels found{*project, {}};
    auto channels = ChannelRepository(context.store()).list(project->id);
    if (!channels)
        return channels.error();
    for (const Channel &channel : *channels)
        found.channelNames.insert(channel.id, channel.name);
    return found;
}

QJsonObject toJson(const ProjectAndChannels &project, const Release &r)
{
    QJsonArray packages;
    QStringList summary;
    for (const ReleasePackage &p : r.packages) {
        packages.append(QJsonObject{{QLatin1String("step"), p.actionName},
                                    {QLatin1String("reference"), p.packageReference},
                                    {QLatin1String("packageId"), p.packageId},
                                    {QLatin1String("version"), p.version}});
        summary << p.packageId + u' ' + p.version;
    }
    QStringList steps;
    for (const DeploymentStep &step : r.process.steps)
        steps << step.name;
    return {{QLatin1String("id"), r.id},
            {QLatin1String("project"), project.project.name},
            {QLatin1String("version"), r.version},
            {QLatin1String("channel"), project.channelNames.value(r.channelId, r.channelId)},
            {QLatin1String("notes"), r.notes},
            {QLatin1String("createdAt"), r.createdAt.toString(Qt::ISODate)},
            {QLatin1String("createdBy"), r.createdBy},
            {QLatin1String("packages"), packages},
            {QLatin1String("packageSummary"), summary.join(QLatin1String(", "))},
            {QLatin1String("steps"), QJsonArray::fromStringList(steps)},
            {QLatin1String("variableCount"), int(r.variables.size())},
            {QLatin1String("variablesSnapshotAt"), r.variablesSnapshotAt.toString(Qt::ISODate)},
            {QLatin1String("isBlocked"), r.isBlocked},
            {QLatin1String("blockReason"), r.blockReason},
            {QLatin1String("ignoredChannelRules"), r.ignoredChannelRules}};
}

int create(CommandContext &context, const ParsedArguments &args)
{
    auto project = projectOf(context, args);
    if (!project)
        return context.fail(project.error());
    ReleaseService::Request request;
    request.projectId = project->project.id;
    request.version = args.valueOr(QStringLiteral("version"));
    request.channel = args.valueOr(QStringLiteral("channel"));
    request.ignoreChannelRules = args.has(QStringLiteral("ignore-channel-rules"));
    for (const QString &item : args.values(QStringLiteral("package"))) {
        const qsizetype equals = item.lastIndexOf(u'=');
        if (equals <= 0 || equals + 1 >= item.size())
            return context.usage(tr("--package takes STEP=VERSION or STEP:REFERENCE=VERSION, not \"%1\".").arg(item));
        request.packageVersions.insert(item.left(equals), item.mid(equals + 1));
    }
    if (args.has(QStringLiteral("notes")) && args.has(QStringLiteral("notes-file")))
        return context.usage(tr("Give the release notes with --notes or --notes-file, not both."));
    request.notes = args.valueOr(QStringLiteral("notes"));
    if (auto file = args.value(QStringLiteral("notes-file"))) {
        QFile notes(*file);
        if (!notes.open(QIODevice::ReadOnly))
            return context.fail(Error::failed(tr("The notes file %1 cannot be read: %2.").arg(*file, notes.errorString())));
        request.notes = QString::fromUtf8(notes.readAll());
    }
    ReleaseService service(context.workspace(), context.secrets(), context.store().actor);
    auto release = service.create(request);
    if (!release)
        return context.fail(release.error());
    for (const QString &warning : service.warnings())
        Output::writeError(QStringLiteral("cuttlectl: ") + warning + u'\n');
    for (const QString &task : service.queuedTasks())
        Output::writeError(tr("The lifecycle queued an automatic deployment as task %1 (cuttlectl task run %1).").arg(task) + u'\n');
    QString message = tr("Created release %1 of %2 in the channel \"%3\".")
                          .arg(release->version, project->project.name,
                               project->channelNames.value(release->channelId));
    if (release->ignoredChannelRules)
        message += u' ' + tr("Its package versions break the channel's rules; that was asked for and is recorded.");
    return RecordVerbs::saved(context, message, toJson(*project, *release));
}

int list(CommandContext &context, const ParsedArguments &args)
{
    auto project = projectOf(context, args);
    if (!project)
        return context.fail(project.error());
    QString channelId;
    if (auto channel = args.value(QStringLiteral("channel"))) {
        auto found = ChannelRepository(context.store()).find(project->project.id, *channel);
        if (!found)
            return context.fail(found.error());
        channelId = found->id;
    }
    auto releases = ReleaseRepository(context.store()).list(project->project.id, channelId);
    if (!releases)
        return context.fail(releases.error());
    QJsonArray rows;
    for (const Release &release : *releases)
        rows.append(toJson(*project, release));
    context.output().list(rows, kListFields);
    return int(Success);
}

/// Runs `work` on the release named by --project and VERSION and prints the result.
int withRelease(CommandContext &context, const ParsedArguments &args,
                const std::function<Result<Release>(const Release &)> &work, const char *doneMessage)
{
    auto project = projectOf(context, args);
    if (!project)
        return context.fail(project.error());
    auto release = ReleaseRepository(context.store()).find(project->project.id, args.positional(0));
    if (!release)
        return context.fail(release.error());
    if (!work) {
        context.output().object(toJson(*project, *release), kShowFields);
        return int(Success);
    }
    auto changed = work(*release);
    if (!changed)
        return context.fail(changed.error());
    return RecordVerbs::saved(context, tr(doneMessage).arg(changed->version, project->project.name),
                              toJson(*project, *changed));
}

Noun makeNoun()
{
    Noun noun;
    noun.name = QStringLiteral("release");
    noun.summary = QT_TRANSLATE_NOOP("cuttlectl", "releases: a project's process, variables and package versions frozen for deployment");

    Verb createVerb;
    createVerb.name = QStringLiteral("create");
    createVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "create a release (version from the project's template unless given)");
    createVerb.options = {
        kProjectOption,
        {"version", "VERSION", QT_TRANSLATE_NOOP("cuttlectl", "the release version; default: from the release version template")},
        {"channel", "CHANNEL", QT_TRANSLATE_NOOP("cuttlectl", "the channel; default: the project's default channel")},
        {"package", "STEP[:REF]=VERSION", QT_TRANSLATE_NOOP("cuttlectl", "the version of a step's package; default: the latest the channel allows"), true},
        {"notes", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "release notes")},
        {"notes-file", "FILE", QT_TRANSLATE_NOOP("cuttlectl", "read the release notes from a file")},
        {"ignore-channel-rules", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "allow package versions the channel's rules refuse (recorded)")},
    };
    createVerb.run = &create;

    Verb listVerb;
    listVerb.name = QStringLiteral("list");
    listVerb.aliases = {QStringLiteral("ls")};
    listVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "list a project's releases, newest first");
    listVerb.options = {kProjectOption, {"channel", "CHANNEL", QT_TRANSLATE_NOOP("cuttlectl", "only this channel's releases")}};
    listVerb.run = &list;

    Verb showVerb;
    showVerb.name = QStringLiteral("show");
    showVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "show one release");
    showVerb.positionals = {kVersionArgument};
    showVerb.options = {kProjectOption};
    showVerb.run = [](CommandContext &context, const ParsedArguments &args) { return withRelease(context, args, {}, nullptr); };

    Verb updateVerb;
    updateVerb.name = QStringLiteral("update-variables");
    updateVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "take the project's current variables into the release (the process stays)");
    updateVerb.positionals = {kVersionArgument};
    updateVerb.options = {kProjectOption};
    updateVerb.run = [](CommandContext &context, const ParsedArguments &args) {
        ReleaseService service(context.workspace(), context.secrets(), context.store().actor);
        return withRelease(context, args, [&](const Release &r) { return service.updateVariables(r.id); },
                           QT_TRANSLATE_NOOP("cuttlectl", "Release %1 of %2 now has the project's current variables."));
    };

    Verb blockVerb;
    blockVerb.name = QStringLiteral("block");
    blockVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "prevent a release from progressing to further environments");
    blockVerb.positionals = {kVersionArgument};
    blockVerb.options = {kProjectOption, {"reason", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "why (shown to whoever tries to promote it)")}};
    blockVerb.run = [](CommandContext &context, const ParsedArguments &args) {
        return withRelease(context, args, [&](const Release &r) {
            return ReleaseRepository(context.store()).setBlocked(r.id, true, args.valueOr(QStringLiteral("reason")));
        }, QT_TRANSLATE_NOOP("cuttlectl", "Release %1 of %2 is blocked."));
    };

    Verb unblockVerb;
    unblockVerb.name = QStringLiteral("unblock");
    unblockVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "let a blocked release progress again");
    unblockVerb.positionals = {kVersionArgument};
    unblockVerb.options = {kProjectOption};
    unblockVerb.run = [](CommandContext &context, const ParsedArguments &args) {
        return withRelease(context, args, [&](const Release &r) {
            return ReleaseRepository(context.store()).setBlocked(r.id, false);
        }, QT_TRANSLATE_NOOP("cuttlectl", "Release %1 of %2 is no longer blocked."));
    };

    noun.verbs = {createVerb, listVerb, showVerb, updateVerb, blockVerb, unblockVerb};
    return noun;
}

const CommandRegistry::Registration registration(&makeNoun);

} // namespace
} // namespace Cuttle::Cli
