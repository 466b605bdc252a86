#include "views/configuration/configurationpage.h"

#include "model/engine/workspacesession.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Cuttle {

ConfigurationPage::ConfigurationPage(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr("Spaces and the audit log."), this);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    layout->addWidget(label);
}

ConfigurationPage::~ConfigurationPage() = default;

} // namespace Cuttle
