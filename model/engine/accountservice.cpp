#include "model/engine/accountservice.h"

#include "model/secrets/secretkey.h"
#include "model/store/accountrepository.h"

#include <QCoreApplication>

namespace Cuttle {
namespace {

const QString kPassword = QStringLiteral("password");
const QString kPrivateKey = QStringLiteral("privateKey");
const QString kPassphrase = QStringLiteral("passphrase");

QString tr(const char *text)
{
    return QCoreApplication::translate("Cuttle::AccountService", text);
}

VoidResult checkSecretsFit(const Account &account, const AccountSecrets &secrets)
{
    if (account.kind == AccountKind::SshKeyPair) {
        if (!account.hasPrivateKey && !secrets.privateKey)
            return Error::validation(tr("An SSH key pair account needs a private key."), QStringLiteral("privateKey"));
        if (secrets.privateKey && !secrets.privateKey->contains("PRIVATE KEY"))
            return Error::validation(tr("The private key is not in OpenSSH or PEM format (no \"PRIVATE KEY\" header)."),
                                     QStringLiteral("privateKey"));
    } else if (!account.hasPassword && !secrets.password) {
        return Error::validation(tr("The account needs a password."), QStringLiteral("password"));
    }
    return {};
}

} // namespace

AccountService::AccountService(std::shared_ptr<Workspace> workspace, std::shared_ptr<SecretStore> secrets, QString actor)
    : m_workspace(std::move(workspace))
    , m_secrets(std::move(secrets))
    , m_actor(std::move(actor))
{
}

QString AccountService::secretKey(const QString &accountId, const QString &part) const
{
    return SecretKey(m_workspace->id(), accountId, part).toString();
}

VoidResult AccountService::writeSecrets(const QString &accountId, const AccountSecrets &secrets)
{
    const QList<std::pair<QString, const std::optional<QByteArray> *>> parts{
        {kPassword, &secrets.password}, {kPrivateKey, &secrets.privateKey}, {kPassphrase, &secrets.passphrase}};
    for (const auto &[part, value] : parts) {
        if (!value->has_value())
            continue;
        const QString key = secretKey(accountId, part);
        auto done = (*value)->isEmpty() ? m_secrets->remove(key) : m_secrets->write(key, **value);
        if (!done)
            return done;
    }
    return {};
}

Result<Account> AccountService::create(Account account, const AccountSecrets &secrets)
{
    account.hasPassword = secrets.password && !secrets.password->isEmpty();
    account.hasPrivateKey = secrets.privateKey && !secrets.privateKey->isEmpty();
    account.hasPassphrase = secrets.passphrase && !secrets.passphrase->isEmpty();
    if (auto r = AccountRepository::validate(account); !r)
        return r.error();
    if (auto r = checkSecretsFit(account, secrets); !r)
        return r.error();
    AccountRepository repository(m_workspace->context(m_actor));
    QString writtenFor;
    auto created = repository.create(account, [&](const Account &saved) -> VoidResult {
        writtenFor = saved.id;
        return writeSecrets(saved.id, secrets);
    });
    if (!created && !writtenFor.isEmpty()) {
        // The transaction rolled back after (some) secrets were written: take them back.
        for (const QString &part : {kPassword, kPrivateKey, kPassphrase})
            (void)m_secrets->remove(secretKey(writtenFor, part));
    }
    return created;
}

Result<Account> AccountService::update(Account account, const AccountSecrets &secrets)
{
    AccountRepository repository(m_workspace->context(m_actor));
    auto before = repository.get(account.id);
    if (!before)
        return before.error();
    const auto present = [](const std::optional<QByteArray> &given, bool had) {
        return given ? !given->isEmpty() : had;
    };
    account.hasPassword = present(secrets.password, before->hasPassword);
    account.hasPrivateKey = present(secrets.privateKey, before->hasPrivateKey);
    account.hasPassphrase = present(secrets.passphrase, before->hasPassphrase);
    if (auto r = checkSecretsFit(account, secrets); !r)
        return r.error();
    QSet<QString> changed;
    if (secrets.password)
        changed << kPassword;
    if (secrets.privateKey)
        changed << kPrivateKey;
    if (secrets.passphrase)
        changed << kPassphrase;
    return repository.update(account, changed, [&](const Account &saved) { return writeSecrets(saved.id, secrets); });
}

VoidResult AccountService::remove(const QString &id)
{
    AccountRepository repository(m_workspace->context(m_actor));
    return repository.remove(id, [&](const Account &account) -> VoidResult {
        for (const QString &part : {kPassword, kPrivateKey, kPassphrase}) {
            if (auto r = m_secrets->remove(secretKey(account.id, part)); !r)
                return r;
        }
        return {};
    });
}

Result<AccountSecrets> AccountService::readSecrets(const Account &account) const
{
    AccountSecrets secrets;
    const QList<std::pair<bool, std::pair<QString, std::optional<QByteArray> *>>> parts{
        {account.hasPassword, {kPassword, &secrets.password}},
        {account.hasPrivateKey, {kPrivateKey, &secrets.privateKey}},
        {account.hasPassphrase, {kPassphrase, &secrets.passphrase}}};
    for (const auto &[has, entry] : parts) {
        if (!has)
            continue;
        auto value = m_secrets->read(secretKey(account.id, entry.first));
        if (!value)
            return value.error();
        *entry.second = *value;
    }
    return secrets;
}

} // namespace Cuttle
