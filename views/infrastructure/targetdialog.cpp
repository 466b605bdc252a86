#include "views/infrastructure/targetdialog.h"

#include "model/core/validation.h"
#include "model/engine/workspacesession.h"
#include "model/store/targetrepository.h"
#include "views/infrastructure/healthcheckcontroller.h"
#include "views/infrastructure/hostkeydialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QFontDatabase>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStyle>
#include <QStringListModel>
#include <QVBoxLayout>

namespace Cuttle {
namespace {

bool accountFits(AccountKind account, TargetKind target)
{
    switch (target) {
    case TargetKind::Ssh: return account == AccountKind::UsernamePassword || account == AccountKind::SshKeyPair;
    case TargetKind::WinRm: return account == AccountKind::WinRm || account == AccountKind::UsernamePassword;
    case TargetKind::Local:
    case TargetKind::OfflineDrop: break;
    }
    return false;
}

} // namespace

TargetDialog::TargetDialog(WorkspaceSession *session, const DeploymentTarget &target, const TargetDialogContext &context,
                           QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_target(target)
    , m_context(context)
{
    setWindowTitle(target.id.isEmpty() ? tr("Add deployment target") : tr("Edit deployment target"));
    setMinimumWidth(520);

    m_name = new QLineEdit(target.name, this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("e.g. web-01"));

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kind"));
    for (TargetKind kind : {TargetKind::Ssh, TargetKind::WinRm, TargetKind::Local, TargetKind::OfflineDrop})
        m_kind->addItem(displayName(kind), int(kind));
    m_kind->setCurrentIndex(m_kind->findData(int(target.kind)));

    m_host = new QLineEdit(target.host, this);
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setPlaceholderText(tr("host name or IP address"));
    m_port = new QLineEdit(target.port > 0 ? QString::number(target.port) : QString(), this);
    m_port->setObjectName(QStringLiteral("port"));
    m_useHttps = new QCheckBox(tr("Use HTTPS"), this);
    m_useHttps->setObjectName(QStringLiteral("useHttps"));
    m_useHttps->setChecked(target.useHttps);
    m_account = new QComboBox(this);
    m_account->setObjectName(QStringLiteral("account"));
    m_directory = new QLineEdit(target.directory, this);
    m_directory->setObjectName(QStringLiteral("directory"));

    m_environments = new QListWidget(this);
    m_environments->setObjectName(QStringLiteral("environments"));
    m_environments->setMaximumHeight(110);
    for (const Environment &environment : context.environments) {
        auto *item = new QListWidgetItem(environment.name, m_environments);
        item->setData(Qt::UserRole, environment.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(target.environmentIds.contains(environment.id) ? Qt::Checked : Qt::Unchecked);
    }

    m_tags = new QLineEdit(target.tags.join(QStringLiteral(", ")), this);
    m_tags->setObjectName(QStringLiteral("tags"));
    m_tags->setPlaceholderText(tr("e.g. web, api (comma-separated)"));
    m_tagCompleter = new QCompleter(new QStringListModel(context.tags, this), this);
    m_tagCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    m_tagCompleter->setCompletionMode(QCompleter::PopupCompletion);
    m_tagCompleter->setWidget(m_tags);

    m_enabled = new QCheckBox(tr("Enabled: deployments may use this target"), this);
    m_enabled->setObjectName(QStringLiteral("enabled"));
    m_enabled->setChecked(!target.isDisabled);

    m_participation = new QComboBox(this);
    m_participation->setObjectName(QStringLiteral("tenants"));
    for (TenantedParticipation mode :
         {TenantedParticipation::Untenanted, TenantedParticipation::Tenanted, TenantedParticipation::TenantedOrUntenanted})
        m_participation->addItem(displayName(mode), int(mode));
    m_participation->setCurrentIndex(m_participation->findData(int(target.tenantedParticipation)));

    // Which tenants a tenanted deployment may use this target for: named tenants, or every
    // tenant carrying one of the chosen tags.
    const auto checkableList = [this](const QString &objectName, const QList<std::pair<QString, QString>> &entries,
                                      const QStringList &checked) {
        auto *list = new QListWidget(this);
        list->setObjectName(objectName);
        list->setMaximumHeight(90);
        for (const auto &[label, value] : entries) {
            auto *item = new QListWidgetItem(label, list);
            item->setData(Qt::UserRole, value);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(checked.contains(value, Qt::CaseInsensitive) ? Qt::Checked : Qt::Unchecked);
        }
        return list;
    };
    QList<std::pair<QString, QString>> tenantEntries;
    for (const Tenant &tenant : context.tenants)
        tenantEntries.append({tenant.name, tenant.id});
    m_tenants = checkableList(QStringLiteral("tenantList"), tenantEntries, target.tenantIds);
    QList<std::pair<QString, QString>> tagEntries;
    for (const QString &tag : context.tenantTags)
        tagEntries.append({tag, tag});
    m_tenantTags = checkableList(QStringLiteral("tenantTagList"), tagEntries, target.tenantTags);

    m_policy = new QComboBox(this);
    m_policy->setObjectName(QStringLiteral("machinePolicy"));
    for (const MachinePolicy &policy : context.machinePolicies) {
        m_policy->addItem(policy.name, policy.id);
        if (policy.id == target.machinePolicyId || (target.machinePolicyId.isEmpty() && policy.isDefault))
            m_policy->setCurrentIndex(m_policy->count() - 1);
    }

    m_form = new QFormLayout;
    m_form->addRow(tr("&Name:"), m_errors.wrap(QStringLiteral("name"), m_name));
    m_form->addRow(tr("&Kind:"), m_errors.wrap(QStringLiteral("kind"), m_kind));
    m_hostRow = m_errors.wrap(QStringLiteral("host"), m_host);
    m_form->addRow(tr("&Host:"), m_hostRow);
    auto *portLine = new QWidget(this);
    auto *portLayout = new QHBoxLayout(portLine);
    portLayout->setContentsMargins(0, 0, 0, 0);
    portLayout->addWidget(m_port);
    portLayout->addWidget(m_useHttps);
    portLayout->addStretch();
    m_port->setMaximumWidth(90);
    m_portRow = m_errors.wrap(QStringLiteral("port"), portLine);
    m_form->addRow(tr("&Port:"), m_portRow);
    m_accountRow = m_errors.wrap(QStringLiteral("account"), m_account);
    m_form->addRow(tr("&Account:"), m_accountRow);
    m_form->addRow(tr("&Directory:"), m_errors.wrap(QStringLiteral("directory"), m_directory));
    m_form->addRow(tr("&Environments:"), m_errors.wrap(QStringLiteral("environments"), m_environments));
    m_form->addRow(tr("Target &tags:"), m_errors.wrap(QStringLiteral("tags"), m_tags));
    auto *tenancy = new QWidget(this);
    auto *tenancyLayout = new QVBoxLayout(tenancy);
    tenancyLayout->setContentsMargins(0, 0, 0, 0);
    tenancyLayout->addWidget(m_participation);
    auto *pickers = new QHBoxLayout;
    auto *tenantColumn = new QVBoxLayout;
    tenantColumn->addWidget(new QLabel(tr("Tenants:"), tenancy));
    tenantColumn->addWidget(m_tenants);
    auto *tagColumn = new QVBoxLayout;
    tagColumn->addWidget(new QLabel(tr("Or tenants tagged:"), tenancy));
    tagColumn->addWidget(m_tenantTags);
    pickers->addLayout(tenantColumn);
    pickers->addLayout(tagColumn);
    tenancyLayout->addLayout(pickers);
    m_form->addRow(tr("&Tenants:"), m_errors.wrap(QStringLiteral("tenants"), tenancy));
    m_form->addRow(tr("&Machine policy:"), m_errors.wrap(QStringLiteral("machinePolicy"), m_policy));
    m_form->addRow(QString(), m_enabled);

    // Health: check the saved target right here, with the check's log as it happens.
    m_healthCheck = new HealthCheckController(session, this);
    m_checkHealth = new QPushButton(style()->standardIcon(QStyle::SP_BrowserReload), tr("Check &health"), this);
    m_checkHealth->setObjectName(QStringLiteral("checkHealth"));
    m_healthVerdict = new QLabel(this);
    m_healthVerdict->setObjectName(QStringLiteral("healthVerdict"));
    m_healthVerdict->setWordWrap(true);
    m_healthLog = new QPlainTextEdit(this);
    m_healthLog->setObjectName(QStringLiteral("healthLog"));
    m_healthLog->setReadOnly(true);
    m_healthLog->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_healthLog->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_healthLog->setFixedHeight(130);
    m_healthLog->hide();
    auto *healthRow = new QHBoxLayout;
    healthRow->addWidget(m_checkHealth);
    healthRow->addWidget(m_healthVerdict, 1);
    updateHealthButton();
    connect(m_checkHealth, &QPushButton::clicked, this, &TargetDialog::checkHealth);
    connect(m_healthCheck, &HealthCheckController::logLine, this, [this](const QString &targetId, const QString &line) {
        if (targetId != m_target.id)
            return;
        m_healthLog->appendPlainText(line);
        m_healthLog->verticalScrollBar()->setValue(m_healthLog->verticalScrollBar()->maximum());
    });
    connect(m_healthCheck, &HealthCheckController::started, this, [this]() {
        m_healthLog->show();
        m_healthVerdict->setText(tr("Checking…"));
        m_healthVerdict->setStyleSheet({});
        updateHealthButton();
    });
    connect(m_healthCheck, &HealthCheckController::finished, this, &TargetDialog::healthCheckFinished);
    connect(m_healthCheck, &HealthCheckController::failed, this, [this](const QString &message) {
        m_healthVerdict->setText(message);
        updateHealthButton();
    });

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TargetDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TargetDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addLayout(healthRow);
    layout->addWidget(m_healthLog);
    layout->addWidget(m_errors.createGeneralLabel(this));
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &TargetDialog::updateKind);
    connect(m_participation, &QComboBox::currentIndexChanged, this, &TargetDialog::updateTenantPickers);
    updateTenantPickers();
    connect(m_useHttps, &QCheckBox::toggled, this, [this]() {
        m_port->setPlaceholderText(QString::number(DeploymentTarget::defaultPort(currentKind(), m_useHttps->isChecked())));
    });
    connect(m_tags, &QLineEdit::textEdited, this, &TargetDialog::completeTag);
    connect(m_tagCompleter, qOverload<const QString &>(&QCompleter::activated), this, &TargetDialog::insertCompletion);
    updateKind();
}

void TargetDialog::updateTenantPickers()
{
    const bool tenanted = TenantedParticipation(m_participation->currentData().toInt()) != TenantedParticipation::Untenanted;
    m_tenants->setEnabled(tenanted);
    m_tenantTags->setEnabled(tenanted);
}

TargetKind TargetDialog::currentKind() const
{
    return TargetKind(m_kind->currentData().toInt());
}

void TargetDialog::updateKind()
{
    const TargetKind kind = currentKind();
    const bool remote = kind == TargetKind::Ssh || kind == TargetKind::WinRm;
    m_form->setRowVisible(m_hostRow, remote);
    m_form->setRowVisible(m_portRow, remote);
    m_form->setRowVisible(m_accountRow, remote);
    m_useHttps->setVisible(kind == TargetKind::WinRm);
    m_port->setPlaceholderText(QString::number(DeploymentTarget::defaultPort(kind, m_useHttps->isChecked())));
    switch (kind) {
    case TargetKind::Ssh: m_directory->setPlaceholderText(tr("~/.cuttle (where packages are extracted)")); break;
    case TargetKind::WinRm: m_directory->setPlaceholderText(tr("C:\\Cuttle (where packages are extracted)")); break;
    case TargetKind::Local: m_directory->setPlaceholderText(tr("a folder on this workstation, e.g. /srv/app")); break;
    case TargetKind::OfflineDrop: m_directory->setPlaceholderText(tr("the folder the package bundle is written to")); break;
    }

    const QString selectedAccount = m_account->currentData().toString().isEmpty() ? m_target.accountId
                                                                                   : m_account->currentData().toString();
    m_account->clear();
    m_account->addItem(remote ? tr("(none: use the SSH agent or current user)") : QString(), QString());
    for (const Account &account : std::as_const(m_context.accounts)) {
        if (!accountFits(account.kind, kind))
            continue;
        m_account->addItem(tr("%1 (%2)").arg(account.name, displayName(account.kind)), account.id);
        if (account.id == selectedAccount)
            m_account->setCurrentIndex(m_account->count() - 1);
    }
}

void TargetDialog::completeTag(const QString &text)
{
    const qsizetype comma = text.lastIndexOf(u',');
    const QString prefix = text.mid(comma + 1).trimmed();
    if (prefix.isEmpty()) {
        m_tagCompleter->popup()->hide();
        return;
    }
    m_tagCompleter->setCompletionPrefix(prefix);
    if (m_tagCompleter->completionCount() > 0)
        m_tagCompleter->complete();
    else
        m_tagCompleter->popup()->hide();
}

void TargetDialog::insertCompletion(const QString &completion)
{
    const QString text = m_tags->text();
    const qsizetype comma = text.lastIndexOf(u',');
    const QString head = comma < 0 ? QString() : text.left(comma + 1) + u' ';
    m_tags->setText(head + completion + QStringLiteral(", "));
}

Result<QStringList> TargetDialog::parseTags(const QString &text)
{
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return text.isEmpty() ? Result<QStringList>(QStringList())
                              : Result<QStringList>(Error::validation(
                                    QCoreApplication::translate("Cuttle::Validation",
                                                                "A target tag cannot be empty or only spaces."),
                                    QStringLiteral("tags")));
    // A trailing comma is what completion leaves behind, not an empty tag.
    if (trimmed.endsWith(u','))
        trimmed.chop(1);
    return Validation::tags(trimmed.split(u','));
}

bool TargetDialog::collect(DeploymentTarget &target)
{
    bool valid = true;
    auto fail = [&](const Error &error) {
        m_errors.show(error);
        valid = false;
    };
    target.kind = currentKind();
    if (auto name = Validation::name(m_name->text(), tr("target")); name)
        target.name = *name;
    else
        fail(name.error());

    if (target.isRemote()) {
        if (auto host = Validation::hostName(m_host->text()); host)
            target.host = *host;
        else
            fail(host.error());
        target.useHttps = m_useHttps->isChecked();
        const QString portText = m_port->text().trimmed();
        if (portText.isEmpty()) {
            target.port = DeploymentTarget::defaultPort(target.kind, target.useHttps);
        } else {
            bool isNumber = false;
            const int port = portText.toInt(&isNumber);
            if (!isNumber)
                fail(Error::validation(tr("The port must be a number from 1 to 65535, not \"%1\".").arg(portText),
                                       QStringLiteral("port")));
            else if (auto checked = Validation::port(port); checked)
                target.port = *checked;
            else
                fail(checked.error());
        }
        target.accountId = m_account->currentData().toString();
    } else {
        target.host.clear();
        target.port = 0;
        target.accountId.clear();
    }

    const QString directory = m_directory->text().trimmed();
    if (directory.isEmpty() && target.isRemote()) {
        target.directory.clear(); // the store fills in the kind's default
    } else if (auto checked = Validation::directory(directory); checked) {
        target.directory = *checked;
    } else {
        fail(checked.error());
    }

    target.environmentIds.clear();
    for (int i = 0; i < m_environments->count(); ++i) {
        if (m_environments->item(i)->checkState() == Qt::Checked)
            target.environmentIds << m_environments->item(i)->data(Qt::UserRole).toString();
    }
    if (target.environmentIds.isEmpty())
        fail(Error::validation(tr("The target must belong to at least one environment."), QStringLiteral("environments")));

    if (auto tags = parseTags(m_tags->text()); tags)
        target.tags = *tags;
    else
        fail(tags.error());

    target.isDisabled = !m_enabled->isChecked();
    target.tenantedParticipation = TenantedParticipation(m_participation->currentData().toInt());
    target.tenantIds.clear();
    target.tenantTags.clear();
    if (target.tenantedParticipation != TenantedParticipation::Untenanted) {
        for (const auto &[list, values] : {std::pair{m_tenants, &target.tenantIds}, std::pair{m_tenantTags, &target.tenantTags}}) {
            for (int i = 0; i < list->count(); ++i) {
                if (list->item(i)->checkState() == Qt::Checked)
                    *values << list->item(i)->data(Qt::UserRole).toString();
            }
        }
    }
    target.machinePolicyId = m_policy->currentData().toString();
    return valid;
}

void TargetDialog::accept()
{
    if (m_saving)
        return;
    m_errors.clear();
    DeploymentTarget target = m_target;
    if (target.spaceId.isEmpty())
        target.spaceId = m_session->currentSpaceId();
    if (!collect(target))
        return;

    m_saving = true;
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    WorkspaceSession *session = m_session;
    m_session->write<Result<DeploymentTarget>>(
        this, QStringLiteral("Machine"),
        [session, target]() -> Result<DeploymentTarget> {
            TargetRepository repository(session->context());
            return target.id.isEmpty() ? repository.create(target) : repository.update(target);
        },
        [this](Result<DeploymentTarget> saved) {
            m_saving = false;
            m_buttons->button(QDialogButtonBox::Save)->setEnabled(true);
            if (!saved) {
                m_errors.show(saved.error());
                return;
            }
            m_target = *saved;
            updateHealthButton();
            QDialog::accept();
        });
}

void TargetDialog::updateHealthButton()
{
    const bool saved = !m_target.id.isEmpty();
    m_checkHealth->setEnabled(saved && !m_healthCheck->isRunning());
    m_checkHealth->setToolTip(saved ? tr("Connect to the target as last saved and check that it can take deployments.")
                                    : tr("Save the target first, then check its health."));
}

QString TargetDialog::healthVerdict() const
{
    return m_healthVerdict->text();
}

void TargetDialog::checkHealth()
{
    if (m_target.id.isEmpty() || m_healthCheck->isRunning())
        return;
    m_healthLog->clear();
    m_healthCheck->start({m_target});
}

void TargetDialog::healthCheckFinished(const QList<TargetHealthReport> &reports, bool cancelled)
{
    updateHealthButton();
    const auto it = std::find_if(reports.cbegin(), reports.cend(),
                                 [this](const TargetHealthReport &r) { return r.targetId == m_target.id; });
    if (it == reports.cend())
        return;
    const TargetHealthReport &report = *it;
    if (report.hostKeyPinned)
        m_target.hostKeyFingerprint = report.offeredFingerprint;
    QString verdict = cancelled ? tr("The check was cancelled.") : displayName(report.status);
    if (!cancelled && !report.message.isEmpty())
        verdict += QStringLiteral(": ") + report.message;
    m_healthVerdict->setText(verdict);
    const bool good = report.status == HealthStatus::Healthy;
    const bool warn = report.status == HealthStatus::HasWarnings || report.status == HealthStatus::Unknown;
    m_healthVerdict->setStyleSheet(good ? QStringLiteral("color: #2e7d32;")
                                        : warn ? QStringLiteral("color: #8d6e00;") : QStringLiteral("color: #c62828;"));

    using HostKey = TargetConnector::Connection::HostKey;
    if ((report.hostKey != HostKey::Unknown && report.hostKey != HostKey::Changed) || report.offeredFingerprint.isEmpty()
        || findChild<HostKeyDialog *>())
        return;
    const auto situation = report.hostKey == HostKey::Changed ? HostKeyDialog::Situation::Changed : HostKeyDialog::Situation::Unknown;
    auto *dialog = new HostKeyDialog(situation, report.targetId, report.targetName, report.offeredFingerprint,
                                     m_target.hostKeyFingerprint, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &HostKeyDialog::pinRequested, this, [this](const QString &targetId, const QString &fingerprint) {
        // Pinned in the store by the controller; the dialog's copy follows so that a later Save keeps it.
        connect(m_healthCheck, &HealthCheckController::hostKeyPinned, this, [this, fingerprint](const QString &pinnedId) {
            if (pinnedId == m_target.id)
                m_target.hostKeyFingerprint = fingerprint;
        }, Qt::SingleShotConnection);
        m_healthLog->appendPlainText(tr("Pinning the host key %1 and checking again…").arg(fingerprint));
        m_healthCheck->pinAndRecheck(targetId, fingerprint);
    });
    dialog->open();
}

} // namespace Cuttle
