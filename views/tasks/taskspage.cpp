#include "views/tasks/taskspage.h"

#include "views/shell/emptystatewidget.h"

#include <QVBoxLayout>

namespace Cuttle {

TasksPage::TasksPage(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    auto *empty = new EmptyStateWidget(
        tr("No tasks have run yet"),
        tr("Deployments and health checks run as tasks. This page will list them, queued, running and finished, "
           "each with its structured log per step and target, and let you cancel a running task."),
        this);
    empty->setObjectName(QStringLiteral("tasksEmptyState"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(empty);
}

} // namespace Cuttle
