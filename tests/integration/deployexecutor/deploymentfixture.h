#pragma once

#include "archivebuilder.h"
#include "model/engine/builtinrepository.h"
#include "model/engine/deploymentplanner.h"
#include "model/engine/releaseservice.h"
#include "model/engine/taskrunner.h"
#include "model/engine/variableservice.h"
#include "model/secrets/inmemorysecretstore.h"
#include "model/store/deploymentrepository.h"
#include "model/store/environmentrepository.h"
#include "model/store/interruptionrepository.h"
#include "model/store/lifecyclerepository.h"
#include "model/store/processrepository.h"
#include "model/store/projectgrouprepository.h"
#include "model/store/projectrepository.h"
#include "model/store/spacerepository.h"
#include "model/store/targetrepository.h"
#include "model/store/taskrepository.h"

#include <QDir>
#include <QMutex>
#include <QThread>
#include <QTemporaryDir>
#include <QTest>

namespace Cuttle::Test {

/// A workspace with Development and Test in one lifecycle, a project "Shop" and helpers
/// to add targets, steps, packages and to deploy releases through the real engine.
struct DeploymentFixture
{
    QTemporaryDir dir;
    std::shared_ptr<Workspace> workspace;
    std::shared_ptr<InMemorySecretStore> secrets = std::make_shared<InMemorySecretStore>();
    StoreContext context;
    QString spaceId;
    QString development;
    QString test;
    QString projectId;

    DeploymentFixture()
    {
        workspace = *Workspace::open(dir.filePath(QStringLiteral("workspace")));
        context = workspace->context(QStringLiteral("tester"));
        spaceId = SpaceRepository(context).defaultSpace()->id;
        development = EnvironmentRepository(context).create({{}, spaceId, QStringLiteral("Development")})->id;
        test = EnvironmentRepository(context).create({{}, spaceId, QStringLiteral("Test")})->id;
        Lifecycle lifecycle{{}, spaceId, QStringLiteral("Standard"), {}, {}, {}, {}};
        LifecyclePhase dev;
        dev.name = QStringLiteral("Dev");
        dev.optionalEnvironmentIds = {development};
        LifecyclePhase testing;
        testing.name = QStringLiteral("Testing");
        testing.optionalEnvironmentIds = {test};
        lifecycle.phases = {dev, testing};
        const QString lifecycleId = LifecycleRepository(context).create(lifecycle)->id;
        const QString groupId = ProjectGroupRepository(context).create({{}, spaceId, QStringLiteral("Web"), {}})->id;
        Project project;
        project.spaceId = spaceId;
        project.name = QStringLiteral("Shop");
        project.projectGroupId = groupId;
        project.lifecycleId = lifecycleId;
        projectId = ProjectRepository(context).create(project)->id;
    }

    /// A Local target: a directory of this machine standing in for a server.
    DeploymentTarget localTarget(const QString &name, const QStringList &environments, const QStringList &tags)
    {
        DeploymentTarget target;
        target.spaceId = spaceId;
        target.name = name;
        target.kind = TargetKind::Local;
        target.directory = dir.filePath(QStringLiteral("targets/") + name);
        QDir().mkpath(target.directory);
        target.environmentIds = environments;
        target.tags = tags;
        auto created = TargetRepository(context).create(target);
        if (!created)
            qFatal("cannot create target: %s", qPrintable(created.error().message));
        return *created;
    }

    void push(const QString &fileName, const QList<TestEntry> &entries)
    {
        const QString path = dir.filePath(fileName);
        if (!writeArchive(path, TestFormat::TarGz, entries))
            qFatal("cannot write %s", qPrintable(path));
        if (auto pushed = BuiltinRepository(context, workspace->packagesDirectory(), spaceId).push(path); !pushed)
            qFatal("cannot push %s: %s", qPrintable(path), qPrintable(pushed.error().message));
    }

    void setVariable(const QString &name, const QString &value, bool sensitive = false, const QStringList &environments = {})
    {
        VariableValue v;
        v.name = name;
        v.value = value;
        v.sensitive = sensitive;
        v.scope.environments = environments;
        if (auto set = VariableService(workspace, secrets, QStringLiteral("tester")).set(spaceId, VariableOwner::project(projectId), v); !set)
            qFatal("cannot set %s: %s", qPrintable(name), qPrintable(set.error().message));
    }

    void setProcess(const QList<DeploymentStep> &steps)
    {
        DeploymentProcess process = *ProcessRepository(context).get(projectId);
        process.steps = steps;
        if (auto saved = ProcessRepository(context).save(process); !saved)
            qFatal("cannot save the process: %s", qPrintable(saved.error().message));
    }

