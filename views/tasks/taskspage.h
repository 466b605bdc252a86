#pragma once

#include <QWidget>

namespace Cuttle {

class WorkspaceSession;

/// Deployments, health checks and other tasks with their logs; until any ran, says so.
class TasksPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TasksPage)

public:
    explicit TasksPage(WorkspaceSession *session, QWidget *parent = nullptr);

private:
    WorkspaceSession *m_session = nullptr;
};

} // namespace Cuttle
