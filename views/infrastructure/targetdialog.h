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
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace Cuttle {

class HealthCheckController;
struct TargetHealthReport;
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

    /// Checks the target as last saved, showing the check's log in the dialog; a first
    /// contact or a changed SSH host key asks through HostKeyDialog.
    void checkHealth();
    QPushButton *checkHealthButton() const { return m_checkHealth; }
    QPlainTextEdit *healthLog() const { return m_healthLog; }
    /// The verdict of the last check, e.g. "Healthy".
    QString healthVerdict() const;

private:
    void updateKind();
    void updateTenantPickers();
    void completeTag(const QString &text);
    void insertCompletion(const QString &completion);
    TargetKind currentKind() const;
    /// Checks every field here and shows each problem next to its field; true when all pass.
    bool collect(DeploymentTarget &target);
    void healthCheckFinished(const QList<TargetHealthReport> &reports, bool cancelled);
    void updateHealthButton();

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
    QPushButton *m_checkHealth = nullptr;
    QLabel *m_healthVerdict = nullptr;
    QPlainTextEdit *m_healthLog = nullptr;
    HealthCheckController *m_healthCheck = nullptr;
    FieldErrors m_errors;
    bool m_saving = false;
};

} // namespace Cuttle
