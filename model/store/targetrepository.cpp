#include "model/store/targetrepository.h"

#include "model/core/validation.h"
#include "model/store/auditlog.h"
#include "model/store/repositorysupport.h"

#include <QHash>

namespace Cuttle {
using namespace StoreSupport;

namespace {

const QString kColumns = QStringLiteral(
    "id, space_id, name, kind, host, port, directory, account_id, host_key_fingerprint, use_https, "
    "honour_ssh_config, connect_timeout_seconds, machine_policy_id, is_disabled, tenanted_participation, "
    "health_status, health_checked_at, health_message");

DeploymentTarget fromRow(const SqlQuery &q)
{
    DeploymentTarget t;
    t.id = q.text(0);
    t.spaceId = q.text(1);
    t.name = q.text(2);
    t.kind = targetKindFromString(q.text(3)).value_or(TargetKind::Ssh);
    t.host = q.text(4);
    t.port = q.integer(5);
    t.directory = q.text(6);
    t.accountId = q.text(7);
    t.hostKeyFingerprint = q.text(8);
    t.useHttps = q.boolean(9);
    t.honourSshConfig = q.boolean(10);
    t.connectTimeoutSeconds = q.integer(11);
    t.machinePolicyId = q.text(12);
    t.isDisabled = q.boolean(13);
    t.tenantedParticipation = tenantedParticipationFromString(q.text(14)).value_or(TenantedParticipation::Untenanted);
    t.healthStatus = healthStatusFromString(q.text(15)).value_or(HealthStatus::Unknown);
    t.healthCheckedAt = q.dateTime(16);
    t.healthMessage = q.text(17);
    return t;
}

// Tenant tags are stored by tag id and shown as "Set/Tag".
Result<QStringList> tenantTagIds(const QSqlDatabase &db, const QString &spaceId, const QStringList &canonical)
{
    QStringList ids;
    for (const QString &name : canonical) {
        const qsizetype slash = name.indexOf(u'/');
        if (slash <= 0) {
            return Error::validation(tr("The tenant tag \"%1\" must be written as \"Tag set/Tag\".").arg(name),
                                     QStringLiteral("tenantTags"));
        }
        auto id = fetchOne<QString>(
            db,
            QStringLiteral("SELECT tags.id FROM tags JOIN tag_sets ON tag_sets.id = tags.tag_set_id "
                           "WHERE tag_sets.space_id = ? AND tag_sets.name = ? COLLATE NOCASE AND tags.name = ? COLLATE NOCASE"),
            {spaceId, name.left(slash), name.mid(slash + 1)}, [](const SqlQuery &q) { return q.text(0); },
            tr("There is no tenant tag \"%1\".").arg(name));
        if (!id)
            return Error::validation(id.error().message, QStringLiteral("tenantTags"));
        ids << *id;
    }
    return ids;
}

VoidResult ensureExist(const QSqlDatabase &db, const QString &table, const QString &spaceId, const QStringList &ids,
                       const QString &what, const QString &field)
{
    for (const QString &id : ids) {
        SqlQuery q(db, QStringLiteral("SELECT 1 FROM %1 WHERE id = ? AND space_id = ?").arg(table));
        q.bind(id).bind(spaceId);
        auto row = q.execAndNext();
        if (!row)
            return row.error();
        if (!*row)
            return Error::validation(tr("There is no %1 with id %2 in this space.").arg(what, id), field);
    }
    return {};
}

VoidResult writeLinks(const QSqlDatabase &db, const DeploymentTarget &t)
{
    if (auto r = ensureExist(db, QStringLiteral("environments"), t.spaceId, t.environmentIds, tr("environment"),
                             QStringLiteral("environments")); !r)
        return r;
    if (auto r = ensureExist(db, QStringLiteral("tenants"), t.spaceId, t.tenantIds, tr("tenant"), QStringLiteral("tenants")); !r)
        return r;
    if (!t.accountId.isEmpty()) {
        if (auto r = ensureExist(db, QStringLiteral("accounts"), t.spaceId, {t.accountId}, tr("account"), QStringLiteral("account")); !r)
            return r;
    }
    if (!t.machinePolicyId.isEmpty()) {
        if (auto r = ensureExist(db, QStringLiteral("machine_policies"), t.spaceId, {t.machinePolicyId}, tr("machine policy"),
                                 QStringLiteral("machinePolicy")); !r)
            return r;
    }
    auto tagIds = tenantTagIds(db, t.spaceId, t.tenantTags);
    if (!tagIds)
        return tagIds.error();
    if (auto r = replaceLinks(db, QStringLiteral("target_environments"), QStringLiteral("target_id"), t.id,
                              QStringLiteral("environment_id"), t.environmentIds); !r)
        return r;
    if (auto r = replaceLinks(db, QStringLiteral("target_tags"), QStringLiteral("target_id"), t.id,
                              QStringLiteral("tag"), t.tags, true); !r)
        return r;
    if (auto r = replaceLinks(db, QStringLiteral("target_tenants"), QStringLiteral("target_id"), t.id,
                              QStringLiteral("tenant_id"), t.tenantIds); !r)
        return r;
    return replaceLinks(db, QStringLiteral("target_tenant_tags"), QStringLiteral("target_id"), t.id,
                        QStringLiteral("tag_id"), *tagIds);
}

void bindFields(SqlQuery &q, const DeploymentTarget &t)
{
    q.bind(t.name).bind(toString(t.kind)).bind(t.host).bind(t.port).bind(t.directory).bindOptional(t.accountId)
        .bind(t.hostKeyFingerprint).bind(t.useHttps).bind(t.honourSshConfig).bind(t.connectTimeoutSeconds)
        .bindOptional(t.machinePolicyId).bind(t.isDisabled).bind(toString(t.tenantedParticipation));
}

} // namespace

QVariantMap TargetRepository::auditFields(const DeploymentTarget &t)
{
    return {{QStringLiteral("name"), t.name},
            {QStringLiteral("kind"), toString(t.kind)},
            {QStringLiteral("host"), t.host},
            {QStringLiteral("port"), t.port},
            {QStringLiteral("directory"), t.directory},
            {QStringLiteral("accountId"), t.accountId},
            {QStringLiteral("hostKeyFingerprint"), t.hostKeyFingerprint},
            {QStringLiteral("useHttps"), t.useHttps},
            {QStringLiteral("honourSshConfig"), t.honourSshConfig},
            {QStringLiteral("connectTimeoutSeconds"), t.connectTimeoutSeconds},
            {QStringLiteral("machinePolicyId"), t.machinePolicyId},
            {QStringLiteral("isDisabled"), t.isDisabled},
            {QStringLiteral("tenantedParticipation"), toString(t.tenantedParticipation)},
            {QStringLiteral("environmentIds"), t.environmentIds},
            {QStringLiteral("tags"), t.tags},
            {QStringLiteral("tenantIds"), t.tenantIds},
            {QStringLiteral("tenantTags"), t.tenantTags}};
}

VoidResult TargetRepository::validate(DeploymentTarget &t)
{
    auto name = Validation::name(t.name, tr("target"));
    if (!name)
        return name.error();
    t.name = *name;
    auto tags = Validation::tags(t.tags);
    if (!tags)
        return tags.error();
    t.tags = *tags;
    if (t.environmentIds.isEmpty())
        return Error::validation(tr("The target must belong to at least one environment."), QStringLiteral("environments"));
    t.environmentIds.removeDuplicates();
    t.tenantIds.removeDuplicates();
    t.tenantTags.removeDuplicates();
    if (t.tenantedParticipation == TenantedParticipation::Untenanted && (!t.tenantIds.isEmpty() || !t.tenantTags.isEmpty()))
        return Error::validation(tr("A target excluded from tenanted deployments cannot be associated with tenants."),
                                 QStringLiteral("tenants"));
    if (t.connectTimeoutSeconds < 1 || t.connectTimeoutSeconds > 600)
        return Error::validation(tr("The connection timeout must be between 1 and 600 seconds."), QStringLiteral("timeout"));
    if (t.isRemote()) {
        auto host = Validation::hostName(t.host);
        if (!host)
            return host.error();
        t.host = *host;
        if (t.port == 0)
            t.port = DeploymentTarget::defaultPort(t.kind, t.useHttps);
        if (auto port = Validation::port(t.port); !port)
            return port.error();
    } else {
        t.host.clear();
        t.port = 0;
        t.accountId.clear();
        t.hostKeyFingerprint.clear();
    }
    if (t.kind != TargetKind::Ssh)
        t.hostKeyFingerprint.clear();
    if (t.kind == TargetKind::Ssh && t.directory.trimmed().isEmpty())
        t.directory = QStringLiteral("~/.cuttle");
    if (t.kind == TargetKind::WinRm && t.directory.trimmed().isEmpty())
        t.directory = QStringLiteral("C:\\Cuttle");
    auto directory = Validation::directory(t.directory);
    if (!directory)
        return directory.error();
    t.directory = *directory;
    return {};
}

Result<QList<DeploymentTarget>> TargetRepository::load(const QString &where, const QVariantList &values) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    auto targets = fetchAll<DeploymentTarget>(*db, QStringLiteral("SELECT %1 FROM targets t WHERE %2 ORDER BY name").arg(kColumns, where),
                                              values, fromRow);
    if (!targets)
        return targets;
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < targets->size(); ++i)
        index.insert(targets->at(i).id, i);
    // One query per link table for the whole selection, not one per target.
    struct LinkQuery { QString sql; QStringList DeploymentTarget::*member; };
    const QList<LinkQuery> linkQueries{
        {QStringLiteral("SELECT l.target_id, l.environment_id FROM target_environments l JOIN targets t ON t.id = l.target_id "
                        "JOIN environments e ON e.id = l.environment_id WHERE %1 ORDER BY e.sort_order"),
         &DeploymentTarget::environmentIds},
        {QStringLiteral("SELECT l.target_id, l.tag FROM target_tags l JOIN targets t ON t.id = l.target_id WHERE %1 ORDER BY l.sort_order"),
         &DeploymentTarget::tags},
        {QStringLiteral("SELECT l.target_id, l.tenant_id FROM target_tenants l JOIN targets t ON t.id = l.target_id WHERE %1"),
         &DeploymentTarget::tenantIds},
        {QStringLiteral("SELECT l.target_id, s.name || '/' || g.name FROM target_tenant_tags l JOIN targets t ON t.id = l.target_id "
                        "JOIN tags g ON g.id = l.tag_id JOIN tag_sets s ON s.id = g.tag_set_id WHERE %1 ORDER BY s.sort_order, g.sort_order"),
         &DeploymentTarget::tenantTags},
    };
    for (const LinkQuery &link : linkQueries) {
        SqlQuery q(*db, link.sql.arg(where));
        for (const QVariant &value : values)
            q.bind(value);
        if (auto r = q.exec(); !r)
            return r.error();
        while (q.next()) {
            const auto it = index.constFind(q.text(0));
            if (it != index.cend())
                ((*targets)[*it].*(link.member)).append(q.text(1));
        }
    }
    return targets;
}

