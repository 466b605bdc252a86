#include "views/infrastructure/accountspanel.h"

#include "model/engine/accountservice.h"
#include "model/engine/workspacesession.h"
#include "model/itemmodels/accountlistmodel.h"
#include "model/store/accountrepository.h"
#include "views/infrastructure/accountdialog.h"

#include <QHeaderView>
#include <QTableView>

namespace Cuttle {

AccountsPanel::AccountsPanel(WorkspaceSession *session, QWidget *parent)
    : RecordListPanel(session, QStringLiteral("Account"), parent)
    , m_model(new AccountListModel(this))
    , m_view(new QTableView(this))
{
    m_view->setObjectName(QStringLiteral("accounts"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(AccountListModel::Name, 200);
    m_view->setColumnWidth(AccountListModel::Kind, 160);
    m_view->setColumnWidth(AccountListModel::Username, 160);

    Texts texts;
    texts.addLabel = tr("Add account…");
    texts.addObjectName = QStringLiteral("addAccount");
    texts.emptyTitle = tr("No accounts yet");
    texts.emptyExplanation = tr("Accounts hold the credentials targets are reached with: a username and password, an "
                                "SSH key pair with its passphrase, or WinRM credentials. The secret parts are kept in "
                                "the system keychain (%1), never in the workspace.")
                                 .arg(session->secrets()->backendName());
    texts.emptyAction = tr("Add the first account…");
    setUp(m_view, texts);
}

void AccountsPanel::load(const QString &spaceId)
{
    WorkspaceSession *s = session();
    s->request<Result<QList<Account>>>(
        this, [s, spaceId]() { return AccountRepository(s->context()).list(spaceId); },
        [this, spaceId](Result<QList<Account>> accounts) {
            if (spaceId != session()->currentSpaceId())
                return;
            if (!accounts) {
                showMessage(accounts.error().message);
                return;
            }
            m_model->setAccounts(*accounts);
            loadFinished(accounts->isEmpty());
        });
}

void AccountsPanel::openEditor(const QModelIndex &index)
{
    Account account;
    account.spaceId = session()->currentSpaceId();
    auto *dialog = new AccountDialog(session(), index.isValid() ? m_model->account(index.row()) : account, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void AccountsPanel::deleteRecord(const QModelIndex &index)
{
    const Account account = m_model->account(index.row());
    WorkspaceSession *s = session();
    const QString id = account.id;
    removeAfterConfirmation(tr("Delete account"),
                            tr("Delete the account \"%1\" and its secrets in the keychain?").arg(account.name),
                            [s, id]() { return AccountService(s->workspace(), s->secrets()).remove(id); });
}

} // namespace Cuttle
