#include "views/projects/projectspage.h"

#include "model/engine/workspacesession.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Cuttle {

ProjectsPage::ProjectsPage(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr("Projects and project groups of the current space."), this);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    layout->addWidget(label);
}

ProjectsPage::~ProjectsPage() = default;

} // namespace Cuttle
