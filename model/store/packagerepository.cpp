#include "model/store/packagerepository.h"

#include "model/core/mavenversion.h"
#include "model/core/semanticversion.h"
#include "model/store/auditlog.h"
#include "model/store/repositorysupport.h"
#include "model/store/sqlquery.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace Cuttle {
using namespace StoreSupport;

namespace {

const QString kColumns = QStringLiteral(
    "id, space_id, package_id, version, normalized_version, format, size_bytes, sha256, file_path, "
    "uploaded_at, uploaded_by, title, authors, description, release_notes");

// The store knows formats only by name; Java packages carry Maven versions.
bool isMaven(const QString &format)
{
    return format.compare(u"Jar", Qt::CaseInsensitive) == 0 || format.compare(u"War", Qt::CaseInsensitive) == 0
        || format.compare(u"Ear", Qt::CaseInsensitive) == 0;
}

PackageRepository::Record fromRow(const SqlQuery &q)
{
    PackageRepository::Record r;
    r.id = q.text(0);
    r.spaceId = q.text(1);
    r.packageId = q.text(2);
    r.version = q.text(3);
    r.normalizedVersion = q.text(4);
    r.format = q.text(5);
    r.size = q.integer64(6);
    r.sha256 = q.text(7);
    r.filePath = q.text(8);
    r.uploadedAt = q.dateTime(9);
    r.uploadedBy = q.text(10);
    r.title = q.text(11);
    r.authors = q.text(12);
    r.description = q.text(13);
    r.releaseNotes = q.text(14);
    return r;
}

Result<PackageRepository::Record> fetch(const QSqlDatabase &db, const QString &id)
{
    return fetchOne<PackageRepository::Record>(db, QStringLiteral("SELECT %1 FROM packages WHERE id = ?").arg(kColumns),
                                               {id}, fromRow, tr("There is no package with id %1.").arg(id));
}

Result<QList<PackageRepository::Record>> fetchPackage(const QSqlDatabase &db, const QString &spaceId,
                                                      const QString &packageId)
{
    return fetchAll<PackageRepository::Record>(
        db, QStringLiteral("SELECT %1 FROM packages WHERE space_id = ? AND package_id = ?").arg(kColumns),
        {spaceId, packageId}, fromRow);
}

Result<int> countReleases(const QSqlDatabase &db, const QString &spaceId, const QString &packageId,
                          const QString &version, const QString &format)
{
    // Release versions are stored as written, so the comparison is semantic and done here.
    SqlQuery q(db, QStringLiteral("SELECT DISTINCT rp.release_id, rp.version FROM release_packages rp "
                                  "JOIN releases r ON r.id = rp.release_id "
                                  "WHERE r.space_id = ? AND rp.package_id = ? COLLATE NOCASE"));
    q.bind(spaceId).bind(packageId);
    if (auto r = q.exec(); !r)
        return r.error();
    QSet<QString> releases;
    while (q.next()) {
        if (PackageRepository::sameVersion(q.text(1), version, format))
            releases.insert(q.text(0));
    }
    return int(releases.size());
}

} // namespace

void PackageRepository::sortNewestFirst(QList<Record> &records)
{
    // Each version is parsed once, not once per comparison: with thousands of records the
    // parsing, not the sorting, is what takes the time.
    struct Key
    {
        QString folded;
        std::optional<SemanticVersion> semantic;
        std::optional<MavenVersion> maven;
        qsizetype index = 0;
    };
    std::vector<Key> keys;
    keys.reserve(size_t(records.size()));
    for (qsizetype i = 0; i < records.size(); ++i) {
        const Record &r = records.at(i);
        Key key;
        key.folded = r.packageId.toCaseFolded();
        if (isMaven(r.format))
            key.maven = MavenVersion::parse(r.version);
        else
            key.semantic = SemanticVersion::parse(r.version);
        key.index = i;
        keys.push_back(std::move(key));
    }
    std::stable_sort(keys.begin(), keys.end(), [&records](const Key &a, const Key &b) {
        if (a.folded != b.folded)
            return a.folded < b.folded;
        // As isNewer(): a version that does not parse falls back to text order.
        if (a.maven && b.maven)
            return *a.maven > *b.maven;
        if (a.semantic && b.semantic)
            return *a.semantic > *b.semantic;
        return records.at(a.index).version > records.at(b.index).version;
    });
    QList<Record> sorted;
    sorted.reserve(records.size());
    for (const Key &key : keys)
        sorted << std::move(records[key.index]);
    records = std::move(sorted);
}

