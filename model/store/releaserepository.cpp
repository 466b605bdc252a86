#include "model/store/releaserepository.h"

#include "model/core/processjson.h"
#include "model/core/variablesjson.h"
#include "model/store/auditlog.h"
#include "model/store/repositorysupport.h"

#include <QJsonDocument>

namespace Cuttle {
using namespace StoreSupport;

namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, space_id, project_id, channel_id, version, notes, created_at, created_by, process_snapshot, "
    "variables_snapshot, variables_snapshot_at, is_blocked, block_reason, ignored_channel_rules FROM releases ");

QString compact(const QJsonDocument &document)
{
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

Result<Release> fromRow(const SqlQuery &q)
{
    Release r;
    r.id = q.text(0);
    r.spaceId = q.text(1);
    r.projectId = q.text(2);
    r.channelId = q.text(3);
    r.version = q.text(4);
    r.notes = q.text(5);
    r.createdAt = q.dateTime(6);
    r.createdBy = q.text(7);
    auto process = ProcessJson::fromJson(QJsonDocument::fromJson(q.text(8).toUtf8()).object());
    if (!process)
        return Error::failed(tr("The process snapshot of release %1 is damaged: %2").arg(r.version, process.error().message));
    r.process = *process;
    auto variables = VariablesJson::fromJson(QJsonDocument::fromJson(q.text(9).toUtf8()).array(),
                                             tr("the variables snapshot of release %1").arg(r.version));
    if (!variables)
        return variables.error();
    r.variables = *variables;
    r.variablesSnapshotAt = q.dateTime(10);
    r.isBlocked = q.boolean(11);
    r.blockReason = q.text(12);
    r.ignoredChannelRules = q.boolean(13);
    return r;
}

VoidResult loadPackages(const QSqlDatabase &db, Release &release)
{
    auto packages = fetchAll<ReleasePackage>(
        db,
        QStringLiteral("SELECT action_name, package_reference, package_id, version FROM release_packages "
                       "WHERE release_id = ? ORDER BY rowid"),
        {release.id}, [](const SqlQuery &q) { return ReleasePackage{q.text(0), q.text(1), q.text(2), q.text(3)}; });
    if (!packages)
        return packages.error();
    release.packages = *packages;
    return {};
}

Result<QList<Release>> fetchReleases(const QSqlDatabase &db, const QString &where, const QVariantList &values)
{
    SqlQuery q(db, kSelect + where);
    for (const QVariant &value : values)
        q.bind(value);
    if (auto r = q.exec(); !r)
        return r.error();
    QList<Release> releases;
    while (q.next()) {
        auto release = fromRow(q);
        if (!release)
            return release.error();
        releases << *release;
    }
    for (Release &release : releases) {
        if (auto r = loadPackages(db, release); !r)
            return r.error();
    }
    return releases;
}

Result<Release> fetchRelease(const QSqlDatabase &db, const QString &id)
{
    auto releases = fetchReleases(db, QStringLiteral("WHERE id = ?"), {id});
    if (!releases)
        return releases.error();
    if (releases->isEmpty())
        return Error::notFound(tr("There is no release with id %1.").arg(id));
    return releases->constFirst();
}

QVariantMap auditFields(const Release &r)
{
    QStringList packages;
    for (const ReleasePackage &p : r.packages)
        packages << QStringLiteral("%1%2: %3 %4")
                        .arg(p.actionName,
                             p.packageReference.isEmpty() ? QString() : u':' + p.packageReference, p.packageId, p.version);
    return {{QStringLiteral("version"), r.version},
            {QStringLiteral("channel"), r.channelId},
            {QStringLiteral("notes"), r.notes},
            {QStringLiteral("packages"), packages.join(QLatin1String(", "))},
            {QStringLiteral("steps"), r.process.steps.size()},
            {QStringLiteral("variables"), r.variables.size()},
            {QStringLiteral("variablesSnapshotAt"), r.variablesSnapshotAt.toString(Qt::ISODate)},
            {QStringLiteral("blocked"), r.isBlocked ? r.blockReason : QString()},
            {QStringLiteral("ignoredChannelRules"), r.ignoredChannelRules}};
}

VoidResult record(const QSqlDatabase &db, const StoreContext &context, const QString &action, const Release &before,
                  const Release &after)
{
    auto project = fetchOne<QString>(db, QStringLiteral("SELECT name FROM projects WHERE id = ?"), {after.projectId},
                                     [](const SqlQuery &q) { return q.text(0); },
                                     tr("The project %1 does not exist.").arg(after.projectId));
    if (!project)
        return project.error();
    return AuditLog::record(db, context, after.spaceId, action, QStringLiteral("Release"), after.id,
                            *project + u' ' + after.version, before.id.isEmpty() ? QVariantMap() : auditFields(before),
                            auditFields(after));
}

} // namespace

