#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace Cuttle {

class AccountListModel;
class WorkspaceSession;

/// Accounts of the current space: credentials targets connect with.
class AccountsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountsPanel)

public:
    explicit AccountsPanel(WorkspaceSession *session, QWidget *parent = nullptr);

    AccountListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString message() const;

    void reload();
    void addAccount();
    void editSelected();
    void deleteSelected();

signals:
    void loaded();

private:
    void showMessage(const QString &text);
    void updateActions();

    WorkspaceSession *m_session = nullptr;
    AccountListModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_delete = nullptr;
};

} // namespace Cuttle
