#include "model/store/taskqueue.h"

#include "model/store/repositorysupport.h"
#include "model/store/taskrepository.h"

namespace Cuttle {
using namespace StoreSupport;

namespace {

const QString kMaxConcurrentKey = QStringLiteral("tasks.maxConcurrent");
constexpr int kDefaultMaxConcurrent = 5;

struct QueuedRow
{
    QString id;
    QString kind;
    QString concurrencyTag;
    QDateTime queueTime;
    QDateTime expiry;
};

Result<int> maxConcurrentIn(const QSqlDatabase &db)
{
    auto value = fetchAll<QString>(db, QStringLiteral("SELECT value FROM workspace_settings WHERE key = ?"),
                                   {kMaxConcurrentKey}, [](const SqlQuery &q) { return q.text(0); });
    if (!value)
        return value.error();
    bool ok = false;
    const int count = value->isEmpty() ? kDefaultMaxConcurrent : value->constFirst().toInt(&ok);
    return value->isEmpty() || (ok && count > 0) ? count : kDefaultMaxConcurrent;
}

Result<int> executingCount(const QSqlDatabase &db)
{
    auto count = fetchAll<int>(db, QStringLiteral("SELECT COUNT(*) FROM tasks WHERE state IN ('Executing', 'Cancelling')"),
                               {}, [](const SqlQuery &q) { return q.integer(0); });
    if (!count)
        return count.error();
    return count->value(0);
}

Result<bool> tagBusy(const QSqlDatabase &db, const QString &tag)
{
    if (tag.isEmpty())
        return false;
    auto busy = fetchAll<int>(db, QStringLiteral("SELECT 1 FROM tasks WHERE concurrency_tag = ? AND state IN ('Executing', 'Cancelling') LIMIT 1"),
                              {tag}, [](const SqlQuery &q) { return q.integer(0); });
    if (!busy)
        return busy.error();
    return !busy->isEmpty();
}

Result<QList<QueuedRow>> queued(const QSqlDatabase &db, const QString &onlyId = {})
{
    const QString sql = QStringLiteral("SELECT id, kind, concurrency_tag, queue_time, queue_time_expiry FROM tasks "
                                       "WHERE state = 'Queued'%1 ORDER BY COALESCE(queue_time, created_at), rowid")
                            .arg(onlyId.isEmpty() ? QString() : QStringLiteral(" AND id = ?"));
    return fetchAll<QueuedRow>(db, sql, onlyId.isEmpty() ? QVariantList() : QVariantList{onlyId}, [](const SqlQuery &q) {
        return QueuedRow{q.text(0), q.text(1), q.text(2), q.isNull(3) ? QDateTime() : q.dateTime(3),
                         q.isNull(4) ? QDateTime() : q.dateTime(4)};
    });
}

VoidResult timeOut(const QSqlDatabase &db, const QueuedRow &row, const QDateTime &now)
{
    SqlQuery q(db, QStringLiteral("UPDATE tasks SET state = 'TimedOut', completed_at = ?, error_message = ? WHERE id = ?"));
    q.bind(now)
        .bind(TaskQueue::tr("The task did not start before its expiry time %1.").arg(row.expiry.toString(Qt::ISODate)))
        .bind(row.id);
    return q.exec();
}

VoidResult start(const QSqlDatabase &db, const QString &id, const QDateTime &now)
{
    SqlQuery q(db, QStringLiteral("UPDATE tasks SET state = 'Executing', started_at = ?, owner_process = ? "
                                  "WHERE id = ? AND state = 'Queued'"));
    q.bind(now).bind(TaskRepository::currentProcessOwner()).bind(id);
    return q.exec();
}

/// Why `row` cannot start now; empty when it can. Times the task out when its expiry passed.
Result<QString> blocker(const QSqlDatabase &db, const QueuedRow &row, const QDateTime &now, int running, int limit)
{
    if (row.queueTime.isValid() && row.queueTime > now)
        return TaskQueue::tr("It is scheduled for %1.").arg(row.queueTime.toLocalTime().toString(Qt::ISODate));
    if (running >= limit)
        return TaskQueue::tr("%1 tasks are already running, the most the workspace runs at once.").arg(running);
    auto busy = tagBusy(db, row.concurrencyTag);
    if (!busy)
        return busy.error();
    if (*busy)
        return TaskQueue::tr("Another deployment of the same project to the same environment is running.");
    return QString();
}

} // namespace

Result<int> TaskQueue::maxConcurrent() const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return maxConcurrentIn(*db);
}

VoidResult TaskQueue::setMaxConcurrent(int count)
{
    if (count < 1 || count > 100)
        return Error::validation(tr("Between 1 and 100 tasks can run at once, not %1.").arg(count),
                                 QStringLiteral("maxConcurrent"));
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        SqlQuery q(db, QStringLiteral("INSERT INTO workspace_settings(key, value) VALUES (?, ?) "
                                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
        q.bind(kMaxConcurrentKey).bind(QString::number(count));
        return q.exec();
    });
}

Result<std::optional<Task>> TaskQueue::claimNext(const QStringList &kinds, const QDateTime &now)
{
    QString claimed;
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto limit = maxConcurrentIn(db);
        if (!limit)
            return limit.error();
        auto running = executingCount(db);
        if (!running)
            return running.error();
        auto rows = queued(db);
        if (!rows)
            return rows.error();
        for (const QueuedRow &row : *rows) {
            if (row.expiry.isValid() && row.expiry < now) {
                if (auto r = timeOut(db, row, now); !r)
                    return r;
                continue;
            }
            if (!kinds.isEmpty() && !kinds.contains(row.kind))
                continue;
            auto why = blocker(db, row, now, *running, *limit);
            if (!why)
                return why.error();
            if (!why->isEmpty())
                continue;
            claimed = row.id;
            return start(db, row.id, now);
        }
        return {};
    });
    if (!done)
        return done.error();
    if (claimed.isEmpty())
        return std::optional<Task>();
    auto task = TaskRepository(m_context).get(claimed);
    if (!task)
        return task.error();
    return std::optional<Task>(*task);
}

