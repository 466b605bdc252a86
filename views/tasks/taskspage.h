#pragma once

#include <QWidget>

class QStackedWidget;
class QTabWidget;
class QTimer;
class QTreeView;

namespace Cuttle {

class ScriptConsoleWidget;
class TaskListModel;
class TaskLogView;
class WorkspaceSession;

/// Tasks newest first with the log of the selected one, and the script console that runs a
/// Bash script on chosen targets as a task.
class TasksPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TasksPage)

public:
    explicit TasksPage(WorkspaceSession *session, QWidget *parent = nullptr);

    TaskListModel *model() const { return m_model; }
    QTreeView *taskList() const { return m_list; }
    TaskLogView *logView() const { return m_log; }
    ScriptConsoleWidget *scriptConsole() const { return m_console; }
    QTabWidget *tabs() const { return m_tabs; }

    /// Shows the task list with this task selected (once the list has it).
    void showTask(const QString &taskId);

public slots:
    void reload();

signals:
    /// The task list was loaded (tests wait on it).
    void tasksLoaded();

private:
    void selectPendingTask();

    WorkspaceSession *m_session = nullptr;
    TaskListModel *m_model = nullptr;
    QTabWidget *m_tabs = nullptr;
    QStackedWidget *m_listStack = nullptr;
    QTreeView *m_list = nullptr;
    TaskLogView *m_log = nullptr;
    ScriptConsoleWidget *m_console = nullptr;
    QTimer *m_refresh = nullptr;
    QString m_pendingSelection;
    int m_loadGeneration = 0;
    bool m_loading = false;
    bool m_reloadAgain = false;
    bool m_recovered = false; ///< interrupted tasks were looked for once

};

} // namespace Cuttle
