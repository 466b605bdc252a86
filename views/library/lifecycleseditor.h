#pragma once

#include "model/core/environment.h"
#include "model/core/error.h"
#include "model/core/lifecycle.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableView;

namespace Cuttle {

class EmptyStateWidget;
class FieldErrorLabel;
class LifecycleListModel;
class LifecyclePhaseModel;
class WorkspaceSession;

/// The Lifecycles tab of the library: the list of lifecycles and an editor for one of them
/// with its phases, their environments and the retention policies. The whole lifecycle is
/// saved at once, so a refused save changes nothing.
class LifecyclesEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LifecyclesEditor)

public:
    explicit LifecyclesEditor(WorkspaceSession *session, QWidget *parent = nullptr);

    void reload();
    void selectLifecycle(const QString &id);
    bool hasUnsavedChanges() const { return m_dirty; }
    /// The lifecycle as the editor would save it.
    Lifecycle editedLifecycle() const;

private:
    void buildForm(QWidget *editor);
    void showLifecycle(const Lifecycle &lifecycle);
    void showPhase(int row);
    void phaseFormEdited();
    void environmentToggled(QListWidgetItem *item, QListWidget *other);
    void updatePhaseButtons();
    void markDirty();
    void save();
    void revert();
    void addLifecycle();
    void deleteLifecycle();
    void clearErrors();
    void showError(const Error &error);
    int currentPhaseRow() const;

    WorkspaceSession *m_session = nullptr;
    LifecycleListModel *m_list = nullptr;
    LifecyclePhaseModel *m_phases = nullptr;
    QList<Environment> m_environments;
    Lifecycle m_loaded;
    bool m_dirty = false;
    bool m_updatingForm = false;
    QString m_pendingSelection;

    QTableView *m_listView = nullptr;
    QPushButton *m_deleteLifecycle = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyStateWidget *m_emptyState = nullptr;
    QWidget *m_editor = nullptr;
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QTableView *m_phaseView = nullptr;
    QPushButton *m_removePhase = nullptr;
    QPushButton *m_phaseUp = nullptr;
    QPushButton *m_phaseDown = nullptr;
    QWidget *m_phaseForm = nullptr;
    QLineEdit *m_phaseName = nullptr;
    QListWidget *m_automatic = nullptr;
    QListWidget *m_optional = nullptr;
    QSpinBox *m_minimum = nullptr;
    QCheckBox *m_optionalPhase = nullptr;
    QComboBox *m_releaseUnit = nullptr;
    QSpinBox *m_releaseQuantity = nullptr;
    QComboBox *m_targetUnit = nullptr;
    QSpinBox *m_targetQuantity = nullptr;
    QLabel *m_order = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    FieldErrorLabel *m_nameError = nullptr;
    FieldErrorLabel *m_phasesError = nullptr;
    FieldErrorLabel *m_retentionError = nullptr;
    FieldErrorLabel *m_generalError = nullptr;
    FieldErrorLabel *m_listError = nullptr;
};

} // namespace Cuttle
