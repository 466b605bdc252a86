#include "model/store/environmentrepository.h"

#include "model/core/validation.h"
#include "model/store/auditlog.h"
#include "model/store/repositorysupport.h"
#include "model/store/sqlquery.h"

namespace Cuttle {
using namespace StoreSupport;

namespace {

const QString kColumns = QStringLiteral(
    "id, space_id, name, description, sort_order, use_guided_failure, allow_dynamic_infrastructure");

Environment fromRow(const SqlQuery &q)
{
    Environment e;
    e.id = q.text(0);
    e.spaceId = q.text(1);
    e.name = q.text(2);
    e.description = q.text(3);
    e.sortOrder = q.integer(4);
    e.useGuidedFailure = q.boolean(5);
    e.allowDynamicInfrastructure = q.boolean(6);
    return e;
}

Result<Environment> fetch(const QSqlDatabase &db, const QString &id)
{
    SqlQuery q(db, QStringLiteral("SELECT %1 FROM environments WHERE id = ?").arg(kColumns));
    q.bind(id);
    auto row = q.execAndNext();
    if (!row)
        return row.error();
    if (!*row)
        return Error::notFound(tr("There is no environment with id %1.").arg(id));
    return fromRow(q);
}

} // namespace

QVariantMap EnvironmentRepository::auditFields(const Environment &e)
{
    return {{QStringLiteral("name"), e.name},
            {QStringLiteral("description"), e.description},
            {QStringLiteral("sortOrder"), e.sortOrder},
            {QStringLiteral("useGuidedFailure"), e.useGuidedFailure},
            {QStringLiteral("allowDynamicInfrastructure"), e.allowDynamicInfrastructure}};
}

Result<QList<Environment>> EnvironmentRepository::list(const QString &spaceId) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    SqlQuery q(*db, QStringLiteral("SELECT %1 FROM environments WHERE space_id = ? ORDER BY sort_order, name").arg(kColumns));
    q.bind(spaceId);
    if (auto r = q.exec(); !r)
        return r.error();
    QList<Environment> result;
    while (q.next())
        result.append(fromRow(q));
    return result;
}

Result<Environment> EnvironmentRepository::get(const QString &id) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetch(*db, id);
}

Result<Environment> EnvironmentRepository::find(const QString &spaceId, const QString &idOrName) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    SqlQuery q(*db, QStringLiteral("SELECT %1 FROM environments WHERE space_id = ? AND (id = ? OR name = ? COLLATE NOCASE)").arg(kColumns));
    q.bind(spaceId).bind(idOrName).bind(idOrName);
    auto row = q.execAndNext();
    if (!row)
        return row.error();
    if (!*row)
        return Error::notFound(tr("There is no environment named \"%1\".").arg(idOrName));
    return fromRow(q);
}

Result<Environment> EnvironmentRepository::create(Environment environment)
{
    auto name = Validation::name(environment.name, tr("environment"));
    if (!name)
        return name.error();
    environment.name = *name;
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        if (auto r = ensureUniqueName(db, QStringLiteral("environments"), QStringLiteral("space_id"),
                                      environment.spaceId, environment.name, {}, tr("environment")); !r)
            return r;
        auto id = nextId(db, QStringLiteral("Environments"));
        if (!id)
            return id.error();
        environment.id = *id;
        SqlQuery order(db, QStringLiteral("SELECT COALESCE(MAX(sort_order) + 1, 0) FROM environments WHERE space_id = ?"));
        order.bind(environment.spaceId);
        if (auto r = order.execAndNext(); !r)
            return r.error();
        environment.sortOrder = order.integer(0);
        SqlQuery q(db, QStringLiteral("INSERT INTO environments(%1) VALUES (?, ?, ?, ?, ?, ?, ?)").arg(kColumns));
        q.bind(environment.id).bind(environment.spaceId).bind(environment.name).bind(environment.description)
            .bind(environment.sortOrder).bind(environment.useGuidedFailure).bind(environment.allowDynamicInfrastructure);
        if (auto r = q.exec(); !r)
            return r;
        return AuditLog::record(db, m_context, environment.spaceId, QStringLiteral("Created"),
                                QStringLiteral("Environment"), environment.id, environment.name, {},
                                auditFields(environment));
    });
    if (!done)
        return done.error();
    return environment;
}

