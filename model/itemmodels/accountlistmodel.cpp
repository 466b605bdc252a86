#include "model/itemmodels/accountlistmodel.h"

namespace Cuttle {

AccountListModel::AccountListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AccountListModel::setAccounts(const QList<Account> &accounts)
{
    beginResetModel();
    m_accounts = accounts;
    endResetModel();
}

int AccountListModel::rowOfId(const QString &id) const
{
    for (qsizetype i = 0; i < m_accounts.size(); ++i) {
        if (m_accounts.at(i).id == id)
            return int(i);
    }
    return -1;
}

int AccountListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_accounts.size());
}

int AccountListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Account &account = m_accounts.at(index.row());
    if (role == IdRole)
        return account.id;
    if (role == KindRole)
        return int(account.kind);
    if (role == Qt::ToolTipRole && !account.description.isEmpty())
        return account.description;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Name: return account.name;
    case Kind: return displayName(account.kind);
    case Username: return account.username;
    case Secrets: {
        // Only whether a secret is in the keychain is known here; the secret itself never is.
        QStringList parts;
        if (account.hasPassword)
            parts << tr("password");
        if (account.hasPrivateKey)
            parts << tr("private key");
        if (account.hasPassphrase)
            parts << tr("passphrase");
        return parts.isEmpty() ? tr("none") : parts.join(QStringLiteral(", "));
    }
    case ColumnCount: break;
    }
    return {};
}

QVariant AccountListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name: return tr("Name");
    case Kind: return tr("Kind");
    case Username: return tr("Username");
    case Secrets: return tr("In the keychain");
    case ColumnCount: break;
    }
    return {};
}

} // namespace Cuttle
