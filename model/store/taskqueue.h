#pragma once

#include "model/core/result.h"
#include "model/core/task.h"
#include "model/store/storecontext.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>

namespace Cuttle {

/// The persisted task queue shared by every Cuttle process on a workspace (the console and
/// any number of cuttlectl runs). Claims happen inside one write transaction each, so two
/// processes never start the same task, at most `tasks.maxConcurrent` tasks execute at
/// once (default 5), two tasks with the same concurrency tag (one project, environment and
/// tenant) never run together, and a scheduled task waits for its queue time and times out
/// after its expiry. Per-target locks let only one step run on a target at a time.
class TaskQueue final
{
    Q_DECLARE_TR_FUNCTIONS(TaskQueue)

public:
    explicit TaskQueue(StoreContext context) : m_context(std::move(context)) {}

    /// How many tasks may execute at once across the workspace.
    Result<int> maxConcurrent() const;
    VoidResult setMaxConcurrent(int count);

    /// Starts (Executing, owned by this process) the oldest queued task that may start at
    /// `now`, of one of `kinds` (all kinds when empty); nullopt when none may.
    Result<std::optional<Task>> claimNext(const QStringList &kinds = {},
                                          const QDateTime &now = QDateTime::currentDateTimeUtc());

    /// What claim() found for one task.
    struct Claim
    {
        enum class Outcome { Claimed, Waiting, NotQueued } outcome = Outcome::Waiting;
        QString reason; ///< Waiting: why, in one sentence; NotQueued: the task's state
    };
    /// Starts this task if it may start at `now`.
    Result<Claim> claim(const QString &taskId, const QDateTime &now = QDateTime::currentDateTimeUtc());

    /// Queued: Canceled at once. Executing: Cancelling, which the process running it notices.
    /// Returns the state the task is in afterwards; a finished task is a Conflict.
    Result<TaskState> requestCancel(const QString &taskId);

    /// Takes the lock of a target for a task; false while another running task holds it.
    /// The lock of a task that is finished or whose process is gone is taken over.
    Result<bool> tryLockTarget(const QString &targetId, const QString &taskId);
    VoidResult unlockTarget(const QString &targetId, const QString &taskId);
    VoidResult releaseLocks(const QString &taskId);

    /// After a crash: tasks of processes that are gone end as interrupted (see
    /// TaskRepository::markInterrupted) and locks of tasks no longer running are released.
    /// Returns the ids of the interrupted tasks.
    Result<QStringList> recover();

private:
    StoreContext m_context;
};

} // namespace Cuttle
