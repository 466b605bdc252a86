#include "model/store/tagsetrepository.h"

#include "model/core/validation.h"
#include "model/store/auditlog.h"
#include "model/store/repositorysupport.h"

#include <QRegularExpression>
#include <QSet>

namespace Cuttle {
using namespace StoreSupport;

namespace {

const QString kSelect = QStringLiteral("SELECT id, space_id, name, description, sort_order FROM tag_sets ");

TagSet fromRow(const SqlQuery &q)
{
    TagSet t;
    t.id = q.text(0);
    t.spaceId = q.text(1);
    t.name = q.text(2);
    t.description = q.text(3);
    t.sortOrder = q.integer(4);
    return t;
}

QVariantMap auditFields(const TagSet &t)
{
    QStringList tags;
    for (const Tag &tag : t.tags)
        tags << tag.name;
    return {{QStringLiteral("name"), t.name}, {QStringLiteral("description"), t.description}, {QStringLiteral("tags"), tags}};
}

VoidResult loadTags(const QSqlDatabase &db, TagSet &t)
{
    auto tags = fetchAll<Tag>(db, QStringLiteral("SELECT id, name, color, description FROM tags WHERE tag_set_id = ? ORDER BY sort_order"),
                              {t.id}, [](const SqlQuery &q) { return Tag{q.text(0), q.text(1), q.text(2), q.text(3)}; });
    if (!tags)
        return tags.error();
    t.tags = *tags;
    return {};
}

Result<TagSet> fetch(const QSqlDatabase &db, const QString &where, const QVariantList &values, const QString &missing)
{
    auto tagSet = fetchOne<TagSet>(db, kSelect + where, values, fromRow, missing);
    if (!tagSet)
        return tagSet;
    if (auto r = loadTags(db, *tagSet); !r)
        return r.error();
    return tagSet;
}

Result<int> tagUses(const QSqlDatabase &db, const QString &tagId)
{
    auto tenants = count(db, QStringLiteral("tenant_tags"), QStringLiteral("tag_id"), tagId);
    if (!tenants)
        return tenants;
    auto targets = count(db, QStringLiteral("target_tenant_tags"), QStringLiteral("tag_id"), tagId);
    if (!targets)
        return targets;
    return *tenants + *targets;
}

VoidResult writeTags(const QSqlDatabase &db, TagSet &t)
{
    auto existing = fetchAll<Tag>(db, QStringLiteral("SELECT id, name FROM tags WHERE tag_set_id = ?"), {t.id},
                                  [](const SqlQuery &q) { return Tag{q.text(0), q.text(1), {}, {}}; });
    if (!existing)
        return existing.error();
    QSet<QString> kept;
    for (const Tag &tag : t.tags) {
        if (!tag.id.isEmpty())
            kept.insert(tag.id);
    }
    for (const Tag &old : *existing) {
        if (kept.contains(old.id))
            continue;
        auto uses = tagUses(db, old.id);
        if (!uses)
            return uses.error();
        if (*uses > 0)
            return Error::conflict(tr("The tag \"%1\" cannot be removed while %2 tenant(s) or target(s) use it.").arg(old.name).arg(*uses),
                                   QStringLiteral("tags"));
        SqlQuery remove(db, QStringLiteral("DELETE FROM tags WHERE id = ?"));
        remove.bind(old.id);
        if (auto r = remove.exec(); !r)
            return r;
    }
    // Renames could swap two names; park kept tags under unique names first.
    SqlQuery park(db, QStringLiteral("UPDATE tags SET name = id WHERE tag_set_id = ?"));
    park.bind(t.id);
    if (auto r = park.exec(); !r)
        return r;
    for (int i = 0; i < t.tags.size(); ++i) {
        Tag &tag = t.tags[i];
        if (tag.id.isEmpty()) {
            auto id = nextId(db, QStringLiteral("Tags"));
            if (!id)
                return id.error();
            tag.id = *id;
            SqlQuery insert(db, QStringLiteral("INSERT INTO tags(id, tag_set_id, name, color, description, sort_order) VALUES (?, ?, ?, ?, ?, ?)"));
            insert.bind(tag.id).bind(t.id).bind(tag.name).bind(tag.color).bind(tag.description).bind(i);
            if (auto r = insert.exec(); !r)
                return r;
        } else {
            SqlQuery update(db, QStringLiteral("UPDATE tags SET name = ?, color = ?, description = ?, sort_order = ? WHERE id = ? AND tag_set_id = ?"));
            update.bind(tag.name).bind(tag.color).bind(tag.description).bind(i).bind(tag.id).bind(t.id);
            if (auto r = update.exec(); !r)
                return r;
            if (update.rowsAffected() == 0)
                return Error::validation(tr("The tag %1 does not belong to this tag set.").arg(tag.id), QStringLiteral("tags"));
        }
    }
    return {};
}

} // namespace

VoidResult TagSetRepository::validate(TagSet &t)
{
    auto name = Validation::name(t.name, tr("tag set"));
    if (!name)
        return name.error();
    if (name->contains(u'/'))
        return Error::validation(tr("A tag set name cannot contain \"/\"; tenants carry tags as \"Set/Tag\"."), QStringLiteral("name"));
    t.name = *name;
    QSet<QString> seen;
    static const QRegularExpression color(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
    for (Tag &tag : t.tags) {
        auto tagName = Validation::name(tag.name, tr("tag"), QStringLiteral("tags"));
        if (!tagName)
            return tagName.error();
        if (tagName->contains(u'/'))
            return Error::validation(tr("The tag name \"%1\" cannot contain \"/\".").arg(*tagName), QStringLiteral("tags"));
        tag.name = *tagName;
        if (seen.contains(tag.name.toLower()))
            return Error::validation(tr("The tag set has two tags named \"%1\".").arg(tag.name), QStringLiteral("tags"));
        seen.insert(tag.name.toLower());
        if (tag.color.isEmpty())
            tag.color = Tag().color;
        if (!color.match(tag.color).hasMatch())
            return Error::validation(tr("The colour of tag \"%1\" must be written as #RRGGBB.").arg(tag.name), QStringLiteral("tags"));
    }
    return {};
}

Result<QList<TagSet>> TagSetRepository::list(const QString &spaceId) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    auto sets = fetchAll<TagSet>(*db, kSelect + QStringLiteral("WHERE space_id = ? ORDER BY sort_order, name"), {spaceId}, fromRow);
    if (!sets)
        return sets;
    for (TagSet &t : *sets) {
        if (auto r = loadTags(*db, t); !r)
            return r.error();
    }
    return sets;
}

Result<TagSet> TagSetRepository::get(const QString &id) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetch(*db, QStringLiteral("WHERE id = ?"), {id}, tr("There is no tag set with id %1.").arg(id));
}

