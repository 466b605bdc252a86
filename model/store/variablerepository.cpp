#include "model/store/variablerepository.h"

#include "model/store/auditlog.h"
#include "model/store/repositorysupport.h"

#include <QSqlDatabase>

#include <algorithm>

namespace Cuttle {

using namespace StoreSupport;

namespace {

// The stored spelling of each scope dimension, shared with the variables file and --scope.
const QList<std::pair<QString, QStringList ScopeSpec::*>> &dimensions()
{
    static const QList<std::pair<QString, QStringList ScopeSpec::*>> all{
        {QStringLiteral("environment"), &ScopeSpec::environments},
        {QStringLiteral("machine"), &ScopeSpec::machines},
        {QStringLiteral("role"), &ScopeSpec::roles},
        {QStringLiteral("step"), &ScopeSpec::steps},
        {QStringLiteral("channel"), &ScopeSpec::channels},
        {QStringLiteral("tenant"), &ScopeSpec::tenants},
        {QStringLiteral("tenantTag"), &ScopeSpec::tenantTags},
        {QStringLiteral("process"), &ScopeSpec::processes},
    };
    return all;
}

bool sameScope(ScopeSpec a, ScopeSpec b)
{
    for (const auto &[name, member] : dimensions()) {
        QStringList &left = a.*member;
        QStringList &right = b.*member;
        std::sort(left.begin(), left.end());
        std::sort(right.begin(), right.end());
        if (left != right)
            return false;
    }
    return true;
}

Result<QString> variableSetOf(const QSqlDatabase &db, const QString &projectId)
{
    SqlQuery q(db, QStringLiteral("SELECT variable_set_id FROM projects WHERE id = ?"));
    q.bind(projectId);
    auto found = q.execAndNext();
    if (!found)
        return found.error();
    if (!*found)
        return Error::notFound(tr("The project %1 does not exist.").arg(projectId));
    if (q.isNull(0) || q.text(0).isEmpty())
        return Error::failed(tr("The project %1 has no variable set.").arg(projectId));
    return q.text(0);
}

Result<QList<VariableRepository::Stored>> load(const QSqlDatabase &db, const QString &setId)
{
    SqlQuery q(db, QStringLiteral("SELECT id, name, value, is_sensitive FROM variables WHERE variable_set_id = ? "
                                  "ORDER BY sort_order, rowid"));
    q.bind(setId);
    if (auto r = q.exec(); !r)
        return r.error();
    QList<VariableRepository::Stored> all;
    while (q.next()) {
        VariableRepository::Stored stored;
        stored.id = q.text(0);
        stored.value.name = q.text(1);
        stored.value.sensitive = q.boolean(3);
        if (!stored.value.sensitive)
            stored.value.value = q.text(2);
        stored.value.order = int(all.size());
        all << stored;
    }
    for (VariableRepository::Stored &stored : all) {
        SqlQuery s(db, QStringLiteral("SELECT dimension, value FROM variable_scopes WHERE variable_id = ? "
                                      "ORDER BY dimension, value"));
        s.bind(stored.id);
        if (auto r = s.exec(); !r)
            return r.error();
        while (s.next()) {
            for (const auto &[name, member] : dimensions()) {
                if (name == s.text(0))
                    (stored.value.scope.*member) << s.text(1);
            }
        }
    }
    return all;
}

VoidResult writeScopes(const QSqlDatabase &db, const VariableRepository::Stored &stored)
{
    SqlQuery clear(db, QStringLiteral("DELETE FROM variable_scopes WHERE variable_id = ?"));
    clear.bind(stored.id);
    if (auto r = clear.exec(); !r)
        return r;
    for (const auto &[name, member] : dimensions()) {
        for (const QString &value : stored.value.scope.*member) {
            SqlQuery q(db, QStringLiteral("INSERT OR IGNORE INTO variable_scopes(variable_id, dimension, value) VALUES (?, ?, ?)"));
            q.bind(stored.id).bind(name).bind(value);
            if (auto r = q.exec(); !r)
                return r;
        }
    }
    return {};
}

} // namespace

Result<QList<VariableRepository::Stored>> VariableRepository::list(const QString &projectId) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    auto setId = variableSetOf(*db, projectId);
    if (!setId)
        return setId.error();
    return load(*db, *setId);
}

