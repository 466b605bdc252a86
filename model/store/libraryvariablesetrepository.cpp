#include "model/store/libraryvariablesetrepository.h"

#include "model/core/validation.h"
#include "model/store/auditlog.h"
#include "model/store/repositorysupport.h"

namespace Cuttle {
using namespace StoreSupport;

namespace {

const QString kSelect = QStringLiteral("SELECT s.id, s.space_id, s.name, s.description FROM variable_sets s ");

LibraryVariableSet fromRow(const SqlQuery &q)
{
    return {q.text(0), q.text(1), q.text(2), q.text(3)};
}

QVariantMap auditFields(const LibraryVariableSet &set)
{
    return {{QStringLiteral("name"), set.name}, {QStringLiteral("description"), set.description}};
}

Result<LibraryVariableSet> get(const QSqlDatabase &db, const QString &id)
{
    return fetchOne<LibraryVariableSet>(db, kSelect + QStringLiteral("WHERE s.id = ? AND s.owner_kind = 'Library'"), {id},
                                        fromRow, tr("There is no library variable set with id %1.").arg(id));
}

// Project variable sets share the table (named after their projects), so the generic
// unique-name check would refuse a set named like a project.
VoidResult ensureUnique(const QSqlDatabase &db, const LibraryVariableSet &set)
{
    SqlQuery q(db, QStringLiteral("SELECT 1 FROM variable_sets WHERE space_id = ? AND owner_kind = 'Library' "
                                  "AND name = ? COLLATE NOCASE AND id <> ?"));
    q.bind(set.spaceId).bind(set.name).bind(set.id);
    auto row = q.execAndNext();
    if (!row)
        return row.error();
    if (*row)
        return Error::conflict(tr("The name \"%1\" is already used by another library variable set.").arg(set.name),
                               QStringLiteral("name"));
    return {};
}

Result<LibraryVariableSet> validated(LibraryVariableSet set)
{
    auto name = Validation::name(set.name, tr("library variable set"));
    if (!name)
        return name.error();
    set.name = *name;
    return set;
}

Result<QStringList> projectNamesIncluding(const QSqlDatabase &db, const QString &setId)
{
    return fetchAll<QString>(db, QStringLiteral("SELECT p.name FROM project_library_sets l JOIN projects p ON p.id = l.project_id "
                                                "WHERE l.variable_set_id = ? ORDER BY p.name"),
                             {setId}, [](const SqlQuery &q) { return q.text(0); });
}

} // namespace

Result<QList<LibraryVariableSet>> LibraryVariableSetRepository::list(const QString &spaceId) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetchAll<LibraryVariableSet>(*db, kSelect + QStringLiteral("WHERE s.space_id = ? AND s.owner_kind = 'Library' "
                                                                      "ORDER BY s.name COLLATE NOCASE"),
                                        {spaceId}, fromRow);
}

Result<LibraryVariableSet> LibraryVariableSetRepository::find(const QString &spaceId, const QString &idOrName) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetchOne<LibraryVariableSet>(
        *db, kSelect + QStringLiteral("WHERE s.space_id = ? AND s.owner_kind = 'Library' AND (s.id = ? OR s.name = ? COLLATE NOCASE)"),
        {spaceId, idOrName, idOrName}, fromRow, tr("There is no library variable set named \"%1\".").arg(idOrName));
}

Result<LibraryVariableSet> LibraryVariableSetRepository::create(const LibraryVariableSet &input)
{
    auto set = validated(input);
    if (!set)
        return set.error();
    set->id.clear();
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        SqlQuery space(db, QStringLiteral("SELECT 1 FROM spaces WHERE id = ?"));
        space.bind(set->spaceId);
        auto found = space.execAndNext();
        if (!found)
            return found.error();
        if (!*found)
            return Error::notFound(tr("There is no space with id %1.").arg(set->spaceId));
        if (auto r = ensureUnique(db, *set); !r)
            return r;
        auto id = nextId(db, QStringLiteral("LibraryVariableSets"));
        if (!id)
            return id.error();
        set->id = *id;
        SqlQuery q(db, QStringLiteral("INSERT INTO variable_sets(id, space_id, owner_kind, name, description) "
                                      "VALUES (?, ?, 'Library', ?, ?)"));
        q.bind(set->id).bind(set->spaceId).bind(set->name).bind(set->description);
        if (auto r = q.exec(); !r)
            return r;
        return AuditLog::record(db, m_context, set->spaceId, QStringLiteral("Created"), QStringLiteral("LibraryVariableSet"),
                                set->id, set->name, {}, auditFields(*set));
    });
    if (!done)
        return done.error();
    return *set;
}

