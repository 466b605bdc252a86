#include "views/projects/projectdialog.h"

#include "views/projects/fielderrorlabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Cuttle {

namespace {

QVBoxLayout *withError(QWidget *field, FieldErrorLabel *error)
{
    auto *box = new QVBoxLayout;
    box->setSpacing(2);
    box->addWidget(field);
    box->addWidget(error);
    return box;
}

} // namespace

ProjectDialog::ProjectDialog(const QList<ProjectGroup> &groups, const QList<Lifecycle> &lifecycles, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Project"));
    setMinimumWidth(480);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_nameError = new FieldErrorLabel(this);
    m_nameError->setObjectName(QStringLiteral("nameError"));
    form->addRow(tr("Name"), withError(m_name, m_nameError));

    m_group = new QComboBox(this);
    m_group->setObjectName(QStringLiteral("projectGroup"));
    for (const ProjectGroup &g : groups)
        m_group->addItem(g.name, g.id);
    m_groupError = new FieldErrorLabel(this);
    form->addRow(tr("Project group"), withError(m_group, m_groupError));

    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(70);
    form->addRow(tr("Description"), m_description);

    m_lifecycle = new QComboBox(this);
    m_lifecycle->setObjectName(QStringLiteral("lifecycle"));
    for (const Lifecycle &l : lifecycles)
        m_lifecycle->addItem(l.name, l.id);
    m_lifecycleError = new FieldErrorLabel(this);
    form->addRow(tr("Lifecycle"), withError(m_lifecycle, m_lifecycleError));

    m_tenantedMode = new QComboBox(this);
    m_tenantedMode->setObjectName(QStringLiteral("tenantedMode"));
    for (TenantedMode mode : {TenantedMode::Untenanted, TenantedMode::Tenanted, TenantedMode::TenantedOrUntenanted})
        m_tenantedMode->addItem(displayName(mode), int(mode));
    form->addRow(tr("Tenanted deployments"), m_tenantedMode);
    layout->addLayout(form);

    auto *connectivity = new QGroupBox(tr("Connectivity"), this);
    auto *connectivityLayout = new QVBoxLayout(connectivity);
    m_allowNoTargets = new QCheckBox(tr("Allow deployments when no targets are found"), connectivity);
    m_skipUnavailable = new QCheckBox(tr("Skip targets that are unavailable"), connectivity);
    m_excludeUnhealthy = new QCheckBox(tr("Exclude unhealthy targets from deployments"), connectivity);
    for (QCheckBox *box : {m_allowNoTargets, m_skipUnavailable, m_excludeUnhealthy})
        connectivityLayout->addWidget(box);
    layout->addWidget(connectivity);

    m_generalError = new FieldErrorLabel(this);
    m_generalError->setObjectName(QStringLiteral("generalError"));
    layout->addWidget(m_generalError);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("save"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProjectDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textEdited, m_nameError, &FieldErrorLabel::clearError);
}

void ProjectDialog::setProject(const Project &project)
{
    m_project = project;
    m_name->setText(project.name);
    if (const int i = m_group->findData(project.projectGroupId); i >= 0)
        m_group->setCurrentIndex(i);
    m_description->setPlainText(project.description);
    if (const int i = m_lifecycle->findData(project.lifecycleId); i >= 0)
        m_lifecycle->setCurrentIndex(i);
    m_tenantedMode->setCurrentIndex(m_tenantedMode->findData(int(project.tenantedMode)));
    m_allowNoTargets->setChecked(project.allowDeploymentsToNoTargets);
    m_skipUnavailable->setChecked(project.skipUnavailableTargets);
    m_excludeUnhealthy->setChecked(project.excludeUnhealthyTargets);
}

Project ProjectDialog::project() const
{
    Project p = m_project;
    p.name = m_name->text();
    p.projectGroupId = m_group->currentData().toString();
    p.description = m_description->toPlainText();
    p.lifecycleId = m_lifecycle->currentData().toString();
    p.tenantedMode = TenantedMode(m_tenantedMode->currentData().toInt());
    p.allowDeploymentsToNoTargets = m_allowNoTargets->isChecked();
    p.skipUnavailableTargets = m_skipUnavailable->isChecked();
    p.excludeUnhealthyTargets = m_excludeUnhealthy->isChecked();
    return p;
}

void ProjectDialog::clearErrors()
{
    for (FieldErrorLabel *label : {m_nameError, m_groupError, m_lifecycleError, m_generalError})
        label->clearError();
}

void ProjectDialog::submit()
{
    clearErrors();
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    emit submitted();
}

void ProjectDialog::showError(const Error &error)
{
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(true);
    if (error.field == u"name") {
        m_nameError->setError(error.message);
        m_name->setFocus();
    } else if (error.field == u"projectGroup") {
        m_groupError->setError(error.message);
    } else if (error.field == u"lifecycle") {
        m_lifecycleError->setError(error.message);
    } else {
        m_generalError->setError(error.message);
    }
}

} // namespace Cuttle
