#pragma once

#include "model/core/space.h"

#include <QWidget>

#include <optional>

class QListView;
class QPushButton;
class QTableView;

namespace Cuttle {

class AuditEventModel;
class FieldErrorLabel;
class SpaceListModel;
class WorkspaceSession;

/// Spaces (create, rename, delete) and the audit log of who changed what.
class ConfigurationPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigurationPage)

public:
    explicit ConfigurationPage(WorkspaceSession *session, QWidget *parent = nullptr);
    ~ConfigurationPage() override;

    void reloadSpaces();
    void reloadAuditLog();

private:
    void openSpaceDialog(const std::optional<Space> &existing);
    void deleteSpace();
    std::optional<Space> selectedSpace() const;

    WorkspaceSession *m_session = nullptr;
    SpaceListModel *m_spaces = nullptr;
    AuditEventModel *m_audit = nullptr;
    QListView *m_spaceView = nullptr;
    QTableView *m_auditView = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_delete = nullptr;
    FieldErrorLabel *m_spacesError = nullptr;
    FieldErrorLabel *m_auditError = nullptr;
    QString m_pendingSelection;
};

} // namespace Cuttle
