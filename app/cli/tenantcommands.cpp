#include "app/cli/commandregistry.h"
#include "app/cli/recordverbs.h"
#include "model/store/environmentrepository.h"
#include "model/store/projectrepository.h"
#include "model/store/tenantrepository.h"

namespace Cuttle::Cli {
namespace {

QJsonObject toJson(CommandContext &context, const Tenant &t)
{
    using RecordVerbs::toArray;
    QJsonArray projects;
    QStringList projectNames;
    for (const TenantProjectConnection &c : t.projects) {
        const QString projectName = context.namesOf<ProjectRepository>().value(c.projectId, c.projectId);
        projects.append(QJsonObject{
            {QLatin1String("projectId"), c.projectId},
            {QLatin1String("name"), projectName},
            {QLatin1String("environmentIds"), toArray(c.environmentIds)},
            {QLatin1String("environments"), toArray(context.namesOf<EnvironmentRepository>(c.environmentIds))},
        });
        projectNames << projectName;
    }
    return {{QLatin1String("id"), t.id},
            {QLatin1String("name"), t.name},
            {QLatin1String("description"), t.description},
            {QLatin1String("tags"), toArray(t.tags)},
            {QLatin1String("projectNames"), toArray(projectNames)},
            {QLatin1String("projects"), projects}};
}

const QList<Output::Field> kColumns{
    {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Name"), "name"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Tags"), "tags"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Projects"), "projectNames"},
};
const QList<Output::Field> kFields{
    {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Name"), "name"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Description"), "description"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Tags"), "tags"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Projects"), "projects"},
};

/// Connects (or re-connects) the tenant to --project for the --environment list.
VoidResult connect(CommandContext &context, Tenant &t, const ParsedArguments &args)
{
    auto projectId = context.idOf<ProjectRepository>(args.valueOr(QStringLiteral("project")));
    if (!projectId)
        return projectId.error();
    auto environmentIds = context.idsOf<EnvironmentRepository>(args.values(QStringLiteral("environment")));
    if (!environmentIds)
        return environmentIds.error();
    for (TenantProjectConnection &c : t.projects) {
        if (c.projectId == *projectId) {
            c.environmentIds = *environmentIds;
            return {};
        }
    }
    t.projects.append({*projectId, *environmentIds});
    return {};
}

const QList<OptionSpec> kConnectOptions{
    {"project", "PROJECT", QT_TRANSLATE_NOOP("cuttlectl", "a project the tenant deploys")},
    {"environment", "ENV", QT_TRANSLATE_NOOP("cuttlectl", "an environment the tenant deploys that project to"), true},
};

int create(CommandContext &context, const ParsedArguments &args)
{
    Tenant t;
    t.spaceId = context.spaceId();
    t.name = args.positional(0);
    t.description = args.valueOr(QStringLiteral("description"));
    t.tags = args.values(QStringLiteral("tag"));
    if (args.has(QStringLiteral("project"))) {
        if (auto connected = connect(context, t, args); !connected)
            return context.fail(connected.error());
    } else if (args.has(QStringLiteral("environment"))) {
        return context.usage(tr("--environment needs --project to say which project the tenant deploys there."));
    }
    auto saved = TenantRepository(context.store()).create(t);
    if (!saved)
        return context.fail(saved.error());
    return RecordVerbs::saved(context, tr("Created the tenant \"%1\" (%2).").arg(saved->name, saved->id), toJson(context, *saved));
}

int saveAndPrint(CommandContext &context, TenantRepository &tenants, const Tenant &t)
{
    auto saved = tenants.update(t);
    if (!saved)
        return context.fail(saved.error());
    return RecordVerbs::saved(context, tr("Updated the tenant \"%1\" (%2).").arg(saved->name, saved->id), toJson(context, *saved));
}

int update(CommandContext &context, const ParsedArguments &args)
{
    TenantRepository tenants(context.store());
    auto t = tenants.find(context.spaceId(), args.positional(0));
    if (!t)
        return context.fail(t.error());
    t->name = args.valueOr(QStringLiteral("name"), t->name);
    t->description = args.valueOr(QStringLiteral("description"), t->description);
    if (args.has(QStringLiteral("tag")))
        t->tags = args.values(QStringLiteral("tag"));
    if (args.has(QStringLiteral("no-tags")))
        t->tags.clear();
    return saveAndPrint(context, tenants, *t);
}