Result<TagSet> TagSetRepository::find(const QString &spaceId, const QString &idOrName) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetch(*db, QStringLiteral("WHERE space_id = ? AND (id = ? OR name = ? COLLATE NOCASE)"), {spaceId, idOrName, idOrName},
                 tr("There is no tag set named \"%1\".").arg(idOrName));
}

Result<TagSet> TagSetRepository::create(TagSet tagSet)
{
    if (auto r = validate(tagSet); !r)
        return r.error();
    for (Tag &tag : tagSet.tags)
        tag.id.clear();
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        if (auto r = ensureUniqueName(db, QStringLiteral("tag_sets"), QStringLiteral("space_id"), tagSet.spaceId, tagSet.name, {},
                                      tr("tag set")); !r)
            return r;
        auto id = nextId(db, QStringLiteral("TagSets"));
        if (!id)
            return id.error();
        tagSet.id = *id;
        SqlQuery q(db, QStringLiteral("INSERT INTO tag_sets(id, space_id, name, description, sort_order) "
                                      "VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(sort_order) + 1, 0) FROM tag_sets WHERE space_id = ?))"));
        q.bind(tagSet.id).bind(tagSet.spaceId).bind(tagSet.name).bind(tagSet.description).bind(tagSet.spaceId);
        if (auto r = q.exec(); !r)
            return r;
        if (auto r = writeTags(db, tagSet); !r)
            return r;
        return AuditLog::record(db, m_context, tagSet.spaceId, QStringLiteral("Created"), QStringLiteral("TagSet"), tagSet.id,
                                tagSet.name, {}, auditFields(tagSet));
    });
    if (!done)
        return done.error();
    return get(tagSet.id);
}

