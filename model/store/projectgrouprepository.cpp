#include "model/store/projectgrouprepository.h"

#include "model/core/validation.h"
#include "model/store/auditlog.h"
#include "model/store/repositorysupport.h"

namespace Cuttle {
using namespace StoreSupport;

namespace {

const QString kSelect = QStringLiteral("SELECT id, space_id, name, description FROM project_groups ");

ProjectGroup fromRow(const SqlQuery &q)
{
    return ProjectGroup{q.text(0), q.text(1), q.text(2), q.text(3)};
}

QVariantMap auditFields(const ProjectGroup &g)
{
    return {{QStringLiteral("name"), g.name}, {QStringLiteral("description"), g.description}};
}

Result<ProjectGroup> fetch(const QSqlDatabase &db, const QString &id)
{
    return fetchOne<ProjectGroup>(db, kSelect + QStringLiteral("WHERE id = ?"), {id}, fromRow,
                                  tr("There is no project group with id %1.").arg(id));
}

} // namespace

Result<QList<ProjectGroup>> ProjectGroupRepository::list(const QString &spaceId) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetchAll<ProjectGroup>(*db, kSelect + QStringLiteral("WHERE space_id = ? ORDER BY name"), {spaceId}, fromRow);
}

Result<ProjectGroup> ProjectGroupRepository::get(const QString &id) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetch(*db, id);
}

Result<ProjectGroup> ProjectGroupRepository::find(const QString &spaceId, const QString &idOrName) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetchOne<ProjectGroup>(*db, kSelect + QStringLiteral("WHERE space_id = ? AND (id = ? OR name = ? COLLATE NOCASE)"),
                                  {spaceId, idOrName, idOrName}, fromRow,
                                  tr("There is no project group named \"%1\".").arg(idOrName));
}

Result<ProjectGroup> ProjectGroupRepository::create(ProjectGroup group)
{
    auto name = Validation::name(group.name, tr("project group"));
    if (!name)
        return name.error();
    group.name = *name;
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        if (auto r = ensureUniqueName(db, QStringLiteral("project_groups"), QStringLiteral("space_id"), group.spaceId,
                                      group.name, {}, tr("project group")); !r)
            return r;
        auto id = nextId(db, QStringLiteral("ProjectGroups"));
        if (!id)
            return id.error();
        group.id = *id;
        SqlQuery q(db, QStringLiteral("INSERT INTO project_groups(id, space_id, name, description) VALUES (?, ?, ?, ?)"));
        q.bind(group.id).bind(group.spaceId).bind(group.name).bind(group.description);
        if (auto r = q.exec(); !r)
            return r;
        return AuditLog::record(db, m_context, group.spaceId, QStringLiteral("Created"), QStringLiteral("ProjectGroup"),
                                group.id, group.name, {}, auditFields(group));
    });
    if (!done)
        return done.error();
    return group;
}

Result<ProjectGroup> ProjectGroupRepository::update(const ProjectGroup &input)
{
    auto name = Validation::name(input.name, tr("project group"));
    if (!name)
        return name.error();
    ProjectGroup group = input;
    group.name = *name;
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = fetch(db, group.id);
        if (!before)
            return before.error();
        group.spaceId = before->spaceId;
        if (auto r = ensureUniqueName(db, QStringLiteral("project_groups"), QStringLiteral("space_id"), group.spaceId,
                                      group.name, group.id, tr("project group")); !r)
            return r;
        SqlQuery q(db, QStringLiteral("UPDATE project_groups SET name = ?, description = ? WHERE id = ?"));
        q.bind(group.name).bind(group.description).bind(group.id);
        if (auto r = q.exec(); !r)
            return r;
        return AuditLog::record(db, m_context, group.spaceId, QStringLiteral("Modified"), QStringLiteral("ProjectGroup"),
                                group.id, group.name, auditFields(*before), auditFields(group));
    });
    if (!done)
        return done.error();
    return group;
}

VoidResult ProjectGroupRepository::remove(const QString &id)
{
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = fetch(db, id);
        if (!before)
            return before.error();
        auto n = count(db, QStringLiteral("projects"), QStringLiteral("project_group_id"), id);
        if (!n)
            return n.error();
        if (*n > 0)
            return Error::conflict(tr("The project group \"%1\" cannot be deleted while it holds %2 project(s).")
                                       .arg(before->name).arg(*n));
        SqlQuery q(db, QStringLiteral("DELETE FROM project_groups WHERE id = ?"));
        q.bind(id);
        if (auto r = q.exec(); !r)
            return r;
        return AuditLog::record(db, m_context, before->spaceId, QStringLiteral("Deleted"), QStringLiteral("ProjectGroup"),
                                id, before->name, auditFields(*before), {});
    });
}

} // namespace Cuttle
