#pragma once

#include "views/infrastructure/targetdialogcontext.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace Cuttle {

class EmptyStateWidget;
class TargetFilterProxyModel;
class TargetTableModel;
class WorkspaceSession;

/// The deployment targets of the current space, filtered by environment, tag, kind,
/// health and text; add, edit and delete targets.
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

signals:
    void loaded();

private:
    void applyFilter();
    void updateCount();
    void updateActions();
    void fillFilterChoices();
    void showMessage(const QString &text);

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
    bool m_loaded = false;
};

} // namespace Cuttle
