#pragma once

#include "model/core/account.h"
#include "model/core/result.h"
#include "model/store/storecontext.h"

#include <QList>
#include <QSet>

#include <functional>

namespace Cuttle {

/// The non-secret part of accounts. The secret parts go to the keychain through
/// AccountService, which calls this inside the same unit of work.
class AccountRepository final
{
public:
    explicit AccountRepository(StoreContext context) : m_context(std::move(context)) {}

    Result<QList<Account>> list(const QString &spaceId) const;
    Result<Account> get(const QString &id) const;
    Result<Account> find(const QString &spaceId, const QString &idOrName) const;

    /// `beforeCommit` runs inside the transaction once the id is known (to write the
    /// keychain); when it fails, nothing is saved.
    Result<Account> create(Account account, const std::function<VoidResult(const Account &)> &beforeCommit = {});
    Result<Account> update(const Account &account, const QSet<QString> &changedSecrets = {},
                           const std::function<VoidResult(const Account &)> &beforeCommit = {});
    /// Refused while targets use the account.
    VoidResult remove(const QString &id, const std::function<VoidResult(const Account &)> &beforeCommit = {});

    static VoidResult validate(Account &account);

private:
    StoreContext m_context;
};

} // namespace Cuttle
