#include "views/dashboard/dashboardpage.h"

#include "views/shell/emptystatewidget.h"

#include <QVBoxLayout>

namespace Cuttle {

DashboardPage::DashboardPage(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    auto *empty = new EmptyStateWidget(
        tr("No deployments yet"),
        tr("Once you deploy, the dashboard shows every project against every environment, with the release in each "
           "and whether its deployment succeeded, failed or is still running. Set up environments and targets under "
           "Infrastructure and projects under Projects; releases and deployments come next."),
        this);
    empty->setObjectName(QStringLiteral("dashboardEmptyState"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(empty);
}

} // namespace Cuttle
