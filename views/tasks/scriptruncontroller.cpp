#include "views/tasks/scriptruncontroller.h"

#include "model/engine/workspacesession.h"

#include <QMutex>
#include <QThread>

#include <atomic>
#include <optional>
#include <utility>

namespace Cuttle {

/// What the running thread shares with the controller; outlives either side.
struct ScriptRunController::Run
{
    std::atomic<bool> cancelled{false};
    QMutex mutex;
    QList<Line> pending;
    bool drainQueued = false;
    std::optional<Result<ScriptRunService::Outcome>> outcome;
};

ScriptRunController::ScriptRunController(WorkspaceSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
}

ScriptRunController::~ScriptRunController()
{
    if (m_thread) {
        m_run->cancelled = true;
        m_thread->wait();
        delete m_thread;
    }
}

bool ScriptRunController::start(const QList<DeploymentTarget> &targets, const QString &script, int maxParallel)
{
    if (m_thread)
        return false;
    auto run = std::make_shared<Run>();
    m_run = run;
    std::shared_ptr<Workspace> workspace = m_session->workspace();
    std::shared_ptr<SecretStore> secrets = m_session->secrets();
    const QString spaceId = m_session->currentSpaceId();
    // The destructor waits for the thread, so `this` outlives every call queued from it; a call
    // still queued when the controller goes is dropped with its event.
    m_thread = QThread::create([this, run, workspace, secrets, targets, script, maxParallel, spaceId]() {
        ScriptRunService::Observer observer;
        observer.started = [this](const Task &task, const QList<ScriptRunService::TargetResult> &results) {
            QMetaObject::invokeMethod(this, [this, task, results]() {
                emit m_session->changed(QStringLiteral("Task"));
                emit started(task, results);
            }, Qt::QueuedConnection);
        };
        observer.targetStarted = [this](const ScriptRunService::TargetResult &result) {
            QMetaObject::invokeMethod(this, [this, result]() { emit targetStarted(result); }, Qt::QueuedConnection);
        };
        observer.line = [this, run](const QString &targetId, ScriptRunService::LineSource source, TaskLogCategory category,
                                    const QString &text) {
            QMutexLocker locker(&run->mutex);
            run->pending.append(Line{targetId, source, category, text});
            // One queued call drains everything that gathered meanwhile, however chatty the script.
            if (!run->drainQueued) {
                run->drainQueued = true;
                QMetaObject::invokeMethod(this, [this, run]() { drain(run); }, Qt::QueuedConnection);
            }
        };
        observer.targetFinished = [this, run](const ScriptRunService::TargetResult &result) {
            QMetaObject::invokeMethod(this, [this, run, result]() {
                drain(run); // the target's last lines before its result
                emit targetFinished(result);
            }, Qt::QueuedConnection);
        };
        ScriptRunService service(workspace, secrets);
        ScriptRunService::Request request;
        request.targets = targets;
        request.script = script;
        request.maxParallel = maxParallel;
        request.spaceId = spaceId;
        run->outcome = service.run(request, observer, &run->cancelled);
    });
    m_thread->setObjectName(QStringLiteral("Cuttle script run"));
    QThread *thread = m_thread;
    connect(thread, &QThread::finished, this, [this, thread, run]() {
        if (thread != m_thread)
            return;
        thread->deleteLater();
        m_thread = nullptr;
        drain(run);
        const Result<ScriptRunService::Outcome> outcome = run->outcome.value_or(
            Result<ScriptRunService::Outcome>(Error::failed(tr("The script run ended without a result."))));
        if (outcome) {
            emit m_session->changed(QStringLiteral("Task"));
            emit finished(*outcome, std::nullopt);
        } else {
            emit finished({}, outcome.error());
        }
    });
    m_thread->start();
    return true;
}

void ScriptRunController::cancel()
{
    if (m_run)
        m_run->cancelled = true;
}

void ScriptRunController::drain(const std::shared_ptr<Run> &run)
{
    QList<Line> lines;
    {
        QMutexLocker locker(&run->mutex);
        lines = std::exchange(run->pending, {});
        run->drainQueued = false;
    }
    if (!lines.isEmpty())
        emit output(lines);
}

} // namespace Cuttle
