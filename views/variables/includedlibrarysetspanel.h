#pragma once

#include "model/core/libraryvariableset.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace Cuttle {

class FieldErrorLabel;
class LibraryVariableSetListModel;
class VariablesEditor;
class WorkspaceSession;

/// The library variable sets a project includes, in include order: include more, remove,
/// reorder, and the selected set's values read-only (they are edited in the Library).
class IncludedLibrarySetsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncludedLibrarySetsPanel)

public:
    explicit IncludedLibrarySetsPanel(WorkspaceSession *session, QWidget *parent = nullptr);

    void setProject(const QString &projectId);
    void reload();

    LibraryVariableSetListModel *includedModel() const { return m_included; }
    VariablesEditor *valuesView() const { return m_values; }
    /// Includes the sets (by id) after the current ones; what the Include dialog does.
    void include(const QStringList &setIds);
    void removeSelected();
    void moveSelected(int delta);
    void openIncludeDialog();

signals:
    void loaded();

private:
    void writeIncludes(const QStringList &ids, const QString &select);
    void showSelected();

    WorkspaceSession *m_session = nullptr;
    QString m_projectId;
    QList<LibraryVariableSet> m_all;
    quint64 m_generation = 0;
    QString m_pendingSelection;

    LibraryVariableSetListModel *m_included = nullptr;
    QTableView *m_list = nullptr;
    QPushButton *m_include = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    QLabel *m_valuesTitle = nullptr;
    VariablesEditor *m_values = nullptr;
    FieldErrorLabel *m_error = nullptr;
};

} // namespace Cuttle
