#pragma once

#include "model/core/domainenums.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace Cuttle {

/// Credentials for reaching targets. Only the non-secret parts live here (and in the
/// database); the secret parts are AccountSecrets in the keychain.
struct Account
{
    QString id;
    QString spaceId;
    QString name;
    QString description;
    AccountKind kind = AccountKind::UsernamePassword;
    QString username;
    QStringList environmentIds; ///< empty: usable in every environment
    bool hasPassword = false;   ///< a password (or WinRM password) is in the keychain
    bool hasPrivateKey = false; ///< an SSH private key is in the keychain
    bool hasPassphrase = false; ///< the private key's passphrase is in the keychain
};

/// The secret parts of an account; never written to the database, exports or logs.
struct AccountSecrets
{
    std::optional<QByteArray> password;
    std::optional<QByteArray> privateKey;
    std::optional<QByteArray> passphrase;
};

} // namespace Cuttle
