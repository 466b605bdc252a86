#pragma once

#include "model/core/deploymenttarget.h"
#include "model/core/result.h"
#include "model/engine/scriptrunservice.h"

#include <QList>
#include <QObject>

#include <memory>

class QThread;

namespace Cuttle {

class WorkspaceSession;

/// Runs ScriptRunService for the console on a thread of its own (a run lasts as long as its
/// scripts, which must hold up neither the GUI nor the session's store worker) and hands the
/// output to the GUI thread in batches. Announces changed("Task") when a run starts and ends.
class ScriptRunController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptRunController)

public:
    /// One line of a target's log.
    struct Line
    {
        QString targetId;
        ScriptRunService::LineSource source = ScriptRunService::LineSource::Cuttle;
        TaskLogCategory category = TaskLogCategory::Info;
        QString text;
    };

    explicit ScriptRunController(WorkspaceSession *session, QObject *parent = nullptr);
    /// Cancels a running script and waits for it, so that nothing arrives after destruction.
    ~ScriptRunController() override;

    bool isRunning() const { return m_thread != nullptr; }
    /// Starts a run; returns false (and does nothing) while one is running.
    bool start(const QList<DeploymentTarget> &targets, const QString &script, int maxParallel);
    /// Stops the remote commands of the running script (TERM, then KILL).
    void cancel();

signals:
    /// The task is recorded; its targets are about to run.
    void started(const Cuttle::Task &task, const QList<Cuttle::ScriptRunService::TargetResult> &targets);
    void targetStarted(const Cuttle::ScriptRunService::TargetResult &target);
    /// Lines in the order they were written, possibly of several targets.
    void output(const QList<Cuttle::ScriptRunController::Line> &lines);
    void targetFinished(const Cuttle::ScriptRunService::TargetResult &target);
    /// The run ended; `error` is set when it could not start (invalid input, store failure).
    void finished(const Cuttle::ScriptRunService::Outcome &outcome, const std::optional<Cuttle::Error> &error);

private:
    struct Run;
    void drain(const std::shared_ptr<Run> &run);

    WorkspaceSession *m_session = nullptr;
    QThread *m_thread = nullptr;
    std::shared_ptr<Run> m_run;
};

} // namespace Cuttle
