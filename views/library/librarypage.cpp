#include "views/library/librarypage.h"

#include "model/engine/workspacesession.h"
#include "views/library/lifecycleseditor.h"
#include "views/library/packagespanel.h"
#include "views/library/tagsetseditor.h"
#include "views/shell/emptystatewidget.h"
#include "views/variables/libraryvariablesetspanel.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Cuttle {

LibraryPage::LibraryPage(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    auto *title = new QLabel(tr("Library"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    layout->addWidget(title);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("libraryTabs"));
    m_lifecycles = new LifecyclesEditor(session, m_tabs);
    m_tagSets = new TagSetsEditor(session, m_tabs);
    m_tabs->addTab(m_lifecycles, tr("Lifecycles"));
    m_tabs->addTab(m_tagSets, tr("Tenant tag sets"));
    m_tabs->addTab(new PackagesPanel(session, m_tabs),
                   tr("Packages"));
    m_variableSets = new LibraryVariableSetsPanel(session, m_tabs);
    m_tabs->addTab(m_variableSets, tr("Library variable sets"));
    m_tabs->addTab(new EmptyStateWidget(tr("No step templates yet"),
                                        tr("Step templates will be reusable deployment steps with parameters, which "
                                           "projects add to their processes."), m_tabs),
                   tr("Step templates"));
    layout->addWidget(m_tabs, 1);
}

LibraryPage::~LibraryPage() = default;

} // namespace Cuttle