Result<QList<DeploymentTarget>> TargetRepository::list(const QString &spaceId) const
{
    return load(QStringLiteral("t.space_id = ?"), {spaceId});
}

Result<DeploymentTarget> TargetRepository::get(const QString &id) const
{
    auto targets = load(QStringLiteral("t.id = ?"), {id});
    if (!targets)
        return targets.error();
    if (targets->isEmpty())
        return Error::notFound(tr("There is no target with id %1.").arg(id));
    return targets->constFirst();
}

Result<DeploymentTarget> TargetRepository::find(const QString &spaceId, const QString &idOrName) const
{
    auto targets = load(QStringLiteral("t.space_id = ? AND (t.id = ? OR t.name = ? COLLATE NOCASE)"), {spaceId, idOrName, idOrName});
    if (!targets)
        return targets.error();
    if (targets->isEmpty())
        return Error::notFound(tr("There is no target named \"%1\".").arg(idOrName));
    return targets->constFirst();
}

Result<DeploymentTarget> TargetRepository::create(DeploymentTarget target)
{
    if (auto r = validate(target); !r)
        return r.error();
    target.healthStatus = HealthStatus::Unknown;
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        if (auto r = ensureUniqueName(db, QStringLiteral("targets"), QStringLiteral("space_id"), target.spaceId,
                                      target.name, {}, tr("target")); !r)
            return r;
        if (target.machinePolicyId.isEmpty()) {
            auto policy = fetchOne<QString>(db, QStringLiteral("SELECT id FROM machine_policies WHERE space_id = ? AND is_default = 1"),
                                            {target.spaceId}, [](const SqlQuery &q) { return q.text(0); },
                                            tr("The space has no default machine policy."));
            if (!policy)
                return policy.error();
            target.machinePolicyId = *policy;
        }
        auto id = nextId(db, QStringLiteral("Machines"));
        if (!id)
            return id.error();
        target.id = *id;
        SqlQuery q(db, QStringLiteral("INSERT INTO targets(id, space_id, name, kind, host, port, directory, account_id, "
                                      "host_key_fingerprint, use_https, honour_ssh_config, connect_timeout_seconds, "
                                      "machine_policy_id, is_disabled, tenanted_participation) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        q.bind(target.id).bind(target.spaceId);
        bindFields(q, target);
        if (auto r = q.exec(); !r)
            return r;
        if (auto r = writeLinks(db, target); !r)
            return r;
        return AuditLog::record(db, m_context, target.spaceId, QStringLiteral("Created"), QStringLiteral("Machine"),
                                target.id, target.name, {}, auditFields(target));
    });
    if (!done)
        return done.error();
    return target;
}

