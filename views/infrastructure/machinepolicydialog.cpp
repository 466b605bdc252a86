#include "views/infrastructure/machinepolicydialog.h"

#include "model/core/validation.h"
#include "model/engine/workspacesession.h"
#include "model/store/machinepolicyrepository.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Cuttle {

MachinePolicyDialog::MachinePolicyDialog(WorkspaceSession *session, const MachinePolicy &policy, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_policy(policy)
{
    setWindowTitle(policy.id.isEmpty() ? tr("Add machine policy") : tr("Edit machine policy"));
    setMinimumWidth(440);
    m_name = new QLineEdit(policy.name, this);
    m_name->setObjectName(QStringLiteral("name"));
    m_description = new QLineEdit(policy.description, this);
    m_description->setObjectName(QStringLiteral("description"));
    m_interval = new QSpinBox(this);
    m_interval->setObjectName(QStringLiteral("healthCheckInterval"));
    m_interval->setRange(1, 7 * 24 * 60);
    m_interval->setSuffix(tr(" minutes"));
    m_interval->setValue(std::max(1, policy.healthCheckIntervalSeconds / 60));
    m_connectionTestOnly = new QCheckBox(tr("Only test the connection (skip the health check script)"), this);
    m_connectionTestOnly->setObjectName(QStringLiteral("connectionTestOnly"));
    m_connectionTestOnly->setChecked(policy.connectionTestOnly);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_errors.wrap(QStringLiteral("name"), m_name));
    form->addRow(tr("&Description:"), m_errors.wrap(QStringLiteral("description"), m_description));
    form->addRow(tr("&Health check every:"), m_errors.wrap(QStringLiteral("healthCheckInterval"), m_interval));
    form->addRow(QString(), m_connectionTestOnly);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &MachinePolicyDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &MachinePolicyDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errors.createGeneralLabel(this));
    layout->addStretch();
    layout->addWidget(m_buttons);
}

void MachinePolicyDialog::accept()
{
    if (m_saving)
        return;
    m_errors.clear();
    auto name = Validation::name(m_name->text(), tr("machine policy"));
    if (!name) {
        m_errors.show(name.error());
        return;
    }
    MachinePolicy policy = m_policy;
    policy.name = *name;
    policy.description = m_description->text().trimmed();
    policy.healthCheckIntervalSeconds = m_interval->value() * 60;
    policy.connectionTestOnly = m_connectionTestOnly->isChecked();
    if (policy.spaceId.isEmpty())
        policy.spaceId = m_session->currentSpaceId();

    m_saving = true;
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    WorkspaceSession *session = m_session;
    m_session->write<Result<MachinePolicy>>(
        this, QStringLiteral("MachinePolicy"),
        [session, policy]() -> Result<MachinePolicy> {
            MachinePolicyRepository repository(session->context());
            return policy.id.isEmpty() ? repository.create(policy) : repository.update(policy);
        },
        [this](Result<MachinePolicy> saved) {
            m_saving = false;
            m_buttons->button(QDialogButtonBox::Save)->setEnabled(true);
            if (!saved) {
                m_errors.show(saved.error());
                return;
            }
            m_policy = *saved;
            QDialog::accept();
        });
}

} // namespace Cuttle
