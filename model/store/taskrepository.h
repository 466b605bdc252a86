#pragma once

#include "model/core/result.h"
#include "model/core/task.h"
#include "model/core/tasklogline.h"
#include "model/core/tasklognode.h"
#include "model/store/storecontext.h"

#include <QList>

#include <functional>

namespace Cuttle {

/// Tasks, their log trees and log lines. Lines are appended in batches (one transaction per
/// batch) and read incrementally by id, so a running task can be followed cheaply.
class TaskRepository final
{
public:
    explicit TaskRepository(StoreContext context) : m_context(std::move(context)) {}

    /// Records a new task (id, createdAt and createdBy are filled in).
    Result<Task> create(Task task);
    Result<Task> get(const QString &id) const;
    /// Newest first; `spaceId` empty lists the tasks of every space. `limit` <= 0 means no limit.
    Result<QList<Task>> list(const QString &spaceId = {}, int offset = 0, int limit = 100) const;
    Result<int> count(const QString &spaceId = {}) const;

    /// Executing from now, owned by this process.
    VoidResult start(const QString &taskId);
    /// For the states between start and completion (Cancelling).
    VoidResult setState(const QString &taskId, TaskState state);
    /// Ends the task in a finished state with the sentence that explains a failure.
    VoidResult complete(const QString &taskId, TaskState state, const QString &errorMessage = {},
                        bool hasWarnings = false);

    /// Adds log nodes in one transaction; returns them with their ids.
    Result<QList<TaskLogNode>> addNodes(const QList<TaskLogNode> &nodes);
    Result<TaskLogNode> addNode(const TaskLogNode &node);
    /// Running stamps the start time, a finished status the end time.
    VoidResult setNodeStatus(qint64 nodeId, TaskLogStatus status);
    Result<QList<TaskLogNode>> nodes(const QString &taskId) const;

    /// Appends lines (of any tasks) in one transaction.
    VoidResult appendLines(const QList<TaskLogLine> &lines);
    /// The lines of a task with an id above `afterLineId`, oldest first, at most `limit`.
    Result<QList<TaskLogLine>> linesAfter(const QString &taskId, qint64 afterLineId = 0, int limit = 10000) const;

    /// Tasks left Executing or Cancelling by a process that is gone (a crash, a kill): Executing
    /// ones become Failed, Cancelling ones Canceled, both with an "interrupted" error; their
    /// unfinished log nodes end too. Returns the ids of the tasks changed.
    Result<QStringList> markInterrupted(const std::function<bool(const QString &ownerProcess)> &ownerAlive = &TaskRepository::isOwnerAlive);

    /// "<host>:<pid>" of this process.
    static QString currentProcessOwner();
    /// False only when the owner ran on this host and its process no longer exists.
    static bool isOwnerAlive(const QString &ownerProcess);

private:
    StoreContext m_context;
};

} // namespace Cuttle
