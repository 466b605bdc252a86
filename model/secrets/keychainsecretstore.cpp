#include "model/secrets/keychainsecretstore.h"

#include "model/secrets/keychainjobrunner.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

using Operation = KeychainJobRunner::Operation;

// The clause that ends every failure sentence, so the user knows what did not happen.
QString consequence(Operation operation)
{
    switch (operation) {
    case Operation::Write:
        return QCoreApplication::translate("KeychainSecretStore", "the secret was not saved");
    case Operation::Read:
        return QCoreApplication::translate("KeychainSecretStore", "the secret could not be read");
    case Operation::Remove:
        return QCoreApplication::translate("KeychainSecretStore", "the secret was not removed");
    }
    return {};
}

// Why the keychain cannot be reached, when that is the reason; empty when it can be.
// libsecret reports a missing Secret Service only as a generic D-Bus error, so ask the
// bus directly instead of parsing messages.
QString unreachableReason(const QString &errorString)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS) && !defined(Q_OS_ANDROID)
    const QString secretsService = u"org.freedesktop.secrets"_s;
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return QCoreApplication::translate("KeychainSecretStore", "no D-Bus session bus is running");
    const QDBusConnectionInterface *busInterface = bus.interface();
    if (busInterface && !busInterface->isServiceRegistered(secretsService).value()) {
        const QStringList activatable = busInterface->activatableServiceNames().value();
        if (!activatable.contains(secretsService))
            return QCoreApplication::translate("KeychainSecretStore", "no Secret Service is running");
    }
#endif
    if (errorString.contains(u"org.freedesktop.secrets"_s)
        || errorString.contains(u"was not provided by any .service files"_s)) {
        return QCoreApplication::translate("KeychainSecretStore", "no Secret Service is running");
    }
    return {};
}

Error toError(Operation operation, const QString &key, const KeychainJobRunner::Outcome &outcome,
              std::chrono::milliseconds timeout)
{
    if (!outcome.finished) {
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(timeout).count();
        return Error::failed(QCoreApplication::translate("KeychainSecretStore", "The system keychain did not answer within %1 seconds (it may be "
                                "waiting for you to unlock it); %2.")
                                 .arg(seconds)
                                 .arg(consequence(operation)));
    }
    switch (outcome.error) {
    case QKeychain::NoError:
        break;
    case QKeychain::EntryNotFound:
        if (operation == Operation::Read)
            return Error::notFound(QCoreApplication::translate("KeychainSecretStore", "No secret is stored under \"%1\".").arg(key));
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented: {
        const QString reason = unreachableReason(outcome.errorString);
        return Error::failed(QCoreApplication::translate("KeychainSecretStore", "Cuttle cannot reach the system keychain (%1); %2.")
                                 .arg(reason.isEmpty() ? QCoreApplication::translate("KeychainSecretStore", "no keychain service is available")
                                                       : reason,
                                      consequence(operation)));
    }
    case QKeychain::AccessDeniedByUser:
        return Error::cancelled(QCoreApplication::translate("KeychainSecretStore", "Access to the system keychain was refused; %1.")
                                    .arg(consequence(operation)));
    case QKeychain::AccessDenied:
        return Error::failed(QCoreApplication::translate("KeychainSecretStore", "The system keychain is locked or denied access; %1.")
                                 .arg(consequence(operation)));
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    const QString reason = unreachableReason(outcome.errorString);
    if (!reason.isEmpty()) {
        return Error::failed(
            QCoreApplication::translate("KeychainSecretStore", "Cuttle cannot reach the system keychain (%1); %2.").arg(reason, consequence(operation)));
    }
    QString detail = outcome.errorString.trimmed();
    while (detail.endsWith(u'.'))
        detail.chop(1);
    if (detail.isEmpty())
        detail = QCoreApplication::translate("KeychainSecretStore", "unknown error");
    return Error::failed(
        QCoreApplication::translate("KeychainSecretStore", "The system keychain reported an error (%1); %2.").arg(detail, consequence(operation)));
}

} // namespace

KeychainSecretStore::KeychainSecretStore(std::chrono::milliseconds timeout)
    : m_timeout(timeout)
{
}

QString KeychainSecretStore::serviceName()
{
    return u"cuttle"_s;
}

VoidResult KeychainSecretStore::write(const QString &key, const QByteArray &secret)
{
    if (key.isEmpty())
        return Error::validation(QCoreApplication::translate("KeychainSecretStore", "A secret needs a key to be stored under."));
    KeychainJobRunner *runner = KeychainJobRunner::instance();
    if (!runner) {
        return Error::failed(QCoreApplication::translate("KeychainSecretStore", "Cuttle cannot reach the system keychain (the application is not "
                                "running); the secret was not saved."));
    }
    const auto outcome = runner->run(Operation::Write, serviceName(), key, secret, m_timeout);
    if (outcome.finished && outcome.error == QKeychain::NoError)
        return {};
    return toError(Operation::Write, key, outcome, m_timeout);
}

Result<QByteArray> KeychainSecretStore::read(const QString &key)
{
    if (key.isEmpty())
        return Error::notFound(QCoreApplication::translate("KeychainSecretStore", "No secret is stored under an empty key."));
    KeychainJobRunner *runner = KeychainJobRunner::instance();
    if (!runner) {
        return Error::failed(QCoreApplication::translate("KeychainSecretStore", "Cuttle cannot reach the system keychain (the application is not "
                                "running); the secret could not be read."));
    }
    const auto outcome = runner->run(Operation::Read, serviceName(), key, {}, m_timeout);
    if (outcome.finished && outcome.error == QKeychain::NoError)
        return outcome.data;
    return toError(Operation::Read, key, outcome, m_timeout);
}

VoidResult KeychainSecretStore::remove(const QString &key)
{
    if (key.isEmpty())
        return {};
    KeychainJobRunner *runner = KeychainJobRunner::instance();
    if (!runner) {
        return Error::failed(QCoreApplication::translate("KeychainSecretStore", "Cuttle cannot reach the system keychain (the application is not "
                                "running); the secret was not removed."));
    }
    const auto outcome = runner->run(Operation::Remove, serviceName(), key, {}, m_timeout);
    // Removing what is not there is what the caller wanted anyway.
    if (outcome.finished
        && (outcome.error == QKeychain::NoError || outcome.error == QKeychain::EntryNotFound)) {
        return {};
    }
    return toError(Operation::Remove, key, outcome, m_timeout);
}

QString KeychainSecretStore::backendName() const
{
#if defined(Q_OS_MACOS)
    return u"macOS Keychain"_s;
#elif defined(Q_OS_WIN)
    return u"Windows Credential Manager"_s;
#else
    return u"Secret Service"_s;
#endif
}

} // namespace Cuttle
