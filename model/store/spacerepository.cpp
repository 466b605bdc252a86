#include "model/store/spacerepository.h"

#include "model/core/validation.h"
#include "model/store/auditlog.h"
#include "model/store/repositorysupport.h"
#include "model/store/sqlquery.h"

namespace Cuttle {
using namespace StoreSupport;

namespace {

const QString kColumns = QStringLiteral("id, name, description, is_default");

Space fromRow(const SqlQuery &q)
{
    return Space{q.text(0), q.text(1), q.text(2), q.boolean(3)};
}

QVariantMap auditFields(const Space &s)
{
    return {{QStringLiteral("name"), s.name}, {QStringLiteral("description"), s.description}};
}

Result<Space> fetchWhere(const QSqlDatabase &db, const QString &where, const QString &value, const QString &missing)
{
    SqlQuery q(db, QStringLiteral("SELECT %1 FROM spaces WHERE %2").arg(kColumns, where));
    q.bind(value);
    if (where.count(u'?') == 2)
        q.bind(value);
    auto row = q.execAndNext();
    if (!row)
        return row.error();
    if (!*row)
        return Error::notFound(missing);
    return fromRow(q);
}

} // namespace

Result<QList<Space>> SpaceRepository::list() const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    SqlQuery q(*db, QStringLiteral("SELECT %1 FROM spaces ORDER BY is_default DESC, sort_order, name").arg(kColumns));
    if (auto r = q.exec(); !r)
        return r.error();
    QList<Space> spaces;
    while (q.next())
        spaces.append(fromRow(q));
    return spaces;
}

Result<Space> SpaceRepository::get(const QString &id) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetchWhere(*db, QStringLiteral("id = ?"), id, tr("There is no space with id %1.").arg(id));
}

Result<Space> SpaceRepository::find(const QString &idOrName) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetchWhere(*db, QStringLiteral("id = ? OR name = ? COLLATE NOCASE"), idOrName,
                      tr("There is no space named \"%1\".").arg(idOrName));
}

Result<Space> SpaceRepository::defaultSpace() const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetchWhere(*db, QStringLiteral("is_default = ?"), QStringLiteral("1"), tr("The workspace has no Default space."));
}

Result<Space> SpaceRepository::create(Space space)
{
    auto name = Validation::name(space.name, tr("space"));
    if (!name)
        return name.error();
    space.name = *name;
    space.isDefault = false;
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        SqlQuery existing(db, QStringLiteral("SELECT 1 FROM spaces WHERE name = ? COLLATE NOCASE"));
        existing.bind(space.name);
        auto row = existing.execAndNext();
        if (!row)
            return row.error();
        if (*row)
            return Error::conflict(tr("A space named \"%1\" already exists.").arg(space.name), QStringLiteral("name"));
        auto id = nextId(db, QStringLiteral("Spaces"));
        if (!id)
            return id.error();
        space.id = *id;
        SqlQuery q(db, QStringLiteral("INSERT INTO spaces(id, name, description, is_default, sort_order) "
                                      "VALUES (?, ?, ?, 0, (SELECT COALESCE(MAX(sort_order) + 1, 0) FROM spaces))"));
        q.bind(space.id).bind(space.name).bind(space.description);
        if (auto r = q.exec(); !r)
            return r;
        auto policyId = nextId(db, QStringLiteral("MachinePolicies"));
        if (!policyId)
            return policyId.error();
        SqlQuery policy(db, QStringLiteral("INSERT INTO machine_policies(id, space_id, name, description, is_default) "
                                           "VALUES (?, ?, ?, ?, 1)"));
        policy.bind(*policyId).bind(space.id).bind(QStringLiteral("Default Machine Policy"))
            .bind(tr("The machine policy that applies to targets unless another is chosen."));
        if (auto r = policy.exec(); !r)
            return r;
        return AuditLog::record(db, m_context, space.id, QStringLiteral("Created"), QStringLiteral("Space"),
                                space.id, space.name, {}, auditFields(space));
    });
    if (!done)
        return done.error();
    return space;
}

Result<Space> SpaceRepository::update(const Space &input)
{
    auto name = Validation::name(input.name, tr("space"));
    if (!name)
        return name.error();
    Space space = input;
    space.name = *name;
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = fetchWhere(db, QStringLiteral("id = ?"), space.id, tr("There is no space with id %1.").arg(space.id));
        if (!before)
            return before.error();
        space.isDefault = before->isDefault;
        SqlQuery existing(db, QStringLiteral("SELECT 1 FROM spaces WHERE name = ? COLLATE NOCASE AND id <> ?"));
        existing.bind(space.name).bind(space.id);
        auto row = existing.execAndNext();
        if (!row)
            return row.error();
        if (*row)
            return Error::conflict(tr("A space named \"%1\" already exists.").arg(space.name), QStringLiteral("name"));
        SqlQuery q(db, QStringLiteral("UPDATE spaces SET name = ?, description = ? WHERE id = ?"));
        q.bind(space.name).bind(space.description).bind(space.id);
        if (auto r = q.exec(); !r)
            return r;
        return AuditLog::record(db, m_context, space.id, QStringLiteral("Modified"), QStringLiteral("Space"),
                                space.id, space.name, auditFields(*before), auditFields(space));
    });
    if (!done)
        return done.error();
    return space;
}

VoidResult SpaceRepository::remove(const QString &id)
{
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = fetchWhere(db, QStringLiteral("id = ?"), id, tr("There is no space with id %1.").arg(id));
        if (!before)
            return before.error();
        if (before->isDefault)
            return Error::conflict(tr("The Default space cannot be deleted."));
        for (const QString &table : {QStringLiteral("environments"), QStringLiteral("targets"),
                                     QStringLiteral("projects"), QStringLiteral("tenants"),
                                     QStringLiteral("lifecycles"), QStringLiteral("accounts"),
                                     QStringLiteral("packages")}) {
            auto n = count(db, table, QStringLiteral("space_id"), id);
            if (!n)
                return n.error();
            if (*n > 0)
                return Error::conflict(tr("The space \"%1\" cannot be deleted while it still holds %2.")
                                           .arg(before->name, table));
        }
        SqlQuery q(db, QStringLiteral("DELETE FROM spaces WHERE id = ?"));
        q.bind(id);
        if (auto r = q.exec(); !r)
            return r;
        return AuditLog::record(db, m_context, id, QStringLiteral("Deleted"), QStringLiteral("Space"), id,
                                before->name, auditFields(*before), {});
    });
}

} // namespace Cuttle
