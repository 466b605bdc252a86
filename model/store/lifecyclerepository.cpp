#include "model/store/lifecyclerepository.h"

#include "model/core/validation.h"
#include "model/store/auditlog.h"
#include "model/store/repositorysupport.h"

#include <QSet>

namespace Cuttle {
using namespace StoreSupport;

namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, space_id, name, description, release_retention_unit, release_retention_quantity, "
    "target_retention_unit, target_retention_quantity FROM lifecycles ");

RetentionPolicy retention(const QString &unit, int quantity)
{
    return RetentionPolicy{retentionUnitFromString(unit).value_or(RetentionUnit::Forever), quantity};
}

Lifecycle fromRow(const SqlQuery &q)
{
    Lifecycle l;
    l.id = q.text(0);
    l.spaceId = q.text(1);
    l.name = q.text(2);
    l.description = q.text(3);
    l.releaseRetention = retention(q.text(4), q.integer(5));
    l.targetRetention = retention(q.text(6), q.integer(7));
    return l;
}

QString describe(const RetentionPolicy &p)
{
    return p.unit == RetentionUnit::Forever ? QStringLiteral("Forever")
                                            : QStringLiteral("%1 %2").arg(p.quantity).arg(toString(p.unit));
}

QVariantMap auditFields(const Lifecycle &l)
{
    QVariantMap fields{{QStringLiteral("name"), l.name},
                       {QStringLiteral("description"), l.description},
                       {QStringLiteral("releaseRetention"), describe(l.releaseRetention)},
                       {QStringLiteral("targetRetention"), describe(l.targetRetention)}};
    QStringList phases;
    for (const LifecyclePhase &p : l.phases) {
        phases << QStringLiteral("%1 [auto: %2; manual: %3; minimum %4%5]")
                      .arg(p.name, p.automaticEnvironmentIds.join(u' '), p.optionalEnvironmentIds.join(u' '))
                      .arg(p.minimumEnvironmentsBeforePromotion)
                      .arg(p.isOptional ? QStringLiteral("; optional") : QString());
    }
    fields.insert(QStringLiteral("phases"), phases.join(QStringLiteral(" → ")));
    return fields;
}

VoidResult loadPhases(const QSqlDatabase &db, Lifecycle &l)
{
    auto phases = fetchAll<LifecyclePhase>(
        db,
        QStringLiteral("SELECT id, name, minimum_environments_before_promotion, is_optional, release_retention_unit, "
                       "release_retention_quantity, target_retention_unit, target_retention_quantity "
                       "FROM lifecycle_phases WHERE lifecycle_id = ? ORDER BY sort_order"),
        {l.id}, [](const SqlQuery &q) {
            LifecyclePhase p;
            p.id = q.text(0);
            p.name = q.text(1);
            p.minimumEnvironmentsBeforePromotion = q.integer(2);
            p.isOptional = q.boolean(3);
            if (!q.isNull(4))
                p.releaseRetention = retention(q.text(4), q.integer(5));
            if (!q.isNull(6))
                p.targetRetention = retention(q.text(6), q.integer(7));
            return p;
        });
    if (!phases)
        return phases.error();
    for (LifecyclePhase &p : *phases) {
        SqlQuery q(db, QStringLiteral("SELECT environment_id, automatic FROM phase_environments WHERE phase_id = ? ORDER BY sort_order"));
        q.bind(p.id);
        if (auto r = q.exec(); !r)
            return r;
        while (q.next())
            (q.boolean(1) ? p.automaticEnvironmentIds : p.optionalEnvironmentIds) << q.text(0);
    }
    l.phases = *phases;
    return {};
}