Result<QList<Release>> ReleaseRepository::list(const QString &projectId, const QString &channelId) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    if (channelId.isEmpty())
        return fetchReleases(*db, QStringLiteral("WHERE project_id = ? ORDER BY created_at DESC, rowid DESC"), {projectId});
    return fetchReleases(*db, QStringLiteral("WHERE project_id = ? AND channel_id = ? ORDER BY created_at DESC, rowid DESC"),
                         {projectId, channelId});
}

Result<Release> ReleaseRepository::get(const QString &id) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetchRelease(*db, id);
}

Result<Release> ReleaseRepository::find(const QString &projectId, const QString &version) const
{
    const auto wanted = SemanticVersion::parse(version);
    auto db = read(m_context);
    if (!db)
        return db.error();
    auto rows = fetchAll<std::pair<QString, QString>>(*db, QStringLiteral("SELECT id, version FROM releases WHERE project_id = ?"),
                                                      {projectId}, [](const SqlQuery &q) {
                                                          return std::pair{q.text(0), q.text(1)};
                                                      });
    if (!rows)
        return rows.error();
    for (const auto &[id, text] : *rows) {
        const auto stored = SemanticVersion::parse(text);
        if (text.compare(version, Qt::CaseInsensitive) == 0 || (wanted && stored && *wanted == *stored))
            return fetchRelease(*db, id);
    }
    return Error::notFound(tr("The project has no release %1.").arg(version));
}

Result<QList<SemanticVersion>> ReleaseRepository::versions(const QString &projectId, const QString &channelId) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    auto texts = channelId.isEmpty()
        ? fetchAll<QString>(*db, QStringLiteral("SELECT version FROM releases WHERE project_id = ?"), {projectId},
                            [](const SqlQuery &q) { return q.text(0); })
        : fetchAll<QString>(*db, QStringLiteral("SELECT version FROM releases WHERE project_id = ? AND channel_id = ?"),
                            {projectId, channelId}, [](const SqlQuery &q) { return q.text(0); });
    if (!texts)
        return texts.error();
    QList<SemanticVersion> versions;
    for (const QString &text : *texts) {
        if (auto version = SemanticVersion::parse(text))
            versions << *version;
    }
    return versions;
}

