#include "app/cli/taskfollower.h"

#include "app/cli/clitext.h"
#include "app/cli/commandcontext.h"
#include "app/cli/exitcode.h"
#include "app/cli/interruptguard.h"
#include "model/engine/taskrunner.h"
#include "model/store/taskrepository.h"

#include <QHash>
#include <QMutex>
#include <QThread>

#include <cstdio>

namespace Cuttle::Cli {

namespace {

/// Names of the task's log nodes, looked up once each.
class NodeNames final
{
public:
    NodeNames(StoreContext context, QString taskId) : m_context(std::move(context)), m_taskId(std::move(taskId)) {}

    /// The node and whether it is a target's.
    std::pair<QString, bool> name(qint64 nodeId)
    {
        QMutexLocker locker(&m_mutex);
        if (!m_names.contains(nodeId)) {
            if (auto nodes = TaskRepository(m_context).nodes(m_taskId)) {
                for (const TaskLogNode &node : *nodes)
                    m_names.insert(node.id, {node.name, node.kind == QLatin1String("Target")});
            }
        }
        return m_names.value(nodeId);
    }

private:
    StoreContext m_context;
    QString m_taskId;
    QMutex m_mutex;
    QHash<qint64, std::pair<QString, bool>> m_names;
};

void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

/// The task's end as the exit code, with one line saying how it ended.
int reportEnd(CommandContext &context, const QString &taskId)
{
    auto task = TaskRepository(context.store()).get(taskId);
    if (!task)
        return context.fail(task.error());
    if (task->state == TaskState::Success) {
        print(stdout, tr("%1 succeeded.").arg(taskId));
        return int(Success);
    }
    print(stderr, tr("cuttlectl: %1 ended %2%3").arg(taskId, displayName(task->state),
                                                     task->errorMessage.isEmpty() ? QStringLiteral(".")
                                                                                  : u": " + task->errorMessage));
    return int(Failed);
}

} // namespace

int followLog(CommandContext &context, const QString &taskId)
{
    TaskRepository tasks(context.store());
    NodeNames names(context.store(), taskId);
    qint64 last = 0;
    for (;;) {
        auto task = tasks.get(taskId);
        if (!task)
            return context.fail(task.error());
        // Read the lines after the state, so none written before the end is missed.
        auto lines = tasks.linesAfter(taskId, last, 10000);
        if (!lines)
            return context.fail(lines.error());
        for (const TaskLogLine &line : std::as_const(*lines)) {
            const auto [name, isTarget] = line.nodeId ? names.name(line.nodeId) : std::pair<QString, bool>();
            for (const QString &text : line.text.split(u'\n'))
                print(line.category == TaskLogCategory::Error ? stderr : stdout, isTarget ? u'[' + name + u"] " + text : text);
            last = line.id;
        }
        if (isFinished(task->state) && lines->size() < 10000)
            return reportEnd(context, taskId);
        if (lines->isEmpty())
            QThread::msleep(300);
    }
}

int runAndFollow(CommandContext &context, const QString &taskId)
{
    const InterruptGuard guard;
    NodeNames names(context.store(), taskId);
    QMutex outputMutex;
    DeploymentExecutor::Observer observer;
    observer.line = [&](qint64 nodeId, TaskLogCategory category, const QString &text) {
        const auto [name, isTarget] = nodeId ? names.name(nodeId) : std::pair<QString, bool>();
        const bool error = category == TaskLogCategory::Error;
        QMutexLocker locker(&outputMutex);
        for (const QString &line : text.split(u'\n'))
            print(error ? stderr : stdout, isTarget ? u'[' + name + u"] " + line : line);
    };
    observer.node = [&](qint64 nodeId, TaskLogStatus status) {
        const auto [name, isTarget] = names.name(nodeId);
        if (isTarget)
            return;
        QMutexLocker locker(&outputMutex);
        if (status == TaskLogStatus::Running)
            print(stdout, QStringLiteral("== ") + name);
        else if (status != TaskLogStatus::Pending)
            print(stdout, QStringLiteral("== ") + name + u": " + displayName(status));
    };
    auto state = TaskRunner(context.workspace(), context.secrets())
                     .runWhenAllowed(taskId, observer,
                                     [&](const QString &reason) {
                                         QMutexLocker locker(&outputMutex);
                                         print(stderr, tr("cuttlectl: waiting to start %1: %2").arg(taskId, reason));
                                     },
                                     &InterruptGuard::interrupted());
    if (!state)
        return context.fail(state.error());
    // Another process started it first: follow it there instead of running it here.
    if (!isFinished(*state))
        return followLog(context, taskId);
    return reportEnd(context, taskId);
}

} // namespace Cuttle::Cli
