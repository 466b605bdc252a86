#include "views/tenants/tenantspage.h"

#include "model/engine/workspacesession.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Cuttle {

TenantsPage::TenantsPage(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr("Tenants of the current space."), this);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    layout->addWidget(label);
}

TenantsPage::~TenantsPage() = default;

} // namespace Cuttle
