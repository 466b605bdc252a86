#pragma once

#include "model/core/environment.h"
#include "model/core/project.h"
#include "model/core/tagset.h"
#include "model/core/tenant.h"

#include <QWidget>

#include <optional>

class QPushButton;
class QStackedWidget;
class QTableView;

namespace Cuttle {

class EmptyStateWidget;
class FieldErrorLabel;
class TenantTableModel;
class WorkspaceSession;

/// Tenants with their tags as chips and their projects; the dialog edits tags and the
/// project/environment connections.
class TenantsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TenantsPage)

public:
    explicit TenantsPage(WorkspaceSession *session, QWidget *parent = nullptr);
    ~TenantsPage() override;

    void reload();

private:
    void openDialog(const std::optional<Tenant> &existing);
    void deleteSelected();
    std::optional<Tenant> selectedTenant() const;

    WorkspaceSession *m_session = nullptr;
    TenantTableModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyStateWidget *m_emptyState = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_delete = nullptr;
    FieldErrorLabel *m_pageError = nullptr;
    QList<TagSet> m_tagSets;
    QList<Project> m_projects;
    QList<Environment> m_environments;
};

} // namespace Cuttle