Result<DeploymentTarget> TargetRepository::update(const DeploymentTarget &input)
{
    DeploymentTarget target = input;
    if (auto r = validate(target); !r)
        return r.error();
    auto before = get(target.id);
    if (!before)
        return before.error();
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        target.spaceId = before->spaceId;
        if (auto r = ensureUniqueName(db, QStringLiteral("targets"), QStringLiteral("space_id"), target.spaceId,
                                      target.name, target.id, tr("target")); !r)
            return r;
        SqlQuery q(db, QStringLiteral("UPDATE targets SET name = ?, kind = ?, host = ?, port = ?, directory = ?, "
                                      "account_id = ?, host_key_fingerprint = ?, use_https = ?, honour_ssh_config = ?, "
                                      "connect_timeout_seconds = ?, machine_policy_id = ?, is_disabled = ?, "
                                      "tenanted_participation = ? WHERE id = ?"));
        bindFields(q, target);
        q.bind(target.id);
        if (auto r = q.exec(); !r)
            return r;
        if (auto r = writeLinks(db, target); !r)
            return r;
        return AuditLog::record(db, m_context, target.spaceId, QStringLiteral("Modified"), QStringLiteral("Machine"),
                                target.id, target.name, auditFields(*before), auditFields(target));
    });
    if (!done)
        return done.error();
    target.healthStatus = before->healthStatus;
    target.healthCheckedAt = before->healthCheckedAt;
    target.healthMessage = before->healthMessage;
    return target;
}

