#include "model/store/channelrepository.h"

#include "model/core/validation.h"
#include "model/core/versionrange.h"
#include "model/core/versiontagrule.h"
#include "model/store/auditlog.h"
#include "model/store/repositorysupport.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Cuttle {
using namespace StoreSupport;

namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, project_id, name, description, lifecycle_id, is_default, tenant_tags FROM channels ");
const QString kOrder = QStringLiteral(" ORDER BY is_default DESC, name");

QString listText(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList listFrom(const QString &text)
{
    QStringList list;
    for (const QJsonValue &value : QJsonDocument::fromJson(text.toUtf8()).array())
        list << value.toString();
    return list;
}

Channel fromRow(const SqlQuery &q)
{
    Channel c;
    c.id = q.text(0);
    c.projectId = q.text(1);
    c.name = q.text(2);
    c.description = q.text(3);
    c.lifecycleId = q.isNull(4) ? QString() : q.text(4);
    c.isDefault = q.boolean(5);
    c.tenantTags = listFrom(q.text(6));
    return c;
}

QVariantMap auditFields(const Channel &c)
{
    QStringList rules;
    for (const ChannelVersionRule &rule : c.rules)
        rules << QStringLiteral("%1: range %2, tag %3")
                     .arg(rule.packageReferences.join(u','), rule.versionRange.isEmpty() ? QStringLiteral("any") : rule.versionRange,
                          rule.tagRegex.isEmpty() ? QStringLiteral("any") : rule.tagRegex);
    return {{QStringLiteral("name"), c.name},
            {QStringLiteral("description"), c.description},
            {QStringLiteral("lifecycle"), c.lifecycleId.isEmpty() ? QStringLiteral("the project's") : c.lifecycleId},
            {QStringLiteral("isDefault"), c.isDefault},
            {QStringLiteral("tenantTags"), c.tenantTags.join(QLatin1String(", "))},
            {QStringLiteral("versionRules"), rules.join(QLatin1String("; "))}};
}

VoidResult loadRules(const QSqlDatabase &db, Channel &c)
{
    auto rules = fetchAll<ChannelVersionRule>(
        db,
        QStringLiteral("SELECT id, package_references, version_range, tag_regex FROM channel_version_rules "
                       "WHERE channel_id = ? ORDER BY sort_order"),
        {c.id}, [](const SqlQuery &q) {
            return ChannelVersionRule{q.text(0), listFrom(q.text(1)), q.text(2), q.text(3)};
        });
    if (!rules)
        return rules.error();
    c.rules = *rules;
    return {};
}

VoidResult writeRules(const QSqlDatabase &db, Channel &c)
{
    SqlQuery clear(db, QStringLiteral("DELETE FROM channel_version_rules WHERE channel_id = ?"));
    clear.bind(c.id);
    if (auto r = clear.exec(); !r)
        return r;
    for (qsizetype i = 0; i < c.rules.size(); ++i) {
        ChannelVersionRule &rule = c.rules[i];
        auto id = nextId(db, QStringLiteral("ChannelRules"));
        if (!id)
            return id.error();
        rule.id = *id;
        SqlQuery q(db, QStringLiteral("INSERT INTO channel_version_rules(id, channel_id, sort_order, package_references, "
                                      "version_range, tag_regex) VALUES (?, ?, ?, ?, ?, ?)"));
        q.bind(rule.id).bind(c.id).bind(int(i)).bind(listText(rule.packageReferences)).bind(rule.versionRange)
            .bind(rule.tagRegex);
        if (auto r = q.exec(); !r)
            return r;
    }
    return {};
}

Result<Channel> fetch(const QSqlDatabase &db, const QString &where, const QVariantList &values, const QString &missing)
{
    auto channel = fetchOne<Channel>(db, kSelect + where, values, fromRow, missing);
    if (!channel)
        return channel;
    if (auto r = loadRules(db, *channel); !r)
        return r.error();
    return channel;
}

struct ProjectInfo
{
    QString spaceId;
    QString name;
};

Result<ProjectInfo> projectOf(const QSqlDatabase &db, const QString &projectId)
{
    return fetchOne<ProjectInfo>(db, QStringLiteral("SELECT space_id, name FROM projects WHERE id = ?"), {projectId},
                                 [](const SqlQuery &q) { return ProjectInfo{q.text(0), q.text(1)}; },
                                 tr("The project %1 does not exist.").arg(projectId));
}

VoidResult checkLifecycle(const QSqlDatabase &db, const QString &spaceId, const QString &lifecycleId)
{
    if (lifecycleId.isEmpty())
        return {};
    auto found = fetchOne<QString>(db, QStringLiteral("SELECT id FROM lifecycles WHERE id = ? AND space_id = ?"),
                                   {lifecycleId, spaceId}, [](const SqlQuery &q) { return q.text(0); },
                                   tr("There is no lifecycle with id %1 in this space.").arg(lifecycleId));
    if (!found)
        return Error::validation(found.error().message, QStringLiteral("lifecycle"));
    return {};
}

VoidResult insert(const QSqlDatabase &db, const StoreContext &context, const ProjectInfo &project, Channel &channel)
{
    SqlQuery q(db, QStringLiteral("INSERT INTO channels(id, project_id, name, description, lifecycle_id, is_default, "
                                  "tenant_tags) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.bind(channel.id).bind(channel.projectId).bind(channel.name).bind(channel.description)
        .bindOptional(channel.lifecycleId).bind(channel.isDefault).bind(listText(channel.tenantTags));
    if (auto r = q.exec(); !r)
        return r;
    if (auto r = writeRules(db, channel); !r)
        return r;
    return AuditLog::record(db, context, project.spaceId, QStringLiteral("Created"), QStringLiteral("Channel"), channel.id,
                            project.name + u'/' + channel.name, {}, auditFields(channel));
}

} // namespace

VoidResult ChannelRepository::validate(Channel &channel)
{
    auto name = Validation::name(channel.name, tr("channel"));
    if (!name)
        return name.error();
    channel.name = *name;
    for (ChannelVersionRule &rule : channel.rules) {
        QStringList references;
        for (const QString &reference : rule.packageReferences) {
            if (!reference.trimmed().isEmpty() && !references.contains(reference.trimmed(), Qt::CaseInsensitive))
                references << reference.trimmed();
        }
        if (references.isEmpty())
            return Error::validation(tr("A version rule of the channel \"%1\" names no package step.").arg(channel.name),
                                     QStringLiteral("rules"));
        rule.packageReferences = references;
        rule.versionRange = rule.versionRange.trimmed();
        if (!rule.versionRange.isEmpty()) {
            if (auto range = VersionRange::parse(rule.versionRange); !range)
                return Error::validation(range.error().message, QStringLiteral("rules"));
        }
        if (auto tag = VersionTagRule::parse(rule.tagRegex); !tag)
            return Error::validation(tag.error().message, QStringLiteral("rules"));
    }
    return {};
}

Result<QList<Channel>> ChannelRepository::list(const QString &projectId) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    auto channels = fetchAll<Channel>(*db, kSelect + QStringLiteral("WHERE project_id = ?") + kOrder, {projectId}, fromRow);
    if (!channels)
        return channels;
    for (Channel &c : *channels) {
        if (auto r = loadRules(*db, c); !r)
            return r.error();
    }
    return channels;
}

Result<Channel> ChannelRepository::get(const QString &id) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetch(*db, QStringLiteral("WHERE id = ?"), {id}, tr("There is no channel with id %1.").arg(id));
}

