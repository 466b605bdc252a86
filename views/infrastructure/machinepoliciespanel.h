#pragma once

#include "views/shell/recordlistpanel.h"

class QTableView;

namespace Cuttle {

class MachinePolicyListModel;

/// Machine policies of the current space: health check interval and depth.
class MachinePoliciesPanel final : public RecordListPanel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MachinePoliciesPanel)

public:
    explicit MachinePoliciesPanel(WorkspaceSession *session, QWidget *parent = nullptr);

    MachinePolicyListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

private:
    void load(const QString &spaceId) override;
    void openEditor(const QModelIndex &index) override;
    void deleteRecord(const QModelIndex &index) override;
    /// The space's default policy stays: new targets need one.
    bool canDelete(const QModelIndex &index) const override;

    MachinePolicyListModel *m_model = nullptr;
    QTableView *m_view = nullptr;
};

} // namespace Cuttle