VoidResult TargetRepository::remove(const QString &id)
{
    auto before = get(id);
    if (!before)
        return before.error();
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        SqlQuery q(db, QStringLiteral("DELETE FROM targets WHERE id = ?"));
        q.bind(id);
        if (auto r = q.exec(); !r)
            return r;
        return AuditLog::record(db, m_context, before->spaceId, QStringLiteral("Deleted"), QStringLiteral("Machine"),
                                id, before->name, auditFields(*before), {});
    });
}

Result<QStringList> TargetRepository::allTags(const QString &spaceId) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetchAll<QString>(*db, QStringLiteral("SELECT DISTINCT l.tag FROM target_tags l JOIN targets t ON t.id = l.target_id "
                                                 "WHERE t.space_id = ? ORDER BY l.tag COLLATE NOCASE"),
                             {spaceId}, [](const SqlQuery &q) { return q.text(0); });
}

VoidResult TargetRepository::recordHealth(const QString &id, HealthStatus status, const QString &message,
                                          const QDateTime &checkedAt, const QString &taskId)
{
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        SqlQuery q(db, QStringLiteral("UPDATE targets SET health_status = ?, health_message = ?, health_checked_at = ? WHERE id = ?"));
        q.bind(toString(status)).bind(message).bind(checkedAt).bind(id);
        if (auto r = q.exec(); !r)
            return r;
        if (q.rowsAffected() == 0)
            return Error::notFound(tr("There is no target with id %1.").arg(id));
        SqlQuery history(db, QStringLiteral("INSERT INTO target_health_checks(target_id, task_id, checked_at, status, message) "
                                            "VALUES (?, ?, ?, ?, ?)"));
        history.bind(id).bindOptional(taskId).bind(checkedAt).bind(toString(status)).bind(message);
        return history.exec();
    });
}

VoidResult TargetRepository::pinHostKey(const QString &id, const QString &fingerprint)
{
    auto before = get(id);
    if (!before)
        return before.error();
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        SqlQuery q(db, QStringLiteral("UPDATE targets SET host_key_fingerprint = ? WHERE id = ?"));
        q.bind(fingerprint).bind(id);
        if (auto r = q.exec(); !r)
            return r;
        return AuditLog::record(db, m_context, before->spaceId, QStringLiteral("HostKeyPinned"), QStringLiteral("Machine"),
                                id, before->name, {{QStringLiteral("hostKeyFingerprint"), before->hostKeyFingerprint}},
                                {{QStringLiteral("hostKeyFingerprint"), fingerprint}});
    });
}

} // namespace Cuttle
