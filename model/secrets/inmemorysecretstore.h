#pragma once

#include "model/secrets/secretstore.h"

#include <QHash>
#include <QMutex>
#include <QStringList>

#include <optional>

namespace Cuttle {

/// A SecretStore that keeps secrets in process memory only; for tests of the layers above
/// the keychain. Safe to use from several threads at once.
class InMemorySecretStore final : public SecretStore
{
public:
    InMemorySecretStore() = default;
    Q_DISABLE_COPY_MOVE(InMemorySecretStore)

    VoidResult write(const QString &key, const QByteArray &secret) override;
    Result<QByteArray> read(const QString &key) override;
    VoidResult remove(const QString &key) override;
    QString backendName() const override;

    /// The keys that hold a secret, sorted; lets a test check what a layer stored.
    QStringList keys() const;

    /// Makes every following call fail with error, as an unreachable keychain would,
    /// until clearFailure(); secrets stored so far are kept.
    void failWith(const Error &error);
    void clearFailure();

private:
    mutable QMutex m_mutex;
    QHash<QString, QByteArray> m_secrets;
    std::optional<Error> m_failure;
};

} // namespace Cuttle