Result<Environment> EnvironmentRepository::update(const Environment &input)
{
    auto name = Validation::name(input.name, tr("environment"));
    if (!name)
        return name.error();
    Environment environment = input;
    environment.name = *name;
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = fetch(db, environment.id);
        if (!before)
            return before.error();
        environment.spaceId = before->spaceId;
        environment.sortOrder = before->sortOrder;
        if (auto r = ensureUniqueName(db, QStringLiteral("environments"), QStringLiteral("space_id"),
                                      environment.spaceId, environment.name, environment.id, tr("environment")); !r)
            return r;
        SqlQuery q(db, QStringLiteral("UPDATE environments SET name = ?, description = ?, use_guided_failure = ?, "
                                      "allow_dynamic_infrastructure = ? WHERE id = ?"));
        q.bind(environment.name).bind(environment.description).bind(environment.useGuidedFailure)
            .bind(environment.allowDynamicInfrastructure).bind(environment.id);
        if (auto r = q.exec(); !r)
            return r;
        return AuditLog::record(db, m_context, environment.spaceId, QStringLiteral("Modified"),
                                QStringLiteral("Environment"), environment.id, environment.name,
                                auditFields(*before), auditFields(environment));
    });
    if (!done)
        return done.error();
    return environment;
}

VoidResult EnvironmentRepository::remove(const QString &id)
{
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = fetch(db, id);
        if (!before)
            return before.error();
        struct Use { QString table; const char *singular; const char *plural; };
        const QList<Use> uses{
            {QStringLiteral("target_environments"), "%n target", "%n targets"},
            {QStringLiteral("deployments"), "%n deployment", "%n deployments"},
            {QStringLiteral("phase_environments"), "%n lifecycle phase", "%n lifecycle phases"},
            {QStringLiteral("account_environments"), "%n account", "%n accounts"},
            {QStringLiteral("tenant_project_environments"), "%n tenant connection", "%n tenant connections"},
        };
        QStringList users;
        for (const Use &use : uses) {
            auto n = count(db, use.table, QStringLiteral("environment_id"), id);
            if (!n)
                return n.error();
            if (*n > 0)
                users << tr(*n == 1 ? use.singular : use.plural).replace(QStringLiteral("%n"), QString::number(*n));
        }
        if (!users.isEmpty())
            return Error::conflict(tr("The environment \"%1\" cannot be deleted while %2 use it.")
                                       .arg(before->name, users.join(QStringLiteral(", "))));
        SqlQuery q(db, QStringLiteral("DELETE FROM environments WHERE id = ?"));
        q.bind(id);
        if (auto r = q.exec(); !r)
            return r;
        return AuditLog::record(db, m_context, before->spaceId, QStringLiteral("Deleted"),
                                QStringLiteral("Environment"), id, before->name, auditFields(*before), {});
    });
}

VoidResult EnvironmentRepository::reorder(const QString &spaceId, const QStringList &orderedIds)
{
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        SqlQuery current(db, QStringLiteral("SELECT id, name FROM environments WHERE space_id = ? ORDER BY sort_order, name"));
        current.bind(spaceId);
        if (auto r = current.exec(); !r)
            return r;
        QStringList before;
        QStringList beforeNames;
        while (current.next()) {
            before << current.text(0);
            beforeNames << current.text(1);
        }
        QStringList sortedBefore = before;
        QStringList sortedAfter = orderedIds;
        sortedBefore.sort();
        sortedAfter.sort();
        if (sortedBefore != sortedAfter)
            return Error::validation(tr("The new order must list every environment of the space exactly once."));
        for (int i = 0; i < orderedIds.size(); ++i) {
            SqlQuery q(db, QStringLiteral("UPDATE environments SET sort_order = ? WHERE id = ?"));
            q.bind(i).bind(orderedIds.at(i));
            if (auto r = q.exec(); !r)
                return r;
        }
        QStringList afterNames;
        for (const QString &id : orderedIds)
            afterNames << beforeNames.at(before.indexOf(id));
        return AuditLog::record(db, m_context, spaceId, QStringLiteral("Reordered"), QStringLiteral("Environment"),
                                spaceId, tr("Environments"), {{QStringLiteral("order"), beforeNames}},
                                {{QStringLiteral("order"), afterNames}});
    });
}

} // namespace Cuttle
