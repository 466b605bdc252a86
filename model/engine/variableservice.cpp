#include "model/engine/variableservice.h"

#include "model/secrets/secretkey.h"
#include "model/store/libraryvariablesetrepository.h"

#include <QCoreApplication>
#include <QHash>

namespace Cuttle {
namespace {

const QString kValuePart = QStringLiteral("value");

/// Secrets written inside a transaction, and how to take them back if it does not commit.
class SecretWrites final
{
public:
    SecretWrites(SecretStore &store) : m_store(store) {}

    VoidResult write(const QString &key, const QByteArray &secret)
    {
        // Remember what was there, so that a rollback restores a replaced secret too.
        auto previous = m_store.read(key);
        if (!previous && previous.error().kind != ErrorKind::NotFound)
            return previous.error();
        if (auto r = m_store.write(key, secret); !r)
            return r;
        m_undo.append({key, previous ? std::optional<QByteArray>(*previous) : std::nullopt});
        return {};
    }

    VoidResult remove(const QString &key)
    {
        auto previous = m_store.read(key);
        if (!previous && previous.error().kind != ErrorKind::NotFound)
            return previous.error();
        if (auto r = m_store.remove(key); !r)
            return r;
        if (previous)
            m_undo.append({key, *previous});
        return {};
    }

    void undo()
    {
        for (auto it = m_undo.crbegin(); it != m_undo.crend(); ++it) {
            if (it->second)
                (void)m_store.write(it->first, *it->second);
            else
                (void)m_store.remove(it->first);
        }
        m_undo.clear();
    }

private:
    SecretStore &m_store;
    QList<std::pair<QString, std::optional<QByteArray>>> m_undo;
};

} // namespace

VariableService::VariableService(std::shared_ptr<Workspace> workspace, std::shared_ptr<SecretStore> secrets, QString actor)
    : m_workspace(std::move(workspace))
    , m_secrets(std::move(secrets))
    , m_actor(std::move(actor))
{
}

QString VariableService::secretKey(const QString &variableId) const
{
    return SecretKey(m_workspace->id(), variableId, kValuePart).toString();
}

Result<QList<VariableRepository::Stored>> VariableService::list(const VariableOwner &owner) const
{
    return VariableRepository(m_workspace->context(m_actor)).list(owner);
}

Result<QList<VariableRepository::Stored>> VariableService::save(const QString &spaceId, const VariableOwner &owner,
                                                                const QList<VariableRepository::Stored> &rows)
{
    SecretWrites writes(*m_secrets);
    QStringList dropped;
    auto saved = VariableRepository(m_workspace->context(m_actor))
                     .replaceAll(spaceId, owner, rows,
                                 [&](const QList<VariableRepository::Stored> &written, const QStringList &droppedIds) -> VoidResult {
                                     for (const VariableRepository::Stored &row : written) {
                                         // An empty sensitive value on a kept row means "keep the stored secret".
                                         if (!row.value.sensitive || row.value.value.isEmpty())
                                             continue;
                                         if (auto r = writes.write(secretKey(row.id), row.value.value.toUtf8()); !r)
                                             return r;
                                     }
                                     dropped = droppedIds;
                                     return {};
                                 });
    if (!saved) {
        writes.undo();
        return saved;
    }
    // A secret left behind is harmless but untidy; the values are saved, so this cannot fail the save.
    for (const QString &id : std::as_const(dropped))
        (void)m_secrets->remove(secretKey(id));
    return saved;
}

Result<VariableRepository::Stored> VariableService::set(const QString &spaceId, const VariableOwner &owner,
                                                        const VariableValue &value)
{
    if (value.sensitive && value.value.isEmpty())
        return Error::validation(QCoreApplication::translate("Cuttle::VariableService", "The sensitive variable \"%1\" needs a value.")
                                     .arg(value.name),
                                 QStringLiteral("value"));
    SecretWrites writes(*m_secrets);
    auto saved = VariableRepository(m_workspace->context(m_actor))
                     .set(spaceId, owner, value, [&](const VariableRepository::Stored &stored) -> VoidResult {
                         // A value that stops being sensitive must not stay behind in the keychain; a new
                         // non-sensitive value never touches it (there may be no keychain at all).
                         if (!value.sensitive)
                             return stored.wasSensitive ? writes.remove(secretKey(stored.id)) : VoidResult();
                         return writes.write(secretKey(stored.id), value.value.toUtf8());
                     });
    if (!saved)
        writes.undo();
    return saved;
}

Result<VariableRepository::Stored> VariableService::remove(const QString &spaceId, const VariableOwner &owner,
                                                           const QString &name, const ScopeSpec &scope)
{
    SecretWrites writes(*m_secrets);
    auto removed = VariableRepository(m_workspace->context(m_actor))
                       .remove(spaceId, owner, name, scope, [&](const VariableRepository::Stored &stored) -> VoidResult {
                           return stored.value.sensitive ? writes.remove(secretKey(stored.id)) : VoidResult();
                       });
    if (!removed)
        writes.undo();
    return removed;
}

VoidResult VariableService::removeLibrarySet(const QString &spaceId, const QString &setId)
{
    auto values = VariableRepository(m_workspace->context(m_actor)).list(VariableOwner::librarySet(setId));
    if (!values)
        return values.error();
    if (auto r = LibraryVariableSetRepository(m_workspace->context(m_actor)).remove(spaceId, setId); !r)
        return r;
    for (const VariableRepository::Stored &stored : std::as_const(*values)) {
        if (stored.value.sensitive)
            (void)m_secrets->remove(secretKey(stored.id));
    }
    return {};
}

Result<QList<VariableValue>> VariableService::effective(const QString &projectId, bool withSecrets) const
{
    auto all = VariableRepository(m_workspace->context(m_actor)).listEffective(projectId);
    if (!all)
        return all.error();
    QList<VariableValue> values;
    values.reserve(all->size());
    for (VariableRepository::Stored &stored : *all) {
        if (withSecrets && stored.value.sensitive) {
            auto secret = m_secrets->read(secretKey(stored.id));
            if (!secret)
                return secret.error();
            stored.value.value = QString::fromUtf8(*secret);
        }
        values << std::move(stored.value);
    }
    return values;
}

} // namespace Cuttle