Result<VariableRepository::Stored> VariableRepository::set(const QString &spaceId, const QString &projectId,
                                                           const VariableValue &value,
                                                           const std::function<VoidResult(const Stored &)> &beforeCommit)
{
    if (value.name.trimmed().isEmpty())
        return Error::validation(tr("A variable needs a name."), QStringLiteral("name"));
    Stored stored;
    stored.value = value;
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto setId = variableSetOf(db, projectId);
        if (!setId)
            return setId.error();
        auto existing = load(db, *setId);
        if (!existing)
            return existing.error();
        bool replacing = false;
        for (const Stored &other : *existing) {
            if (other.value.name.compare(value.name, Qt::CaseInsensitive) == 0 && sameScope(other.value.scope, value.scope)) {
                stored.id = other.id;
                stored.wasSensitive = other.value.sensitive;
                replacing = true;
            }
        }
        // The database never holds a sensitive value, not even an old one being replaced.
        const QVariant dbValue = value.sensitive ? QVariant() : QVariant(value.value);
        if (replacing) {
            SqlQuery q(db, QStringLiteral("UPDATE variables SET name = ?, value = ?, is_sensitive = ? WHERE id = ?"));
            q.bind(value.name).bind(dbValue).bind(value.sensitive).bind(stored.id);
            if (auto r = q.exec(); !r)
                return r;
        } else {
            auto id = nextId(db, QStringLiteral("Variables"));
            if (!id)
                return id.error();
            stored.id = *id;
            SqlQuery q(db, QStringLiteral("INSERT INTO variables(id, variable_set_id, name, value, is_sensitive, sort_order) "
                                          "VALUES (?, ?, ?, ?, ?, ?)"));
            q.bind(stored.id).bind(*setId).bind(value.name).bind(dbValue).bind(value.sensitive).bind(int(existing->size()));
            if (auto r = q.exec(); !r)
                return r;
        }
        if (auto r = writeScopes(db, stored); !r)
            return r;
        QVariantMap after{{QStringLiteral("name"), value.name}, {QStringLiteral("sensitive"), value.sensitive}};
        if (!value.sensitive)
            after.insert(QStringLiteral("value"), value.value);
        if (auto r = AuditLog::record(db, m_context, spaceId, replacing ? QStringLiteral("Modified") : QStringLiteral("Created"),
                                      QStringLiteral("Variable"), stored.id, value.name, {}, after);
            !r)
            return r;
        return beforeCommit ? beforeCommit(stored) : VoidResult();
    });
    if (!done)
        return done.error();
    if (stored.value.sensitive)
        stored.value.value.clear();
    return stored;
}

Result<VariableRepository::Stored> VariableRepository::remove(const QString &spaceId, const QString &projectId,
                                                              const QString &name, const ScopeSpec &scope,
                                                              const std::function<VoidResult(const Stored &)> &beforeCommit)
{
    Stored removed;
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto setId = variableSetOf(db, projectId);
        if (!setId)
            return setId.error();
        auto existing = load(db, *setId);
        if (!existing)
            return existing.error();
        for (const Stored &other : *existing) {
            if (other.value.name.compare(name, Qt::CaseInsensitive) == 0 && sameScope(other.value.scope, scope))
                removed = other;
        }
        if (removed.id.isEmpty())
            return Error::notFound(tr("The project has no value of the variable \"%1\" with that scope.").arg(name));
        SqlQuery scopes(db, QStringLiteral("DELETE FROM variable_scopes WHERE variable_id = ?"));
        scopes.bind(removed.id);
        if (auto r = scopes.exec(); !r)
            return r;
        SqlQuery q(db, QStringLiteral("DELETE FROM variables WHERE id = ?"));
        q.bind(removed.id);
        if (auto r = q.exec(); !r)
            return r;
        if (auto r = AuditLog::record(db, m_context, spaceId, QStringLiteral("Deleted"), QStringLiteral("Variable"),
                                      removed.id, removed.value.name, {{QStringLiteral("name"), removed.value.name}}, {});
            !r)
            return r;
        return beforeCommit ? beforeCommit(removed) : VoidResult();
    });
    if (!done)
        return done.error();
    return removed;
}

} // namespace Cuttle
