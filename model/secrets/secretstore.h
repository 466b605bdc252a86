#pragma once

#include "model/core/result.h"

#include <QByteArray>
#include <QString>

namespace Cuttle {

/// Where Cuttle keeps the secret part of credentials and sensitive variables.
/// Keys are built with SecretKey ("<workspace id>/<record id>/<part>"). Every call may
/// block on the keychain (and on a password prompt), so never call it on the GUI thread.
class SecretStore
{
public:
    virtual ~SecretStore() = default;

    /// Stores the secret under key, replacing any previous value.
    virtual VoidResult write(const QString &key, const QByteArray &secret) = 0;
    /// The secret under key; an Error of kind NotFound when there is none.
    virtual Result<QByteArray> read(const QString &key) = 0;
    /// Deletes the secret under key; removing an absent key succeeds.
    virtual VoidResult remove(const QString &key) = 0;
    /// A short name of the backend for diagnostics ("Secret Service", "memory").
    virtual QString backendName() const = 0;

protected:
    SecretStore() = default;
    SecretStore(const SecretStore &) = default;
    SecretStore &operator=(const SecretStore &) = default;
};

} // namespace Cuttle
