#pragma once

#include "model/core/taskenums.h"

#include <QDateTime>
#include <QString>

namespace Cuttle {

/// One node of a task's log tree (task > step > target), with its own status and times.
struct TaskLogNode
{
    qint64 id = 0;
    QString taskId;
    qint64 parentId = 0; ///< 0: a top-level node of the task
    int sortOrder = 0;
    QString kind; ///< "Step", "Target", ...
    QString name;
    TaskLogStatus status = TaskLogStatus::Pending;
    QDateTime startedAt;
    QDateTime endedAt;
};

} // namespace Cuttle
