#pragma once

#include <QWidget>

namespace Cuttle {

class WorkspaceSession;

/// Tenants, their tags and the projects and environments they are connected to.
class TenantsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TenantsPage)

public:
    explicit TenantsPage(WorkspaceSession *session, QWidget *parent = nullptr);
    ~TenantsPage() override;

private:
    WorkspaceSession *m_session = nullptr;
};

} // namespace Cuttle
