#pragma once

#include "model/core/libraryvariableset.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace Cuttle {

class EmptyStateWidget;
class FieldErrorLabel;
class LibraryVariableSetListModel;
class VariablesEditor;
class WorkspaceSession;

/// The Library's variable sets: create, rename and delete sets (deleting one a project
/// includes is refused, naming the projects) and edit the selected set's values.
class LibraryVariableSetsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryVariableSetsPanel)

public:
    explicit LibraryVariableSetsPanel(WorkspaceSession *session, QWidget *parent = nullptr);

    void reload();
    void select(const QString &id);
    LibraryVariableSetListModel *setsModel() const { return m_sets; }
    VariablesEditor *editor() const { return m_editor; }
    QString errorText() const;

    void addSet();
    void renameSelected();
    void deleteSelected();

signals:
    void loaded();

private:
    void openDialog(const std::optional<LibraryVariableSet> &existing);
    void showSelected();

    WorkspaceSession *m_session = nullptr;
    LibraryVariableSetListModel *m_sets = nullptr;
    QString m_pendingSelection;
    quint64 m_generation = 0;

    QTableView *m_list = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_delete = nullptr;
    FieldErrorLabel *m_error = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyStateWidget *m_empty = nullptr;
    QWidget *m_detail = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_description = nullptr;
    VariablesEditor *m_editor = nullptr;
};

} // namespace Cuttle
