#include "views/projects/projectdetailwidget.h"

#include "views/shell/emptystatewidget.h"
#include "views/variables/projectvariablespage.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Cuttle {

ProjectDetailWidget::ProjectDetailWidget(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("projectTitle"));
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    m_title->setFont(font);
    m_description = new QLabel(this);
    m_description->setWordWrap(true);
    m_facts = new QLabel(this);
    m_facts->setObjectName(QStringLiteral("projectFacts"));
    m_facts->setTextFormat(Qt::PlainText);
    m_facts->setForegroundRole(QPalette::PlaceholderText);
    m_facts->setWordWrap(true);
    layout->addWidget(m_title);
    layout->addWidget(m_description);
    layout->addWidget(m_facts);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(new EmptyStateWidget(tr("No deployment process yet"),
                                        tr("The process will list the ordered steps this project runs on its targets: "
                                           "packages to deploy, scripts to run, the target tags each step runs on, "
                                           "and conditions per environment and channel."), m_tabs),
                   tr("Process"));
    m_variables = new ProjectVariablesPage(session, m_tabs);
    m_tabs->addTab(m_variables, tr("Variables"));
    m_tabs->addTab(new EmptyStateWidget(tr("No channels yet"),
                                        tr("Channels will decide which package versions may go into a release and which "
                                           "lifecycle such a release follows, for example hotfixes straight to production."),
                                        m_tabs),
                   tr("Channels"));
    m_tabs->addTab(new EmptyStateWidget(tr("No releases yet"),
                                        tr("Releases will be the immutable snapshots of the process, variables and package "
                                           "versions that are promoted through the lifecycle and deployed."), m_tabs),
                   tr("Releases"));
    layout->addWidget(m_tabs, 1);
}

void ProjectDetailWidget::setProject(const Project &project, const ProjectGroup &group, const Lifecycle &lifecycle)
{
    m_title->setText(project.name);
    if (m_variables)
        m_variables->setProject(project.id);
    m_description->setText(project.description);
    m_description->setVisible(!project.description.isEmpty());
    QStringList facts{tr("Group: %1").arg(group.name), tr("Lifecycle: %1").arg(lifecycle.name.isEmpty() ? tr("none") : lifecycle.name),
                      tr("Tenanted deployments: %1").arg(displayName(project.tenantedMode))};
    if (project.allowDeploymentsToNoTargets)
        facts << tr("deploys even when no targets are found");
    if (project.skipUnavailableTargets)
        facts << tr("skips unavailable targets");
    if (project.excludeUnhealthyTargets)
        facts << tr("excludes unhealthy targets");
    m_facts->setText(facts.join(QStringLiteral("  ·  ")));
}

} // namespace Cuttle
