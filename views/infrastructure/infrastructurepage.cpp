#include "views/infrastructure/infrastructurepage.h"

#include "views/infrastructure/accountspanel.h"
#include "views/infrastructure/environmentspanel.h"
#include "views/infrastructure/machinepoliciespanel.h"
#include "views/infrastructure/targetspanel.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Cuttle {

InfrastructurePage::InfrastructurePage(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_targets(new TargetsPanel(session, this))
    , m_environments(new EnvironmentsPanel(session, this))
    , m_accounts(new AccountsPanel(session, this))
    , m_policies(new MachinePoliciesPanel(session, this))
{
    auto *title = new QLabel(tr("Infrastructure"), this);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    title->setFont(font);

    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_targets, tr("Deployment targets"));
    m_tabs->addTab(m_environments, tr("Environments"));
    m_tabs->addTab(m_accounts, tr("Accounts"));
    m_tabs->addTab(m_policies, tr("Machine policies"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 8);
    layout->addWidget(title);
    layout->addWidget(m_tabs, 1);
}

} // namespace Cuttle
