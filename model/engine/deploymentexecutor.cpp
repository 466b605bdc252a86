#include "model/engine/deploymentexecutor.h"

#include "model/engine/automaticdeployments.h"
#include "model/engine/builtinrepository.h"
#include "model/engine/deploymentactionrunner.h"
#include "model/engine/deploymentplanner.h"
#include "model/engine/deploymentvariables.h"
#include "model/engine/releaseservice.h"
#include "model/engine/targetconnector.h"
#include "model/engine/targetworker.h"
#include "model/store/deploymentrepository.h"
#include "model/store/environmentrepository.h"
#include "model/store/interruptionrepository.h"
#include "model/store/lifecyclerepository.h"
#include "model/store/projectgrouprepository.h"
#include "model/store/projectrepository.h"
#include "model/store/releaserepository.h"
#include "model/store/spacerepository.h"
#include "model/store/taskqueue.h"
#include "model/store/taskrepository.h"
#include "model/store/tenantrepository.h"
#include "model/core/deploymentaction.h"
#include "model/variables/templateengine.h"

#include <QMutex>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <map>
#include <vector>
#include <thread>

namespace Cuttle {

namespace {

constexpr int kDefaultRetention = 3;

/// Everything one execution shares between its step and target threads.
struct Execution
{
    std::shared_ptr<Workspace> workspace;
    std::shared_ptr<SecretStore> secrets;
    StoreContext context;
    Task task;
    DeploymentPlan plan;
    Release release;
    std::unique_ptr<DeploymentVariables> variables;
    std::unique_ptr<DeploymentLog> log;
    int retentionKeep = kDefaultRetention;

    std::atomic<bool> stop{false};
    std::atomic<bool> failed{false};
    std::atomic<bool> warnings{false};
    QMutex mutex;
    QString firstError;                                      ///< guarded by mutex
    QSet<QString> excludedTargets;                           ///< guarded by mutex: "Exclude machine" answers
    std::map<QString, std::unique_ptr<TargetWorker>> workers; ///< guarded by mutex

    void fail(const QString &sentence)
    {
        failed = true;
        QMutexLocker locker(&mutex);
        if (firstError.isEmpty())
            firstError = sentence;
    }

    /// The session of a target for this task, made on first use.
    Result<TargetWorker *> worker(const DeploymentTarget &target)
    {
        {
            QMutexLocker locker(&mutex);
            if (auto it = workers.find(target.id); it != workers.end())
                return it->second.get();
        }
        // Reads the account's secrets from the keychain; outside the lock so targets connect in parallel.
        auto planned = TargetConnector(workspace, secrets).plan(target);
        if (!planned)
            return planned.error();
        QMutexLocker locker(&mutex);
        auto &slot = workers[target.id];
        if (!slot)
            slot = std::make_unique<TargetWorker>(*planned, target.connectTimeoutSeconds);
        if (stop)
            slot->cancel();
        return slot.get();
    }

    void cancelAll()
    {
        QMutexLocker locker(&mutex);
        for (auto &[id, worker] : workers)
            worker->cancel();
    }

