#pragma once

#include "model/core/task.h"
#include "model/core/tasklogline.h"
#include "model/core/tasklognode.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTimer;
class QTreeView;

namespace Cuttle {

class TaskLogTreeModel;
class WorkspaceSession;

/// One task's log: its state and times, the tree of steps and targets with their status, and
/// the lines of the selected node coloured by category. While the task runs it fetches only
/// the lines written since the last look.
class TaskLogView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskLogView)

public:
    explicit TaskLogView(WorkspaceSession *session, QWidget *parent = nullptr);

    /// Shows the task with this id (empty: nothing).
    void setTask(const QString &taskId);
    QString taskId() const { return m_taskId; }
    const Task &task() const { return m_task; }
    TaskLogTreeModel *treeModel() const { return m_treeModel; }
    QTreeView *tree() const { return m_tree; }
    /// The text the log pane shows.
    QString shownText() const;
    qsizetype lineCount() const { return m_lines.size(); }

    /// How often a running task is looked at again.
    static constexpr int refreshIntervalMs = 400;

signals:
    /// A look at the task finished (tests wait on it).
    void refreshed();

private:
    struct Snapshot
    {
        Task task;
        QList<TaskLogNode> nodes;
        QList<TaskLogLine> lines;
    };
    void fetch();
    void apply(const Snapshot &snapshot);
    void render();
    void appendToView(const QList<TaskLogLine> &lines);
    bool isShown(const TaskLogLine &line) const;
    void updateHeader();

    WorkspaceSession *m_session = nullptr;
    QString m_taskId;
    Task m_task;
    QList<TaskLogLine> m_lines;
    qint64 m_lastLineId = 0;
    QHash<qint64, QString> m_nodeNames;
    QList<qint64> m_shownNodes; ///< empty: every node
    int m_generation = 0;
    bool m_fetching = false;
    QLabel *m_title = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_error = nullptr;
    QTreeView *m_tree = nullptr;
    TaskLogTreeModel *m_treeModel = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QTimer *m_timer = nullptr;
};

} // namespace Cuttle
