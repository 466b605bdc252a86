#pragma once

#include <QWidget>

namespace Cuttle {

class WorkspaceSession;

/// Lifecycles, tenant tag sets and, later, packages, library variable sets and step templates.
class LibraryPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryPage)

public:
    explicit LibraryPage(WorkspaceSession *session, QWidget *parent = nullptr);
    ~LibraryPage() override;

private:
    WorkspaceSession *m_session = nullptr;
};

} // namespace Cuttle
