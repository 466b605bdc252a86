#pragma once

#include "model/core/machinepolicy.h"
#include "views/shell/fielderrors.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLineEdit;
class QSpinBox;

namespace Cuttle {

class WorkspaceSession;

/// Creates or edits a machine policy: how often targets are checked and how deeply.
class MachinePolicyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MachinePolicyDialog)

public:
    MachinePolicyDialog(WorkspaceSession *session, const MachinePolicy &policy, QWidget *parent = nullptr);

    const MachinePolicy &policy() const { return m_policy; }
    const FieldErrors &errors() const { return m_errors; }

    void accept() override;

private:
    WorkspaceSession *m_session = nullptr;
    MachinePolicy m_policy;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_description = nullptr;
    QSpinBox *m_interval = nullptr;
    QCheckBox *m_connectionTestOnly = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    FieldErrors m_errors;
    bool m_saving = false;
};

} // namespace Cuttle
