#pragma once

#include "model/core/result.h"
#include "model/core/task.h"
#include "model/engine/deploymentlog.h"
#include "model/secrets/secretstore.h"
#include "model/store/workspace.h"

#include <QCoreApplication>

#include <atomic>
#include <memory>

namespace Cuttle {

/// Runs a claimed "Deploy" task (domain.md 5): plans it again from its deployment record,
/// then runs the release's steps in order ("start with previous" steps alongside the one
/// before), each step on its targets in parallel up to its maximum parallelism or rolling
/// window, one session per target for the whole task, one step at a time per target across
/// all tasks. Conditions decide which steps run after a failure. Cancelling (the flag, or
/// the task's state set to Cancelling by any process) stops the remote commands and leaves
/// every target on its previous `current`. Blocks: call it from a worker thread or the CLI.
class DeploymentExecutor final
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentExecutor)

public:
    static QString taskKind() { return QStringLiteral("Deploy"); }

    struct Observer
    {
        DeploymentLog::LineObserver line;
        DeploymentLog::NodeObserver node;
    };

    DeploymentExecutor(std::shared_ptr<Workspace> workspace, std::shared_ptr<SecretStore> secrets);

    /// Runs the task (already Executing, owned by this process) to its end and records how it
    /// ended; returns that final state.
    TaskState execute(const Task &task, const Observer &observer = {}, const std::atomic<bool> *cancel = nullptr);

private:
    std::shared_ptr<Workspace> m_workspace;
    std::shared_ptr<SecretStore> m_secrets;
};

} // namespace Cuttle
