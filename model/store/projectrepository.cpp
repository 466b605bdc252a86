#include "model/store/projectrepository.h"

#include "model/core/validation.h"
#include "model/store/auditlog.h"
#include "model/store/repositorysupport.h"

#include <QHash>

namespace Cuttle {
using namespace StoreSupport;

namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, space_id, name, description, project_group_id, lifecycle_id, tenanted_mode, is_disabled, "
    "release_version_template, allow_deployments_to_no_targets, skip_unavailable_targets, exclude_unhealthy_targets "
    "FROM projects ");

Project fromRow(const SqlQuery &q)
{
    Project p;
    p.id = q.text(0);
    p.spaceId = q.text(1);
    p.name = q.text(2);
    p.description = q.text(3);
    p.projectGroupId = q.text(4);
    p.lifecycleId = q.text(5);
    p.tenantedMode = tenantedModeFromString(q.text(6)).value_or(TenantedMode::Untenanted);
    p.isDisabled = q.boolean(7);
    p.releaseVersionTemplate = q.text(8);
    p.allowDeploymentsToNoTargets = q.boolean(9);
    p.skipUnavailableTargets = q.boolean(10);
    p.excludeUnhealthyTargets = q.boolean(11);
    return p;
}

QVariantMap auditFields(const Project &p)
{
    return {{QStringLiteral("name"), p.name},
            {QStringLiteral("description"), p.description},
            {QStringLiteral("projectGroupId"), p.projectGroupId},
            {QStringLiteral("lifecycleId"), p.lifecycleId},
            {QStringLiteral("tenantedMode"), toString(p.tenantedMode)},
            {QStringLiteral("isDisabled"), p.isDisabled},
            {QStringLiteral("releaseVersionTemplate"), p.releaseVersionTemplate},
            {QStringLiteral("allowDeploymentsToNoTargets"), p.allowDeploymentsToNoTargets},
            {QStringLiteral("skipUnavailableTargets"), p.skipUnavailableTargets},
            {QStringLiteral("excludeUnhealthyTargets"), p.excludeUnhealthyTargets},
            {QStringLiteral("includedLibrarySetIds"), p.includedLibrarySetIds}};
}

VoidResult loadLibrarySets(const QSqlDatabase &db, QList<Project> &projects, const QString &where, const QVariantList &values)
{
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < projects.size(); ++i)
        index.insert(projects.at(i).id, i);
    SqlQuery q(db, QStringLiteral("SELECT l.project_id, l.variable_set_id FROM project_library_sets l "
                                  "JOIN projects p ON p.id = l.project_id WHERE %1 ORDER BY l.sort_order").arg(where));
    for (const QVariant &value : values)
        q.bind(value);
    if (auto r = q.exec(); !r)
        return r;
    while (q.next()) {
        const auto it = index.constFind(q.text(0));
        if (it != index.cend())
            projects[*it].includedLibrarySetIds << q.text(1);
    }
    return {};
}

Result<QList<Project>> load(const QSqlDatabase &db, const QString &where, const QVariantList &values)
{
    auto projects = fetchAll<Project>(db, kSelect + QStringLiteral("p WHERE %1 ORDER BY p.name").arg(where), values, fromRow);
    if (!projects)
        return projects;
    if (auto r = loadLibrarySets(db, *projects, where, values); !r)
        return r.error();
    return projects;
}

Result<Project> loadOne(const QSqlDatabase &db, const QString &where, const QVariantList &values, const QString &missing)
{
    auto projects = load(db, where, values);
    if (!projects)
        return projects.error();
    if (projects->isEmpty())
        return Error::notFound(missing);
    return projects->constFirst();
}

VoidResult checkReferences(const QSqlDatabase &db, const Project &p)
{
    struct Ref { QString table; QString id; QString field; const char *missing; };
    const QList<Ref> refs{
        {QStringLiteral("project_groups"), p.projectGroupId, QStringLiteral("projectGroup"), "The project needs a project group of this space."},
        {QStringLiteral("lifecycles"), p.lifecycleId, QStringLiteral("lifecycle"), "The project needs a lifecycle of this space."},
    };
    for (const Ref &ref : refs) {
        SqlQuery q(db, QStringLiteral("SELECT 1 FROM %1 WHERE id = ? AND space_id = ?").arg(ref.table));
        q.bind(ref.id).bind(p.spaceId);
        auto row = q.execAndNext();
        if (!row)
            return row.error();
        if (!*row)
            return Error::validation(tr(ref.missing), ref.field);
    }
    for (const QString &setId : p.includedLibrarySetIds) {
        SqlQuery q(db, QStringLiteral("SELECT 1 FROM variable_sets WHERE id = ? AND space_id = ? AND owner_kind = 'Library'"));
        q.bind(setId).bind(p.spaceId);
        auto row = q.execAndNext();
        if (!row)
            return row.error();
        if (!*row)
            return Error::validation(tr("There is no library variable set with id %1 in this space.").arg(setId),
                                     QStringLiteral("librarySets"));
    }
    return {};
}

} // namespace

