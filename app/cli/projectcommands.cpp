#include "app/cli/commandregistry.h"
#include "app/cli/enumarguments.h"
#include "app/cli/recordverbs.h"
#include "model/engine/projectservice.h"
#include "model/store/lifecyclerepository.h"
#include "model/store/projectgrouprepository.h"
#include "model/store/projectrepository.h"

namespace Cuttle::Cli {
namespace {

QJsonObject toJson(CommandContext &context, const Project &p)
{
    return {{QLatin1String("id"), p.id},
            {QLatin1String("name"), p.name},
            {QLatin1String("description"), p.description},
            {QLatin1String("projectGroupId"), p.projectGroupId},
            {QLatin1String("projectGroup"), context.namesOf<ProjectGroupRepository>().value(p.projectGroupId)},
            {QLatin1String("lifecycleId"), p.lifecycleId},
            {QLatin1String("lifecycle"), context.namesOf<LifecycleRepository>().value(p.lifecycleId)},
            {QLatin1String("tenantedMode"), toString(p.tenantedMode)},
            {QLatin1String("isDisabled"), p.isDisabled},
            {QLatin1String("releaseVersionTemplate"), p.releaseVersionTemplate}};
}

const QList<Output::Field> kColumns{
    {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Name"), "name"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Group"), "projectGroup"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Lifecycle"), "lifecycle"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Tenanted"), "tenantedMode"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Disabled"), "isDisabled"},
};
const QList<Output::Field> kFields{
    {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Name"), "name"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Description"), "description"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Group"), "projectGroup"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Lifecycle"), "lifecycle"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Tenanted"), "tenantedMode"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Disabled"), "isDisabled"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Release version template"), "releaseVersionTemplate"},
};

const QList<OptionSpec> kEditOptions{
    {"group", "GROUP", QT_TRANSLATE_NOOP("cuttlectl", "the project group")},
    {"lifecycle", "LIFECYCLE", QT_TRANSLATE_NOOP("cuttlectl", "the lifecycle releases follow")},
    {"tenanted-mode", "MODE", QT_TRANSLATE_NOOP("cuttlectl", "untenanted|tenanted|tenanted-or-untenanted")},
    {"description", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "what the project deploys")},
};

VoidResult apply(CommandContext &context, Project &p, const ParsedArguments &args)
{
    if (auto group = args.value(QStringLiteral("group"))) {
        auto id = context.idOf<ProjectGroupRepository>(*group);
        if (!id)
            return id.error();
        p.projectGroupId = *id;
    }
    if (auto lifecycle = args.value(QStringLiteral("lifecycle"))) {
        auto id = context.idOf<LifecycleRepository>(*lifecycle);
        if (!id)
            return id.error();
        p.lifecycleId = *id;
    }
    if (auto mode = args.value(QStringLiteral("tenanted-mode"))) {
        auto parsed = EnumArguments::parse<TenantedMode>(*mode, &tenantedModeFromString, QStringLiteral("tenanted-mode"),
                                                         EnumArguments::kParticipations);
        if (!parsed)
            return parsed.error();
        p.tenantedMode = *parsed;
    }
    if (auto description = args.value(QStringLiteral("description")))
        p.description = *description;
    if (args.has(QStringLiteral("disabled")) && args.has(QStringLiteral("enabled")))
        return Error::validation(tr("The options --disabled and --enabled contradict each other."));
    if (args.has(QStringLiteral("disabled")))
        p.isDisabled = true;
    if (args.has(QStringLiteral("enabled")))
        p.isDisabled = false;
    return {};
}

int create(CommandContext &context, const ParsedArguments &args)
{
    Project p;
    p.spaceId = context.spaceId();
    p.name = args.positional(0);
    if (auto applied = apply(context, p, args); !applied)
        return context.fail(applied.error());
    auto saved = ProjectRepository(context.store()).create(p);
    if (!saved)
        return context.fail(saved.error());
    return RecordVerbs::saved(context, tr("Created the project \"%1\" (%2).").arg(saved->name, saved->id), toJson(context, *saved));
}

int update(CommandContext &context, const ParsedArguments &args)
{
    ProjectRepository projects(context.store());
    auto p = projects.find(context.spaceId(), args.positional(0));
    if (!p)
        return context.fail(p.error());
    if (auto name = args.value(QStringLiteral("name")))
        p->name = *name;
    if (auto applied = apply(context, *p, args); !applied)
        return context.fail(applied.error());
    auto saved = projects.update(*p);
    if (!saved)
        return context.fail(saved.error());
    return RecordVerbs::saved(context, tr("Updated the project \"%1\" (%2).").arg(saved->name, saved->id), toJson(context, *saved));
}

Noun makeNoun()
{
    Noun noun;
    noun.name = QStringLiteral("project");
    noun.summary = QT_TRANSLATE_NOOP("cuttlectl", "what gets deployed");

    Verb createVerb;
    createVerb.name = QStringLiteral("create");
    createVerb.aliases = {QStringLiteral("add")};
    createVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "create a project with its process, variables and Default channel");
    createVerb.positionals = {{"NAME", QT_TRANSLATE_NOOP("cuttlectl", "the name of the new project")}};
    createVerb.options = kEditOptions;
    createVerb.run = &create;

    Verb updateVerb;
    updateVerb.name = QStringLiteral("update");
    updateVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "change a project; only the options given change");
    updateVerb.positionals = {RecordVerbs::nameArgument()};
    updateVerb.options = QList<OptionSpec>{{"name", "NEW-NAME", QT_TRANSLATE_NOOP("cuttlectl", "rename the project")}} + kEditOptions
                         + QList<OptionSpec>{{"disabled", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "stop releases and deployments of the project")},
                                             {"enabled", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "allow releases and deployments again")}};
    updateVerb.run = &update;

    noun.verbs = {
        RecordVerbs::list<ProjectRepository, Project>(QT_TRANSLATE_NOOP("cuttlectl", "list the projects"), kColumns, &toJson),
        RecordVerbs::show<ProjectRepository, Project>(QT_TRANSLATE_NOOP("cuttlectl", "show one project"), kFields, &toJson),
        createVerb,
        updateVerb,
        RecordVerbs::remove<ProjectRepository>(QT_TRANSLATE_NOOP("cuttlectl", "delete a project with its process, variables, channels and releases"),
                                               QT_TRANSLATE_NOOP("cuttlectl", "project"),
                                               [](CommandContext &context, const QString &id) {
                                                   return ProjectService(context.workspace(), context.secrets(),
                                                                         context.store().actor).remove(id);
                                               }),
    };
    return noun;
}

const CommandRegistry::Registration registration(&makeNoun);

} // namespace
} // namespace Cuttle::Cli
