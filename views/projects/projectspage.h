#pragma once

#include <QWidget>

namespace Cuttle {

class WorkspaceSession;

/// Project groups and the projects in them.
class ProjectsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectsPage)

public:
    explicit ProjectsPage(WorkspaceSession *session, QWidget *parent = nullptr);
    ~ProjectsPage() override;

private:
    WorkspaceSession *m_session = nullptr;
};

} // namespace Cuttle
