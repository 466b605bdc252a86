#pragma once

#include "model/core/result.h"
#include "model/core/taskenums.h"
#include "model/engine/tasklogwriter.h"
#include "model/variables/sensitivevaluemasker.h"

#include <QMutex>

#include <functional>
#include <memory>

namespace Cuttle {

/// The log of one running task: its tree of nodes and its lines, every line masked for
/// the sensitive values known at that moment before it is stored or shown to an observer.
/// Thread-safe: the targets of a step write to it in parallel.
class DeploymentLog final
{
public:
    using SensitiveValues = std::function<QStringList()>;
    /// Each line as stored (already masked), for live views and `--follow`.
    using LineObserver = std::function<void(qint64 nodeId, TaskLogCategory category, const QString &text)>;
    using NodeObserver = std::function<void(qint64 nodeId, TaskLogStatus status)>;

    DeploymentLog(StoreContext context, QString taskId, SensitiveValues sensitiveValues);

    void setObservers(LineObserver lines, NodeObserver nodes);

    /// Adds a node under `parentId` (0: the task); 0 when the store refused (logged as an error line).
    qint64 addNode(qint64 parentId, const QString &kind, const QString &name, int sortOrder);
    void setStatus(qint64 nodeId, TaskLogStatus status);
    void write(qint64 nodeId, TaskLogCategory category, const QString &text);
    VoidResult flush();

    const QString &taskId() const { return m_taskId; }

private:
    QString masked(const QString &text);

    StoreContext m_context;
    QString m_taskId;
    SensitiveValues m_sensitiveValues;
    TaskLogWriter m_writer;
    QMutex m_mutex;
    std::unique_ptr<SensitiveValueMasker> m_masker; ///< rebuilt when new sensitive values appear
    qsizetype m_maskedValueCount = -1;
    LineObserver m_lineObserver;
    NodeObserver m_nodeObserver;
};

} // namespace Cuttle
