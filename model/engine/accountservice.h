#pragma once

#include "model/core/account.h"
#include "model/core/result.h"
#include "model/secrets/secretstore.h"
#include "model/store/workspace.h"

#include <memory>

namespace Cuttle {

/// Accounts with their secrets: the record goes to the database and the secret parts to
/// the keychain in one unit of work, so a keychain failure saves nothing. Blocks on the
/// keychain: call it from a worker thread or the command line, never the GUI thread.
class AccountService final
{
public:
    AccountService(std::shared_ptr<Workspace> workspace, std::shared_ptr<SecretStore> secrets, QString actor = {});

    /// Secrets given here are stored; the has* flags follow from them.
    Result<Account> create(Account account, const AccountSecrets &secrets);
    /// Only the secret parts that are set in `secrets` change; the others are kept.
    Result<Account> update(Account account, const AccountSecrets &secrets);
    /// Deletes the record and its secrets; refused while targets use the account.
    VoidResult remove(const QString &id);
    /// Reads the secret parts the account has from the keychain.
    Result<AccountSecrets> readSecrets(const Account &account) const;

    /// The keychain key of one secret part ("password", "privateKey", "passphrase").
    QString secretKey(const QString &accountId, const QString &part) const;

private:
    VoidResult writeSecrets(const QString &accountId, const AccountSecrets &secrets);
    std::shared_ptr<Workspace> m_workspace;
    std::shared_ptr<SecretStore> m_secrets;
    QString m_actor;
};

} // namespace Cuttle
