#pragma once

#include "model/core/deploymenttarget.h"
#include "model/core/result.h"
#include "model/core/task.h"
#include "model/engine/targetconnector.h"
#include "model/engine/tasklogwriter.h"
#include "model/secrets/secretstore.h"
#include "model/store/workspace.h"
#include "model/transport/exitinfo.h"

#include <QCoreApplication>
#include <QList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace Cuttle {

/// Runs a Bash script on many targets in parallel as a task of kind "AdHocScript": one log
/// node per target under a "Run script" step, each target's stdout (Info) and stderr (Error)
/// streamed into its node as the lines arrive, its exit code recorded, and the task a Success
/// only when every target exited 0. Blocks on the network and the keychain: call it from a
/// worker thread or the command line.
class ScriptRunService final
{
    Q_DECLARE_TR_FUNCTIONS(ScriptRunService)

public:
    static QString taskKind() { return QStringLiteral("AdHocScript"); }

    struct Request
    {
        QList<DeploymentTarget> targets;
        QString script;
        int maxParallel = 8;
        QString spaceId;     ///< empty: the first target's space
        QString description; ///< empty: "Run a script on N targets"
    };

    /// How the script went on one target.
    struct TargetResult
    {
        QString targetId;
        QString targetName;
        qint64 nodeId = 0;
        TaskLogStatus status = TaskLogStatus::Pending;
        std::optional<ExitInfo> exit; ///< set when the script ran to its end (whatever its exit code)
        QString error;                ///< why it could not run, or was stopped, when exit is empty
        TargetConnector::Connection::HostKey hostKey = TargetConnector::Connection::HostKey::NotChecked;
        QString offeredFingerprint;

        bool succeeded() const { return exit && exit->succeeded(); }
    };

    /// Where a line of a target's log came from.
    enum class LineSource { Stdout, Stderr, Cuttle };

    struct Outcome
    {
        Task task; ///< as recorded at the end
        QList<TargetResult> targets; ///< in the order of the request
    };

    /// Called from worker threads, one call at a time; keep them short.
    struct Observer
    {
        /// The task and its nodes are recorded; nothing has run yet.
        std::function<void(const Task &task, const QList<TargetResult> &targets)> started;
        std::function<void(const TargetResult &target)> targetStarted;
        /// One line of the target's log as it is written: the script's stdout (Info) and stderr
        /// (Error), and Cuttle's own lines (connecting, errors, the exit code).
        std::function<void(const QString &targetId, LineSource source, TaskLogCategory category, const QString &text)> line;
        std::function<void(const TargetResult &target)> targetFinished;
    };

    ScriptRunService(std::shared_ptr<Workspace> workspace, std::shared_ptr<SecretStore> secrets,
                     TaskLogWriter::Options logOptions = {});

    /// Runs the script and returns when every target is done. Setting `cancelled` stops the
    /// remote commands (TERM, then KILL) and ends the task Canceled. Fails only when the
    /// request is invalid or the task cannot be recorded.
    Result<Outcome> run(const Request &request, const Observer &observer = {},
                        const std::atomic<bool> *cancelled = nullptr);

private:
    std::shared_ptr<Workspace> m_workspace;
    std::shared_ptr<SecretStore> m_secrets;
    TaskLogWriter::Options m_logOptions;
};

} // namespace Cuttle