    QMap<QString, QString> propertiesOf(const DeploymentPlan::Step &step, const QString &actionName) const
    {
        for (const DeploymentStep &s : release.process.steps) {
            if (s.id != step.id && s.name != step.name)
                continue;
            for (const DeploymentAction &a : s.actions) {
                if (a.name == actionName)
                    return a.properties;
            }
        }
        return {};
    }
};

DeploymentTarget workstation(const Workspace &workspace)
{
    DeploymentTarget target;
    target.id = QStringLiteral("workstation");
    target.name = DeploymentExecutor::tr("this workstation");
    target.kind = TargetKind::Local;
    target.directory = workspace.directory() + QStringLiteral("/workstation");
    return target;
}

/// Records an interruption and waits until someone answers it; empty when the task is
/// cancelled meanwhile (the interruption is then closed with the negative answer).
QString waitForAnswer(Execution &run, Interruption interruption)
{
    DeploymentLog &log = *run.log;
    InterruptionRepository interruptions(run.context);
    interruption.taskId = run.task.id;
    auto created = interruptions.create(interruption);
    if (!created) {
        log.write(interruption.nodeId, TaskLogCategory::Error, created.error().message);
        return {};
    }
    log.write(interruption.nodeId, TaskLogCategory::Warning,
              DeploymentExecutor::tr("Waiting for someone to answer \"%1\" (%2): %3.")
                  .arg(created->title, created->id, Interruption::responses(created->kind).join(QLatin1String(", "))));
    for (;;) {
        if (run.stop) {
            (void)interruptions.answer(created->id, Interruption::responses(created->kind).constLast() == QLatin1String("Abort")
                                                        ? QStringLiteral("Abort") : QStringLiteral("Fail"),
                                       DeploymentExecutor::tr("The task was cancelled."));
            return {};
        }
        auto current = interruptions.get(created->id);
        if (current && current->isResolved()) {
            log.write(interruption.nodeId, TaskLogCategory::Info,
                      current->notes.isEmpty()
                          ? DeploymentExecutor::tr("%1 answered %2.").arg(current->takenBy, current->response)
                          : DeploymentExecutor::tr("%1 answered %2: %3").arg(current->takenBy, current->response, current->notes));
            return current->response;
        }
        QThread::msleep(300);
    }
}

/// Whether the step runs, given how the deployment went so far; the reason when it does not.
QString whyNotRun(Execution &run, const DeploymentPlan::Step &step)
{
    const bool failedSoFar = run.failed;
    switch (step.condition) {
    case StepCondition::Success:
        return failedSoFar ? DeploymentExecutor::tr("A previous step failed.") : QString();
    case StepCondition::Failure:
        return failedSoFar ? QString() : DeploymentExecutor::tr("It runs only when a previous step failed.");
    case StepCondition::Always:
        return {};
    case StepCondition::Variable: {
        const DeploymentPlan::Action none;
        const VariableDictionary variables =
            run.variables->resolve(step, step.actions.isEmpty() ? none : step.actions.constFirst(), nullptr);
        const EvaluationResult result = TemplateEngine::evaluate(step.conditionExpression, variables);
        if (!result.ok())
            return DeploymentExecutor::tr("Its condition is not a valid template: %1.").arg(result.errors.constFirst().message);
        return TemplateEngine::isTruthy(result.text.trimmed())
                   ? QString()
                   : DeploymentExecutor::tr("Its condition %1 is false.").arg(step.conditionExpression);
    }
    }
    return {};
}

/// Runs the step's actions on one target; returns the node's final status.
TaskLogStatus runOnTarget(Execution &run, const DeploymentPlan::Step &step, const DeploymentTarget &target, qint64 node,
                          bool isWorkstation)
{
    DeploymentLog &log = *run.log;
    if (run.stop)
        return TaskLogStatus::Canceled;
    TaskQueue queue(run.context);
    if (!isWorkstation) {
        bool announced = false;
        for (;;) {
            auto locked = queue.tryLockTarget(target.id, run.task.id);
            if (!locked) {
                log.write(node, TaskLogCategory::Error, locked.error().message);
                run.fail(locked.error().message);
                return TaskLogStatus::Failed;
            }
            if (*locked)
                break;
            if (!announced) {
                log.write(node, TaskLogCategory::Info,
                          DeploymentExecutor::tr("Waiting for another task to finish its step on %1.").arg(target.name));
                announced = true;
            }
            if (run.stop)
                return TaskLogStatus::Canceled;
            QThread::msleep(200);
        }
    }
    const auto unlock = qScopeGuard([&] {
        if (!isWorkstation)
            (void)queue.unlockTarget(target.id, run.task.id);
    });

    auto worker = run.worker(target);
    if (!worker) {
        log.write(node, TaskLogCategory::Error, worker.error().message);
        run.fail(DeploymentExecutor::tr("The step \"%1\" failed on %2: %3").arg(step.name, target.name, worker.error().message));
        return TaskLogStatus::Failed;
    }
    TaskLogStatus status = TaskLogStatus::Success;
    (*worker)->run([&](Transport *transport, const std::optional<Error> &connectError) {
        if (connectError) {
            log.write(node, TaskLogCategory::Error, connectError->message);
            status = run.stop ? TaskLogStatus::Canceled : TaskLogStatus::Failed;
            if (!run.stop)
                run.fail(DeploymentExecutor::tr("The step \"%1\" failed on %2: %3").arg(step.name, target.name, connectError->message));
            return;
        }
        for (const DeploymentPlan::Action &action : step.actions) {
            if (action.isSkipped()) {
                log.write(node, TaskLogCategory::Verbose, action.skipMessage);
                continue;
            }
            if (run.stop) {
                status = TaskLogStatus::Canceled;
                return;
            }
            DeploymentActionRunner::Context c;
            c.transport = transport;
            c.targetName = isWorkstation ? QString() : target.name;
            c.rootDirectory = target.directory;
            c.taskId = run.task.id;
            c.plan = &run.plan;
            c.step = &step;
            c.action = &action;
            c.properties = run.propertiesOf(step, action.name);
            c.variables = run.variables->resolve(step, action, isWorkstation ? nullptr : &target);
            c.log = run.log.get();
            c.node = node;
            c.retentionKeep = run.retentionKeep;
            c.packageFile = [&run](const QString &packageId, const QString &version) -> Result<std::pair<QString, QString>> {
                BuiltinRepository repository(run.context, run.workspace->packagesDirectory(), run.plan.spaceId);
                auto record = repository.records().find(run.plan.spaceId, packageId, version);
                if (!record)
                    return record.error();
                return std::pair{repository.absolutePath(*record), record->sha256};
            };
            c.output = [&run, &action, &c](const QString &name, const QString &value, bool sensitive) {
                run.variables->addOutput(action.name, c.targetName, name, value, sensitive);
            };
            if (step.actions.size() > 1)
                log.write(node, TaskLogCategory::Highlight, DeploymentExecutor::tr("%1").arg(action.name));
            for (;;) {
                auto done = DeploymentActionRunner::run(c);
                if (done)
                    break;
                const bool cancelled = run.stop || done.error().kind == ErrorKind::Cancelled;
                log.write(node, cancelled ? TaskLogCategory::Warning : TaskLogCategory::Error, done.error().message);
                const QString failure =
                    DeploymentExecutor::tr("The step \"%1\" failed on %2: %3").arg(step.name, target.name, done.error().message);
                QString answer;
                if (!cancelled && run.plan.useGuidedFailure) {
                    Interruption interruption;
                    interruption.kind = Interruption::Kind::GuidedFailure;
                    interruption.nodeId = node;
                    interruption.title = DeploymentExecutor::tr("%1 failed on %2").arg(step.name, target.name);
                    interruption.instructions = done.error().message;
                    answer = waitForAnswer(run, interruption);
                    if (transport->isCancelled() && !run.stop)
                        transport->resetCancellation();
                }
                if (answer == QLatin1String("Retry")) {
                    log.write(node, TaskLogCategory::Info, DeploymentExecutor::tr("Retrying %1.").arg(action.name));
                    continue;
                }
                if (answer == QLatin1String("Ignore") || answer == QLatin1String("Exclude")) {
                    status = TaskLogStatus::SuccessWithWarning;
                    run.warnings = true;
                    if (answer == QLatin1String("Exclude")) {
                        QMutexLocker locker(&run.mutex);
                        run.excludedTargets.insert(target.id);
                        log.write(node, TaskLogCategory::Warning,
                                  DeploymentExecutor::tr("%1 takes no further part in this deployment.").arg(target.name));
                        return;
                    }
                    break;
                }
                status = cancelled || run.stop ? TaskLogStatus::Canceled : TaskLogStatus::Failed;
                if (status == TaskLogStatus::Failed)
                    run.fail(failure);
                return;
            }
        }
    });
    return status;
}

void runStep(Execution &run, const DeploymentPlan::Step &step, qint64 node)
{
    DeploymentLog &log = *run.log;
    if (run.stop) {
        log.setStatus(node, TaskLogStatus::Canceled);
        return;
    }
    if (step.isSkipped()) {
        log.write(node, TaskLogCategory::Info, step.skipMessage);
        log.setStatus(node, TaskLogStatus::Skipped);
        return;
    }
    if (const QString why = whyNotRun(run, step); !why.isEmpty()) {
        log.write(node, TaskLogCategory::Info, DeploymentExecutor::tr("Skipped: %1").arg(why));
        log.setStatus(node, TaskLogStatus::Skipped);
        return;
    }
    log.setStatus(node, TaskLogStatus::Running);
    if (!step.runsOnTargets && !step.runOnWorkstation) {
        // A manual intervention: the task waits for someone to proceed or abort.
        Interruption interruption;
        interruption.kind = Interruption::Kind::ManualIntervention;
        interruption.nodeId = node;
        interruption.title = step.name;
        const QString actionName = step.actions.isEmpty() ? step.name : step.actions.constFirst().name;
        const QMap<QString, QString> properties = run.propertiesOf(step, actionName);
        const DeploymentPlan::Action none;
        const EvaluationResult instructions = TemplateEngine::evaluate(
            properties.value(ActionProperty::Instructions),
            run.variables->resolve(step, step.actions.isEmpty() ? none : step.actions.constFirst(), nullptr));
        interruption.instructions = instructions.text;
        interruption.responsibleTeamId = properties.value(ActionProperty::ResponsibleTeamIds).section(u',', 0, 0);
        log.write(node, TaskLogCategory::Highlight, interruption.instructions);
        const QString answer = waitForAnswer(run, interruption);
        if (answer == QLatin1String("Proceed")) {
            log.setStatus(node, TaskLogStatus::Success);
        } else if (answer.isEmpty()) {
            log.setStatus(node, TaskLogStatus::Canceled);
        } else {
            run.fail(DeploymentExecutor::tr("The manual intervention \"%1\" was aborted.").arg(step.name));
            log.setStatus(node, TaskLogStatus::Failed);
        }
        return;
    }
    for (const DeploymentPlan::TargetExclusion &excluded : step.excludedTargets)
        log.write(node, TaskLogCategory::Verbose,
                  DeploymentExecutor::tr("%1 does not take part: %2.").arg(excluded.targetName, excluded.reason));

    QList<DeploymentTarget> targets;
    if (step.runOnWorkstation) {
        targets << workstation(*run.workspace);
    } else {
        QMutexLocker locker(&run.mutex);
        for (const DeploymentTarget &target : step.targets) {
            if (run.excludedTargets.contains(target.id))
                log.write(node, TaskLogCategory::Info,
                          DeploymentExecutor::tr("%1 was excluded from this deployment after a failure.").arg(target.name));
            else
                targets << target;
        }
    }
    const int limit = std::max(1, step.isRolling && step.windowSize > 0 ? step.windowSize : step.maxParallelism);
    QList<qint64> nodes;
    for (qsizetype i = 0; i < targets.size(); ++i)
        nodes << log.addNode(node, QStringLiteral("Target"), targets.at(i).name, int(i));
    std::vector<TaskLogStatus> statuses(size_t(targets.size()), TaskLogStatus::Pending);
    QThreadPool pool;
    pool.setMaxThreadCount(limit);
    for (qsizetype i = 0; i < targets.size(); ++i) {
        pool.start([&, i] {
            log.setStatus(nodes.at(i), TaskLogStatus::Running);
            statuses[size_t(i)] = runOnTarget(run, step, targets.at(i), nodes.at(i), step.runOnWorkstation);
            log.setStatus(nodes.at(i), statuses[size_t(i)]);
        });
    }
    pool.waitForDone();
    TaskLogStatus stepStatus = TaskLogStatus::Success;
    const auto any = [&statuses](TaskLogStatus status) {
        return std::find(statuses.cbegin(), statuses.cend(), status) != statuses.cend();
    };
    if (any(TaskLogStatus::Failed))
        stepStatus = TaskLogStatus::Failed;
    else if (any(TaskLogStatus::Canceled) || run.stop)
        stepStatus = TaskLogStatus::Canceled;
    else if (any(TaskLogStatus::SuccessWithWarning))
        stepStatus = TaskLogStatus::SuccessWithWarning;
    log.setStatus(node, stepStatus);
}

} // namespace

DeploymentExecutor::DeploymentExecutor(std::shared_ptr<Workspace> workspace, std::shared_ptr<SecretStore> secrets)
    : m_workspace(std::move(workspace))
    , m_secrets(std::move(secrets))
{
}

TaskState DeploymentExecutor::execute(const Task &task, const Observer &observer, const std::atomic<bool> *cancel)
{
    Execution run;
    run.workspace = m_workspace;
    run.secrets = m_secrets;
    run.context = m_workspace->context(task.createdBy);
    run.task = task;
    TaskRepository tasks(run.context);
    const auto finish = [&](TaskState state, const QString &message) {
        if (run.log)
            (void)run.log->flush();
        (void)tasks.complete(task.id, state, message, run.warnings);
        (void)TaskQueue(run.context).releaseLocks(task.id);
        return state;
    };
    const auto refuse = [&](const Error &error) {
        TaskLogWriter writer(run.context);
        writer.append(task.id, 0, TaskLogCategory::Error, error.message);
        (void)writer.flush();
        return finish(TaskState::Failed, error.message);
    };

    auto deployment = DeploymentRepository(run.context).byTask(task.id);
    if (!deployment)
        return refuse(deployment.error());
    const DeploymentPlanner::Request request = DeploymentPlanner::requestFor(*deployment);
    DeploymentPlanner planner(run.context);
    auto inputs = planner.load(request);
    if (!inputs)
        return refuse(inputs.error());
    // The lifecycle allowed this deployment when it was queued; a success in the meantime
    // (this very deployment run again) must not refuse it now.
    inputs->succeededEnvironmentIds.insert(deployment->environmentId);
    auto plan = DeploymentPlanner::plan(*inputs, request);
    if (!plan)
        return refuse(plan.error());
    run.plan = *plan;
    run.release = inputs->release;
    if (inputs->lifecycle.targetRetention.unit == RetentionUnit::Items && inputs->lifecycle.targetRetention.quantity > 0)
        run.retentionKeep = inputs->lifecycle.targetRetention.quantity;

    auto snapshot = ReleaseService(m_workspace, m_secrets, task.createdBy).snapshotVariables(run.release);
    if (!snapshot)
        return refuse(snapshot.error());
    DeploymentVariables::Facts facts;
    facts.deployment = *deployment;
    facts.taskId = task.id;
    facts.spaceName = SpaceRepository(run.context).get(run.plan.spaceId).valueOr(Space()).name;
    facts.projectGroupName =
        ProjectGroupRepository(run.context).get(inputs->project.projectGroupId).valueOr(ProjectGroup()).name;
    facts.environmentSortOrder = inputs->environment.sortOrder;
    if (inputs->tenant)
        facts.tenantTags = inputs->tenant->tags;
    QSet<QString> seen;
    for (const DeploymentPlan::Step &step : std::as_const(run.plan.steps)) {
        for (const DeploymentTarget &target : step.targets) {
            if (!seen.contains(target.id)) {
                seen.insert(target.id);
                facts.machines << target;
            }
        }
    }
    run.variables = std::make_unique<DeploymentVariables>(run.plan, run.release, *snapshot, facts);
    run.log = std::make_unique<DeploymentLog>(run.context, task.id, [&run] { return run.variables->sensitiveValues(); });
    run.log->setObservers(observer.line, observer.node);
    run.log->write(0, TaskLogCategory::Info,
                   tr("Deploying %1 release %2 to %3%4.")
                       .arg(run.plan.projectName, run.plan.releaseVersion, run.plan.environmentName,
                            run.plan.tenantName.isEmpty() ? QString() : tr(" for %1").arg(run.plan.tenantName)));

    QList<qint64> stepNodes;
    for (const DeploymentPlan::Step &step : std::as_const(run.plan.steps))
        stepNodes << run.log->addNode(0, QStringLiteral("Step"), tr("Step %1: %2").arg(step.number).arg(step.name), step.number);

    // Cancellation may come from this process or from any other through the task's state.
    // The watcher waits on a condition, so that the end of the task wakes it at once.
    bool finished = false;
    std::mutex finishedMutex;
    std::condition_variable finishedChanged;
    std::thread watcher([&] {
        TaskRepository watch(run.context);
        for (;;) {
            {
                std::unique_lock lock(finishedMutex);
                if (finishedChanged.wait_for(lock, std::chrono::milliseconds(200), [&] { return finished; }))
                    break;
            }
            const bool asked = (cancel && cancel->load())
                               || watch.get(task.id).valueOr(Task()).state == TaskState::Cancelling;
            if (asked && !run.stop) {
                run.stop = true;
                (void)watch.setState(task.id, TaskState::Cancelling);
                run.log->write(0, TaskLogCategory::Warning, tr("Cancelling: stopping the commands running on the targets."));
                run.cancelAll();
            }
        }
    });

    // Steps run in order; a "start with previous" step joins the group of the one before.
    for (qsizetype first = 0; first < run.plan.steps.size();) {
        qsizetype end = first + 1;
        while (end < run.plan.steps.size() && run.plan.steps.at(end).startTrigger == StartTrigger::StartWithPrevious)
            ++end;
        if (end - first == 1) {
            runStep(run, run.plan.steps.at(first), stepNodes.at(first));
        } else {
            std::vector<std::thread> group;
            for (qsizetype i = first; i < end; ++i)
                group.emplace_back([&, i] { runStep(run, run.plan.steps.at(i), stepNodes.at(i)); });
            for (std::thread &t : group)
                t.join();
        }
        if (run.failed)
            run.variables->setDeploymentValue(QStringLiteral("Octopus.Deployment.Error"), run.firstError);
        first = end;
    }

    {
        std::lock_guard lock(finishedMutex);
        finished = true;
    }
    finishedChanged.notify_all();
    watcher.join();
    {
        QMutexLocker locker(&run.mutex);
        run.workers.clear(); // closes every session
    }
    if (run.stop) {
        run.log->write(0, TaskLogCategory::Warning, tr("The deployment was cancelled; the targets keep their previous release."));
        return finish(TaskState::Canceled, tr("The deployment was cancelled."));
    }
    if (run.failed) {
        run.log->write(0, TaskLogCategory::Error, run.firstError);
        return finish(TaskState::Failed, run.firstError);
    }
    run.log->write(0, TaskLogCategory::Highlight,
                   tr("Deployed %1 release %2 to %3.").arg(run.plan.projectName, run.plan.releaseVersion, run.plan.environmentName));
    const TaskState state = finish(TaskState::Success, {});
    // The success may open the next phase, whose automatic environments are due now.
    if (auto queued = AutomaticDeployments(run.context).queueDue(run.plan.releaseId, run.plan.tenantId); !queued) {
        TaskLogWriter writer(run.context);
        writer.append(task.id, 0, TaskLogCategory::Warning,
                      tr("The automatic deployments this success makes due could not be queued: %1").arg(queued.error().message));
        (void)writer.flush();
    }
    return state;
}

} // namespace Cuttle