int connectVerb(CommandContext &context, const ParsedArguments &args)
{
    if (!args.has(QStringLiteral("project")))
        return context.usage(tr("\"connect\" needs --project."));
    TenantRepository tenants(context.store());
    auto t = tenants.find(context.spaceId(), args.positional(0));
    if (!t)
        return context.fail(t.error());
    if (auto connected = connect(context, *t, args); !connected)
        return context.fail(connected.error());
    return saveAndPrint(context, tenants, *t);
}

int disconnect(CommandContext &context, const ParsedArguments &args)
{
    if (!args.has(QStringLiteral("project")))
        return context.usage(tr("\"disconnect\" needs --project."));
    TenantRepository tenants(context.store());
    auto t = tenants.find(context.spaceId(), args.positional(0));
    if (!t)
        return context.fail(t.error());
    auto projectId = context.idOf<ProjectRepository>(args.valueOr(QStringLiteral("project")));
    if (!projectId)
        return context.fail(projectId.error());
    if (t->projects.removeIf([&](const TenantProjectConnection &c) { return c.projectId == *projectId; }) == 0)
        return context.fail(Error::notFound(tr("The tenant \"%1\" is not connected to that project.").arg(t->name)));
    return saveAndPrint(context, tenants, *t);
}

Noun makeNoun()
{
    Noun noun;
    noun.name = QStringLiteral("tenant");
    noun.summary = QT_TRANSLATE_NOOP("cuttlectl", "customers that deployments can be made for");

    Verb createVerb;
    createVerb.name = QStringLiteral("create");
    createVerb.aliases = {QStringLiteral("add")};
    createVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "create a tenant, optionally tagged and connected to one project");
    createVerb.positionals = {{"NAME", QT_TRANSLATE_NOOP("cuttlectl", "the name of the new tenant")}};
    createVerb.options = QList<OptionSpec>{{"description", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "who the tenant is")},
                                           {"tag", "SET/TAG", QT_TRANSLATE_NOOP("cuttlectl", "a tag from a tag set, such as Tier/Premium"), true}}
                         + kConnectOptions;
    createVerb.run = &create;

    Verb updateVerb;
    updateVerb.name = QStringLiteral("update");
    updateVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "change a tenant; only the options given change");
    updateVerb.positionals = {RecordVerbs::nameArgument()};
    updateVerb.options = {{"name", "NEW-NAME", QT_TRANSLATE_NOOP("cuttlectl", "rename the tenant")},
                          {"description", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "who the tenant is")},
                          {"tag", "SET/TAG", QT_TRANSLATE_NOOP("cuttlectl", "a tag from a tag set; replaces the list"), true},
                          {"no-tags", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "remove every tag")}};
    updateVerb.run = &update;

    Verb connectV;
    connectV.name = QStringLiteral("connect");
    connectV.summary = QT_TRANSLATE_NOOP("cuttlectl", "connect a tenant to a project for the given environments (replaces that project's environments)");
    connectV.positionals = {{"TENANT", QT_TRANSLATE_NOOP("cuttlectl", "the tenant, by name or id")}};
    connectV.options = kConnectOptions;
    connectV.run = &connectVerb;

    Verb disconnectV;
    disconnectV.name = QStringLiteral("disconnect");
    disconnectV.summary = QT_TRANSLATE_NOOP("cuttlectl", "disconnect a tenant from a project");
    disconnectV.positionals = {{"TENANT", QT_TRANSLATE_NOOP("cuttlectl", "the tenant, by name or id")}};
    disconnectV.options = {{"project", "PROJECT", QT_TRANSLATE_NOOP("cuttlectl", "the project to disconnect")}};
    disconnectV.run = &disconnect;

    noun.verbs = {
        RecordVerbs::list<TenantRepository, Tenant>(QT_TRANSLATE_NOOP("cuttlectl", "list the tenants"), kColumns, &toJson),
        RecordVerbs::show<TenantRepository, Tenant>(QT_TRANSLATE_NOOP("cuttlectl", "show a tenant with its projects and environments"), kFields, &toJson),
        createVerb,
        updateVerb,
        RecordVerbs::remove<TenantRepository>(QT_TRANSLATE_NOOP("cuttlectl", "delete a tenant that no target or deployment refers to"),
                                              QT_TRANSLATE_NOOP("cuttlectl", "tenant")),
        connectV,
        disconnectV,
    };
    return noun;
}

const CommandRegistry::Registration registration(&makeNoun);

} // namespace
} // namespace Cuttle::Cli