Result<TaskQueue::Claim> TaskQueue::claim(const QString &taskId, const QDateTime &now)
{
    Claim claim;
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto rows = queued(db, taskId);
        if (!rows)
            return rows.error();
        if (rows->isEmpty()) {
            auto state = fetchOne<QString>(db, QStringLiteral("SELECT state FROM tasks WHERE id = ?"), {taskId},
                                           [](const SqlQuery &q) { return q.text(0); },
                                           tr("There is no task %1.").arg(taskId));
            if (!state)
                return state.error();
            claim.outcome = Claim::Outcome::NotQueued;
            claim.reason = *state;
            return {};
        }
        const QueuedRow &row = rows->constFirst();
        if (row.expiry.isValid() && row.expiry < now) {
            claim.outcome = Claim::Outcome::NotQueued;
            claim.reason = toString(TaskState::TimedOut);
            return timeOut(db, row, now);
        }
        auto limit = maxConcurrentIn(db);
        if (!limit)
            return limit.error();
        auto running = executingCount(db);
        if (!running)
            return running.error();
        auto why = blocker(db, row, now, *running, *limit);
        if (!why)
            return why.error();
        if (!why->isEmpty()) {
            claim.reason = *why;
            return {};
        }
        claim.outcome = Claim::Outcome::Claimed;
        return start(db, row.id, now);
    });
    if (!done)
        return done.error();
    return claim;
}

Result<TaskState> TaskQueue::requestCancel(const QString &taskId)
{
    TaskState after = TaskState::Queued;
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto state = fetchOne<QString>(db, QStringLiteral("SELECT state FROM tasks WHERE id = ?"), {taskId},
                                       [](const SqlQuery &q) { return q.text(0); }, tr("There is no task %1.").arg(taskId));
        if (!state)
            return state.error();
        const TaskState current = taskStateFromString(*state).value_or(TaskState::Failed);
        if (isFinished(current))
            return Error::conflict(tr("The task %1 has already finished (%2).").arg(taskId, displayName(current)));
        if (current == TaskState::Queued) {
            after = TaskState::Canceled;
            SqlQuery q(db, QStringLiteral("UPDATE tasks SET state = 'Canceled', completed_at = ?, error_message = ? WHERE id = ?"));
            q.bind(QDateTime::currentDateTimeUtc()).bind(tr("The task was canceled before it started.")).bind(taskId);
            return q.exec();
        }
        after = TaskState::Cancelling;
        SqlQuery q(db, QStringLiteral("UPDATE tasks SET state = 'Cancelling' WHERE id = ? AND state = 'Executing'"));
        q.bind(taskId);
        return q.exec();
    });
    if (!done)
        return done.error();
    return after;
}

Result<bool> TaskQueue::tryLockTarget(const QString &targetId, const QString &taskId)
{
    bool locked = false;
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto holder = fetchAll<std::pair<QString, QString>>(
            db,
            QStringLiteral("SELECT l.task_id, l.owner_process, t.state FROM target_locks l LEFT JOIN tasks t ON t.id = l.task_id "
                           "WHERE l.target_id = ?"),
            {targetId}, [](const SqlQuery &q) {
                const bool running = q.text(2) == QLatin1String("Executing") || q.text(2) == QLatin1String("Cancelling");
                return std::pair{q.text(0), running ? q.text(1) : QString()};
            });
        if (!holder)
            return holder.error();
        if (!holder->isEmpty()) {
            const auto &[holderTask, holderOwner] = holder->constFirst();
            if (holderTask == taskId) {
                locked = true;
                return {};
            }
            // A running task of a live process keeps its lock; anything else is left over.
            if (!holderOwner.isEmpty() && TaskRepository::isOwnerAlive(holderOwner))
                return {};
        }
        SqlQuery q(db, QStringLiteral("INSERT INTO target_locks(target_id, task_id, owner_process, acquired_at) VALUES (?, ?, ?, ?) "
                                      "ON CONFLICT(target_id) DO UPDATE SET task_id = excluded.task_id, "
                                      "owner_process = excluded.owner_process, acquired_at = excluded.acquired_at"));
        q.bind(targetId).bind(taskId).bind(TaskRepository::currentProcessOwner()).bind(QDateTime::currentDateTimeUtc());
        if (auto r = q.exec(); !r)
            return r;
        locked = true;
        return {};
    });
    if (!done)
        return done.error();
    return locked;
}

VoidResult TaskQueue::unlockTarget(const QString &targetId, const QString &taskId)
{
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        SqlQuery q(db, QStringLiteral("DELETE FROM target_locks WHERE target_id = ? AND task_id = ?"));
        q.bind(targetId).bind(taskId);
        return q.exec();
    });
}

VoidResult TaskQueue::releaseLocks(const QString &taskId)
{
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        SqlQuery q(db, QStringLiteral("DELETE FROM target_locks WHERE task_id = ?"));
        q.bind(taskId);
        return q.exec();
    });
}

Result<QStringList> TaskQueue::recover()
{
    auto interrupted = TaskRepository(m_context).markInterrupted();
    if (!interrupted)
        return interrupted;
    auto released = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        SqlQuery q(db, QStringLiteral("DELETE FROM target_locks WHERE task_id NOT IN "
                                      "(SELECT id FROM tasks WHERE state IN ('Executing', 'Cancelling'))"));
        return q.exec();
    });
    if (!released)
        return released.error();
    return interrupted;
}

} // namespace Cuttle