VoidResult ProjectRepository::validate(Project &p)
{
    auto name = Validation::name(p.name, tr("project"));
    if (!name)
        return name.error();
    p.name = *name;
    if (p.releaseVersionTemplate.trimmed().isEmpty())
        p.releaseVersionTemplate = Project::defaultReleaseVersionTemplate();
    p.includedLibrarySetIds.removeDuplicates();
    return {};
}

Result<QList<Project>> ProjectRepository::list(const QString &spaceId) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return load(*db, QStringLiteral("p.space_id = ?"), {spaceId});
}

Result<Project> ProjectRepository::get(const QString &id) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return loadOne(*db, QStringLiteral("p.id = ?"), {id}, tr("There is no project with id %1.").arg(id));
}

Result<Project> ProjectRepository::find(const QString &spaceId, const QString &idOrName) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return loadOne(*db, QStringLiteral("p.space_id = ? AND (p.id = ? OR p.name = ? COLLATE NOCASE)"), {spaceId, idOrName, idOrName},
                   tr("There is no project named \"%1\".").arg(idOrName));
}

Result<Project> ProjectRepository::create(Project project)
{
    if (auto r = validate(project); !r)
        return r.error();
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        if (auto r = ensureUniqueName(db, QStringLiteral("projects"), QStringLiteral("space_id"), project.spaceId,
                                      project.name, {}, tr("project")); !r)
            return r;
        if (auto r = checkReferences(db, project); !r)
            return r;
        auto id = nextId(db, QStringLiteral("Projects"));
        auto setId = nextId(db, QStringLiteral("VariableSets"));
        auto processId = nextId(db, QStringLiteral("DeploymentProcesses"));
        auto channelId = nextId(db, QStringLiteral("Channels"));
        for (const auto *r : {&id, &setId, &processId, &channelId}) {
            if (!*r)
                return r->error();
        }
        project.id = *id;
        SqlQuery set(db, QStringLiteral("INSERT INTO variable_sets(id, space_id, owner_kind, name) VALUES (?, ?, 'Project', ?)"));
        set.bind(*setId).bind(project.spaceId).bind(project.name);
        if (auto r = set.exec(); !r)
            return r;
        SqlQuery q(db, QStringLiteral("INSERT INTO projects(id, space_id, name, description, project_group_id, lifecycle_id, "
                                      "tenanted_mode, is_disabled, release_version_template, allow_deployments_to_no_targets, "
                                      "skip_unavailable_targets, exclude_unhealthy_targets, variable_set_id) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        q.bind(project.id).bind(project.spaceId).bind(project.name).bind(project.description).bind(project.projectGroupId)
            .bind(project.lifecycleId).bind(toString(project.tenantedMode)).bind(project.isDisabled)
            .bind(project.releaseVersionTemplate).bind(project.allowDeploymentsToNoTargets)
            .bind(project.skipUnavailableTargets).bind(project.excludeUnhealthyTargets).bind(*setId);
        if (auto r = q.exec(); !r)
            return r;
        SqlQuery process(db, QStringLiteral("INSERT INTO deployment_processes(id, project_id) VALUES (?, ?)"));
        process.bind(*processId).bind(project.id);
        if (auto r = process.exec(); !r)
            return r;
        SqlQuery channel(db, QStringLiteral("INSERT INTO channels(id, project_id, name, is_default) VALUES (?, ?, 'Default', 1)"));
        channel.bind(*channelId).bind(project.id);
        if (auto r = channel.exec(); !r)
            return r;
        if (auto r = replaceLinks(db, QStringLiteral("project_library_sets"), QStringLiteral("project_id"), project.id,
                                  QStringLiteral("variable_set_id"), project.includedLibrarySetIds, true); !r)
            return r;
        return AuditLog::record(db, m_context, project.spaceId, QStringLiteral("Created"), QStringLiteral("Project"),
                                project.id, project.name, {}, auditFields(project));
    });
    if (!done)
        return done.error();
    return project;
}

