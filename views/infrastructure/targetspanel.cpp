#include "views/infrastructure/targetspanel.h"

#include "model/engine/workspacesession.h"
#include "model/itemmodels/targetfilterproxymodel.h"
#include "model/itemmodels/targettablemodel.h"
#include "model/store/accountrepository.h"
#include "model/store/environmentrepository.h"
#include "model/store/machinepolicyrepository.h"
#include "model/store/tagsetrepository.h"
#include "model/store/targetrepository.h"
#include "model/store/tenantrepository.h"
#include "views/infrastructure/healthcheckcontroller.h"
#include "views/infrastructure/hostkeydialog.h"
#include "views/infrastructure/targetdialog.h"
#include "views/shell/emptystatewidget.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace Cuttle {
namespace {

/// Everything the panel shows, loaded in one trip to the worker.
struct TargetsSnapshot
{
    TargetDialogContext context;
    QList<DeploymentTarget> targets;
};

Result<TargetsSnapshot> loadSnapshot(const StoreContext &store, const QString &spaceId)
{
    TargetsSnapshot snapshot;
    auto environments = EnvironmentRepository(store).list(spaceId);
    if (!environments)
        return environments.error();
    auto targets = TargetRepository(store).list(spaceId);
    if (!targets)
        return targets.error();
    auto tags = TargetRepository(store).allTags(spaceId);
    if (!tags)
        return tags.error();
    auto accounts = AccountRepository(store).list(spaceId);
    if (!accounts)
        return accounts.error();
    auto policies = MachinePolicyRepository(store).list(spaceId);
    if (!policies)
        return policies.error();
    auto tenants = TenantRepository(store).list(spaceId);
    if (!tenants)
        return tenants.error();
    auto tagSets = TagSetRepository(store).list(spaceId);
    if (!tagSets)
        return tagSets.error();
    QStringList tenantTags;
    for (const TagSet &set : *tagSets) {
        for (const Tag &tag : set.tags)
            tenantTags << set.canonicalTag(tag.name);
    }
    snapshot.context = {*environments, *accounts, *policies, *tags, *tenants, tenantTags};
    snapshot.targets = *targets;
    return snapshot;
}

} // namespace

