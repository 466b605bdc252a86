#pragma once

#include <QWidget>

namespace Cuttle {

class WorkspaceSession;

/// Spaces, the audit log and, later, settings.
class ConfigurationPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigurationPage)

public:
    explicit ConfigurationPage(WorkspaceSession *session, QWidget *parent = nullptr);
    ~ConfigurationPage() override;

private:
    WorkspaceSession *m_session = nullptr;
};

} // namespace Cuttle