Result<Project> ProjectRepository::update(const Project &input)
{
    Project project = input;
    if (auto r = validate(project); !r)
        return r.error();
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = loadOne(db, QStringLiteral("p.id = ?"), {project.id}, tr("There is no project with id %1.").arg(project.id));
        if (!before)
            return before.error();
        project.spaceId = before->spaceId;
        if (auto r = ensureUniqueName(db, QStringLiteral("projects"), QStringLiteral("space_id"), project.spaceId,
                                      project.name, project.id, tr("project")); !r)
            return r;
        if (auto r = checkReferences(db, project); !r)
            return r;
        SqlQuery q(db, QStringLiteral("UPDATE projects SET name = ?, description = ?, project_group_id = ?, lifecycle_id = ?, "
                                      "tenanted_mode = ?, is_disabled = ?, release_version_template = ?, "
                                      "allow_deployments_to_no_targets = ?, skip_unavailable_targets = ?, "
                                      "exclude_unhealthy_targets = ? WHERE id = ?"));
        q.bind(project.name).bind(project.description).bind(project.projectGroupId).bind(project.lifecycleId)
            .bind(toString(project.tenantedMode)).bind(project.isDisabled).bind(project.releaseVersionTemplate)
            .bind(project.allowDeploymentsToNoTargets).bind(project.skipUnavailableTargets)
            .bind(project.excludeUnhealthyTargets).bind(project.id);
        if (auto r = q.exec(); !r)
            return r;
        if (auto r = replaceLinks(db, QStringLiteral("project_library_sets"), QStringLiteral("project_id"), project.id,
                                  QStringLiteral("variable_set_id"), project.includedLibrarySetIds, true); !r)
            return r;
        return AuditLog::record(db, m_context, project.spaceId, QStringLiteral("Modified"), QStringLiteral("Project"),
                                project.id, project.name, auditFields(*before), auditFields(project));
    });
    if (!done)
        return done.error();
    return project;
}

VoidResult ProjectRepository::remove(const QString &id)
{
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = loadOne(db, QStringLiteral("p.id = ?"), {id}, tr("There is no project with id %1.").arg(id));
        if (!before)
            return before.error();
        SqlQuery running(db, QStringLiteral("SELECT COUNT(*) FROM deployments d JOIN tasks t ON t.id = d.task_id "
                                            "WHERE d.project_id = ? AND t.state IN ('Queued', 'Executing', 'Cancelling')"));
        running.bind(id);
        if (auto r = running.execAndNext(); !r)
            return r.error();
        if (running.integer(0) > 0)
            return Error::conflict(tr("The project \"%1\" cannot be deleted while %2 of its deployments are queued or running.")
                                       .arg(before->name).arg(running.integer(0)));
        // Deployments reference the project's tasks, so the tasks go after the project.
        auto taskIds = fetchAll<QString>(db, QStringLiteral("SELECT task_id FROM deployments WHERE project_id = ?"), {id},
                                         [](const SqlQuery &q) { return q.text(0); });
        if (!taskIds)
            return taskIds.error();
        SqlQuery setId(db, QStringLiteral("SELECT variable_set_id FROM projects WHERE id = ?"));
        setId.bind(id);
        if (auto r = setId.execAndNext(); !r)
            return r.error();
        const QString variableSet = setId.text(0);
        SqlQuery q(db, QStringLiteral("DELETE FROM projects WHERE id = ?"));
        q.bind(id);
        if (auto r = q.exec(); !r)
            return r;
        SqlQuery set(db, QStringLiteral("DELETE FROM variable_sets WHERE id = ?"));
        set.bind(variableSet);
        if (auto r = set.exec(); !r)
            return r;
        for (const QString &taskId : *taskIds) {
            SqlQuery task(db, QStringLiteral("DELETE FROM tasks WHERE id = ?"));
            task.bind(taskId);
            if (auto r = task.exec(); !r)
                return r;
        }
        return AuditLog::record(db, m_context, before->spaceId, QStringLiteral("Deleted"), QStringLiteral("Project"), id,
                                before->name, auditFields(*before), {});
    });
}

} // namespace Cuttle
