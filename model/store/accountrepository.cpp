#include "model/store/accountrepository.h"

#include "model/core/validation.h"
#include "model/store/auditlog.h"
#include "model/store/repositorysupport.h"

namespace Cuttle {
using namespace StoreSupport;

namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, space_id, name, description, kind, username, has_password, has_private_key, has_passphrase FROM accounts ");

Account fromRow(const SqlQuery &q)
{
    Account a;
    a.id = q.text(0);
    a.spaceId = q.text(1);
    a.name = q.text(2);
    a.description = q.text(3);
    a.kind = accountKindFromString(q.text(4)).value_or(AccountKind::UsernamePassword);
    a.username = q.text(5);
    a.hasPassword = q.boolean(6);
    a.hasPrivateKey = q.boolean(7);
    a.hasPassphrase = q.boolean(8);
    return a;
}

QVariantMap auditFields(const Account &a)
{
    return {{QStringLiteral("name"), a.name},
            {QStringLiteral("description"), a.description},
            {QStringLiteral("kind"), toString(a.kind)},
            {QStringLiteral("username"), a.username},
            {QStringLiteral("environmentIds"), a.environmentIds},
            {QStringLiteral("password"), a.hasPassword},
            {QStringLiteral("privateKey"), a.hasPrivateKey},
            {QStringLiteral("passphrase"), a.hasPassphrase}};
}

const QSet<QString> kSecretFields{QStringLiteral("password"), QStringLiteral("privateKey"), QStringLiteral("passphrase")};

Result<Account> fetch(const QSqlDatabase &db, const QString &id)
{
    auto account = fetchOne<Account>(db, kSelect + QStringLiteral("WHERE id = ?"), {id}, fromRow,
                                     tr("There is no account with id %1.").arg(id));
    if (!account)
        return account;
    auto environments = links(db, QStringLiteral("account_environments"), QStringLiteral("account_id"), id,
                              QStringLiteral("environment_id"));
    if (!environments)
        return environments.error();
    account->environmentIds = *environments;
    return account;
}

} // namespace

VoidResult AccountRepository::validate(Account &a)
{
    auto name = Validation::name(a.name, tr("account"));
    if (!name)
        return name.error();
    a.name = *name;
    a.username = a.username.trimmed();
    if (a.username.isEmpty())
        return Error::validation(tr("The account needs a username."), QStringLiteral("username"));
    a.environmentIds.removeDuplicates();
    return {};
}

Result<QList<Account>> AccountRepository::list(const QString &spaceId) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    auto accounts = fetchAll<Account>(*db, kSelect + QStringLiteral("WHERE space_id = ? ORDER BY name"), {spaceId}, fromRow);
    if (!accounts)
        return accounts;
    for (Account &a : *accounts) {
        auto environments = links(*db, QStringLiteral("account_environments"), QStringLiteral("account_id"), a.id,
                                  QStringLiteral("environment_id"));
        if (!environments)
            return environments.error();
        a.environmentIds = *environments;
    }
    return accounts;
}

Result<Account> AccountRepository::get(const QString &id) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetch(*db, id);
}

Result<Account> AccountRepository::find(const QString &spaceId, const QString &idOrName) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    auto id = fetchOne<QString>(*db, QStringLiteral("SELECT id FROM accounts WHERE space_id = ? AND (id = ? OR name = ? COLLATE NOCASE)"),
                                {spaceId, idOrName, idOrName}, [](const SqlQuery &q) { return q.text(0); },
                                tr("There is no account named \"%1\".").arg(idOrName));
    if (!id)
        return id.error();
    return fetch(*db, *id);
}