Result<TagSet> TagSetRepository::update(const TagSet &input)
{
    TagSet tagSet = input;
    if (auto r = validate(tagSet); !r)
        return r.error();
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = fetch(db, QStringLiteral("WHERE id = ?"), {tagSet.id}, tr("There is no tag set with id %1.").arg(tagSet.id));
        if (!before)
            return before.error();
        tagSet.spaceId = before->spaceId;
        if (auto r = ensureUniqueName(db, QStringLiteral("tag_sets"), QStringLiteral("space_id"), tagSet.spaceId, tagSet.name,
                                      tagSet.id, tr("tag set")); !r)
            return r;
        SqlQuery q(db, QStringLiteral("UPDATE tag_sets SET name = ?, description = ? WHERE id = ?"));
        q.bind(tagSet.name).bind(tagSet.description).bind(tagSet.id);
        if (auto r = q.exec(); !r)
            return r;
        if (auto r = writeTags(db, tagSet); !r)
            return r;
        return AuditLog::record(db, m_context, tagSet.spaceId, QStringLiteral("Modified"), QStringLiteral("TagSet"), tagSet.id,
                                tagSet.name, auditFields(*before), auditFields(tagSet));
    });
    if (!done)
        return done.error();
    return get(tagSet.id);
}

VoidResult TagSetRepository::remove(const QString &id)
{
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = fetch(db, QStringLiteral("WHERE id = ?"), {id}, tr("There is no tag set with id %1.").arg(id));
        if (!before)
            return before.error();
        for (const Tag &tag : before->tags) {
            auto uses = tagUses(db, tag.id);
            if (!uses)
                return uses.error();
            if (*uses > 0)
                return Error::conflict(tr("The tag set \"%1\" cannot be deleted while tenants or targets carry its tag \"%2\".")
                                           .arg(before->name, tag.name));
        }
        SqlQuery q(db, QStringLiteral("DELETE FROM tag_sets WHERE id = ?"));
        q.bind(id);
        if (auto r = q.exec(); !r)
            return r;
        return AuditLog::record(db, m_context, before->spaceId, QStringLiteral("Deleted"), QStringLiteral("TagSet"), id,
                                before->name, auditFields(*before), {});
    });
}

VoidResult TagSetRepository::reorder(const QString &spaceId, const QStringList &orderedIds)
{
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto current = fetchAll<QString>(db, QStringLiteral("SELECT id FROM tag_sets WHERE space_id = ?"), {spaceId},
                                         [](const SqlQuery &q) { return q.text(0); });
        if (!current)
            return current.error();
        QStringList a = *current, b = orderedIds;
        a.sort();
        b.sort();
        if (a != b)
            return Error::validation(tr("The new order must list every tag set of the space exactly once."));
        for (int i = 0; i < orderedIds.size(); ++i) {
            SqlQuery q(db, QStringLiteral("UPDATE tag_sets SET sort_order = ? WHERE id = ?"));
            q.bind(i).bind(orderedIds.at(i));
            if (auto r = q.exec(); !r)
                return r;
        }
        return AuditLog::record(db, m_context, spaceId, QStringLiteral("Reordered"), QStringLiteral("TagSet"), spaceId,
                                tr("Tag sets"), {}, {{QStringLiteral("order"), orderedIds}});
    });
}

} // namespace Cuttle
