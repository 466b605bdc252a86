#pragma once

#include "model/core/result.h"
#include "model/engine/deploymentexecutor.h"

#include <QCoreApplication>

#include <atomic>
#include <functional>

namespace Cuttle {

/// Runs queued tasks in this process once the queue lets them start (see TaskQueue): the
/// command line's `deploy --wait`, and the console's background runner. Before anything
/// runs, tasks that a crashed process left behind are ended as interrupted.
class TaskRunner final
{
    Q_DECLARE_TR_FUNCTIONS(TaskRunner)

public:
    TaskRunner(std::shared_ptr<Workspace> workspace, std::shared_ptr<SecretStore> secrets);

    /// Waits while the task may not start yet (telling `waiting` each new reason), runs it
    /// here and returns its final state. A task that is not queued any more returns its state.
    Result<TaskState> runWhenAllowed(const QString &taskId, const DeploymentExecutor::Observer &observer = {},
                                     const std::function<void(const QString &reason)> &waiting = {},
                                     const std::atomic<bool> *cancel = nullptr);

private:
    std::shared_ptr<Workspace> m_workspace;
    std::shared_ptr<SecretStore> m_secrets;
};

} // namespace Cuttle
