#pragma once

#include "model/core/deploymenttarget.h"
#include "model/engine/healthcheckservice.h"
#include "views/infrastructure/targetdialogcontext.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace Cuttle {

class EmptyStateWidget;
class HealthCheckController;
class TargetFilterProxyModel;
class TargetTableModel;
class WorkspaceSession;

/// The deployment targets of the current space, filtered by environment, tag, kind,
/// health and text; add, edit and delete targets; check their health.
class TargetsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TargetsPanel)

public:
    explicit TargetsPanel(WorkspaceSession *session, QWidget *parent = nullptr);

    TargetTableModel *model() const { return m_model; }
    TargetFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterText() const { return m_filterText; }
    const TargetDialogContext &dialogContext() const { return m_context; }
    QString message() const;
    bool isLoaded() const { return m_loaded; }

    void reload();
    void addTarget();
    void editSelected();
    void deleteSelected();
    /// Health-checks the selected targets (all shown ones with checkAll) in the background.
    void checkSelected();
    void checkAll();
    HealthCheckController *healthChecks() const { return m_healthChecks; }
    /// Asks, one dialog at a time, whether to pin the host keys these reports found unknown or changed.
    void askAboutHostKeys(const QList<TargetHealthReport> &reports);

signals:
    void loaded();

private:
    void applyFilter();
    void updateCount();
    void updateActions();
    void fillFilterChoices();
    void showMessage(const QString &text);
    QList<DeploymentTarget> selectedTargets() const;
    void startCheck(const QList<DeploymentTarget> &targets);
    void checkFinished(const QList<TargetHealthReport> &reports, bool cancelled);
    void showNextHostKeyDialog();

    WorkspaceSession *m_session = nullptr;
    TargetTableModel *m_model = nullptr;
    TargetFilterProxyModel *m_proxy = nullptr;
    TargetDialogContext m_context;
    QTableView *m_view = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyStateWidget *m_empty = nullptr;
    QLineEdit *m_filterText = nullptr;
    QComboBox *m_filterEnvironment = nullptr;
    QComboBox *m_filterTag = nullptr;
    QComboBox *m_filterKind = nullptr;
    QComboBox *m_filterHealth = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_check = nullptr;
    QPushButton *m_checkAll = nullptr;
    QWidget *m_progressRow = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressText = nullptr;
    QPushButton *m_cancelCheck = nullptr;
    HealthCheckController *m_healthChecks = nullptr;
    QList<TargetHealthReport> m_hostKeyQuestions;
    bool m_loaded = false;
};

} // namespace Cuttle
