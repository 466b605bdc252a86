#include "views/infrastructure/machinepoliciespanel.h"

#include "model/engine/workspacesession.h"
#include "model/itemmodels/machinepolicylistmodel.h"
#include "model/store/machinepolicyrepository.h"
#include "views/infrastructure/machinepolicydialog.h"

#include <QHeaderView>
#include <QTableView>

namespace Cuttle {

MachinePoliciesPanel::MachinePoliciesPanel(WorkspaceSession *session, QWidget *parent)
    : RecordListPanel(session, QStringLiteral("MachinePolicy"), parent)
    , m_model(new MachinePolicyListModel(this))
    , m_view(new QTableView(this))
{
    m_view->setObjectName(QStringLiteral("machinePolicies"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(MachinePolicyListModel::Name, 240);
    m_view->setColumnWidth(MachinePolicyListModel::HealthCheckInterval, 160);

    Texts texts;
    texts.intro = tr("A machine policy says how often its targets are health-checked, and whether a check only tests "
                     "the connection. Every space has a default policy that new targets use.");
    texts.addLabel = tr("Add machine policy…");
    texts.addObjectName = QStringLiteral("addMachinePolicy");
    setUp(m_view, texts);
}

void MachinePoliciesPanel::load(const QString &spaceId)
{
    WorkspaceSession *s = session();
    s->request<Result<QList<MachinePolicy>>>(
        this, [s, spaceId]() { return MachinePolicyRepository(s->context()).list(spaceId); },
        [this, spaceId](Result<QList<MachinePolicy>> policies) {
            if (spaceId != session()->currentSpaceId())
                return;
            if (!policies) {
                showMessage(policies.error().message);
                return;
            }
            m_model->setPolicies(*policies);
            loadFinished(policies->isEmpty());
        });
}

bool MachinePoliciesPanel::canDelete(const QModelIndex &index) const
{
    return index.isValid() && !index.data(MachinePolicyListModel::IsDefaultRole).toBool();
}

void MachinePoliciesPanel::openEditor(const QModelIndex &index)
{
    MachinePolicy policy;
    policy.spaceId = session()->currentSpaceId();
    auto *dialog = new MachinePolicyDialog(session(), index.isValid() ? m_model->policy(index.row()) : policy, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MachinePoliciesPanel::deleteRecord(const QModelIndex &index)
{
    const MachinePolicy policy = m_model->policy(index.row());
    WorkspaceSession *s = session();
    const QString id = policy.id;
    removeAfterConfirmation(tr("Delete machine policy"), tr("Delete the machine policy \"%1\"?").arg(policy.name),
                            [s, id]() { return MachinePolicyRepository(s->context()).remove(id); });
}

} // namespace Cuttle