VoidResult writePhases(const QSqlDatabase &db, Lifecycle &l)
{
    SqlQuery clear(db, QStringLiteral("DELETE FROM lifecycle_phases WHERE lifecycle_id = ?"));
    clear.bind(l.id);
    if (auto r = clear.exec(); !r)
        return r;
    for (int i = 0; i < l.phases.size(); ++i) {
        LifecyclePhase &p = l.phases[i];
        auto id = nextId(db, QStringLiteral("Phases"));
        if (!id)
            return id.error();
        p.id = *id;
        SqlQuery q(db, QStringLiteral("INSERT INTO lifecycle_phases(id, lifecycle_id, name, sort_order, "
                                      "minimum_environments_before_promotion, is_optional, release_retention_unit, "
                                      "release_retention_quantity, target_retention_unit, target_retention_quantity) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        q.bind(p.id).bind(l.id).bind(p.name).bind(i).bind(p.minimumEnvironmentsBeforePromotion).bind(p.isOptional);
        if (p.releaseRetention)
            q.bind(toString(p.releaseRetention->unit)).bind(p.releaseRetention->quantity);
        else
            q.bind(QVariant()).bind(QVariant());
        if (p.targetRetention)
            q.bind(toString(p.targetRetention->unit)).bind(p.targetRetention->quantity);
        else
            q.bind(QVariant()).bind(QVariant());
        if (auto r = q.exec(); !r)
            return r;
        int order = 0;
        for (const auto &[ids, automatic] : {std::pair{p.automaticEnvironmentIds, true}, std::pair{p.optionalEnvironmentIds, false}}) {
            for (const QString &environmentId : ids) {
                auto exists = fetchOne<QString>(db, QStringLiteral("SELECT id FROM environments WHERE id = ? AND space_id = ?"),
                                                {environmentId, l.spaceId}, [](const SqlQuery &s) { return s.text(0); },
                                                tr("There is no environment with id %1 in this space.").arg(environmentId));
                if (!exists)
                    return Error::validation(exists.error().message, QStringLiteral("phases"));
                SqlQuery link(db, QStringLiteral("INSERT INTO phase_environments(phase_id, environment_id, automatic, sort_order) "
                                                 "VALUES (?, ?, ?, ?)"));
                link.bind(p.id).bind(environmentId).bind(automatic).bind(order++);
                if (auto r = link.exec(); !r)
                    return r;
            }
        }
    }
    return {};
}

Result<Lifecycle> fetch(const QSqlDatabase &db, const QString &where, const QVariantList &values, const QString &missing)
{
    auto lifecycle = fetchOne<Lifecycle>(db, kSelect + where, values, fromRow, missing);
    if (!lifecycle)
        return lifecycle;
    if (auto r = loadPhases(db, *lifecycle); !r)
        return r.error();
    return lifecycle;
}

} // namespace

VoidResult LifecycleRepository::validate(Lifecycle &l)
{
    auto name = Validation::name(l.name, tr("lifecycle"));
    if (!name)
        return name.error();
    l.name = *name;
    QSet<QString> seen;
    QSet<QString> phaseNames;
    for (LifecyclePhase &p : l.phases) {
        auto phaseName = Validation::name(p.name, tr("phase"), QStringLiteral("phases"));
        if (!phaseName)
            return phaseName.error();
        p.name = *phaseName;
        if (phaseNames.contains(p.name.toLower()))
            return Error::validation(tr("Two phases are named \"%1\".").arg(p.name), QStringLiteral("phases"));
        phaseNames.insert(p.name.toLower());
        for (const QString &environmentId : p.environmentIds()) {
            if (seen.contains(environmentId))
                return Error::validation(tr("The environment %1 appears in more than one phase; each environment can be in one phase only.")
                                             .arg(environmentId), QStringLiteral("phases"));
            seen.insert(environmentId);
        }
        const int available = int(p.environmentIds().size());
        if (p.minimumEnvironmentsBeforePromotion < 0
            || (available > 0 && p.minimumEnvironmentsBeforePromotion > available))
            return Error::validation(tr("The phase \"%1\" asks for %2 environments before promotion but has only %3.")
                                         .arg(p.name).arg(p.minimumEnvironmentsBeforePromotion).arg(available),
                                     QStringLiteral("phases"));
    }
    for (const RetentionPolicy &policy : {l.releaseRetention, l.targetRetention}) {
        if (policy.unit != RetentionUnit::Forever && policy.quantity < 1)
            return Error::validation(tr("A retention policy must keep at least one release or one day."), QStringLiteral("retention"));
    }
    return {};
}

Result<QList<Lifecycle>> LifecycleRepository::list(const QString &spaceId) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    auto lifecycles = fetchAll<Lifecycle>(*db, kSelect + QStringLiteral("WHERE space_id = ? ORDER BY name"), {spaceId}, fromRow);
    if (!lifecycles)
        return lifecycles;
    for (Lifecycle &l : *lifecycles) {
        if (auto r = loadPhases(*db, l); !r)
            return r.error();
    }
    return lifecycles;
}

Result<Lifecycle> LifecycleRepository::get(const QString &id) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetch(*db, QStringLiteral("WHERE id = ?"), {id}, tr("There is no lifecycle with id %1.").arg(id));
}

Result<Lifecycle> LifecycleRepository::find(const QString &spaceId, const QString &idOrName) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetch(*db, QStringLiteral("WHERE space_id = ? AND (id = ? OR name = ? COLLATE NOCASE)"), {spaceId, idOrName, idOrName},
                 tr("There is no lifecycle named \"%1\".").arg(idOrName));
}

