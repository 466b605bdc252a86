#pragma once

#include "model/core/taskenums.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Cuttle {

/// A unit of work the console runs and logs: a deployment, a health check, an ad-hoc script.
struct Task
{
    QString id;
    QString spaceId; ///< empty for tasks that belong to no space
    QString kind;    ///< e.g. "AdHocScript", "Deploy", "Health"
    QString description;
    TaskState state = TaskState::Queued;
    QJsonObject arguments; ///< what the task was asked to do, as its kind defines it
    QString concurrencyTag;
    QDateTime queueTime;
    QDateTime createdAt;
    QString createdBy;
    QDateTime startedAt;
    QDateTime completedAt;
    QString errorMessage;
    bool hasPendingInterruptions = false;
    bool hasWarnings = false;
    /// "<host>:<pid>" of the process executing the task, so that a later process can tell a crashed run.
    QString ownerProcess;

    /// From start to completion, or to `now` while the task runs; -1 before it started.
    qint64 durationMs(const QDateTime &now = QDateTime::currentDateTimeUtc()) const
    {
        if (!startedAt.isValid())
            return -1;
        return startedAt.msecsTo(completedAt.isValid() ? completedAt : now);
    }
};

} // namespace Cuttle
