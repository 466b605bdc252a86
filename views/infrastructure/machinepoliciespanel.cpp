#include "views/infrastructure/machinepoliciespanel.h"

#include "model/engine/workspacesession.h"
#include "model/itemmodels/machinepolicylistmodel.h"
#include "model/store/machinepolicyrepository.h"
#include "views/infrastructure/machinepolicydialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Cuttle {

MachinePoliciesPanel::MachinePoliciesPanel(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new MachinePolicyListModel(this))
{
    auto *intro = new QLabel(tr("A machine policy says how often its targets are health-checked, and whether a check "
                                "only tests the connection. Every space has a default policy that new targets use."),
                             this);
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);
    auto *add = new QPushButton(tr("Add machine policy…"), this);
    add->setObjectName(QStringLiteral("addMachinePolicy"));
    m_edit = new QPushButton(tr("Edit…"), this);
    m_delete = new QPushButton(tr("Delete"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_delete);
    buttons->addStretch();

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("panelMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_message->hide();

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("machinePolicies"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(MachinePolicyListModel::Name, 240);
    m_view->setColumnWidth(MachinePolicyListModel::HealthCheckInterval, 160);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);

    connect(add, &QPushButton::clicked, this, &MachinePoliciesPanel::addPolicy);
    connect(m_edit, &QPushButton::clicked, this, &MachinePoliciesPanel::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &MachinePoliciesPanel::deleteSelected);
    connect(m_view, &QTableView::doubleClicked, this, &MachinePoliciesPanel::editSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &MachinePoliciesPanel::updateActions);
    connect(m_session, &WorkspaceSession::currentSpaceChanged, this, [this]() {
        showMessage({});
        reload();
    });
    connect(m_session, &WorkspaceSession::changed, this, [this](const QString &kind) {
        if (kind == QLatin1String("MachinePolicy"))
            reload();
    });
    updateActions();
    reload();
}

QString MachinePoliciesPanel::message() const
{
    return m_message->text();
}

void MachinePoliciesPanel::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void MachinePoliciesPanel::updateActions()
{
    const QModelIndex current = m_view->currentIndex();
    m_edit->setEnabled(current.isValid());
    m_delete->setEnabled(current.isValid() && !current.data(MachinePolicyListModel::IsDefaultRole).toBool());
}

void MachinePoliciesPanel::reload()
{
    const QString spaceId = m_session->currentSpaceId();
    if (spaceId.isEmpty())
        return;
    WorkspaceSession *session = m_session;
    m_session->request<Result<QList<MachinePolicy>>>(
        this, [session, spaceId]() { return MachinePolicyRepository(session->context()).list(spaceId); },
        [this, spaceId](Result<QList<MachinePolicy>> policies) {
            if (spaceId != m_session->currentSpaceId())
                return;
            if (!policies) {
                showMessage(policies.error().message);
                return;
            }
            m_model->setPolicies(*policies);
            updateActions();
            emit loaded();
        });
}

void MachinePoliciesPanel::addPolicy()
{
    showMessage({});
    MachinePolicy policy;
    policy.spaceId = m_session->currentSpaceId();
    auto *dialog = new MachinePolicyDialog(m_session, policy, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MachinePoliciesPanel::editSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    showMessage({});
    auto *dialog = new MachinePolicyDialog(m_session, m_model->policy(current.row()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MachinePoliciesPanel::deleteSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const MachinePolicy policy = m_model->policy(current.row());
    if (QMessageBox::question(this, tr("Delete machine policy"), tr("Delete the machine policy \"%1\"?").arg(policy.name),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    showMessage({});
    WorkspaceSession *session = m_session;
    const QString id = policy.id;
    m_session->write<VoidResult>(
        this, QStringLiteral("MachinePolicy"),
        [session, id]() { return MachinePolicyRepository(session->context()).remove(id); },
        [this](VoidResult removed) {
            if (!removed)
                showMessage(removed.error().message);
        });
}

} // namespace Cuttle