TargetsPanel::TargetsPanel(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new TargetTableModel(this))
    , m_proxy(new TargetFilterProxyModel(this))
    , m_healthChecks(new HealthCheckController(session, this))
{
    m_proxy->setSourceModel(m_model);

    m_add = new QPushButton(style()->standardIcon(QStyle::SP_ComputerIcon), tr("Add target…"), this);
    m_add->setObjectName(QStringLiteral("addTarget"));
    m_edit = new QPushButton(tr("Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editTarget"));
    m_delete = new QPushButton(style()->standardIcon(QStyle::SP_TrashIcon), tr("Delete"), this);
    m_delete->setObjectName(QStringLiteral("deleteTarget"));
    m_check = new QPushButton(style()->standardIcon(QStyle::SP_BrowserReload), tr("Check health"), this);
    m_check->setObjectName(QStringLiteral("checkHealth"));
    m_check->setToolTip(tr("Connect to the selected targets and check that they can take deployments."));
    m_checkAll = new QPushButton(tr("Check all"), this);
    m_checkAll->setObjectName(QStringLiteral("checkAll"));
    m_checkAll->setToolTip(tr("Check the health of every target the filter shows."));

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("checkProgress"));
    m_progress->setTextVisible(true);
    m_progress->setFormat(tr("%v of %m"));
    m_progressText = new QLabel(this);
    m_progressText->setObjectName(QStringLiteral("checkProgressText"));
    m_cancelCheck = new QPushButton(style()->standardIcon(QStyle::SP_DialogCancelButton), tr("Cancel"), this);
    m_cancelCheck->setObjectName(QStringLiteral("cancelCheck"));
    m_progressRow = new QWidget(this);
    auto *progressLayout = new QHBoxLayout(m_progressRow);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    progressLayout->addWidget(m_progressText);
    progressLayout->addWidget(m_progress, 1);
    progressLayout->addWidget(m_cancelCheck);
    m_progressRow->hide();

    m_filterText = new QLineEdit(this);
    m_filterText->setObjectName(QStringLiteral("filterText"));
    m_filterText->setPlaceholderText(tr("Filter by name, host, tag or environment"));
    m_filterText->setClearButtonEnabled(true);
    m_filterEnvironment = new QComboBox(this);
    m_filterEnvironment->setObjectName(QStringLiteral("filterEnvironment"));
    m_filterTag = new QComboBox(this);
    m_filterTag->setObjectName(QStringLiteral("filterTag"));
    m_filterKind = new QComboBox(this);
    m_filterKind->setObjectName(QStringLiteral("filterKind"));
    m_filterKind->addItem(tr("All kinds"), -1);
    for (TargetKind kind : {TargetKind::Ssh, TargetKind::WinRm, TargetKind::Local, TargetKind::OfflineDrop})
        m_filterKind->addItem(displayName(kind), int(kind));
    m_filterHealth = new QComboBox(this);
    m_filterHealth->setObjectName(QStringLiteral("filterHealth"));
    m_filterHealth->addItem(tr("Any health"), -1);
    for (HealthStatus health : {HealthStatus::Healthy, HealthStatus::HasWarnings, HealthStatus::Unhealthy,
                                HealthStatus::Unavailable, HealthStatus::Unknown})
        m_filterHealth->addItem(displayName(health), int(health));
    fillFilterChoices();

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_add);
    toolbar->addWidget(m_edit);
    toolbar->addWidget(m_delete);
    toolbar->addSpacing(12);
    toolbar->addWidget(m_check);
    toolbar->addWidget(m_checkAll);
    toolbar->addStretch();
    auto *filters = new QHBoxLayout;
    m_filterText->setMinimumWidth(240);
    filters->addWidget(m_filterText, 3);
    for (QComboBox *combo : {m_filterEnvironment, m_filterTag, m_filterKind, m_filterHealth}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
        filters->addWidget(combo, 1);
    }

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("panelMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_message->hide();

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("targets"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(TargetTableModel::Name, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->setColumnWidth(TargetTableModel::Name, 180);
    m_view->setColumnWidth(TargetTableModel::Kind, 110);
    m_view->setColumnWidth(TargetTableModel::Endpoint, 200);
    m_view->setColumnWidth(TargetTableModel::Environments, 160);
    m_view->setColumnWidth(TargetTableModel::Tags, 140);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("targetCount"));
    m_count->setForegroundRole(QPalette::PlaceholderText);

    auto *listPage = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_view, 1);
    listLayout->addWidget(m_count);

    m_empty = new EmptyStateWidget(tr("No deployment targets yet"),
                                   tr("Targets are the machines and folders that receive your software: SSH hosts, "
                                      "Windows machines over WinRM, a directory on this workstation, or an offline "
                                      "package drop. Each belongs to one or more environments and carries target tags "
                                      "that deployment steps select it by."),
                                   this);
    connect(m_empty->addAction(tr("Add the first target…")), &QPushButton::clicked, this, &TargetsPanel::addTarget);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(listPage);
    m_stack->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addLayout(filters);
    layout->addWidget(m_message);
    layout->addWidget(m_progressRow);
    layout->addWidget(m_stack, 1);

    connect(m_add, &QPushButton::clicked, this, &TargetsPanel::addTarget);
    connect(m_edit, &QPushButton::clicked, this, &TargetsPanel::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &TargetsPanel::deleteSelected);
    connect(m_view, &QTableView::doubleClicked, this, &TargetsPanel::editSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &TargetsPanel::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TargetsPanel::updateActions);
    connect(m_check, &QPushButton::clicked, this, &TargetsPanel::checkSelected);
    connect(m_checkAll, &QPushButton::clicked, this, &TargetsPanel::checkAll);
    connect(m_cancelCheck, &QPushButton::clicked, this, [this]() {
        m_healthChecks->cancel();
        m_cancelCheck->setEnabled(false);
        m_progressText->setText(tr("Cancelling…"));
    });
    connect(m_healthChecks, &HealthCheckController::started, this, [this](int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(0);
        m_progressText->setText(tr("Checking %n target(s)…", nullptr, total));
        m_cancelCheck->setEnabled(true);
        m_cancelCheck->show();
        m_progressRow->show();
        updateActions();
    });
    connect(m_healthChecks, &HealthCheckController::progress, this,
            [this](int done, int, const TargetHealthReport &report) {
                m_progress->setValue(done);
                if (m_cancelCheck->isEnabled())
                    m_progressText->setText(tr("Checked %1: %2").arg(report.targetName, displayName(report.status)));
            });
    connect(m_healthChecks, &HealthCheckController::finished, this, &TargetsPanel::checkFinished);
    connect(m_healthChecks, &HealthCheckController::failed, this, &TargetsPanel::showMessage);
    connect(m_filterText, &QLineEdit::textChanged, this, &TargetsPanel::applyFilter);
    for (QComboBox *combo : {m_filterEnvironment, m_filterTag, m_filterKind, m_filterHealth})
        connect(combo, &QComboBox::currentIndexChanged, this, &TargetsPanel::applyFilter);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &TargetsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &TargetsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &TargetsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &TargetsPanel::updateCount);
    connect(m_session, &WorkspaceSession::currentSpaceChanged, this, [this]() {
        showMessage({});
        m_filterText->clear();
        reload();
    });
    connect(m_session, &WorkspaceSession::changed, this, [this](const QString &kind) {
        for (const char *watched : {"Machine", "Environment", "Account", "MachinePolicy", "Tenant", "TagSet"}) {
            if (kind == QLatin1String(watched)) {
                reload();
                return;
            }
        }
    });
    updateActions();
    reload();
}

