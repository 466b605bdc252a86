#pragma once

#include "model/secrets/secretstore.h"

#include <chrono>

namespace Cuttle {

/// The SecretStore of a real installation: the operating system's keychain through
/// QtKeychain (Secret Service on Linux), under the service name "cuttle". Calls block
/// until the keychain answers and may come from any thread, but never the GUI thread.
/// Secrets are never written to QtKeychain's plain-text fallback.
class KeychainSecretStore final : public SecretStore
{
public:
    /// timeout bounds each call, since a locked keychain may wait for a password prompt.
    explicit KeychainSecretStore(std::chrono::milliseconds timeout = std::chrono::seconds(60));
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

    /// The service name every Cuttle secret is stored under.
    static QString serviceName();

    VoidResult write(const QString &key, const QByteArray &secret) override;
    Result<QByteArray> read(const QString &key) override;
    VoidResult remove(const QString &key) override;
    QString backendName() const override;

private:
    std::chrono::milliseconds m_timeout;
};

} // namespace Cuttle