Result<Channel> ChannelRepository::find(const QString &projectId, const QString &idOrName) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetch(*db, QStringLiteral("WHERE project_id = ? AND (id = ? OR name = ? COLLATE NOCASE)"),
                 {projectId, idOrName, idOrName}, tr("The project has no channel named \"%1\".").arg(idOrName));
}

Result<Channel> ChannelRepository::defaultChannel(const QString &projectId) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetch(*db, QStringLiteral("WHERE project_id = ? AND is_default = 1"), {projectId},
                 tr("The project %1 has no default channel.").arg(projectId));
}

Result<Channel> ChannelRepository::create(Channel channel)
{
    if (auto r = validate(channel); !r)
        return r.error();
    channel.isDefault = false; // a project's first channel is made with it; others become default by update()
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto project = projectOf(db, channel.projectId);
        if (!project)
            return project.error();
        if (auto r = ensureUniqueName(db, QStringLiteral("channels"), QStringLiteral("project_id"), channel.projectId,
                                      channel.name, {}, tr("channel")); !r)
            return r;
        if (auto r = checkLifecycle(db, project->spaceId, channel.lifecycleId); !r)
            return r;
        auto id = nextId(db, QStringLiteral("Channels"));
        if (!id)
            return id.error();
        channel.id = *id;
        return insert(db, m_context, *project, channel);
    });
    if (!done)
        return done.error();
    return channel;
}

