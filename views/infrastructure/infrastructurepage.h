#pragma once

#include <QWidget>

class QTabWidget;

namespace Cuttle {

class AccountsPanel;
class EnvironmentsPanel;
class MachinePoliciesPanel;
class TargetsPanel;
class WorkspaceSession;

/// Deployment targets, environments, accounts and machine policies of the current space.
class InfrastructurePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InfrastructurePage)

public:
    explicit InfrastructurePage(WorkspaceSession *session, QWidget *parent = nullptr);

    TargetsPanel *targets() const { return m_targets; }
    EnvironmentsPanel *environments() const { return m_environments; }
    AccountsPanel *accounts() const { return m_accounts; }
    MachinePoliciesPanel *machinePolicies() const { return m_policies; }
    QTabWidget *tabs() const { return m_tabs; }

private:
    QTabWidget *m_tabs = nullptr;
    TargetsPanel *m_targets = nullptr;
    EnvironmentsPanel *m_environments = nullptr;
    AccountsPanel *m_accounts = nullptr;
    MachinePoliciesPanel *m_policies = nullptr;
};

} // namespace Cuttle