QString PackageRepository::Record::displayName() const
{
    return packageId + u' ' + version;
}

QString PackageRepository::normalizeVersion(const QString &version, const QString &format)
{
    if (isMaven(format)) {
        if (const auto maven = MavenVersion::parse(version))
            return maven->toCanonicalString();
    } else if (const auto semantic = SemanticVersion::parse(version)) {
        // Pre-release labels compare case-insensitively.
        return semantic->toNormalizedString().toLower();
    }
    return version.toLower();
}

bool PackageRepository::sameVersion(const QString &a, const QString &b, const QString &format)
{
    return normalizeVersion(a, format) == normalizeVersion(b, format);
}

bool PackageRepository::isNewer(const QString &a, const QString &b, const QString &format)
{
    if (isMaven(format)) {
        const auto ma = MavenVersion::parse(a);
        const auto mb = MavenVersion::parse(b);
        if (ma && mb)
            return *ma > *mb;
    } else {
        const auto sa = SemanticVersion::parse(a);
        const auto sb = SemanticVersion::parse(b);
        if (sa && sb)
            return *sa > *sb;
    }
    return a > b;
}

QVariantMap PackageRepository::auditFields(const Record &r)
{
    return {{QStringLiteral("packageId"), r.packageId},
            {QStringLiteral("version"), r.version},
            {QStringLiteral("format"), r.format},
            {QStringLiteral("size"), r.size},
            {QStringLiteral("sha256"), r.sha256},
            {QStringLiteral("title"), r.title},
            {QStringLiteral("authors"), r.authors},
            {QStringLiteral("description"), r.description},
            {QStringLiteral("releaseNotes"), r.releaseNotes}};
}

Result<QList<PackageRepository::Record>> PackageRepository::list(const QString &spaceId, const QString &packageId) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    auto all = packageId.isEmpty()
        ? fetchAll<Record>(*db, QStringLiteral("SELECT %1 FROM packages WHERE space_id = ?").arg(kColumns), {spaceId}, fromRow)
        : fetchPackage(*db, spaceId, packageId);
    if (!all)
        return all.error();
    sortNewestFirst(*all);
    return all;
}

Result<PackageRepository::Record> PackageRepository::find(const QString &spaceId, const QString &packageId,
                                                          const QString &version) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    auto all = fetchPackage(*db, spaceId, packageId);
    if (!all)
        return all.error();
    for (const Record &r : std::as_const(*all)) {
        if (sameVersion(r.version, version, r.format))
            return r;
    }
    return Error::notFound(tr("Package %1 version %2 is not in the built-in repository.").arg(packageId, version));
}

Result<PackageRepository::Record> PackageRepository::get(const QString &id) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetch(*db, id);
}

