#include "app/cli/clitext.h"
#include "app/cli/commandcontext.h"
#include "app/cli/commandregistry.h"
#include "app/cli/exitcode.h"
#include "app/cli/parsedarguments.h"
#include "model/engine/demoworkspace.h"
#include "model/store/accountrepository.h"
#include "model/store/environmentrepository.h"
#include "model/store/lifecyclerepository.h"
#include "model/store/machinepolicyrepository.h"
#include "model/store/projectgrouprepository.h"
#include "model/store/projectrepository.h"
#include "model/store/spacerepository.h"
#include "model/store/tagsetrepository.h"
#include "model/store/targetrepository.h"
#include "model/store/tenantrepository.h"

#include <QJsonObject>

namespace Cuttle::Cli {
namespace {

template<typename Repository>
Result<int> countIn(const CommandContext &context)
{
    auto all = Repository(context.store()).list(context.spaceId());
    if (!all)
        return all.error();
    return int(all->size());
}

Result<QJsonObject> workspaceInfo(CommandContext &context)
{
    const Workspace &workspace = *context.workspace();
    auto spaces = SpaceRepository(context.store()).list();
    if (!spaces)
        return spaces.error();
    QJsonObject counts;
    const QList<std::pair<const char *, Result<int> (*)(const CommandContext &)>> kinds{
        {"environments", &countIn<EnvironmentRepository>},
        {"targets", &countIn<TargetRepository>},
        {"accounts", &countIn<AccountRepository>},
        {"machinePolicies", &countIn<MachinePolicyRepository>},
        {"lifecycles", &countIn<LifecycleRepository>},
        {"projectGroups", &countIn<ProjectGroupRepository>},
        {"projects", &countIn<ProjectRepository>},
        {"tenants", &countIn<TenantRepository>},
        {"tagSets", &countIn<TagSetRepository>},
    };
    for (const auto &[key, count] : kinds) {
        auto n = count(context);
        if (!n)
            return n.error();
        counts.insert(QLatin1String(key), *n);
    }
    counts.insert(QLatin1String("spaces"), int(spaces->size()));
    return QJsonObject{
        {QLatin1String("path"), workspace.directory()},
        {QLatin1String("database"), workspace.databasePath()},
        {QLatin1String("id"), workspace.id()},
        {QLatin1String("schemaVersion"), workspace.database()->schemaVersion()},
        {QLatin1String("space"), context.space().name},
        {QLatin1String("spaceId"), context.spaceId()},
        {QLatin1String("counts"), counts},
    };
}

int printInfo(CommandContext &context)
{
    auto info = workspaceInfo(context);
    if (!info)
        return context.fail(info.error());
    if (context.output().json()) {
        context.output().object(*info, {});
        return Success;
    }
    context.output().object(*info, {
        {QT_TRANSLATE_NOOP("cuttlectl", "Path"), "path"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Schema version"), "schemaVersion"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Space"), "space"},
    });
    const QJsonObject counts = info->value(QLatin1String("counts")).toObject();
    Output::write(u'\n' + tr("Records (spaces in the workspace, the rest in this space):") + u'\n');
    context.output().object(counts, {
        {QT_TRANSLATE_NOOP("cuttlectl", "Spaces"), "spaces"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Environments"), "environments"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Targets"), "targets"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Accounts"), "accounts"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Machine policies"), "machinePolicies"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Lifecycles"), "lifecycles"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Project groups"), "projectGroups"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Projects"), "projects"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Tenants"), "tenants"},
        {QT_TRANSLATE_NOOP("cuttlectl", "Tag sets"), "tagSets"},
    });
    return Success;
}

int init(CommandContext &context, const ParsedArguments &args)
{
    const bool existed = Workspace::exists(context.workspaceDirectory());
    if (auto opened = context.openWorkspace(Workspace::OpenMode::OpenOrCreate); !opened)
        return context.fail(opened.error());
    if (args.has(QStringLiteral("demo"))) {
        if (auto filled = DemoWorkspace::populate(*context.workspace()); !filled)
            return context.fail(filled.error());
    }
    if (auto space = context.resolveSpace(); !space)
        return context.fail(space.error());
    context.output().message(existed ? tr("The workspace in %1 already exists and is up to date.").arg(context.workspace()->directory())
                                     : tr("Created a workspace in %1.").arg(context.workspace()->directory()));
    return printInfo(context);
}

Noun makeNoun()
{
    Noun noun;
    noun.name = QStringLiteral("workspace");
    noun.summary = QT_TRANSLATE_NOOP("cuttlectl", "create a workspace or show what it holds");
    Verb initVerb;
    initVerb.name = QStringLiteral("init");
    initVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "create the workspace folder and database (or bring an existing one up to date)");
    initVerb.options = {{"demo", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "fill a new workspace with demo environments, projects, tenants and targets")}};
    initVerb.opensWorkspace = false;
    initVerb.run = &init;
    Verb info;
    info.name = QStringLiteral("info");
    info.summary = QT_TRANSLATE_NOOP("cuttlectl", "show the workspace path, id, schema version and how many records of each kind the space holds");
    info.run = [](CommandContext &context, const ParsedArguments &) { return printInfo(context); };
    noun.verbs = {initVerb, info};
    return noun;
}

const CommandRegistry::Registration registration(&makeNoun);

} // namespace
} // namespace Cuttle::Cli
