#include "model/store/variablerepository.h"

#include "model/core/variablesjson.h"
#include "model/store/auditlog.h"
#include "model/store/repositorysupport.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>

#include <algorithm>

namespace Cuttle {

using namespace StoreSupport;

namespace {

// The stored spelling of each scope dimension is the one of variables files and --scope.
const QList<std::pair<QString, QStringList ScopeSpec::*>> &dimensions()
{
    return ScopeSpec::dimensions();
}

QStringList ScopeSpec::*dimensionNamed(const QString &name)
{
    for (const auto &[known, member] : dimensions()) {
        if (known == name)
            return member;
    }
    return nullptr;
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

QString scopeText(const ScopeSpec &scope)
{
    QStringList parts;
    for (const auto &[name, member] : dimensions()) {
        if (!(scope.*member).isEmpty())
            parts << name + u'=' + (scope.*member).join(u',');
    }
    return parts.join(QStringLiteral("; "));
}

/// The variable set behind an owner, with the name values get as their source.
struct SetInfo
{
    QString id;
    QString name;
    bool library = false;
};

Result<SetInfo> variableSetOf(const QSqlDatabase &db, const VariableOwner &owner)
{
    if (owner.kind == VariableOwner::Kind::Project) {
        SqlQuery q(db, QStringLiteral("SELECT variable_set_id, name FROM projects WHERE id = ?"));
        q.bind(owner.id);
        auto found = q.execAndNext();
        if (!found)
            return found.error();
        if (!*found)
            return Error::notFound(tr("There is no project with id %1.").arg(owner.id));
        if (q.isNull(0) || q.text(0).isEmpty())
            return Error::failed(tr("The project %1 has no variable set.").arg(q.text(1)));
        return SetInfo{q.text(0), q.text(1), false};
    }
    SqlQuery q(db, QStringLiteral("SELECT id, name FROM variable_sets WHERE id = ? AND owner_kind = 'Library'"));
    q.bind(owner.id);
    auto found = q.execAndNext();
    if (!found)
        return found.error();
    if (!*found)
        return Error::notFound(tr("There is no library variable set with id %1.").arg(owner.id));
    return SetInfo{q.text(0), q.text(1), true};
}

// Scopes come with one query per set rather than one per value: a set of ten thousand
// values lists in milliseconds instead of seconds.
Result<QList<VariableRepository::Stored>> load(const QSqlDatabase &db, const SetInfo &set)
{
    SqlQuery q(db, QStringLiteral("SELECT id, name, value, is_sensitive, description, prompt_label, prompt_description, "
                                  "prompt_required, prompt_control FROM variables WHERE variable_set_id = ? "
                                  "ORDER BY sort_order, rowid"));
    q.bind(set.id);
    if (auto r = q.exec(); !r)
        return r.error();
    QList<VariableRepository::Stored> all;
    QHash<QString, qsizetype> index;
    while (q.next()) {
        VariableRepository::Stored stored;
        stored.id = q.text(0);
        stored.value.name = q.text(1);
        stored.value.sensitive = q.boolean(3);
        if (!stored.value.sensitive)
            stored.value.value = q.text(2);
        stored.value.description = q.text(4);
        if (!q.isNull(5)) {
            VariablePrompt prompt;
            prompt.label = q.text(5);
            prompt.description = q.text(6);
            prompt.required = q.boolean(7);
            prompt.control = VariableRepository::controlFromName(q.text(8)).value_or(VariablePrompt::Control::SingleLineText);
            stored.value.prompt = prompt;
        }
        stored.value.source = set.name;
        stored.value.fromLibrarySet = set.library;
        stored.value.order = int(all.size());
        index.insert(stored.id, all.size());
        all << stored;
    }
    SqlQuery s(db, QStringLiteral("SELECT s.variable_id, s.dimension, s.value FROM variable_scopes s "
                                  "JOIN variables v ON v.id = s.variable_id WHERE v.variable_set_id = ? "
                                  "ORDER BY s.variable_id, s.dimension, s.value"));
    s.bind(set.id);
    if (auto r = s.exec(); !r)
        return r.error();
    while (s.next()) {
        const auto it = index.constFind(s.text(0));
        QStringList ScopeSpec::*member = dimensionNamed(s.text(1));
        if (it != index.cend() && member)
            (all[*it].value.scope.*member) << s.text(2);
    }
    return all;
}

VoidResult writeScopes(const QSqlDatabase &db, const QString &variableId, const ScopeSpec &scope, bool clearFirst)
{
    if (clearFirst) {
        SqlQuery clear(db, QStringLiteral("DELETE FROM variable_scopes WHERE variable_id = ?"));
        clear.bind(variableId);
        if (auto r = clear.exec(); !r)
            return r;
    }
    for (const auto &[name, member] : dimensions()) {
        for (const QString &value : scope.*member) {
            SqlQuery q(db, QStringLiteral("INSERT OR IGNORE INTO variable_scopes(variable_id, dimension, value) VALUES (?, ?, ?)"));
            q.bind(variableId).bind(name).bind(value);
            if (auto r = q.exec(); !r)
                return r;
        }
    }
    return {};
}

VoidResult validate(const VariableValue &value, bool library)
{
    if (value.name.trimmed().isEmpty())
        return Error::validation(tr("A variable needs a name."), QStringLiteral("name"));
    if (library && (!value.scope.steps.isEmpty() || !value.scope.channels.isEmpty()))
        return Error::validation(tr("The value of \"%1\" in a library variable set cannot be scoped to steps or channels.")
                                     .arg(value.name),
                                 QStringLiteral("scope"));
    if (value.prompt && value.prompt->label.trimmed().isEmpty())
        return Error::validation(tr("The prompted variable \"%1\" needs a label.").arg(value.name), QStringLiteral("prompt"));
    return {};
}

// Stands for a secret in an audit map; the audit log records only that such a field changed.
const QString kSecretChanged = QStringLiteral("\u0001changed");

QVariantMap auditFields(const VariableValue &value, bool secretGiven)
{
    QVariantMap fields{{QStringLiteral("name"), value.name},
                       {QStringLiteral("sensitive"), value.sensitive},
                       {QStringLiteral("scope"), scopeText(value.scope)},
                       {QStringLiteral("description"), value.description}};
    if (!value.sensitive)
        fields.insert(QStringLiteral("value"), value.value);
    else if (secretGiven)
        fields.insert(QStringLiteral("value"), kSecretChanged);
    if (value.prompt) {
        fields.insert(QStringLiteral("prompt"),
                      QStringList{value.prompt->label, value.prompt->description,
                                  value.prompt->required ? QStringLiteral("required") : QStringLiteral("optional"),
                                  VariableRepository::controlName(value.prompt->control)});
    }
    return fields;
}

// One line per value for the single audit event of a Save. The audit diff compares field
// lists pairwise, so a set of thousands of values gets one field per value (plus one per
// new secret), and unchanged values are left out altogether.
QString auditLine(const VariableValue &value)
{
    QString line = value.name + QStringLiteral(" = ") + (value.sensitive ? QStringLiteral("(sensitive)") : value.value);
    if (!value.scope.isUnscoped())
        line += QStringLiteral(" [") + scopeText(value.scope) + u']';
    if (!value.description.isEmpty())
        line += QStringLiteral(" \u2014 ") + value.description;
    if (value.prompt)
        line += QStringLiteral(" (prompt \"%1\"%2, %3)")
                    .arg(value.prompt->label,
                         value.prompt->required ? QStringLiteral(", required") : QString(),
                         VariableRepository::controlName(value.prompt->control));
    return line;
}

VoidResult writeRow(const QSqlDatabase &db, const QString &setId, const QString &id, const VariableValue &value,
                    int sortOrder, bool update)
{
    // The database never holds a sensitive value, not even an old one being replaced.
    const QVariant dbValue = value.sensitive ? QVariant() : QVariant(value.value.isNull() ? QString(QLatin1String("")) : value.value);
    const QVariant label = value.prompt ? QVariant(value.prompt->label) : QVariant();
    const QVariant promptDescription = value.prompt ? QVariant(value.prompt->description) : QVariant();
    const QVariant control = value.prompt ? QVariant(VariableRepository::controlName(value.prompt->control)) : QVariant();
    const bool required = value.prompt && value.prompt->required;
    if (update) {
        SqlQuery q(db, QStringLiteral("UPDATE variables SET name = ?, value = ?, is_sensitive = ?, description = ?, "
                                      "prompt_label = ?, prompt_description = ?, prompt_required = ?, prompt_control = ?"
                                      "%1 WHERE id = ?")
                           .arg(sortOrder >= 0 ? QStringLiteral(", sort_order = ?") : QString()));
        q.bind(value.name).bind(dbValue).bind(value.sensitive).bind(value.description).bind(label).bind(promptDescription)
            .bind(required).bind(control);
        if (sortOrder >= 0)
            q.bind(sortOrder);
        q.bind(id);
        return q.exec();
    }
    SqlQuery q(db, QStringLiteral("INSERT INTO variables(id, variable_set_id, name, value, is_sensitive, description, "
                                  "prompt_label, prompt_description, prompt_required, prompt_control, sort_order) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(id).bind(setId).bind(value.name).bind(dbValue).bind(value.sensitive).bind(value.description).bind(label)
        .bind(promptDescription).bind(required).bind(control).bind(sortOrder);
    return q.exec();
}

Result<int> nextSortOrder(const QSqlDatabase &db, const QString &setId)
{
    SqlQuery q(db, QStringLiteral("SELECT COALESCE(MAX(sort_order) + 1, 0) FROM variables WHERE variable_set_id = ?"));
    q.bind(setId);
    if (auto r = q.execAndNext(); !r)
        return r.error();
    return q.integer(0);
}

} // namespace

QString VariableRepository::controlName(VariablePrompt::Control control)
{
    return VariablesJson::toString(control);
}

std::optional<VariablePrompt::Control> VariableRepository::controlFromName(const QString &name)
{
    return VariablesJson::controlFromString(name);
}

Result<QList<VariableRepository::Stored>> VariableRepository::list(const VariableOwner &owner) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    auto set = variableSetOf(*db, owner);
    if (!set)
        return set.error();
    return load(*db, *set);
}

Result<QList<VariableRepository::Stored>> VariableRepository::listEffective(const QString &projectId) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    auto own = variableSetOf(*db, VariableOwner::project(projectId));
    if (!own)
        return own.error();
    QList<SetInfo> sets{*own};
    SqlQuery q(db.value(), QStringLiteral("SELECT s.id, s.name FROM project_library_sets l JOIN variable_sets s "
                                          "ON s.id = l.variable_set_id WHERE l.project_id = ? ORDER BY l.sort_order, l.rowid"));
    q.bind(projectId);
    if (auto r = q.exec(); !r)
        return r.error();
    while (q.next())
        sets << SetInfo{q.text(0), q.text(1), true};
    QList<Stored> all;
    for (const SetInfo &set : std::as_const(sets)) {
        auto values = load(*db, set);
        if (!values)
            return values.error();
        for (Stored &stored : *values) {
            stored.value.order = int(all.size());
            all << std::move(stored);
        }
    }
    return all;
}

Result<VariableRepository::Stored> VariableRepository::set(const QString &spaceId, const VariableOwner &owner,
                                                           const VariableValue &value,
                                                           const std::function<VoidResult(const Stored &)> &beforeCommit)
{
    if (auto r = validate(value, owner.kind == VariableOwner::Kind::LibrarySet); !r)
        return r.error();
    Stored stored;
    stored.value = value;
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto set = variableSetOf(db, owner);
        if (!set)
            return set.error();
        auto existing = load(db, *set);
        if (!existing)
            return existing.error();
        std::optional<Stored> before;
        for (const Stored &other : *existing) {
            if (other.value.name.compare(value.name, Qt::CaseInsensitive) == 0 && sameScope(other.value.scope, value.scope))
                before = other;
        }
        stored.value.source = set->name;
        stored.value.fromLibrarySet = set->library;
        if (before) {
            stored.id = before->id;
            stored.wasSensitive = before->value.sensitive;
            stored.value.order = before->value.order;
            if (auto r = writeRow(db, set->id, stored.id, value, -1, true); !r)
                return r;
        } else {
            auto id = nextId(db, QStringLiteral("Variables"));
            if (!id)
                return id.error();
            auto order = nextSortOrder(db, set->id);
            if (!order)
                return order.error();
            stored.id = *id;
            stored.value.order = int(existing->size());
            if (auto r = writeRow(db, set->id, stored.id, value, *order, false); !r)
                return r;
        }
        if (auto r = writeScopes(db, stored.id, value.scope, before.has_value()); !r)
            return r;
        const QVariantMap beforeFields = before ? auditFields(before->value, false) : QVariantMap();
        // A plain value's change is shown; one that is or was sensitive only as "changed".
        QSet<QString> secretFields;
        if (value.sensitive || stored.wasSensitive)
            secretFields.insert(QStringLiteral("value"));
        if (auto r = AuditLog::record(db, m_context, spaceId, before ? QStringLiteral("Modified") : QStringLiteral("Created"),
                                      QStringLiteral("Variable"), stored.id, value.name, beforeFields,
                                      auditFields(value, value.sensitive), secretFields);
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

Result<VariableRepository::Stored> VariableRepository::remove(const QString &spaceId, const VariableOwner &owner,
                                                              const QString &name, const ScopeSpec &scope,
                                                              const std::function<VoidResult(const Stored &)> &beforeCommit)
{
    Stored removed;
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto set = variableSetOf(db, owner);
        if (!set)
            return set.error();
        auto existing = load(db, *set);
        if (!existing)
            return existing.error();
        for (const Stored &other : *existing) {
            if (other.value.name.compare(name, Qt::CaseInsensitive) == 0 && sameScope(other.value.scope, scope))
                removed = other;
        }
        if (removed.id.isEmpty())
            return Error::notFound(set->library
                                       ? tr("The library variable set \"%1\" has no value of the variable \"%2\" with that scope.")
                                             .arg(set->name, name)
                                       : tr("The project \"%1\" has no value of the variable \"%2\" with that scope.")
                                             .arg(set->name, name));
        SqlQuery scopes(db, QStringLiteral("DELETE FROM variable_scopes WHERE variable_id = ?"));
        scopes.bind(removed.id);
        if (auto r = scopes.exec(); !r)
            return r;
        SqlQuery q(db, QStringLiteral("DELETE FROM variables WHERE id = ?"));
        q.bind(removed.id);
        if (auto r = q.exec(); !r)
            return r;
        if (auto r = AuditLog::record(db, m_context, spaceId, QStringLiteral("Deleted"), QStringLiteral("Variable"),
                                      removed.id, removed.value.name, auditFields(removed.value, false), {});
            !r)
            return r;
        return beforeCommit ? beforeCommit(removed) : VoidResult();
    });
    if (!done)
        return done.error();
    return removed;
}

Result<QList<VariableRepository::Stored>> VariableRepository::replaceAll(
    const QString &spaceId, const VariableOwner &owner, const QList<Stored> &rows,
    const std::function<VoidResult(const QList<Stored> &, const QStringList &)> &beforeCommit)
{
    const bool library = owner.kind == VariableOwner::Kind::LibrarySet;
    for (const Stored &row : rows) {
        if (auto r = validate(row.value, library); !r)
            return r.error();
    }
    QList<Stored> written;
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto set = variableSetOf(db, owner);
        if (!set)
            return set.error();
        auto existing = load(db, *set);
        if (!existing)
            return existing.error();
        QHash<QString, const Stored *> byId;
        for (const Stored &stored : std::as_const(*existing))
            byId.insert(stored.id, &stored);

        QSet<QString> kept;
        for (const Stored &row : rows) {
            if (row.id.isEmpty())
                continue;
            const Stored *before = byId.value(row.id);
            if (!before)
                return Error::validation(tr("The variable \"%1\" (%2) does not belong to \"%3\".").arg(row.value.name, row.id, set->name),
                                         QStringLiteral("id"));
            if (kept.contains(row.id))
                return Error::validation(tr("The variable id %1 appears twice.").arg(row.id), QStringLiteral("id"));
            kept.insert(row.id);
            if (row.value.sensitive && row.value.value.isEmpty() && !before->value.sensitive)
                return Error::validation(tr("The sensitive variable \"%1\" needs a value.").arg(row.value.name),
                                         QStringLiteral("value"));
        }
        for (const Stored &row : rows) {
            if (row.id.isEmpty() && row.value.sensitive && row.value.value.isEmpty())
                return Error::validation(tr("The sensitive variable \"%1\" needs a value.").arg(row.value.name),
                                         QStringLiteral("value"));
        }

        QStringList dropped;
        QVariantMap beforeFields;
        QVariantMap afterFields;
        QSet<QString> secretFields;
        for (const Stored &stored : std::as_const(*existing)) {
            if (kept.contains(stored.id))
                continue;
            beforeFields.insert(stored.id, auditLine(stored.value));
        }
        for (const Stored &stored : std::as_const(*existing)) {
            if (kept.contains(stored.id))
                continue;
            if (stored.value.sensitive)
                dropped << stored.id;
            SqlQuery q(db, QStringLiteral("DELETE FROM variables WHERE id = ?"));
            q.bind(stored.id);
            if (auto r = q.exec(); !r)
                return r;
        }
        // Scopes are rewritten wholesale: cheaper than comparing them value by value.
        SqlQuery clear(db, QStringLiteral("DELETE FROM variable_scopes WHERE variable_id IN "
                                          "(SELECT id FROM variables WHERE variable_set_id = ?)"));
        clear.bind(set->id);
        if (auto r = clear.exec(); !r)
            return r;

        for (qsizetype i = 0; i < rows.size(); ++i) {
            Stored row = rows.at(i);
            const Stored *before = row.id.isEmpty() ? nullptr : byId.value(row.id);
            if (before) {
                row.wasSensitive = before->value.sensitive;
                if (row.wasSensitive && !row.value.sensitive)
                    dropped << row.id;
            } else {
                auto id = nextId(db, QStringLiteral("Variables"));
                if (!id)
                    return id.error();
                row.id = *id;
                row.wasSensitive = false;
            }
            row.value.source = set->name;
            row.value.fromLibrarySet = set->library;
            row.value.order = int(i);
            if (auto r = writeRow(db, set->id, row.id, row.value, int(i), before != nullptr); !r)
                return r;
            if (auto r = writeScopes(db, row.id, row.value.scope, false); !r)
                return r;
            const QString line = auditLine(row.value);
            if (!before || auditLine(before->value) != line) {
                if (before)
                    beforeFields.insert(row.id, auditLine(before->value));
                afterFields.insert(row.id, line);
            }
            if (row.value.sensitive && !row.value.value.isEmpty()) {
                const QString secretField = row.id + QStringLiteral(".value");
                afterFields.insert(secretField, kSecretChanged);
                secretFields.insert(secretField);
            }
            written << row;
        }
        if (auto r = AuditLog::record(db, m_context, spaceId, QStringLiteral("Modified"), QStringLiteral("VariableSet"),
                                      owner.id, tr("Variables of %1").arg(set->name), beforeFields, afterFields, secretFields);
            !r)
            return r;
        return beforeCommit ? beforeCommit(written, dropped) : VoidResult();
    });
    if (!done)
        return done.error();
    for (Stored &row : written) {
        if (row.value.sensitive)
            row.value.value.clear();
    }
    return written;
}

} // namespace Cuttle
