#include "model/engine/demoworkspace.h"

#include "model/store/environmentrepository.h"
#include "model/store/libraryvariablesetrepository.h"
#include "model/store/lifecyclerepository.h"
#include "model/store/projectgrouprepository.h"
#include "model/store/projectrepository.h"
#include "model/store/spacerepository.h"
#include "model/store/tagsetrepository.h"
#include "model/store/targetrepository.h"
#include "model/store/tenantrepository.h"
#include "model/store/variablerepository.h"

#include <QDir>

namespace Cuttle {
namespace {

VariableValue demoValue(const QString &name, const QString &value, const QStringList &environments = {},
                        const QString &description = {})
{
    VariableValue v;
    v.name = name;
    v.value = value;
    v.scope.environments = environments;
    v.description = description;
    return v;
}

// A few scoped values per project and one library set they both include, so that the
// Variables page, `cuttlectl variable list` and `variables explain` have something to show.
// Plain values only: populating has no keychain at hand.
VoidResult addVariables(const StoreContext &context, const QString &spaceId, const QList<Project> &projects)
{
    auto common = LibraryVariableSetRepository(context).create(
        {{}, spaceId, QStringLiteral("Common"), QStringLiteral("Mail and support settings every project uses.")});
    if (!common)
        return common.error();
    const QString production = QStringLiteral("Production");
    const QList<VariableValue> commonValues{
        demoValue(QStringLiteral("Smtp.Host"), QStringLiteral("smtp.dev.internal"), {}, QStringLiteral("The mail relay.")),
        demoValue(QStringLiteral("Smtp.Host"), QStringLiteral("smtp.example.com"), {production}),
        demoValue(QStringLiteral("Support.Email"), QStringLiteral("support@example.com")),
    };
    VariableValue approver = demoValue(QStringLiteral("Release.Approver"), {}, {}, QStringLiteral("Who signed off the deployment."));
    approver.prompt = VariablePrompt{QStringLiteral("Approver"), QStringLiteral("Your name, for the audit trail."), true,
                                     VariablePrompt::Control::SingleLineText};
    VariableValue logLevel = demoValue(QStringLiteral("Logging.Level"), QStringLiteral("Warning"), {production});
    logLevel.scope.roles = {QStringLiteral("web")};
    const QList<QList<VariableValue>> projectValues{
        {demoValue(QStringLiteral("Site.Url"), QStringLiteral("http://localhost:8080"), {QStringLiteral("Development")},
                   QStringLiteral("Where the storefront answers.")),
         demoValue(QStringLiteral("Site.Url"), QStringLiteral("https://test.shop.example.com"), {QStringLiteral("Test")}),
         demoValue(QStringLiteral("Site.Url"), QStringLiteral("https://shop.example.com"), {production}),
         demoValue(QStringLiteral("Logging.Level"), QStringLiteral("Debug")),
         logLevel,
         approver},
        {demoValue(QStringLiteral("Api.Port"), QStringLiteral("5000")),
         demoValue(QStringLiteral("ConnectionStrings:Orders"),
                   QStringLiteral("Server=db-#{Octopus.Environment.Name | ToLower};Database=orders"), {},
                   QStringLiteral("Replaced in appsettings.json by structured configuration variables.")),
         demoValue(QStringLiteral("Smtp.Host"), QStringLiteral("smtp.orders.example.com"), {production})},
    };
    VariableRepository variables(context);
    QList<VariableRepository::Stored> rows;
    for (const VariableValue &value : commonValues)
        rows.append({{}, value, false});
    if (auto saved = variables.replaceAll(spaceId, VariableOwner::librarySet(common->id), rows); !saved)
        return saved.error();
    LibraryVariableSetRepository sets(context);
    for (qsizetype i = 0; i < projects.size() && i < projectValues.size(); ++i) {
        rows.clear();
        for (const VariableValue &value : projectValues.at(i))
            rows.append({{}, value, false});
        if (auto saved = variables.replaceAll(spaceId, VariableOwner::project(projects.at(i).id), rows); !saved)
            return saved.error();
        if (auto included = sets.setIncluded(projects.at(i).id, {common->id}); !included)
            return included;
    }
    return {};
}

} // namespace

QString DemoWorkspace::targetDirectory(const Workspace &workspace, const QString &environmentName)
{
    return QDir(workspace.directory()).filePath(QStringLiteral("demo-targets/") + environmentName.toLower());
}

VoidResult DemoWorkspace::populate(Workspace &workspace)
{
    const StoreContext context = workspace.context();
    auto space = SpaceRepository(context).defaultSpace();
    if (!space)
        return space.error();
    EnvironmentRepository environments(context);
    auto existing = environments.list(space->id);
    if (!existing)
        return existing.error();
    if (!existing->isEmpty())
        return {};

    QList<Environment> created;
    for (const auto &[name, description, guided] :
         {std::tuple{QStringLiteral("Development"), QStringLiteral("Where every build lands first."), false},
          std::tuple{QStringLiteral("Test"), QStringLiteral("Where QA checks a release before it goes live."), false},
          std::tuple{QStringLiteral("Production"), QStringLiteral("What customers use."), true}}) {
        Environment environment;
        environment.spaceId = space->id;
        environment.name = name;
        environment.description = description;
        environment.useGuidedFailure = guided;
        auto saved = environments.create(environment);
        if (!saved)
            return saved.error();
        created << *saved;
    }

    Lifecycle lifecycle;
    lifecycle.spaceId = space->id;
    lifecycle.name = QStringLiteral("Default Lifecycle");
    lifecycle.description = QStringLiteral("Development, then Test, then Production.");
    for (const Environment &environment : created) {
        LifecyclePhase phase;
        phase.name = environment.name;
        if (environment.name == QLatin1String("Development"))
            phase.automaticEnvironmentIds << environment.id;
        else
            phase.optionalEnvironmentIds << environment.id;
        lifecycle.phases << phase;
    }
    lifecycle.releaseRetention = {RetentionUnit::Items, 30};
    auto savedLifecycle = LifecycleRepository(context).create(lifecycle);
    if (!savedLifecycle)
        return savedLifecycle.error();

    auto group = ProjectGroupRepository(context).create({{}, space->id, QStringLiteral("Web shop"), QStringLiteral("The online store.")});
    if (!group)
        return group.error();
    QList<Project> projects;
    for (const auto &[name, description, mode] :
         {std::tuple{QStringLiteral("Storefront"), QStringLiteral("The customer-facing web site."), TenantedMode::TenantedOrUntenanted},
          std::tuple{QStringLiteral("Order API"), QStringLiteral("The service behind checkout."), TenantedMode::Untenanted}}) {
        Project project;
        project.spaceId = space->id;
        project.name = name;
        project.description = description;
        project.projectGroupId = group->id;
        project.lifecycleId = savedLifecycle->id;
        project.tenantedMode = mode;
        auto saved = ProjectRepository(context).create(project);
        if (!saved)
            return saved.error();
        projects << *saved;
    }
    if (auto r = addVariables(context, space->id, projects); !r)
        return r;

    TagSet tiers;
    tiers.spaceId = space->id;
    tiers.name = QStringLiteral("Tier");
    tiers.description = QStringLiteral("What the customer pays for.");
    tiers.tags = {Tag{{}, QStringLiteral("Standard"), QStringLiteral("#3b7dd8"), {}},
                  Tag{{}, QStringLiteral("Premium"), QStringLiteral("#d8a33b"), {}}};
    TagSet regions;
    regions.spaceId = space->id;
    regions.name = QStringLiteral("Region");
    regions.tags = {Tag{{}, QStringLiteral("Europe"), QStringLiteral("#4caf50"), {}},
                    Tag{{}, QStringLiteral("Americas"), QStringLiteral("#e05d44"), {}}};
    for (const TagSet &set : {tiers, regions}) {
        if (auto saved = TagSetRepository(context).create(set); !saved)
            return saved.error();
    }

    QStringList allEnvironmentIds;
    for (const Environment &e : created)
        allEnvironmentIds << e.id;
    for (const auto &[name, tags] : {std::pair{QStringLiteral("Contoso"), QStringList{QStringLiteral("Tier/Premium"), QStringLiteral("Region/Europe")}},
                                     std::pair{QStringLiteral("Fabrikam"), QStringList{QStringLiteral("Tier/Standard"), QStringLiteral("Region/Americas")}}}) {
        Tenant tenant;
        tenant.spaceId = space->id;
        tenant.name = name;
        tenant.tags = tags;
        tenant.projects = {TenantProjectConnection{projects.constFirst().id, allEnvironmentIds}};
        if (auto saved = TenantRepository(context).create(tenant); !saved)
            return saved.error();
    }

    for (const Environment &environment : created) {
        const QString directory = targetDirectory(workspace, environment.name);
        if (!QDir().mkpath(directory))
            return Error::failed(QStringLiteral("The demo target folder %1 cannot be created.").arg(directory));
        DeploymentTarget target;
        target.spaceId = space->id;
        target.name = QStringLiteral("local-") + environment.name.toLower();
        target.kind = TargetKind::Local;
        target.directory = directory;
        target.environmentIds = {environment.id};
        target.tags = {QStringLiteral("web"), QStringLiteral("app")};
        target.tenantedParticipation = TenantedParticipation::TenantedOrUntenanted;
        if (auto saved = TargetRepository(context).create(target); !saved)
            return saved.error();
    }
    return {};
}

} // namespace Cuttle
