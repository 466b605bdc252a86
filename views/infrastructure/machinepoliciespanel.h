#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace Cuttle {

class MachinePolicyListModel;
class WorkspaceSession;

/// Machine policies of the current space: health check interval and depth.
class MachinePoliciesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MachinePoliciesPanel)

public:
    explicit MachinePoliciesPanel(WorkspaceSession *session, QWidget *parent = nullptr);

    MachinePolicyListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString message() const;

    void reload();
    void addPolicy();
    void editSelected();
    void deleteSelected();

signals:
    void loaded();

private:
    void showMessage(const QString &text);
    void updateActions();

    WorkspaceSession *m_session = nullptr;
    MachinePolicyListModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_delete = nullptr;
};

} // namespace Cuttle