Result<Release> ReleaseRepository::create(Release release, const std::function<VoidResult(const Release &)> &beforeCommit)
{
    release.version = release.version.trimmed();
    const auto version = SemanticVersion::parse(release.version);
    if (!version)
        return Error::validation(tr("\"%1\" is not a release version; use a version such as 1.2.3 or 1.2.3-beta.1.")
                                     .arg(release.version),
                                 QStringLiteral("version"));
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto channel = fetchOne<QString>(db, QStringLiteral("SELECT c.id FROM channels c WHERE c.id = ? AND c.project_id = ?"),
                                         {release.channelId, release.projectId}, [](const SqlQuery &q) { return q.text(0); },
                                         tr("The project has no channel with id %1.").arg(release.channelId));
        if (!channel)
            return Error::validation(channel.error().message, QStringLiteral("channel"));
        auto space = fetchOne<QString>(db, QStringLiteral("SELECT space_id FROM projects WHERE id = ?"), {release.projectId},
                                       [](const SqlQuery &q) { return q.text(0); },
                                       tr("The project %1 does not exist.").arg(release.projectId));
        if (!space)
            return space.error();
        release.spaceId = *space;
        auto existing = fetchAll<QString>(db, QStringLiteral("SELECT version FROM releases WHERE project_id = ?"),
                                          {release.projectId}, [](const SqlQuery &q) { return q.text(0); });
        if (!existing)
            return existing.error();
        for (const QString &text : *existing) {
            const auto other = SemanticVersion::parse(text);
            if (other && *other == *version)
                return Error::conflict(tr("The project already has a release %1.").arg(text), QStringLiteral("version"));
        }
        auto id = nextId(db, QStringLiteral("Releases"));
        if (!id)
            return id.error();
        release.id = *id;
        release.createdAt = QDateTime::currentDateTimeUtc();
        release.createdBy = m_context.actor;
        release.variablesSnapshotAt = release.createdAt;
        release.process.projectId = release.projectId;
        SqlQuery q(db, QStringLiteral("INSERT INTO releases(id, space_id, project_id, channel_id, version, notes, created_at, "
                                      "created_by, process_snapshot, variables_snapshot, variables_snapshot_at, is_blocked, "
                                      "block_reason, ignored_channel_rules) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '', ?)"));
        q.bind(release.id).bind(release.spaceId).bind(release.projectId).bind(release.channelId).bind(release.version)
            .bind(release.notes).bind(release.createdAt).bind(release.createdBy)
            .bind(compact(QJsonDocument(ProcessJson::toJson(release.process))))
            .bind(compact(QJsonDocument(VariablesJson::toJson(release.variables)))).bind(release.variablesSnapshotAt)
            .bind(release.ignoredChannelRules);
        if (auto r = q.exec(); !r)
            return r;
        for (const ReleasePackage &package : release.packages) {
            SqlQuery p(db, QStringLiteral("INSERT INTO release_packages(release_id, action_name, package_reference, "
                                          "package_id, version) VALUES (?, ?, ?, ?, ?)"));
            p.bind(release.id).bind(package.actionName).bind(package.packageReference).bind(package.packageId)
                .bind(package.version);
            if (auto r = p.exec(); !r)
                return r;
        }
        if (auto r = record(db, m_context, QStringLiteral("Created"), {}, release); !r)
            return r;
        return beforeCommit ? beforeCommit(release) : VoidResult();
    });
    if (!done)
        return done.error();
    // Sensitive values never leave this function with a value: the snapshot holds none.
    for (VariableValue &value : release.variables) {
        if (value.sensitive)
            value.value.clear();
    }
    return release;
}

Result<Release> ReleaseRepository::updateVariables(const QString &id, const QList<VariableValue> &variables,
                                                   const std::function<VoidResult(const Release &)> &beforeCommit)
{
    auto updated = modify(id, QStringLiteral("Modified"),
                          QStringLiteral("UPDATE releases SET variables_snapshot = ?, variables_snapshot_at = ? WHERE id = ?"),
                          [&](Release &release, SqlQuery &q) {
                              release.variables = variables;
                              release.variablesSnapshotAt = QDateTime::currentDateTimeUtc();
                              q.bind(compact(QJsonDocument(VariablesJson::toJson(variables)))).bind(release.variablesSnapshotAt);
                          },
                          beforeCommit);
    if (!updated)
        return updated;
    for (VariableValue &value : updated->variables) {
        if (value.sensitive)
            value.value.clear();
    }
    return updated;
}

Result<Release> ReleaseRepository::setBlocked(const QString &id, bool blocked, const QString &reason)
{
    if (blocked && reason.trimmed().isEmpty())
        return Error::validation(tr("Say why the release is blocked; the reason is shown to everyone who tries to "
                                    "promote it."),
                                 QStringLiteral("reason"));
    return modify(id, blocked ? QStringLiteral("Blocked") : QStringLiteral("Unblocked"),
                  QStringLiteral("UPDATE releases SET is_blocked = ?, block_reason = ? WHERE id = ?"),
                  [&](Release &release, SqlQuery &q) {
                      release.isBlocked = blocked;
                      release.blockReason = blocked ? reason.trimmed() : QString();
                      q.bind(release.isBlocked).bind(release.blockReason);
                  },
                  {});
}

Result<Release> ReleaseRepository::modify(const QString &id, const QString &auditAction, const QString &sql,
                                          const std::function<void(Release &, SqlQuery &)> &change,
                                          const std::function<VoidResult(const Release &)> &beforeCommit)
{
    Release release;
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = fetchRelease(db, id);
        if (!before)
            return before.error();
        release = *before;
        SqlQuery q(db, sql);
        change(release, q);
        q.bind(id);
        if (auto r = q.exec(); !r)
            return r;
        if (auto r = record(db, m_context, auditAction, *before, release); !r)
            return r;
        return beforeCommit ? beforeCommit(release) : VoidResult();
    });
    if (!done)
        return done.error();
    return release;
}

} // namespace Cuttle