Result<Lifecycle> LifecycleRepository::create(Lifecycle lifecycle)
{
    if (auto r = validate(lifecycle); !r)
        return r.error();
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        if (auto r = ensureUniqueName(db, QStringLiteral("lifecycles"), QStringLiteral("space_id"), lifecycle.spaceId,
                                      lifecycle.name, {}, tr("lifecycle")); !r)
            return r;
        auto id = nextId(db, QStringLiteral("Lifecycles"));
        if (!id)
            return id.error();
        lifecycle.id = *id;
        SqlQuery q(db, QStringLiteral("INSERT INTO lifecycles(id, space_id, name, description, release_retention_unit, "
                                      "release_retention_quantity, target_retention_unit, target_retention_quantity) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        q.bind(lifecycle.id).bind(lifecycle.spaceId).bind(lifecycle.name).bind(lifecycle.description)
            .bind(toString(lifecycle.releaseRetention.unit)).bind(lifecycle.releaseRetention.quantity)
            .bind(toString(lifecycle.targetRetention.unit)).bind(lifecycle.targetRetention.quantity);
        if (auto r = q.exec(); !r)
            return r;
        if (auto r = writePhases(db, lifecycle); !r)
            return r;
        return AuditLog::record(db, m_context, lifecycle.spaceId, QStringLiteral("Created"), QStringLiteral("Lifecycle"),
                                lifecycle.id, lifecycle.name, {}, auditFields(lifecycle));
    });
    if (!done)
        return done.error();
    return lifecycle;
}

Result<Lifecycle> LifecycleRepository::update(const Lifecycle &input)
{
    Lifecycle lifecycle = input;
    if (auto r = validate(lifecycle); !r)
        return r.error();
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = fetch(db, QStringLiteral("WHERE id = ?"), {lifecycle.id}, tr("There is no lifecycle with id %1.").arg(lifecycle.id));
        if (!before)
            return before.error();
        lifecycle.spaceId = before->spaceId;
        if (auto r = ensureUniqueName(db, QStringLiteral("lifecycles"), QStringLiteral("space_id"), lifecycle.spaceId,
                                      lifecycle.name, lifecycle.id, tr("lifecycle")); !r)
            return r;
        SqlQuery q(db, QStringLiteral("UPDATE lifecycles SET name = ?, description = ?, release_retention_unit = ?, "
                                      "release_retention_quantity = ?, target_retention_unit = ?, target_retention_quantity = ? "
                                      "WHERE id = ?"));
        q.bind(lifecycle.name).bind(lifecycle.description).bind(toString(lifecycle.releaseRetention.unit))
            .bind(lifecycle.releaseRetention.quantity).bind(toString(lifecycle.targetRetention.unit))
            .bind(lifecycle.targetRetention.quantity).bind(lifecycle.id);
        if (auto r = q.exec(); !r)
            return r;
        if (auto r = writePhases(db, lifecycle); !r)
            return r;
        return AuditLog::record(db, m_context, lifecycle.spaceId, QStringLiteral("Modified"), QStringLiteral("Lifecycle"),
                                lifecycle.id, lifecycle.name, auditFields(*before), auditFields(lifecycle));
    });
    if (!done)
        return done.error();
    return lifecycle;
}

VoidResult LifecycleRepository::remove(const QString &id)
{
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = fetch(db, QStringLiteral("WHERE id = ?"), {id}, tr("There is no lifecycle with id %1.").arg(id));
        if (!before)
            return before.error();
        auto projects = count(db, QStringLiteral("projects"), QStringLiteral("lifecycle_id"), id);
        if (!projects)
            return projects.error();
        auto channels = count(db, QStringLiteral("channels"), QStringLiteral("lifecycle_id"), id);
        if (!channels)
            return channels.error();
        if (*projects + *channels > 0)
            return Error::conflict(tr("The lifecycle \"%1\" cannot be deleted while %2 project(s) and %3 channel(s) use it.")
                                       .arg(before->name).arg(*projects).arg(*channels));
        SqlQuery q(db, QStringLiteral("DELETE FROM lifecycles WHERE id = ?"));
        q.bind(id);
        if (auto r = q.exec(); !r)
            return r;
        return AuditLog::record(db, m_context, before->spaceId, QStringLiteral("Deleted"), QStringLiteral("Lifecycle"), id,
                                before->name, auditFields(*before), {});
    });
}

} // namespace Cuttle
