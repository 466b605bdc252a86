#pragma once

#include "model/core/environment.h"
#include "views/shell/fielderrors.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;

namespace Cuttle {

class WorkspaceSession;

/// Creates or edits one environment; saves on the worker and stays open showing the
/// error next to its field when the save is refused.
class EnvironmentDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentDialog)

public:
    /// An `environment` without id creates a new one in the current space.
    EnvironmentDialog(WorkspaceSession *session, const Environment &environment, QWidget *parent = nullptr);

    /// The environment as saved, once the dialog was accepted.
    const Environment &environment() const { return m_environment; }
    const FieldErrors &errors() const { return m_errors; }

    void accept() override;

private:
    WorkspaceSession *m_session = nullptr;
    Environment m_environment;
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QCheckBox *m_guidedFailure = nullptr;
    QCheckBox *m_dynamicInfrastructure = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    FieldErrors m_errors;
    bool m_saving = false;
};

} // namespace Cuttle
