#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;

namespace Cuttle {

class EmptyStateWidget;
class EnvironmentListModel;
class WorkspaceSession;

/// The environments of the current space in their order: add, edit (rename, describe),
/// reorder by drag and drop, delete.
class EnvironmentsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentsPanel)

public:
    explicit EnvironmentsPanel(WorkspaceSession *session, QWidget *parent = nullptr);

    EnvironmentListModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    /// The last refusal or failure shown above the list (empty: none).
    QString message() const;
    bool isLoaded() const { return m_loaded; }

    void reload();
    void addEnvironment();
    void editSelected();
    void deleteSelected();

signals:
    void loaded();

private:
    void persistOrder(const QStringList &orderedIds);
    void showMessage(const QString &text);
    void updateActions();
    QString selectedId() const;

    WorkspaceSession *m_session = nullptr;
    EnvironmentListModel *m_model = nullptr;
    QListView *m_view = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyStateWidget *m_empty = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_details = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_delete = nullptr;
    bool m_loaded = false;
};

} // namespace Cuttle
