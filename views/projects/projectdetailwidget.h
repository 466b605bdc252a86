#pragma once

#include "model/core/lifecycle.h"
#include "model/core/project.h"
#include "model/core/projectgroup.h"

#include <QWidget>

class QLabel;
class QTabWidget;

namespace Cuttle {

class ProjectVariablesPage;
class WorkspaceSession;

/// A project's record at a glance, and the areas later work fills (process, variables,
/// channels, releases), each saying what it will hold.
class ProjectDetailWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectDetailWidget)

public:
    explicit ProjectDetailWidget(WorkspaceSession *session, QWidget *parent = nullptr);

    void setProject(const Project &project, const ProjectGroup &group, const Lifecycle &lifecycle);
    /// The Variables tab.
    ProjectVariablesPage *variablesPage() const { return m_variables; }

private:
    QLabel *m_title = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_facts = nullptr;
    QTabWidget *m_tabs = nullptr;
    ProjectVariablesPage *m_variables = nullptr;
};

} // namespace Cuttle
