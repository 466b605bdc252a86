#include "views/infrastructure/accountspanel.h"

#include "model/engine/accountservice.h"
#include "model/engine/workspacesession.h"
#include "model/itemmodels/accountlistmodel.h"
#include "model/store/accountrepository.h"
#include "views/infrastructure/accountdialog.h"
#include "views/shell/emptystatewidget.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Cuttle {

AccountsPanel::AccountsPanel(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new AccountListModel(this))
{
    auto *add = new QPushButton(tr("Add account…"), this);
    add->setObjectName(QStringLiteral("addAccount"));
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
    m_view->setObjectName(QStringLiteral("accounts"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(AccountListModel::Name, 200);
    m_view->setColumnWidth(AccountListModel::Kind, 160);
    m_view->setColumnWidth(AccountListModel::Username, 160);

    auto *empty = new EmptyStateWidget(tr("No accounts yet"),
                                       tr("Accounts hold the credentials targets are reached with: a username and "
                                          "password, an SSH key pair with its passphrase, or WinRM credentials. The "
                                          "secret parts are kept in the system keychain (%1), never in the workspace.")
                                           .arg(session->secrets()->backendName()),
                                       this);
    connect(empty->addAction(tr("Add the first account…")), &QPushButton::clicked, this, &AccountsPanel::addAccount);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_view);
    m_stack->addWidget(empty);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_stack, 1);

    connect(add, &QPushButton::clicked, this, &AccountsPanel::addAccount);
    connect(m_edit, &QPushButton::clicked, this, &AccountsPanel::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &AccountsPanel::deleteSelected);
    connect(m_view, &QTableView::doubleClicked, this, &AccountsPanel::editSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &AccountsPanel::updateActions);
    connect(m_session, &WorkspaceSession::currentSpaceChanged, this, [this]() {
        showMessage({});
        reload();
    });
    connect(m_session, &WorkspaceSession::changed, this, [this](const QString &kind) {
        if (kind == QLatin1String("Account"))
            reload();
    });
    updateActions();
    reload();
}

QString AccountsPanel::message() const
{
    return m_message->text();
}

void AccountsPanel::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void AccountsPanel::updateActions()
{
    const bool selected = m_view->currentIndex().isValid();
    m_edit->setEnabled(selected);
    m_delete->setEnabled(selected);
}

void AccountsPanel::reload()
{
    const QString spaceId = m_session->currentSpaceId();
    if (spaceId.isEmpty())
        return;
    WorkspaceSession *session = m_session;
    m_session->request<Result<QList<Account>>>(
        this, [session, spaceId]() { return AccountRepository(session->context()).list(spaceId); },
        [this, spaceId](Result<QList<Account>> accounts) {
            if (spaceId != m_session->currentSpaceId())
                return;
            if (!accounts) {
                showMessage(accounts.error().message);
                return;
            }
            m_model->setAccounts(*accounts);
            m_stack->setCurrentIndex(accounts->isEmpty() ? 1 : 0);
            updateActions();
            emit loaded();
        });
}

void AccountsPanel::addAccount()
{
    showMessage({});
    Account account;
    account.spaceId = m_session->currentSpaceId();
    auto *dialog = new AccountDialog(m_session, account, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void AccountsPanel::editSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    showMessage({});
    auto *dialog = new AccountDialog(m_session, m_model->account(current.row()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void AccountsPanel::deleteSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const Account account = m_model->account(current.row());
    if (QMessageBox::question(this, tr("Delete account"),
                              tr("Delete the account \"%1\" and its secrets in the keychain?").arg(account.name),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    showMessage({});
    WorkspaceSession *session = m_session;
    const QString id = account.id;
    m_session->write<VoidResult>(
        this, QStringLiteral("Account"),
        [session, id]() { return AccountService(session->workspace(), session->secrets()).remove(id); },
        [this](VoidResult removed) {
            if (!removed)
                showMessage(removed.error().message);
        });
}

} // namespace Cuttle