Result<Account> AccountRepository::create(Account account, const std::function<VoidResult(const Account &)> &beforeCommit)
{
    if (auto r = validate(account); !r)
        return r.error();
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        if (auto r = ensureUniqueName(db, QStringLiteral("accounts"), QStringLiteral("space_id"), account.spaceId,
                                      account.name, {}, tr("account")); !r)
            return r;
        auto id = nextId(db, QStringLiteral("Accounts"));
        if (!id)
            return id.error();
        account.id = *id;
        SqlQuery q(db, QStringLiteral("INSERT INTO accounts(id, space_id, name, description, kind, username, has_password, "
                                      "has_private_key, has_passphrase) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        q.bind(account.id).bind(account.spaceId).bind(account.name).bind(account.description).bind(toString(account.kind))
            .bind(account.username).bind(account.hasPassword).bind(account.hasPrivateKey).bind(account.hasPassphrase);
        if (auto r = q.exec(); !r)
            return r;
        if (auto r = replaceLinks(db, QStringLiteral("account_environments"), QStringLiteral("account_id"), account.id,
                                  QStringLiteral("environment_id"), account.environmentIds); !r)
            return r;
        if (auto r = AuditLog::record(db, m_context, account.spaceId, QStringLiteral("Created"), QStringLiteral("Account"),
                                      account.id, account.name, {}, auditFields(account), kSecretFields); !r)
            return r;
        return beforeCommit ? beforeCommit(account) : VoidResult{};
    });
    if (!done)
        return done.error();
    return account;
}

Result<Account> AccountRepository::update(const Account &input, const QSet<QString> &changedSecrets,
                                          const std::function<VoidResult(const Account &)> &beforeCommit)
{
    Account account = input;
    if (auto r = validate(account); !r)
        return r.error();
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = fetch(db, account.id);
        if (!before)
            return before.error();
        account.spaceId = before->spaceId;
        if (auto r = ensureUniqueName(db, QStringLiteral("accounts"), QStringLiteral("space_id"), account.spaceId,
                                      account.name, account.id, tr("account")); !r)
            return r;
        SqlQuery q(db, QStringLiteral("UPDATE accounts SET name = ?, description = ?, kind = ?, username = ?, has_password = ?, "
                                      "has_private_key = ?, has_passphrase = ? WHERE id = ?"));
        q.bind(account.name).bind(account.description).bind(toString(account.kind)).bind(account.username)
            .bind(account.hasPassword).bind(account.hasPrivateKey).bind(account.hasPassphrase).bind(account.id);
        if (auto r = q.exec(); !r)
            return r;
        if (auto r = replaceLinks(db, QStringLiteral("account_environments"), QStringLiteral("account_id"), account.id,
                                  QStringLiteral("environment_id"), account.environmentIds); !r)
            return r;
        // A replaced secret differs even when both versions are "present": mark it so the
        // audit entry says it changed.
        QVariantMap beforeFields = auditFields(*before);
        for (const QString &secret : changedSecrets)
            beforeFields.insert(secret, QStringLiteral("replaced"));
        if (auto r = AuditLog::record(db, m_context, account.spaceId, QStringLiteral("Modified"), QStringLiteral("Account"),
                                      account.id, account.name, beforeFields, auditFields(account), kSecretFields); !r)
            return r;
        return beforeCommit ? beforeCommit(account) : VoidResult{};
    });
    if (!done)
        return done.error();
    return account;
}

VoidResult AccountRepository::remove(const QString &id, const std::function<VoidResult(const Account &)> &beforeCommit)
{
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = fetch(db, id);
        if (!before)
            return before.error();
        auto n = count(db, QStringLiteral("targets"), QStringLiteral("account_id"), id);
        if (!n)
            return n.error();
        if (*n > 0)
            return Error::conflict(tr("The account \"%1\" cannot be deleted while %2 target(s) use it.").arg(before->name).arg(*n));
        SqlQuery q(db, QStringLiteral("DELETE FROM accounts WHERE id = ?"));
        q.bind(id);
        if (auto r = q.exec(); !r)
            return r;
        if (auto r = AuditLog::record(db, m_context, before->spaceId, QStringLiteral("Deleted"), QStringLiteral("Account"), id,
                                      before->name, auditFields(*before), {}, kSecretFields); !r)
            return r;
        return beforeCommit ? beforeCommit(*before) : VoidResult{};
    });
}

} // namespace Cuttle