Result<LibraryVariableSet> LibraryVariableSetRepository::update(const LibraryVariableSet &input)
{
    auto set = validated(input);
    if (!set)
        return set.error();
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = get(db, set->id);
        if (!before)
            return before.error();
        set->spaceId = before->spaceId;
        if (auto r = ensureUnique(db, *set); !r)
            return r;
        SqlQuery q(db, QStringLiteral("UPDATE variable_sets SET name = ?, description = ? WHERE id = ?"));
        q.bind(set->name).bind(set->description).bind(set->id);
        if (auto r = q.exec(); !r)
            return r;
        return AuditLog::record(db, m_context, set->spaceId, QStringLiteral("Modified"), QStringLiteral("LibraryVariableSet"),
                                set->id, set->name, auditFields(*before), auditFields(*set));
    });
    if (!done)
        return done.error();
    return *set;
}

VoidResult LibraryVariableSetRepository::remove(const QString &spaceId, const QString &id)
{
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = get(db, id);
        if (!before)
            return before.error();
        if (before->spaceId != spaceId)
            return Error::notFound(tr("There is no library variable set with id %1.").arg(id));
        auto projects = projectNamesIncluding(db, id);
        if (!projects)
            return projects.error();
        if (!projects->isEmpty()) {
            QStringList quoted;
            for (const QString &name : std::as_const(*projects))
                quoted << u'"' + name + u'"';
            if (quoted.size() == 1)
                return Error::conflict(tr("The library variable set \"%1\" cannot be deleted while the project %2 includes it.")
                                           .arg(before->name, quoted.constFirst()));
            return Error::conflict(tr("The library variable set \"%1\" cannot be deleted while the projects %2 include it.")
                                       .arg(before->name, quoted.join(QStringLiteral(", "))));
        }
        // Foreign keys cascade from the set to its values and their scopes.
        SqlQuery q(db, QStringLiteral("DELETE FROM variable_sets WHERE id = ?"));
        q.bind(id);
        if (auto r = q.exec(); !r)
            return r;
        return AuditLog::record(db, m_context, before->spaceId, QStringLiteral("Deleted"), QStringLiteral("LibraryVariableSet"),
                                id, before->name, auditFields(*before), {});
    });
}

Result<QList<LibraryVariableSet>> LibraryVariableSetRepository::includedBy(const QString &projectId) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetchAll<LibraryVariableSet>(*db, kSelect + QStringLiteral("JOIN project_library_sets l ON l.variable_set_id = s.id "
                                                                      "WHERE l.project_id = ? ORDER BY l.sort_order, l.rowid"),
                                        {projectId}, fromRow);
}

Result<QStringList> LibraryVariableSetRepository::includingProjects(const QString &setId) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetchAll<QString>(*db, QStringLiteral("SELECT p.id FROM project_library_sets l JOIN projects p ON p.id = l.project_id "
                                                 "WHERE l.variable_set_id = ? ORDER BY p.name"),
                             {setId}, [](const SqlQuery &q) { return q.text(0); });
}

VoidResult LibraryVariableSetRepository::setIncluded(const QString &projectId, const QStringList &input)
{
    QStringList setIds = input;
    setIds.removeDuplicates();
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        SqlQuery project(db, QStringLiteral("SELECT space_id, name FROM projects WHERE id = ?"));
        project.bind(projectId);
        auto found = project.execAndNext();
        if (!found)
            return found.error();
        if (!*found)
            return Error::notFound(tr("There is no project with id %1.").arg(projectId));
        const QString spaceId = project.text(0);
        const QString projectName = project.text(1);
        QStringList names;
        for (const QString &setId : std::as_const(setIds)) {
            auto set = get(db, setId);
            if (!set || set->spaceId != spaceId)
                return Error::validation(tr("There is no library variable set with id %1 in this space.").arg(setId),
                                         QStringLiteral("librarySets"));
            names << set->name;
        }
        auto before = fetchAll<QString>(db, QStringLiteral("SELECT s.name FROM project_library_sets l JOIN variable_sets s "
                                                           "ON s.id = l.variable_set_id WHERE l.project_id = ? "
                                                           "ORDER BY l.sort_order, l.rowid"),
                                        {projectId}, [](const SqlQuery &q) { return q.text(0); });
        if (!before)
            return before.error();
        if (auto r = replaceLinks(db, QStringLiteral("project_library_sets"), QStringLiteral("project_id"), projectId,
                                  QStringLiteral("variable_set_id"), setIds, true);
            !r)
            return r;
        return AuditLog::record(db, m_context, spaceId, QStringLiteral("Modified"), QStringLiteral("Project"), projectId,
                                projectName, {{QStringLiteral("includedLibrarySets"), *before}},
                                {{QStringLiteral("includedLibrarySets"), names}});
    });
}

} // namespace Cuttle