    Release release(const QString &version)
    {
        ReleaseService::Request request{projectId};
        request.version = version;
        auto created = ReleaseService(workspace, secrets, QStringLiteral("tester")).create(request);
        if (!created)
            qFatal("cannot create release: %s", qPrintable(created.error().message));
        return *created;
    }

    /// Plans and queues a deployment; the task id, or the refusal.
    Result<QString> queue(const QString &version, const QString &environment)
    {
        DeploymentPlanner::Request request;
        request.projectId = projectId;
        request.release = version;
        request.environment = environment;
        request.guidedFailure = guidedFailure ? DeploymentPlanner::GuidedFailure::On : DeploymentPlanner::GuidedFailure::Off;
        auto plan = DeploymentPlanner(context).plan(request);
        if (!plan)
            return plan.error();
        auto deployment = DeploymentRepository(context).create(plan->toDeployment());
        if (!deployment)
            return deployment.error();
        return deployment->taskId;
    }

    /// Queues and runs a deployment here; its final state.
    TaskState deploy(const QString &version, const QString &environment, QStringList *lines = nullptr,
                     const std::atomic<bool> *cancel = nullptr)
    {
        auto taskId = queue(version, environment);
        if (!taskId)
            qFatal("cannot queue: %s", qPrintable(taskId.error().message));
        {
            QMutexLocker locker(&taskMutex);
            lastTaskId = *taskId;
        }
        DeploymentExecutor::Observer observer;
        QMutex mutex;
        observer.line = [&](qint64, TaskLogCategory, const QString &text) {
            QMutexLocker locker(&mutex);
            if (lines)
                *lines << text;
        };
        auto state = TaskRunner(workspace, secrets).runWhenAllowed(*taskId, observer, {}, cancel);
        if (!state)
            qFatal("cannot run: %s", qPrintable(state.error().message));
        return *state;
    }

    QString lastTaskId; ///< written under taskMutex; read it through runningTask() from other threads
    QMutex taskMutex;
    bool guidedFailure = false;

    QString runningTask()
    {
        QMutexLocker locker(&taskMutex);
        return lastTaskId;
    }

    /// Every stored log line of a task, in order.
    QStringList storedLog(const QString &taskId)
    {
        QStringList lines;
        const auto stored = TaskRepository(context).linesAfter(taskId, 0, 100000);
        if (!stored)
            return {stored.error().message};
        for (const TaskLogLine &line : *stored)
            lines << line.text;
        return lines;
    }
};

/// Answers the first interruption of the running deployment from another thread, after
/// `beforeAnswer` (e.g. removing the fault) ran; the interruption as it was found.
class Responder final
{
public:
    Responder(DeploymentFixture &fixture, QString answer, std::function<void()> beforeAnswer = {})
        : m_thread(QThread::create([&fixture, answer, beforeAnswer, this] {
            for (int i = 0; i < 300 && !m_found; ++i) {
                if (const QString task = fixture.runningTask(); !task.isEmpty()) {
                    auto pending = InterruptionRepository(fixture.context).forTask(task, true);
                    if (pending && !pending->isEmpty()) {
                        m_found = true;
                        m_interruption = pending->constFirst();
                        if (beforeAnswer)
                            beforeAnswer();
                        (void)InterruptionRepository(fixture.context).answer(m_interruption.id, answer, QStringLiteral("checked"));
                        return;
                    }
                }
                QThread::msleep(100);
            }
        }))
    {
        m_thread->start();
    }
    ~Responder()
    {
        m_thread->wait();
        delete m_thread;
    }
    Interruption interruption()
    {
        m_thread->wait();
        return m_interruption;
    }

private:
    std::atomic<bool> m_found{false};
    Interruption m_interruption;
    QThread *m_thread = nullptr;
};

inline DeploymentStep scriptStep(const QString &name, const QString &script, const QStringList &tags)
{
    DeploymentStep step;
    step.name = name;
    step.targetTags = tags;
    DeploymentAction action;
    action.name = name;
    action.type = ActionType::RunScript;
    action.properties.insert(ActionProperty::ScriptBody, script);
    step.actions << action;
    return step;
}

inline DeploymentStep packageStep(const QString &name, const QString &packageId, const QStringList &tags,
                                  const QMap<QString, QString> &properties = {})
{
    DeploymentStep step;
    step.name = name;
    step.targetTags = tags;
    DeploymentAction action;
    action.name = name;
    action.type = ActionType::DeployPackage;
    action.packages << PackageReference{QString(), packageId, true};
    action.properties = properties;
    step.actions << action;
    return step;
}

} // namespace Cuttle::Test
