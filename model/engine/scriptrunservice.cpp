#include "model/engine/scriptrunservice.h"

#include "model/store/taskrepository.h"

#include <QJsonArray>
#include <QMutex>
#include <QScopeGuard>
#include <QSet>
#include <QThreadPool>

namespace Cuttle {
namespace {

/// Cuts a stream of output chunks into whole lines; a last line without newline comes out at finish().
class LineSplitter final
{
public:
    explicit LineSplitter(std::function<void(const QString &)> emitLine) : m_emit(std::move(emitLine)) {}

    void write(const QByteArray &chunk)
    {
        m_pending += chunk;
        qsizetype start = 0;
        for (qsizetype end = m_pending.indexOf('\n'); end >= 0; end = m_pending.indexOf('\n', start)) {
            emitLine(QByteArrayView(m_pending).sliced(start, end - start));
            start = end + 1;
        }
        m_pending.remove(0, start);
    }
    void finish()
    {
        if (!m_pending.isEmpty())
            emitLine(m_pending);
        m_pending.clear();
    }

private:
    void emitLine(QByteArrayView bytes)
    {
        if (bytes.endsWith('\r'))
            bytes.chop(1);
        m_emit(QString::fromUtf8(bytes));
    }

    std::function<void(const QString &)> m_emit;
    QByteArray m_pending;
};

} // namespace

ScriptRunService::ScriptRunService(std::shared_ptr<Workspace> workspace, std::shared_ptr<SecretStore> secrets,
                                   TaskLogWriter::Options logOptions)
    : m_workspace(std::move(workspace))
    , m_secrets(std::move(secrets))
    , m_logOptions(logOptions)
{
}

Result<ScriptRunService::Outcome> ScriptRunService::run(const Request &request, const Observer &observer,
                                                        const std::atomic<bool> *cancelled)
{
    if (request.targets.isEmpty())
        return Error::validation(tr("Choose at least one target to run the script on."), QStringLiteral("targets"));
    if (request.script.trimmed().isEmpty())
        return Error::validation(tr("The script is empty."), QStringLiteral("script"));
    if (request.maxParallel < 1)
        return Error::validation(tr("At most %1 targets at once is not possible: give a positive number.").arg(request.maxParallel),
                                 QStringLiteral("maxParallel"));
    const std::atomic<bool> neverCancelled{false};
    const std::atomic<bool> &stop = cancelled ? *cancelled : neverCancelled;
    const qsizetype total = request.targets.size();

    TaskRepository tasks(m_workspace->context());
    Task task;
    task.kind = taskKind();
    task.spaceId = request.spaceId.isEmpty() ? request.targets.constFirst().spaceId : request.spaceId;
    task.description = request.description.isEmpty()
                           ? (total == 1 ? tr("Run a script on %1").arg(request.targets.constFirst().name)
                                         : tr("Run a script on %n targets", nullptr, int(total)))
                           : request.description;
    QJsonArray targetIds;
    for (const DeploymentTarget &target : request.targets)
        targetIds.append(target.id);
    task.arguments = QJsonObject{{QLatin1String("script"), request.script},
                                 {QLatin1String("syntax"), QLatin1String("Bash")},
                                 {QLatin1String("targetIds"), targetIds},
                                 {QLatin1String("maxParallel"), request.maxParallel}};
    auto created = tasks.create(task);
    if (!created)
        return created.error();
    task = *created;
    if (auto started = tasks.start(task.id); !started)
        return started.error();

    TaskLogNode stepNode;
    stepNode.taskId = task.id;
    stepNode.kind = QStringLiteral("Step");
    stepNode.name = tr("Run script");
    stepNode.status = TaskLogStatus::Running;
    stepNode.startedAt = QDateTime::currentDateTimeUtc();
    auto step = tasks.addNode(stepNode);
    if (!step) {
        (void)tasks.complete(task.id, TaskState::Failed, step.error().message);
        return step.error();
    }
    QList<TaskLogNode> targetNodes;
    for (qsizetype i = 0; i < total; ++i) {
        TaskLogNode node;
        node.taskId = task.id;
        node.parentId = step->id;
        node.sortOrder = int(i);
        node.kind = QStringLiteral("Target");
        node.name = request.targets.at(i).name;
        targetNodes << node;
    }
    auto nodes = tasks.addNodes(targetNodes);
    if (!nodes) {
        (void)tasks.complete(task.id, TaskState::Failed, nodes.error().message);
        return nodes.error();
    }

    QList<TargetResult> results(total);
    for (qsizetype i = 0; i < total; ++i) {
        results[i].targetId = request.targets.at(i).id;
        results[i].targetName = request.targets.at(i).name;
        results[i].nodeId = nodes->at(i).id;
    }

    QMutex observerMutex;
    const auto notify = [&](const auto &call) {
        QMutexLocker locker(&observerMutex);
        call();
    };
    TaskLogWriter log(m_workspace->context(), m_logOptions);
    log.append(task.id, step->id, TaskLogCategory::Verbose,
               tr("Running the script on %n target(s), at most %1 at once.", nullptr, int(total)).arg(request.maxParallel));
    if (observer.started)
        notify([&] { observer.started(task, results); });

    // The keychain is read here, on the calling thread; workers get plain values.
    TargetConnector connector(m_workspace, m_secrets);
    QList<std::optional<TargetConnector::Plan>> plans;
    QList<QString> planErrors;
    for (const DeploymentTarget &target : request.targets) {
        auto plan = connector.plan(target);
        plans << (plan ? std::optional(*plan) : std::nullopt);
        planErrors << (plan ? QString() : plan.error().message);
    }

    QMutex activeMutex;
    QSet<Transport *> active;
    QThreadPool pool;
    pool.setMaxThreadCount(request.maxParallel);
    for (qsizetype i = 0; i < total; ++i) {
        pool.start([&, i] {
            TaskRepository repository(m_workspace->context());
            TargetResult result = results.at(i);
            const DeploymentTarget &target = request.targets.at(i);
            const auto logLine = [&](TaskLogCategory category, const QString &text, LineSource source = LineSource::Cuttle) {
                log.append(task.id, result.nodeId, category, text);
                if (observer.line)
                    notify([&] { observer.line(result.targetId, source, category, text); });
            };
            const auto finish = [&](TaskLogStatus status) {
                result.status = status;
                (void)repository.setNodeStatus(result.nodeId, status);
                results[i] = result;
                if (observer.targetFinished)
                    notify([&] { observer.targetFinished(result); });
            };

            result.status = TaskLogStatus::Running;
            (void)repository.setNodeStatus(result.nodeId, TaskLogStatus::Running);
            if (observer.targetStarted)
                notify([&] { observer.targetStarted(result); });
            if (!plans.at(i)) {
                result.error = planErrors.at(i);
                logLine(TaskLogCategory::Error, result.error);
                finish(TaskLogStatus::Failed);
                return;
            }
            if (stop.load()) {
                result.error = tr("The script did not run on \"%1\": the run was cancelled.").arg(target.name);
                logLine(TaskLogCategory::Warning, result.error);
                finish(TaskLogStatus::Canceled);
                return;
            }

            const TargetConnector::Plan &plan = *plans.at(i);
            std::unique_ptr<Transport> transport = TargetConnector::createTransport(plan);
            Transport *raw = transport.get();
            {
                QMutexLocker locker(&activeMutex);
                active.insert(raw);
                // A cancel that came before registration must still reach this transport.
                if (stop.load() && raw)
                    raw->cancel();
            }
            const auto unregister = qScopeGuard([&] {
                QMutexLocker locker(&activeMutex);
                active.remove(raw);
            });
            if (raw)
                logLine(TaskLogCategory::Verbose, tr("Connecting to %1").arg(raw->targetDescription()));
            auto connection = TargetConnector::connect(std::move(transport), plan,
                                                       QDeadlineTimer(std::chrono::seconds(std::max(1, target.connectTimeoutSeconds))));
            result.hostKey = connection.hostKey;
            result.offeredFingerprint = connection.offeredFingerprint;
            if (!connection.ok()) {
                result.error = connection.error->message;
                logLine(TaskLogCategory::Error, result.error);
                finish(stop.load() ? TaskLogStatus::Canceled : TaskLogStatus::Failed);
                return;
            }

            LineSplitter out([&](const QString &text) { logLine(TaskLogCategory::Info, text, LineSource::Stdout); });
            LineSplitter err([&](const QString &text) { logLine(TaskLogCategory::Error, text, LineSource::Stderr); });
            OutputCallbacks callbacks;
            callbacks.onStdout = [&](const QByteArray &chunk) { out.write(chunk); };
            callbacks.onStderr = [&](const QByteArray &chunk) { err.write(chunk); };
            auto exit = connection.transport->run(request.script, callbacks);
            out.finish();
            err.finish();
            connection.transport->close();
            if (!exit) {
                result.error = exit.error().message;
                logLine(TaskLogCategory::Error, result.error);
                finish(exit.error().kind == ErrorKind::Cancelled || stop.load() ? TaskLogStatus::Canceled
                                                                                 : TaskLogStatus::Failed);
                return;
            }
            result.exit = *exit;
            if (!exit->signal.isEmpty()) {
                logLine(TaskLogCategory::Error, tr("The script was killed by signal %1.").arg(exit->signal));
                finish(stop.load() ? TaskLogStatus::Canceled : TaskLogStatus::Failed);
            } else if (exit->exitCode != 0) {
                logLine(TaskLogCategory::Error, tr("The script exited with code %1.").arg(exit->exitCode));
                finish(TaskLogStatus::Failed);
            } else {
                logLine(TaskLogCategory::Highlight, tr("The script exited with code 0."));
                finish(TaskLogStatus::Success);
            }
        });
    }
    bool cancelSent = false;
    while (!pool.waitForDone(20)) {
        if (stop.load() && !cancelSent) {
            (void)tasks.setState(task.id, TaskState::Cancelling);
            QMutexLocker locker(&activeMutex);
            for (Transport *transport : std::as_const(active)) {
                if (transport)
                    transport->cancel();
            }
            cancelSent = true;
        }
    }

    QStringList failed;
    for (const TargetResult &result : std::as_const(results)) {
        if (!result.succeeded())
            failed << result.targetName;
    }
    TaskState state = TaskState::Success;
    QString message;
    TaskLogStatus stepStatus = TaskLogStatus::Success;
    if (stop.load()) {
        state = TaskState::Canceled;
        stepStatus = TaskLogStatus::Canceled;
        message = tr("The script run was cancelled.");
    } else if (!failed.isEmpty()) {
        state = TaskState::Failed;
        stepStatus = TaskLogStatus::Failed;
        message = tr("The script failed on %1 of %2 targets: %3.").arg(failed.size()).arg(total).arg(failed.join(QStringLiteral(", ")));
    }
    log.append(task.id, step->id, state == TaskState::Success ? TaskLogCategory::Highlight : TaskLogCategory::Error,
               state == TaskState::Success ? tr("The script succeeded on every target.") : message);
    const VoidResult flushed = log.flush();
    (void)tasks.setNodeStatus(step->id, stepStatus);
    if (!flushed && message.isEmpty()) {
        state = TaskState::Failed;
        message = tr("The task log could not be saved completely: %1").arg(flushed.error().message);
    }
    if (auto completed = tasks.complete(task.id, state, message); !completed)
        return completed.error();
    Outcome outcome;
    outcome.task = tasks.get(task.id).valueOr(task);
    outcome.targets = results;
    return outcome;
}

} // namespace Cuttle
