#pragma once

#include "model/core/lifecycle.h"
#include "model/core/project.h"
#include "model/core/projectgroup.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeView;

namespace Cuttle {

class EmptyStateWidget;
class FieldErrorLabel;
class ProjectDetailWidget;
class ProjectTreeModel;
class WorkspaceSession;

/// Project groups with their projects as a tree, the dialogs that add and edit them, and the
/// selected project's detail.
class ProjectsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectsPage)

public:
    explicit ProjectsPage(WorkspaceSession *session, QWidget *parent = nullptr);
    ~ProjectsPage() override;

    /// Reloads groups, projects and lifecycles of the current space.
    void reload();
    /// Selects a group or project by id once it is shown.
    void select(const QString &id);

private:
    void addGroup();
    void addProject();
    void editSelected();
    void deleteSelected();
    void openGroupDialog(const std::optional<ProjectGroup> &existing);
    void openProjectDialog(const std::optional<Project> &existing, const QString &groupId);
    void showSelection();

    WorkspaceSession *m_session = nullptr;
    ProjectTreeModel *m_model = nullptr;
    QTreeView *m_tree = nullptr;
    QStackedWidget *m_detailStack = nullptr;
    EmptyStateWidget *m_emptyState = nullptr;
    QWidget *m_groupDetail = nullptr;
    QLabel *m_groupTitle = nullptr;
    QLabel *m_groupText = nullptr;
    ProjectDetailWidget *m_projectDetail = nullptr;
    QPushButton *m_editButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    FieldErrorLabel *m_pageError = nullptr;
    QList<ProjectGroup> m_groups;
    QList<Project> m_projects;
    QList<Lifecycle> m_lifecycles;
    QString m_pendingSelection;
    quint64 m_loadGeneration = 0;
};

} // namespace Cuttle
