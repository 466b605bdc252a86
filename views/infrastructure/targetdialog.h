#pragma once

#include "model/core/deploymenttarget.h"
#include "model/core/result.h"
#include "views/infrastructure/targetdialogcontext.h"
#include "views/shell/fielderrors.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QCompleter;
class QDialogButtonBox;
class QFormLayout;
class QLineEdit;
class QListWidget;

namespace Cuttle {

class WorkspaceSession;

/// Creates or edits a deployment target. The endpoint fields follow the kind; target tags
/// are typed comma-separated with completion from the tags already in use.
class TargetDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TargetDialog)

public:
    /// A `target` without id creates a new one in the current space.
    TargetDialog(WorkspaceSession *session, const DeploymentTarget &target, const TargetDialogContext &context,
                 QWidget *parent = nullptr);

    const DeploymentTarget &target() const { return m_target; }
    const FieldErrors &errors() const { return m_errors; }

    /// Splits the tags field: comma-separated, trimmed, a trailing comma ignored; an
    /// entry of only spaces is an error.
    static Result<QStringList> parseTags(const QString &text);

    void accept() override;

private:
    void updateKind();
    void updateTenantPickers();
    void completeTag(const QString &text);
    void insertCompletion(const QString &completion);
    TargetKind currentKind() const;
    /// Checks every field here and shows each problem next to its field; true when all pass.
    bool collect(DeploymentTarget &target);

    WorkspaceSession *m_session = nullptr;
    DeploymentTarget m_target;
    TargetDialogContext m_context;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_host = nullptr;
    QLineEdit *m_port = nullptr;
    QCheckBox *m_useHttps = nullptr;
    QComboBox *m_account = nullptr;
    QLineEdit *m_directory = nullptr;
    QListWidget *m_environments = nullptr;
    QLineEdit *m_tags = nullptr;
    QCompleter *m_tagCompleter = nullptr;
    QCheckBox *m_enabled = nullptr;
    QComboBox *m_participation = nullptr;
    QListWidget *m_tenants = nullptr;
    QListWidget *m_tenantTags = nullptr;
    QComboBox *m_policy = nullptr;
    QWidget *m_hostRow = nullptr;
    QWidget *m_portRow = nullptr;
    QWidget *m_accountRow = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    FieldErrors m_errors;
    bool m_saving = false;
};

} // namespace Cuttle
