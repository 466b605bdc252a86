#pragma once

#include "views/shell/recordlistpanel.h"

class QLabel;
class QListView;

namespace Cuttle {

class EnvironmentListModel;

/// The environments of the current space in their order: add, edit (rename, describe),
/// reorder by drag and drop, delete.
class EnvironmentsPanel final : public RecordListPanel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentsPanel)

public:
    explicit EnvironmentsPanel(WorkspaceSession *session, QWidget *parent = nullptr);

    EnvironmentListModel *model() const { return m_model; }
    QListView *view() const { return m_view; }

private:
    void load(const QString &spaceId) override;
    void openEditor(const QModelIndex &index) override;
    void deleteRecord(const QModelIndex &index) override;
    void selectionChanged(const QModelIndex &current) override;
    void persistOrder(const QStringList &orderedIds);

    EnvironmentListModel *m_model = nullptr;
    QListView *m_view = nullptr;
    QLabel *m_details = nullptr;
};

} // namespace Cuttle
