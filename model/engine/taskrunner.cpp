#include "model/engine/taskrunner.h"

#include "model/store/taskqueue.h"
#include "model/store/taskrepository.h"

#include <QThread>

namespace Cuttle {

TaskRunner::TaskRunner(std::shared_ptr<Workspace> workspace, std::shared_ptr<SecretStore> secrets)
    : m_workspace(std::move(workspace))
    , m_secrets(std::move(secrets))
{
}

Result<TaskState> TaskRunner::runWhenAllowed(const QString &taskId, const DeploymentExecutor::Observer &observer,
                                             const std::function<void(const QString &)> &waiting,
                                             const std::atomic<bool> *cancel)
{
    const StoreContext context = m_workspace->context();
    TaskQueue queue(context);
    if (auto recovered = queue.recover(); !recovered)
        return recovered.error();
    QString lastReason;
    for (;;) {
        if (cancel && cancel->load()) {
            auto state = queue.requestCancel(taskId);
            if (!state)
                return state.error();
        }
        auto claim = queue.claim(taskId);
        if (!claim)
            return claim.error();
        if (claim->outcome == TaskQueue::Claim::Outcome::NotQueued) {
            auto task = TaskRepository(context).get(taskId);
            if (!task)
                return task.error();
            return task->state;
        }
        if (claim->outcome == TaskQueue::Claim::Outcome::Claimed)
            break;
        if (claim->reason != lastReason && waiting)
            waiting(claim->reason);
        lastReason = claim->reason;
        QThread::msleep(500);
    }
    auto task = TaskRepository(context).get(taskId);
    if (!task)
        return task.error();
    if (task->kind != DeploymentExecutor::taskKind()) {
        const QString message = tr("This process cannot run tasks of kind %1.").arg(task->kind);
        (void)TaskRepository(context).complete(taskId, TaskState::Failed, message);
        return Error::failed(message);
    }
    return DeploymentExecutor(m_workspace, m_secrets).execute(*task, observer, cancel);
}

} // namespace Cuttle