QString TargetsPanel::message() const
{
    return m_message->text();
}

void TargetsPanel::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void TargetsPanel::fillFilterChoices()
{
    const QString environment = m_filterEnvironment->currentData().toString();
    const QString tag = m_filterTag->currentData().toString();
    const QSignalBlocker blockEnvironment(m_filterEnvironment);
    const QSignalBlocker blockTag(m_filterTag);
    m_filterEnvironment->clear();
    m_filterEnvironment->addItem(tr("All environments"), QString());
    for (const Environment &e : std::as_const(m_context.environments))
        m_filterEnvironment->addItem(e.name, e.id);
    m_filterEnvironment->setCurrentIndex(std::max(0, m_filterEnvironment->findData(environment)));
    m_filterTag->clear();
    m_filterTag->addItem(tr("All target tags"), QString());
    for (const QString &t : std::as_const(m_context.tags))
        m_filterTag->addItem(t, t);
    m_filterTag->setCurrentIndex(std::max(0, m_filterTag->findData(tag)));
}

void TargetsPanel::reload()
{
    const QString spaceId = m_session->currentSpaceId();
    if (spaceId.isEmpty())
        return;
    WorkspaceSession *session = m_session;
    m_session->request<Result<TargetsSnapshot>>(
        this, [session, spaceId]() { return loadSnapshot(session->context(), spaceId); },
        [this, spaceId](Result<TargetsSnapshot> snapshot) {
            if (spaceId != m_session->currentSpaceId())
                return;
            if (!snapshot) {
                showMessage(snapshot.error().message);
                return;
            }
            const QModelIndex current = m_view->currentIndex();
            const QString selected = current.isValid() ? current.data(TargetTableModel::IdRole).toString() : QString();
            m_context = snapshot->context;
            QHash<QString, QString> names;
            for (const Environment &e : std::as_const(m_context.environments))
                names.insert(e.id, e.name);
            m_model->setEnvironmentNames(names);
            m_model->setTargets(snapshot->targets);
            fillFilterChoices();
            applyFilter();
            m_stack->setCurrentIndex(snapshot->targets.isEmpty() ? 1 : 0);
            if (const int row = m_model->rowOfId(selected); row >= 0)
                m_view->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, 0)));
            updateActions();
            updateCount();
            m_loaded = true;
            emit loaded();
        });
}

void TargetsPanel::applyFilter()
{
    TargetFilter filter;
    filter.environmentId = m_filterEnvironment->currentData().toString();
    filter.tag = m_filterTag->currentData().toString();
    if (const int kind = m_filterKind->currentData().toInt(); kind >= 0)
        filter.kind = TargetKind(kind);
    if (const int health = m_filterHealth->currentData().toInt(); health >= 0)
        filter.health = HealthStatus(health);
    filter.setText(m_filterText->text());
    m_proxy->setFilter(filter);
    updateCount();
    updateActions();
}

void TargetsPanel::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    if (shown == total)
        m_count->setText(tr("%n target(s)", nullptr, total));
    else if (shown == 0)
        m_count->setText(tr("No target matches the filter (%n in all).", nullptr, total));
    else
        m_count->setText(tr("%1 of %n target(s) match the filter.", nullptr, total).arg(shown));
}

void TargetsPanel::updateActions()
{
    // Edit and Delete act on the current row; with several rows selected that would surprise.
    const qsizetype selectedRows = m_view->selectionModel()->selectedRows().size();
    const bool single = m_view->currentIndex().isValid() && selectedRows <= 1;
    m_edit->setEnabled(single);
    m_delete->setEnabled(single);
    const bool idle = !m_healthChecks->isRunning();
    m_check->setEnabled(idle && selectedRows > 0);
    m_checkAll->setEnabled(idle && m_proxy->rowCount() > 0);
}

