#include "model/store/tenantrepository.h"

#include "model/core/validation.h"
#include "model/store/auditlog.h"
#include "model/store/repositorysupport.h"

#include <QHash>

namespace Cuttle {
using namespace StoreSupport;

namespace {

QVariantMap auditFields(const Tenant &t)
{
    QStringList projects;
    for (const TenantProjectConnection &c : t.projects)
        projects << QStringLiteral("%1 (%2)").arg(c.projectId, c.environmentIds.join(QStringLiteral(", ")));
    return {{QStringLiteral("name"), t.name},
            {QStringLiteral("description"), t.description},
            {QStringLiteral("tags"), t.tags},
            {QStringLiteral("projects"), projects}};
}

VoidResult writeLinks(const QSqlDatabase &db, Tenant &t)
{
    QStringList tagIds;
    for (const QString &canonical : t.tags) {
        const qsizetype slash = canonical.indexOf(u'/');
        if (slash <= 0)
            return Error::validation(tr("The tenant tag \"%1\" must be written as \"Tag set/Tag\".").arg(canonical), QStringLiteral("tags"));
        auto id = fetchOne<QString>(
            db,
            QStringLiteral("SELECT g.id FROM tags g JOIN tag_sets s ON s.id = g.tag_set_id "
                           "WHERE s.space_id = ? AND s.name = ? COLLATE NOCASE AND g.name = ? COLLATE NOCASE"),
            {t.spaceId, canonical.left(slash), canonical.mid(slash + 1)}, [](const SqlQuery &q) { return q.text(0); },
            tr("There is no tag \"%1\".").arg(canonical));
        if (!id)
            return Error::validation(id.error().message, QStringLiteral("tags"));
        if (!tagIds.contains(*id))
            tagIds << *id;
    }
    if (auto r = replaceLinks(db, QStringLiteral("tenant_tags"), QStringLiteral("tenant_id"), t.id, QStringLiteral("tag_id"), tagIds); !r)
        return r;
    SqlQuery clear(db, QStringLiteral("DELETE FROM tenant_projects WHERE tenant_id = ?"));
    clear.bind(t.id);
    if (auto r = clear.exec(); !r)
        return r;
    for (const TenantProjectConnection &c : t.projects) {
        SqlQuery project(db, QStringLiteral("SELECT 1 FROM projects WHERE id = ? AND space_id = ?"));
        project.bind(c.projectId).bind(t.spaceId);
        auto row = project.execAndNext();
        if (!row)
            return row.error();
        if (!*row)
            return Error::validation(tr("There is no project with id %1 in this space.").arg(c.projectId), QStringLiteral("projects"));
        SqlQuery insert(db, QStringLiteral("INSERT INTO tenant_projects(tenant_id, project_id) VALUES (?, ?)"));
        insert.bind(t.id).bind(c.projectId);
        if (auto r = insert.exec(); !r)
            return Error::validation(tr("The tenant is connected to project %1 twice.").arg(c.projectId), QStringLiteral("projects"));
        for (const QString &environmentId : c.environmentIds) {
            SqlQuery environment(db, QStringLiteral("SELECT 1 FROM environments WHERE id = ? AND space_id = ?"));
            environment.bind(environmentId).bind(t.spaceId);
            auto found = environment.execAndNext();
            if (!found)
                return found.error();
            if (!*found)
                return Error::validation(tr("There is no environment with id %1 in this space.").arg(environmentId),
                                         QStringLiteral("projects"));
            SqlQuery link(db, QStringLiteral("INSERT OR IGNORE INTO tenant_project_environments(tenant_id, project_id, environment_id) "
                                             "VALUES (?, ?, ?)"));
            link.bind(t.id).bind(c.projectId).bind(environmentId);
            if (auto r = link.exec(); !r)
                return r;
        }
    }
    return {};
}

} // namespace

Result<QList<Tenant>> TenantRepository::load(const QString &where, const QVariantList &values) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    auto tenants = fetchAll<Tenant>(*db, QStringLiteral("SELECT id, space_id, name, description FROM tenants t WHERE %1 ORDER BY name").arg(where),
                                    values, [](const SqlQuery &q) {
                                        Tenant t;
                                        t.id = q.text(0);
                                        t.spaceId = q.text(1);
                                        t.name = q.text(2);
                                        t.description = q.text(3);
                                        return t;
                                    });
    if (!tenants)
        return tenants;
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < tenants->size(); ++i)
        index.insert(tenants->at(i).id, i);
    {
        SqlQuery q(*db, QStringLiteral("SELECT l.tenant_id, s.name || '/' || g.name FROM tenant_tags l JOIN tenants t ON t.id = l.tenant_id "
                                       "JOIN tags g ON g.id = l.tag_id JOIN tag_sets s ON s.id = g.tag_set_id "
                                       "WHERE %1 ORDER BY s.sort_order, g.sort_order").arg(where));
        for (const QVariant &v : values)
            q.bind(v);
        if (auto r = q.exec(); !r)
            return r.error();
        while (q.next())
            (*tenants)[index.value(q.text(0))].tags << q.text(1);
    }
    {
        SqlQuery q(*db, QStringLiteral("SELECT l.tenant_id, l.project_id, pe.environment_id FROM tenant_projects l "
                                       "JOIN tenants t ON t.id = l.tenant_id JOIN projects p ON p.id = l.project_id "
                                       "LEFT JOIN tenant_project_environments pe ON pe.tenant_id = l.tenant_id AND pe.project_id = l.project_id "
                                       "LEFT JOIN environments e ON e.id = pe.environment_id "
                                       "WHERE %1 ORDER BY p.name, e.sort_order").arg(where));
        for (const QVariant &v : values)
            q.bind(v);
        if (auto r = q.exec(); !r)
            return r.error();
        while (q.next()) {
            Tenant &tenant = (*tenants)[index.value(q.text(0))];
            if (tenant.projects.isEmpty() || tenant.projects.constLast().projectId != q.text(1))
                tenant.projects.append({q.text(1), {}});
            if (!q.isNull(2))
                tenant.projects.last().environmentIds << q.text(2);
        }
    }
    return tenants;
}

