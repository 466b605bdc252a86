#include "model/secrets/inmemorysecretstore.h"

#include <QCoreApplication>
#include <QMutexLocker>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Cuttle {

VoidResult InMemorySecretStore::write(const QString &key, const QByteArray &secret)
{
    QMutexLocker locker(&m_mutex);
    if (m_failure)
        return *m_failure;
    if (key.isEmpty()) {
        return Error::validation(
            QCoreApplication::translate("SecretStore", "A secret needs a key to be stored under."));
    }
    m_secrets.insert(key, secret);
    return {};
}

Result<QByteArray> InMemorySecretStore::read(const QString &key)
{
    QMutexLocker locker(&m_mutex);
    if (m_failure)
        return *m_failure;
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.constEnd()) {
        return Error::notFound(
            QCoreApplication::translate("SecretStore", "No secret is stored under \"%1\".").arg(key));
    }
    return *it;
}

VoidResult InMemorySecretStore::remove(const QString &key)
{
    QMutexLocker locker(&m_mutex);
    if (m_failure)
        return *m_failure;
    m_secrets.remove(key);
    return {};
}

QString InMemorySecretStore::backendName() const
{
    return u"memory"_s;
}

QStringList InMemorySecretStore::keys() const
{
    QMutexLocker locker(&m_mutex);
    QStringList result = m_secrets.keys();
    std::sort(result.begin(), result.end());
    return result;
}

void InMemorySecretStore::failWith(const Error &error)
{
    QMutexLocker locker(&m_mutex);
    m_failure = error;
}

void InMemorySecretStore::clearFailure()
{
    QMutexLocker locker(&m_mutex);
    m_failure.reset();
}

} // namespace Cuttle
