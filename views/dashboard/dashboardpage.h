#pragma once

#include <QWidget>

namespace Cuttle {

class WorkspaceSession;

/// Projects × environments with the release in each; until deployments exist, says so.
class DashboardPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardPage)

public:
    explicit DashboardPage(WorkspaceSession *session, QWidget *parent = nullptr);

private:
    WorkspaceSession *m_session = nullptr;
};

} // namespace Cuttle
