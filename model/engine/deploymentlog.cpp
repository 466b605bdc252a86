#include "model/engine/deploymentlog.h"

#include "model/store/taskrepository.h"

namespace Cuttle {

DeploymentLog::DeploymentLog(StoreContext context, QString taskId, SensitiveValues sensitiveValues)
    : m_context(std::move(context))
    , m_taskId(std::move(taskId))
    , m_sensitiveValues(std::move(sensitiveValues))
    , m_writer(m_context)
{
}

void DeploymentLog::setObservers(LineObserver lines, NodeObserver nodes)
{
    QMutexLocker locker(&m_mutex);
    m_lineObserver = std::move(lines);
    m_nodeObserver = std::move(nodes);
}

qint64 DeploymentLog::addNode(qint64 parentId, const QString &kind, const QString &name, int sortOrder)
{
    TaskLogNode node;
    node.taskId = m_taskId;
    node.parentId = parentId;
    node.kind = kind;
    node.name = masked(name);
    node.sortOrder = sortOrder;
    auto added = TaskRepository(m_context).addNode(node);
    if (!added) {
        write(parentId, TaskLogCategory::Error, added.error().message);
        return 0;
    }
    return added->id;
}

void DeploymentLog::setStatus(qint64 nodeId, TaskLogStatus status)
{
    if (nodeId == 0)
        return;
    (void)TaskRepository(m_context).setNodeStatus(nodeId, status);
    NodeObserver observer;
    {
        QMutexLocker locker(&m_mutex);
        observer = m_nodeObserver;
    }
    if (observer)
        observer(nodeId, status);
}

QString DeploymentLog::masked(const QString &text)
{
    QMutexLocker locker(&m_mutex);
    const QStringList values = m_sensitiveValues ? m_sensitiveValues() : QStringList();
    if (values.size() != m_maskedValueCount) {
        m_masker = std::make_unique<SensitiveValueMasker>(values);
        m_maskedValueCount = values.size();
    }
    return m_masker->mask(text);
}

void DeploymentLog::write(qint64 nodeId, TaskLogCategory category, const QString &text)
{
    const QString safe = masked(text);
    m_writer.append(m_taskId, nodeId, category, safe);
    LineObserver observer;
    {
        QMutexLocker locker(&m_mutex);
        observer = m_lineObserver;
    }
    if (observer)
        observer(nodeId, category, safe);
}

VoidResult DeploymentLog::flush()
{
    return m_writer.flush();
}

} // namespace Cuttle
