#pragma once

#include "model/core/taskenums.h"

#include <QDateTime>
#include <QString>

namespace Cuttle {

/// One line of a task log; ids grow in the order lines were written, so a reader can ask for
/// "everything after the last id I have".
struct TaskLogLine
{
    qint64 id = 0;
    QString taskId;
    qint64 nodeId = 0; ///< 0: a line of the task itself
    QDateTime at;
    TaskLogCategory category = TaskLogCategory::Info;
    QString text;
};

} // namespace Cuttle