Result<QList<Tenant>> TenantRepository::list(const QString &spaceId) const
{
    return load(QStringLiteral("t.space_id = ?"), {spaceId});
}

Result<Tenant> TenantRepository::get(const QString &id) const
{
    auto tenants = load(QStringLiteral("t.id = ?"), {id});
    if (!tenants)
        return tenants.error();
    if (tenants->isEmpty())
        return Error::notFound(tr("There is no tenant with id %1.").arg(id));
    return tenants->constFirst();
}

Result<Tenant> TenantRepository::find(const QString &spaceId, const QString &idOrName) const
{
    auto tenants = load(QStringLiteral("t.space_id = ? AND (t.id = ? OR t.name = ? COLLATE NOCASE)"), {spaceId, idOrName, idOrName});
    if (!tenants)
        return tenants.error();
    if (tenants->isEmpty())
        return Error::notFound(tr("There is no tenant named \"%1\".").arg(idOrName));
    return tenants->constFirst();
}

Result<Tenant> TenantRepository::create(Tenant tenant)
{
    auto name = Validation::name(tenant.name, tr("tenant"));
    if (!name)
        return name.error();
    tenant.name = *name;
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        if (auto r = ensureUniqueName(db, QStringLiteral("tenants"), QStringLiteral("space_id"), tenant.spaceId, tenant.name, {},
                                      tr("tenant")); !r)
            return r;
        auto id = nextId(db, QStringLiteral("Tenants"));
        if (!id)
            return id.error();
        tenant.id = *id;
        SqlQuery q(db, QStringLiteral("INSERT INTO tenants(id, space_id, name, description) VALUES (?, ?, ?, ?)"));
        q.bind(tenant.id).bind(tenant.spaceId).bind(tenant.name).bind(tenant.description);
        if (auto r = q.exec(); !r)
            return r;
        if (auto r = writeLinks(db, tenant); !r)
            return r;
        return AuditLog::record(db, m_context, tenant.spaceId, QStringLiteral("Created"), QStringLiteral("Tenant"), tenant.id,
                                tenant.name, {}, auditFields(tenant));
    });
    if (!done)
        return done.error();
    return get(tenant.id);
}

Result<Tenant> TenantRepository::update(const Tenant &input)
{
    Tenant tenant = input;
    auto name = Validation::name(tenant.name, tr("tenant"));
    if (!name)
        return name.error();
    tenant.name = *name;
    auto before = get(tenant.id);
    if (!before)
        return before.error();
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        tenant.spaceId = before->spaceId;
        if (auto r = ensureUniqueName(db, QStringLiteral("tenants"), QStringLiteral("space_id"), tenant.spaceId, tenant.name,
                                      tenant.id, tr("tenant")); !r)
            return r;
        SqlQuery q(db, QStringLiteral("UPDATE tenants SET name = ?, description = ? WHERE id = ?"));
        q.bind(tenant.name).bind(tenant.description).bind(tenant.id);
        if (auto r = q.exec(); !r)
            return r;
        if (auto r = writeLinks(db, tenant); !r)
            return r;
        return AuditLog::record(db, m_context, tenant.spaceId, QStringLiteral("Modified"), QStringLiteral("Tenant"), tenant.id,
                                tenant.name, auditFields(*before), auditFields(tenant));
    });
    if (!done)
        return done.error();
    return get(tenant.id);
}

VoidResult TenantRepository::remove(const QString &id)
{
    auto before = get(id);
    if (!before)
        return before.error();
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto targets = count(db, QStringLiteral("target_tenants"), QStringLiteral("tenant_id"), id);
        if (!targets)
            return targets.error();
        auto deployments = count(db, QStringLiteral("deployments"), QStringLiteral("tenant_id"), id);
        if (!deployments)
            return deployments.error();
        if (*targets + *deployments > 0)
            return Error::conflict(tr("The tenant \"%1\" cannot be deleted while %2 target(s) and %3 deployment(s) refer to it.")
                                       .arg(before->name).arg(*targets).arg(*deployments));
        SqlQuery q(db, QStringLiteral("DELETE FROM tenants WHERE id = ?"));
        q.bind(id);
        if (auto r = q.exec(); !r)
            return r;
        return AuditLog::record(db, m_context, before->spaceId, QStringLiteral("Deleted"), QStringLiteral("Tenant"), id,
                                before->name, auditFields(*before), {});
    });
}

} // namespace Cuttle
