#pragma once

#include "model/core/account.h"

#include <QAbstractTableModel>
#include <QList>

namespace Cuttle {

/// Accounts of a space (their non-secret parts).
class AccountListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountListModel)

public:
    enum Column { Name, Kind, Username, Secrets, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, KindRole };

    explicit AccountListModel(QObject *parent = nullptr);

    void setAccounts(const QList<Account> &accounts);
    const QList<Account> &accounts() const { return m_accounts; }
    const Account &account(int row) const { return m_accounts.at(row); }
    int rowOfId(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Account> m_accounts;
};

} // namespace Cuttle
