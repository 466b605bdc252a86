#include "views/infrastructure/environmentdialog.h"

#include "model/core/validation.h"
#include "model/engine/workspacesession.h"
#include "model/store/environmentrepository.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Cuttle {

EnvironmentDialog::EnvironmentDialog(WorkspaceSession *session, const Environment &environment, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_environment(environment)
{
    setWindowTitle(environment.id.isEmpty() ? tr("Add environment") : tr("Edit environment"));
    setMinimumWidth(460);

    m_name = new QLineEdit(environment.name, this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("e.g. Staging"));
    m_description = new QPlainTextEdit(environment.description, this);
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(80);
    m_guidedFailure = new QCheckBox(tr("Use guided failure by default"), this);
    m_guidedFailure->setObjectName(QStringLiteral("guidedFailure"));
    m_guidedFailure->setChecked(environment.useGuidedFailure);
    m_guidedFailure->setToolTip(tr("When a deployment here fails, pause and let someone choose to retry, ignore or fail."));
    m_dynamicInfrastructure = new QCheckBox(tr("Allow dynamic infrastructure"), this);
    m_dynamicInfrastructure->setObjectName(QStringLiteral("dynamicInfrastructure"));
    m_dynamicInfrastructure->setChecked(environment.allowDynamicInfrastructure);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_errors.wrap(QStringLiteral("name"), m_name));
    form->addRow(tr("&Description:"), m_errors.wrap(QStringLiteral("description"), m_description));
    form->addRow(QString(), m_guidedFailure);
    form->addRow(QString(), m_dynamicInfrastructure);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &EnvironmentDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &EnvironmentDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errors.createGeneralLabel(this));
    layout->addStretch();
    layout->addWidget(m_buttons);
}

void EnvironmentDialog::accept()
{
    if (m_saving)
        return;
    m_errors.clear();
    auto name = Validation::name(m_name->text(), tr("environment"));
    if (!name) {
        m_errors.show(name.error());
        m_name->setFocus();
        return;
    }
    Environment environment = m_environment;
    environment.name = *name;
    environment.description = m_description->toPlainText().trimmed();
    environment.useGuidedFailure = m_guidedFailure->isChecked();
    environment.allowDynamicInfrastructure = m_dynamicInfrastructure->isChecked();
    if (environment.spaceId.isEmpty())
        environment.spaceId = m_session->currentSpaceId();

    m_saving = true;
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    WorkspaceSession *session = m_session;
    m_session->write<Result<Environment>>(
        this, QStringLiteral("Environment"),
        [session, environment]() -> Result<Environment> {
            EnvironmentRepository repository(session->context());
            return environment.id.isEmpty() ? repository.create(environment) : repository.update(environment);
        },
        [this](Result<Environment> saved) {
            m_saving = false;
            m_buttons->button(QDialogButtonBox::Save)->setEnabled(true);
            if (!saved) {
                if (m_errors.show(saved.error()) == QLatin1String("name"))
                    m_name->setFocus();
                return;
            }
            m_environment = *saved;
            QDialog::accept();
        });
}

} // namespace Cuttle
