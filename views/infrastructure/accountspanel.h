#pragma once

#include "views/shell/recordlistpanel.h"

class QTableView;

namespace Cuttle {

class AccountListModel;

/// Accounts of the current space: credentials targets connect with.
class AccountsPanel final : public RecordListPanel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountsPanel)

public:
    explicit AccountsPanel(WorkspaceSession *session, QWidget *parent = nullptr);

    AccountListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

private:
    void load(const QString &spaceId) override;
    void openEditor(const QModelIndex &index) override;
    void deleteRecord(const QModelIndex &index) override;

    AccountListModel *m_model = nullptr;
    QTableView *m_view = nullptr;
};

} // namespace Cuttle