Result<Channel> ChannelRepository::update(const Channel &input)
{
    Channel channel = input;
    if (auto r = validate(channel); !r)
        return r.error();
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = fetch(db, QStringLiteral("WHERE id = ?"), {channel.id}, tr("There is no channel with id %1.").arg(channel.id));
        if (!before)
            return before.error();
        channel.projectId = before->projectId;
        if (before->isDefault && !channel.isDefault)
            return Error::validation(tr("\"%1\" is the project's default channel; make another channel the default "
                                        "instead.").arg(before->name),
                                     QStringLiteral("isDefault"));
        auto project = projectOf(db, channel.projectId);
        if (!project)
            return project.error();
        if (auto r = ensureUniqueName(db, QStringLiteral("channels"), QStringLiteral("project_id"), channel.projectId,
                                      channel.name, channel.id, tr("channel")); !r)
            return r;
        if (auto r = checkLifecycle(db, project->spaceId, channel.lifecycleId); !r)
            return r;
        if (channel.isDefault && !before->isDefault) {
            SqlQuery demote(db, QStringLiteral("UPDATE channels SET is_default = 0 WHERE project_id = ? AND is_default = 1"));
            demote.bind(channel.projectId);
            if (auto r = demote.exec(); !r)
                return r;
        }
        SqlQuery q(db, QStringLiteral("UPDATE channels SET name = ?, description = ?, lifecycle_id = ?, is_default = ?, "
                                      "tenant_tags = ? WHERE id = ?"));
        q.bind(channel.name).bind(channel.description).bindOptional(channel.lifecycleId).bind(channel.isDefault)
            .bind(listText(channel.tenantTags)).bind(channel.id);
        if (auto r = q.exec(); !r)
            return r;
        if (auto r = writeRules(db, channel); !r)
            return r;
        return AuditLog::record(db, m_context, project->spaceId, QStringLiteral("Modified"), QStringLiteral("Channel"),
                                channel.id, project->name + u'/' + channel.name, auditFields(*before), auditFields(channel));
    });
    if (!done)
        return done.error();
    return channel;
}

VoidResult ChannelRepository::remove(const QString &id)
{
    return write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto before = fetch(db, QStringLiteral("WHERE id = ?"), {id}, tr("There is no channel with id %1.").arg(id));
        if (!before)
            return before.error();
        if (before->isDefault)
            return Error::conflict(tr("\"%1\" is the project's default channel and cannot be deleted.").arg(before->name));
        auto releases = count(db, QStringLiteral("releases"), QStringLiteral("channel_id"), id);
        if (!releases)
            return releases.error();
        if (*releases > 0)
            return Error::conflict(tr("The channel \"%1\" cannot be deleted while %2 release(s) belong to it.")
                                       .arg(before->name)
                                       .arg(*releases));
        // Steps name their channels inside a JSON list.
        auto steps = fetchAll<QString>(
            db,
            QStringLiteral("SELECT s.name FROM process_actions a JOIN process_steps s ON s.id = a.step_id "
                           "JOIN deployment_processes d ON d.id = s.process_id "
                           "WHERE d.project_id = ? AND a.channel_ids LIKE ?"),
            {before->projectId, QString(u"%\"" + id + u"\"%")}, [](const SqlQuery &q) { return q.text(0); });
        if (!steps)
            return steps.error();
        if (!steps->isEmpty())
            return Error::conflict(tr("The channel \"%1\" cannot be deleted while the step \"%2\" is limited to it.")
                                       .arg(before->name, steps->constFirst()));
        auto project = projectOf(db, before->projectId);
        if (!project)
            return project.error();
        SqlQuery q(db, QStringLiteral("DELETE FROM channels WHERE id = ?"));
        q.bind(id);
        if (auto r = q.exec(); !r)
            return r;
        return AuditLog::record(db, m_context, project->spaceId, QStringLiteral("Deleted"), QStringLiteral("Channel"), id,
                                project->name + u'/' + before->name, auditFields(*before), {});
    });
}

} // namespace Cuttle
