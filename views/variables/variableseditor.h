#pragma once

#include "model/core/error.h"
#include "model/core/variableowner.h"
#include "model/itemmodels/variables/scopechoices.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Cuttle {

class FieldErrorLabel;
class VariableFilterProxyModel;
class VariableTableModel;
class WorkspaceSession;

/// The variables grid of one owner (a project or a library variable set): one row per
/// value, one filter box, add / add another value / delete, inline name and value editing,
/// scope, sensitivity, description and prompt, and Save / Discard of the whole set on the
/// session's worker. Read-only mode shows values without any editing.
class VariablesEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VariablesEditor)

public:
    explicit VariablesEditor(WorkspaceSession *session, QWidget *parent = nullptr);

    /// Shows `owner`'s values (loading them and the space's scope choices). Unsaved changes
    /// of the previous owner are saved or dropped as the user answers (askBeforeDropping).
    void setOwner(const VariableOwner &owner);
    /// Whether switching owners with unsaved changes asks to save them first (on by default;
    /// tests and read-only views turn it off).
    void setAskBeforeDropping(bool ask) { m_askBeforeDropping = ask; }
    VariableOwner owner() const { return m_owner; }
    /// Shows nothing and offers no editing (no owner selected).
    void clearOwner();
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    bool isLoaded() const { return m_loaded; }
    bool isDirty() const;
    bool isSaving() const { return m_saving; }
    QString errorText() const;

    VariableTableModel *model() const { return m_model; }
    VariableFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    const ScopeChoices &scopeChoices() const { return m_choices; }

    void reload();
    void save();
    void discard();
    /// Adds a value and starts editing its name.
    void addValue();
    void addAnotherValue();
    void deleteSelected();
    /// Opens the scope editor for the current row.
    void editScope();
    void editDetails();
    void setSelectedSensitive(bool sensitive);

signals:
    /// The owner's values are shown (after setOwner, reload, discard or save).
    void loaded();
    void saved();
    void dirtyChanged(bool dirty);

private:
    void loadChoices();
    void updateActions();
    void updateCount();
    void showError(const Error &error);
    int currentSourceRow() const;
    QList<int> selectedSourceRows() const;
    void selectSourceRow(int row, int column);

    WorkspaceSession *m_session = nullptr;
    VariableOwner m_owner;
    bool m_hasOwner = false;
    bool m_readOnly = false;
    bool m_loaded = false;
    bool m_saving = false;
    bool m_askBeforeDropping = true;
    quint64 m_generation = 0;
    ScopeChoices m_choices;

    VariableTableModel *m_model = nullptr;
    VariableFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_count = nullptr;
    QTableView *m_view = nullptr;
    QWidget *m_editBar = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_addAnother = nullptr;
    QPushButton *m_scope = nullptr;
    QPushButton *m_sensitive = nullptr;
    QPushButton *m_details = nullptr;
    QPushButton *m_delete = nullptr;
    QWidget *m_saveBar = nullptr;
    QLabel *m_state = nullptr;
    QPushButton *m_discard = nullptr;
    QPushButton *m_save = nullptr;
    FieldErrorLabel *m_error = nullptr;
};

} // namespace Cuttle