QList<DeploymentTarget> TargetsPanel::selectedTargets() const
{
    QList<DeploymentTarget> targets;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        targets << m_model->target(m_proxy->mapToSource(index).row());
    return targets;
}

void TargetsPanel::checkSelected()
{
    startCheck(selectedTargets());
}

void TargetsPanel::checkAll()
{
    QList<DeploymentTarget> targets;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        targets << m_model->target(m_proxy->mapToSource(m_proxy->index(row, 0)).row());
    startCheck(targets);
}

void TargetsPanel::startCheck(const QList<DeploymentTarget> &targets)
{
    if (targets.isEmpty() || m_healthChecks->isRunning())
        return;
    showMessage({});
    m_healthChecks->start(targets);
}

void TargetsPanel::checkFinished(const QList<TargetHealthReport> &reports, bool cancelled)
{
    int healthy = 0;
    for (const TargetHealthReport &report : reports) {
        if (report.status == HealthStatus::Healthy)
            ++healthy;
    }
    // The summary stays in view until the next check; only Cancel goes.
    m_cancelCheck->hide();
    if (cancelled) {
        m_progressText->setText(tr("Cancelled."));
        showMessage(tr("The health check was cancelled; targets not checked keep their last result."));
    } else {
        m_progressText->setText(tr("%1 of %n target(s) healthy.", nullptr, int(reports.size())).arg(healthy));
    }
    updateActions();
    askAboutHostKeys(reports);
}

void TargetsPanel::askAboutHostKeys(const QList<TargetHealthReport> &reports)
{
    using HostKey = TargetConnector::Connection::HostKey;
    for (const TargetHealthReport &report : reports) {
        if ((report.hostKey == HostKey::Unknown || report.hostKey == HostKey::Changed)
            && !report.offeredFingerprint.isEmpty())
            m_hostKeyQuestions << report;
    }
    showNextHostKeyDialog();
}

void TargetsPanel::showNextHostKeyDialog()
{
    if (m_hostKeyQuestions.isEmpty() || findChild<HostKeyDialog *>())
        return;
    const TargetHealthReport report = m_hostKeyQuestions.takeFirst();
    QString pinned;
    if (const int row = m_model->rowOfId(report.targetId); row >= 0)
        pinned = m_model->target(row).hostKeyFingerprint;
    const auto situation = report.hostKey == TargetConnector::Connection::HostKey::Changed
                               ? HostKeyDialog::Situation::Changed
                               : HostKeyDialog::Situation::Unknown;
    auto *dialog = new HostKeyDialog(situation, report.targetId, report.targetName, report.offeredFingerprint, pinned, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &HostKeyDialog::pinRequested, m_healthChecks, &HealthCheckController::pinAndRecheck);
    connect(dialog, &QObject::destroyed, this, &TargetsPanel::showNextHostKeyDialog, Qt::QueuedConnection);
    dialog->open();
}

void TargetsPanel::addTarget()
{
    showMessage({});
    if (m_context.environments.isEmpty()) {
        showMessage(tr("Add an environment first: every target belongs to at least one environment."));
        return;
    }
    DeploymentTarget target;
    target.spaceId = m_session->currentSpaceId();
    // Adding while filtered by an environment most likely means adding to that environment.
    if (const QString environment = m_filterEnvironment->currentData().toString(); !environment.isEmpty())
        target.environmentIds << environment;
    auto *dialog = new TargetDialog(m_session, target, m_context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void TargetsPanel::editSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    showMessage({});
    const int row = m_proxy->mapToSource(current).row();
    auto *dialog = new TargetDialog(m_session, m_model->target(row), m_context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void TargetsPanel::deleteSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const DeploymentTarget target = m_model->target(m_proxy->mapToSource(current).row());
    if (QMessageBox::question(this, tr("Delete target"), tr("Delete the deployment target \"%1\"?").arg(target.name),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    showMessage({});
    WorkspaceSession *session = m_session;
    const QString id = target.id;
    m_session->write<VoidResult>(
        this, QStringLiteral("Machine"), [session, id]() { return TargetRepository(session->context()).remove(id); },
        [this](VoidResult removed) {
            if (!removed)
                showMessage(removed.error().message);
        });
}

} // namespace Cuttle