Result<PackageRepository::Record> PackageRepository::insert(Record record)
{
    record.normalizedVersion = normalizeVersion(record.version, record.format);
    if (!record.uploadedAt.isValid())
        record.uploadedAt = QDateTime::currentDateTimeUtc();
    if (record.uploadedBy.isEmpty())
        record.uploadedBy = m_context.actor;
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto existing = fetchPackage(db, record.spaceId, record.packageId);
        if (!existing)
            return existing.error();
        for (const Record &r : std::as_const(*existing)) {
            if (sameVersion(r.version, record.version, r.format))
                return Error::conflict(tr("Package %1 version %2 is already in the built-in repository.")
                                           .arg(r.packageId, r.version));
        }
        auto id = nextId(db, QStringLiteral("Packages"));
        if (!id)
            return id.error();
        record.id = *id;
        SqlQuery q(db, QStringLiteral("INSERT INTO packages(%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").arg(kColumns));
        q.bind(record.id).bind(record.spaceId).bind(record.packageId).bind(record.version)
            .bind(record.normalizedVersion).bind(record.format).bind(record.size).bind(record.sha256)
            .bind(record.filePath).bind(record.uploadedAt).bind(record.uploadedBy).bind(record.title)
            .bind(record.authors).bind(record.description).bind(record.releaseNotes);
        if (auto r = q.exec(); !r)
            return r;
        return AuditLog::record(db, m_context, record.spaceId, QStringLiteral("Created"), QStringLiteral("Package"),
                                record.id, record.displayName(), {}, auditFields(record));
    });
    if (!done)
        return done.error();
    return record;
}

Result<PackageRepository::Record> PackageRepository::replace(const Record &input)
{
    Record record = input;
    record.normalizedVersion = normalizeVersion(record.version, record.format);
    if (!record.uploadedAt.isValid())
        record.uploadedAt = QDateTime::currentDateTimeUtc();
    if (record.uploadedBy.isEmpty())
        record.uploadedBy = m_context.actor;
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = fetch(db, record.id);
        if (!before)
            return before.error();
        record.spaceId = before->spaceId;
        SqlQuery q(db, QStringLiteral("UPDATE packages SET package_id = ?, version = ?, normalized_version = ?, format = ?, "
                                      "size_bytes = ?, sha256 = ?, file_path = ?, uploaded_at = ?, uploaded_by = ?, "
                                      "title = ?, authors = ?, description = ?, release_notes = ? WHERE id = ?"));
        q.bind(record.packageId).bind(record.version).bind(record.normalizedVersion).bind(record.format)
            .bind(record.size).bind(record.sha256).bind(record.filePath).bind(record.uploadedAt)
            .bind(record.uploadedBy).bind(record.title).bind(record.authors).bind(record.description)
            .bind(record.releaseNotes).bind(record.id);
        if (auto r = q.exec(); !r)
            return r;
        return AuditLog::record(db, m_context, record.spaceId, QStringLiteral("Replaced"), QStringLiteral("Package"),
                                record.id, record.displayName(), auditFields(*before), auditFields(record));
    });
    if (!done)
        return done.error();
    return record;
}

VoidResult PackageRepository::remove(const QString &id)
{
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = fetch(db, id);
        if (!before)
            return before.error();
        auto used = countReleases(db, before->spaceId, before->packageId, before->version, before->format);
        if (!used)
            return used.error();
        if (*used > 0) {
            return Error::conflict((*used == 1 ? tr("Package %1 cannot be deleted while %2 release uses it.")
                                               : tr("Package %1 cannot be deleted while %2 releases use it."))
                                       .arg(before->displayName(), QString::number(*used)));
        }
        SqlQuery q(db, QStringLiteral("DELETE FROM packages WHERE id = ?"));
        q.bind(id);
        if (auto r = q.exec(); !r)
            return r;
        return AuditLog::record(db, m_context, before->spaceId, QStringLiteral("Deleted"), QStringLiteral("Package"),
                                id, before->displayName(), auditFields(*before), {});
    });
}

Result<int> PackageRepository::releaseCount(const QString &spaceId, const QString &packageId, const QString &version) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    // The format only matters for Java packages; take it from the stored record when there is one.
    QString format;
    if (auto all = fetchPackage(*db, spaceId, packageId); all && !all->isEmpty())
        format = all->constFirst().format;
    return countReleases(*db, spaceId, packageId, version, format);
}

} // namespace Cuttle
