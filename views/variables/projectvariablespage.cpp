#include "views/variables/projectvariablespage.h"

#include "views/variables/includedlibrarysetspanel.h"
#include "views/variables/variablepreviewpanel.h"
#include "views/variables/variableseditor.h"

#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Cuttle {

ProjectVariablesPage::ProjectVariablesPage(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"projectVariablesTabs"_s);
    m_editor = new VariablesEditor(session, m_tabs);
    m_editor->setObjectName(u"projectVariables"_s);
    m_librarySets = new IncludedLibrarySetsPanel(session, m_tabs);
    m_preview = new VariablePreviewPanel(session, m_tabs);
    m_tabs->addTab(m_editor, tr("Project variables"));
    m_tabs->addTab(m_librarySets, tr("Library sets"));
    m_tabs->addTab(m_preview, tr("Preview"));
    layout->addWidget(m_tabs);
    connect(m_editor, &VariablesEditor::dirtyChanged, this, [this](bool dirty) {
        m_tabs->setTabText(0, dirty ? tr("Project variables •") : tr("Project variables"));
    });
}

void ProjectVariablesPage::setProject(const QString &projectId)
{
    if (projectId == m_projectId)
        return;
    m_projectId = projectId;
    if (projectId.isEmpty()) {
        m_editor->clearOwner();
        return;
    }
    m_editor->setOwner(VariableOwner::project(projectId));
    m_librarySets->setProject(projectId);
    m_preview->setProject(projectId);
}

} // namespace Cuttle
