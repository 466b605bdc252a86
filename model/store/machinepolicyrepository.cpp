#include "model/store/machinepolicyrepository.h"

#include "model/core/validation.h"
#include "model/store/auditlog.h"
#include "model/store/repositorysupport.h"

namespace Cuttle {
using namespace StoreSupport;

namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, space_id, name, description, health_check_interval_seconds, connection_test_only, is_default "
    "FROM machine_policies ");

MachinePolicy fromRow(const SqlQuery &q)
{
    MachinePolicy p;
    p.id = q.text(0);
    p.spaceId = q.text(1);
    p.name = q.text(2);
    p.description = q.text(3);
    p.healthCheckIntervalSeconds = q.integer(4);
    p.connectionTestOnly = q.boolean(5);
    p.isDefault = q.boolean(6);
    return p;
}

QVariantMap auditFields(const MachinePolicy &p)
{
    return {{QStringLiteral("name"), p.name},
            {QStringLiteral("description"), p.description},
            {QStringLiteral("healthCheckIntervalSeconds"), p.healthCheckIntervalSeconds},
            {QStringLiteral("connectionTestOnly"), p.connectionTestOnly}};
}

Result<MachinePolicy> fetch(const QSqlDatabase &db, const QString &id)
{
    return fetchOne<MachinePolicy>(db, kSelect + QStringLiteral("WHERE id = ?"), {id}, fromRow,
                                   tr("There is no machine policy with id %1.").arg(id));
}

VoidResult validate(MachinePolicy &policy)
{
    auto name = Validation::name(policy.name, tr("machine policy"));
    if (!name)
        return name.error();
    policy.name = *name;
    if (policy.healthCheckIntervalSeconds < 60)
        return Error::validation(tr("The health check interval must be at least one minute."),
                                 QStringLiteral("healthCheckInterval"));
    return {};
}

} // namespace

Result<QList<MachinePolicy>> MachinePolicyRepository::list(const QString &spaceId) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetchAll<MachinePolicy>(*db, kSelect + QStringLiteral("WHERE space_id = ? ORDER BY is_default DESC, name"),
                                   {spaceId}, fromRow);
}

Result<MachinePolicy> MachinePolicyRepository::get(const QString &id) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetch(*db, id);
}

Result<MachinePolicy> MachinePolicyRepository::find(const QString &spaceId, const QString &idOrName) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetchOne<MachinePolicy>(*db, kSelect + QStringLiteral("WHERE space_id = ? AND (id = ? OR name = ? COLLATE NOCASE)"),
                                   {spaceId, idOrName, idOrName}, fromRow,
                                   tr("There is no machine policy named \"%1\".").arg(idOrName));
}

Result<MachinePolicy> MachinePolicyRepository::defaultPolicy(const QString &spaceId) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetchOne<MachinePolicy>(*db, kSelect + QStringLiteral("WHERE space_id = ? AND is_default = 1"), {spaceId},
                                   fromRow, tr("The space has no default machine policy."));
}

Result<MachinePolicy> MachinePolicyRepository::create(MachinePolicy policy)
{
    if (auto r = validate(policy); !r)
        return r.error();
    policy.isDefault = false;
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        if (auto r = ensureUniqueName(db, QStringLiteral("machine_policies"), QStringLiteral("space_id"), policy.spaceId,
                                      policy.name, {}, tr("machine policy")); !r)
            return r;
        auto id = nextId(db, QStringLiteral("MachinePolicies"));
        if (!id)
            return id.error();
        policy.id = *id;
        SqlQuery q(db, QStringLiteral("INSERT INTO machine_policies(id, space_id, name, description, "
                                      "health_check_interval_seconds, connection_test_only, is_default) VALUES (?, ?, ?, ?, ?, ?, 0)"));
        q.bind(policy.id).bind(policy.spaceId).bind(policy.name).bind(policy.description)
            .bind(policy.healthCheckIntervalSeconds).bind(policy.connectionTestOnly);
        if (auto r = q.exec(); !r)
            return r;
        return AuditLog::record(db, m_context, policy.spaceId, QStringLiteral("Created"), QStringLiteral("MachinePolicy"),
                                policy.id, policy.name, {}, auditFields(policy));
    });
    if (!done)
        return done.error();
    return policy;
}

Result<MachinePolicy> MachinePolicyRepository::update(const MachinePolicy &input)
{
    MachinePolicy policy = input;
    if (auto r = validate(policy); !r)
        return r.error();
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = fetch(db, policy.id);
        if (!before)
            return before.error();
        policy.spaceId = before->spaceId;
        policy.isDefault = before->isDefault;
        if (auto r = ensureUniqueName(db, QStringLiteral("machine_policies"), QStringLiteral("space_id"), policy.spaceId,
                                      policy.name, policy.id, tr("machine policy")); !r)
            return r;
        SqlQuery q(db, QStringLiteral("UPDATE machine_policies SET name = ?, description = ?, "
                                      "health_check_interval_seconds = ?, connection_test_only = ? WHERE id = ?"));
        q.bind(policy.name).bind(policy.description).bind(policy.healthCheckIntervalSeconds)
            .bind(policy.connectionTestOnly).bind(policy.id);
        if (auto r = q.exec(); !r)
            return r;
        return AuditLog::record(db, m_context, policy.spaceId, QStringLiteral("Modified"), QStringLiteral("MachinePolicy"),
                                policy.id, policy.name, auditFields(*before), auditFields(policy));
    });
    if (!done)
        return done.error();
    return policy;
}

VoidResult MachinePolicyRepository::remove(const QString &id)
{
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = fetch(db, id);
        if (!before)
            return before.error();
        if (before->isDefault)
            return Error::conflict(tr("The default machine policy cannot be deleted."));
        auto n = count(db, QStringLiteral("targets"), QStringLiteral("machine_policy_id"), id);
        if (!n)
            return n.error();
        if (*n > 0)
            return Error::conflict(tr("The machine policy \"%1\" cannot be deleted while %2 target(s) use it.")
                                       .arg(before->name).arg(*n));
        SqlQuery q(db, QStringLiteral("DELETE FROM machine_policies WHERE id = ?"));
        q.bind(id);
        if (auto r = q.exec(); !r)
            return r;
        return AuditLog::record(db, m_context, before->spaceId, QStringLiteral("Deleted"), QStringLiteral("MachinePolicy"),
                                id, before->name, auditFields(*before), {});
    });
}

} // namespace Cuttle
