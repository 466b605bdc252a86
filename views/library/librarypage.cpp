#include "views/library/librarypage.h"

#include "model/engine/workspacesession.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Cuttle {

LibraryPage::LibraryPage(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr("Lifecycles and tenant tag sets of the current space."), this);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    layout->addWidget(label);
}

LibraryPage::~LibraryPage() = default;

} // namespace Cuttle
