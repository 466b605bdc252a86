#include "model/store/interruptionrepository.h"

#include "model/store/auditlog.h"
#include "model/store/repositorysupport.h"

namespace Cuttle {
using namespace StoreSupport;

namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, task_id, node_id, kind, title, instructions, responsible_team_id, created_at, taken_by, taken_at, "
    "response, notes, resolved_at FROM interruptions ");

Interruption fromRow(const SqlQuery &q)
{
    Interruption i;
    i.id = q.text(0);
    i.taskId = q.text(1);
    i.nodeId = q.isNull(2) ? 0 : q.value(2).toLongLong();
    i.kind = q.text(3) == QLatin1String("ManualIntervention") ? Interruption::Kind::ManualIntervention
                                                              : Interruption::Kind::GuidedFailure;
    i.title = q.text(4);
    i.instructions = q.text(5);
    i.responsibleTeamId = q.isNull(6) ? QString() : q.text(6);
    i.createdAt = q.dateTime(7);
    i.takenBy = q.isNull(8) ? QString() : q.text(8);
    i.takenAt = q.isNull(9) ? QDateTime() : q.dateTime(9);
    i.response = q.isNull(10) ? QString() : q.text(10);
    i.notes = q.text(11);
    i.resolvedAt = q.isNull(12) ? QDateTime() : q.dateTime(12);
    return i;
}

Result<Interruption> fetch(const QSqlDatabase &db, const QString &id)
{
    return fetchOne<Interruption>(db, kSelect + QStringLiteral("WHERE id = ?"), {id}, fromRow,
                                  InterruptionRepository::tr("There is no interruption %1.").arg(id));
}

VoidResult updatePending(const QSqlDatabase &db, const QString &taskId)
{
    SqlQuery q(db, QStringLiteral("UPDATE tasks SET has_pending_interruptions = EXISTS "
                                  "(SELECT 1 FROM interruptions WHERE task_id = ? AND resolved_at IS NULL) WHERE id = ?"));
    q.bind(taskId).bind(taskId);
    return q.exec();
}

VoidResult audit(const QSqlDatabase &db, const StoreContext &context, const QString &action, const Interruption &before,
                 const Interruption &after)
{
    auto space = fetchAll<QString>(db, QStringLiteral("SELECT space_id FROM tasks WHERE id = ?"), {after.taskId},
                                   [](const SqlQuery &q) { return q.isNull(0) ? QString() : q.text(0); });
    if (!space)
        return space.error();
    const auto fields = [](const Interruption &i) {
        return QVariantMap{{QStringLiteral("takenBy"), i.takenBy},
                           {QStringLiteral("response"), i.response},
                           {QStringLiteral("notes"), i.notes}};
    };
    return AuditLog::record(db, context, space->value(0), action, QStringLiteral("Interruption"), after.id, after.title,
                            fields(before), fields(after));
}

} // namespace

Result<Interruption> InterruptionRepository::create(Interruption interruption)
{
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto id = nextId(db, QStringLiteral("Interruptions"));
        if (!id)
            return id.error();
        interruption.id = *id;
        interruption.createdAt = QDateTime::currentDateTimeUtc();
        SqlQuery q(db, QStringLiteral("INSERT INTO interruptions(id, task_id, node_id, kind, title, instructions, "
                                      "responsible_team_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        q.bind(interruption.id).bind(interruption.taskId)
            .bind(interruption.nodeId > 0 ? QVariant(interruption.nodeId) : QVariant())
            .bind(Interruption::kindName(interruption.kind)).bind(interruption.title).bind(interruption.instructions)
            .bindOptional(interruption.responsibleTeamId).bind(interruption.createdAt);
        if (auto r = q.exec(); !r)
            return r;
        return updatePending(db, interruption.taskId);
    });
    if (!done)
        return done.error();
    return interruption;
}

Result<Interruption> InterruptionRepository::get(const QString &id) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetch(*db, id);
}

Result<QList<Interruption>> InterruptionRepository::forTask(const QString &taskId, bool pendingOnly) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetchAll<Interruption>(*db,
                                  kSelect + QStringLiteral("WHERE task_id = ?%1 ORDER BY created_at, rowid")
                                                .arg(pendingOnly ? QStringLiteral(" AND resolved_at IS NULL") : QString()),
                                  {taskId}, fromRow);
}

Result<Interruption> InterruptionRepository::take(const QString &id)
{
    Interruption taken;
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = fetch(db, id);
        if (!before)
            return before.error();
        if (before->isResolved())
            return Error::conflict(tr("The interruption \"%1\" was already answered (%2).").arg(before->title, before->response));
        taken = *before;
        taken.takenBy = m_context.actor;
        taken.takenAt = QDateTime::currentDateTimeUtc();
        SqlQuery q(db, QStringLiteral("UPDATE interruptions SET taken_by = ?, taken_at = ? WHERE id = ?"));
        q.bind(taken.takenBy).bind(taken.takenAt).bind(id);
        if (auto r = q.exec(); !r)
            return r;
        return audit(db, m_context, QStringLiteral("Taken"), *before, taken);
    });
    if (!done)
        return done.error();
    return taken;
}

Result<Interruption> InterruptionRepository::answer(const QString &id, const QString &response, const QString &notes)
{
    Interruption answered;
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = fetch(db, id);
        if (!before)
            return before.error();
        if (before->isResolved())
            return Error::conflict(tr("The interruption \"%1\" was already answered (%2).").arg(before->title, before->response));
        QString chosen;
        for (const QString &allowed : Interruption::responses(before->kind)) {
            if (allowed.compare(response, Qt::CaseInsensitive) == 0)
                chosen = allowed;
        }
        if (chosen.isEmpty())
            return Error::validation(tr("\"%1\" is not an answer to this interruption; answer %2.")
                                         .arg(response, Interruption::responses(before->kind).join(QLatin1String(", "))),
                                     QStringLiteral("response"));
        answered = *before;
        if (answered.takenBy.isEmpty()) {
            answered.takenBy = m_context.actor;
            answered.takenAt = QDateTime::currentDateTimeUtc();
        }
        answered.response = chosen;
        answered.notes = notes;
        answered.resolvedAt = QDateTime::currentDateTimeUtc();
        SqlQuery q(db, QStringLiteral("UPDATE interruptions SET taken_by = ?, taken_at = ?, response = ?, notes = ?, "
                                      "resolved_at = ? WHERE id = ?"));
        q.bind(answered.takenBy).bind(answered.takenAt).bind(answered.response).bind(answered.notes)
            .bind(answered.resolvedAt).bind(id);
        if (auto r = q.exec(); !r)
            return r;
        if (auto r = updatePending(db, answered.taskId); !r)
            return r;
        return audit(db, m_context, QStringLiteral("Answered"), *before, answered);
    });
    if (!done)
        return done.error();
    return answered;
}

} // namespace Cuttle
