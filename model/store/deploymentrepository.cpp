#include "model/store/deploymentrepository.h"

#include "model/store/auditlog.h"
#include "model/store/repositorysupport.h"
#include "model/store/taskrows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Cuttle {
using namespace StoreSupport;

namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, space_id, project_id, release_id, environment_id, tenant_id, channel_id, task_id, name, comments, "
    "created_at, created_by, use_guided_failure, force_package_redeployment, skip_actions, specific_target_ids, "
    "excluded_target_ids, form_values FROM deployments ");

QString compact(const QJsonDocument &document)
{
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

QString toJsonText(const QStringList &list)
{
    return compact(QJsonDocument(QJsonArray::fromStringList(list)));
}

QString toJsonText(const QMap<QString, QString> &map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return compact(QJsonDocument(object));
}

QStringList listFromJson(const QString &text)
{
    QStringList list;
    for (const QJsonValue &value : QJsonDocument::fromJson(text.toUtf8()).array())
        list << value.toString();
    return list;
}

QMap<QString, QString> mapFromJson(const QString &text)
{
    QMap<QString, QString> map;
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

Deployment fromRow(const SqlQuery &q)
{
    Deployment d;
    d.id = q.text(0);
    d.spaceId = q.text(1);
    d.projectId = q.text(2);
    d.releaseId = q.text(3);
    d.environmentId = q.text(4);
    d.tenantId = q.text(5);
    d.channelId = q.text(6);
    d.taskId = q.text(7);
    d.name = q.text(8);
    d.comments = q.text(9);
    d.createdAt = q.dateTime(10);
    d.createdBy = q.text(11);
    d.useGuidedFailure = q.boolean(12);
    d.forcePackageRedeployment = q.boolean(13);
    d.skipActions = listFromJson(q.text(14));
    d.specificTargetIds = listFromJson(q.text(15));
    d.excludedTargetIds = listFromJson(q.text(16));
    d.formValues = mapFromJson(q.text(17));
    return d;
}

QVariantMap auditFields(const Deployment &d, const QString &release, const QString &environment, const QString &tenant)
{
    QVariantMap fields{{QStringLiteral("release"), release},
                       {QStringLiteral("environment"), environment},
                       {QStringLiteral("task"), d.taskId},
                       {QStringLiteral("guidedFailure"), d.useGuidedFailure}};
    if (!tenant.isEmpty())
        fields.insert(QStringLiteral("tenant"), tenant);
    if (!d.comments.isEmpty())
        fields.insert(QStringLiteral("comments"), d.comments);
    if (d.forcePackageRedeployment)
        fields.insert(QStringLiteral("forcePackageRedeployment"), true);
    if (!d.skipActions.isEmpty())
        fields.insert(QStringLiteral("skipSteps"), d.skipActions.join(QLatin1String(", ")));
    if (!d.specificTargetIds.isEmpty())
        fields.insert(QStringLiteral("targets"), d.specificTargetIds.join(QLatin1String(", ")));
    if (!d.excludedTargetIds.isEmpty())
        fields.insert(QStringLiteral("excludedTargets"), d.excludedTargetIds.join(QLatin1String(", ")));
    // Prompted values may be sensitive, so the audit names them without their values.
    if (!d.formValues.isEmpty())
        fields.insert(QStringLiteral("promptedVariables"), d.formValues.keys().join(QLatin1String(", ")));
    return fields;
}

Result<QString> nameOf(const QSqlDatabase &db, const QString &sql, const QVariantList &values, const QString &missing)
{
    return fetchOne<QString>(db, sql, values, [](const SqlQuery &q) { return q.text(0); }, missing);
}

} // namespace

QString DeploymentRepository::concurrencyTag(const Deployment &deployment)
{
    QString tag = deployment.projectId + u'/' + deployment.environmentId;
    if (!deployment.tenantId.isEmpty())
        tag += u'/' + deployment.tenantId;
    return tag;
}

Result<Deployment> DeploymentRepository::create(Deployment deployment, const Schedule &schedule)
{
    if (schedule.queueTime.isValid() && schedule.queueTimeExpiry.isValid()
        && schedule.queueTimeExpiry <= schedule.queueTime)
        return Error::validation(tr("The expiry of a scheduled deployment must be after its queue time."),
                                 QStringLiteral("queueTimeExpiry"));
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        struct ReleaseRow { QString spaceId, projectId, channelId, version, projectName; };
        auto release = fetchOne<ReleaseRow>(
            db,
            QStringLiteral("SELECT r.space_id, r.project_id, r.channel_id, r.version, p.name FROM releases r "
                           "JOIN projects p ON p.id = r.project_id WHERE r.id = ?"),
            {deployment.releaseId},
            [](const SqlQuery &q) { return ReleaseRow{q.text(0), q.text(1), q.text(2), q.text(3), q.text(4)}; },
            tr("There is no release with id %1.").arg(deployment.releaseId));
        if (!release)
            return release.error();
        if (deployment.projectId.isEmpty())
            deployment.projectId = release->projectId;
        if (release->projectId != deployment.projectId)
            return Error::validation(tr("Release %1 belongs to another project.").arg(release->version),
                                     QStringLiteral("release"));
        if (deployment.spaceId.isEmpty())
            deployment.spaceId = release->spaceId;
        if (deployment.channelId.isEmpty())
            deployment.channelId = release->channelId;
        auto environment = nameOf(db, QStringLiteral("SELECT name FROM environments WHERE id = ? AND space_id = ?"),
                                  {deployment.environmentId, deployment.spaceId},
                                  tr("There is no environment with id %1 in the release's space.").arg(deployment.environmentId));
        if (!environment)
            return Error::validation(environment.error().message, QStringLiteral("environment"));
        QString tenant;
        if (!deployment.tenantId.isEmpty()) {
            auto name = nameOf(db, QStringLiteral("SELECT name FROM tenants WHERE id = ? AND space_id = ?"),
                               {deployment.tenantId, deployment.spaceId},
                               tr("There is no tenant with id %1 in the release's space.").arg(deployment.tenantId));
            if (!name)
                return Error::validation(name.error().message, QStringLiteral("tenant"));
            tenant = *name;
        }
        if (deployment.name.isEmpty())
            deployment.name = tr("Deploy to %1").arg(*environment);

        auto id = nextId(db, QStringLiteral("Deployments"));
        if (!id)
            return id.error();
        deployment.id = *id;

        Task task;
        task.spaceId = deployment.spaceId;
        task.kind = QStringLiteral("Deploy");
        task.description = tenant.isEmpty()
            ? tr("Deploy %1 release %2 to %3").arg(release->projectName, release->version, *environment)
            : tr("Deploy %1 release %2 to %3 for %4").arg(release->projectName, release->version, *environment, tenant);
        task.state = TaskState::Queued;
        task.arguments = QJsonObject{{QStringLiteral("deploymentId"), deployment.id}};
        task.concurrencyTag = concurrencyTag(deployment);
        task.queueTime = schedule.queueTime;
        if (auto r = TaskRows::insert(db, m_context, task, schedule.queueTimeExpiry); !r)
            return r;
        deployment.taskId = task.id;
        deployment.createdAt = task.createdAt;
        deployment.createdBy = task.createdBy;

        SqlQuery q(db, QStringLiteral(
            "INSERT INTO deployments(id, space_id, project_id, release_id, environment_id, tenant_id, channel_id, task_id, "
            "name, comments, created_at, created_by, use_guided_failure, force_package_redeployment, skip_actions, "
            "specific_target_ids, excluded_target_ids, form_values) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        q.bind(deployment.id).bind(deployment.spaceId).bind(deployment.projectId).bind(deployment.releaseId)
            .bind(deployment.environmentId).bindOptional(deployment.tenantId).bind(deployment.channelId)
            .bind(deployment.taskId).bind(deployment.name).bind(deployment.comments).bind(deployment.createdAt)
            .bind(deployment.createdBy).bind(deployment.useGuidedFailure).bind(deployment.forcePackageRedeployment)
            .bind(toJsonText(deployment.skipActions)).bind(toJsonText(deployment.specificTargetIds))
            .bind(toJsonText(deployment.excludedTargetIds)).bind(toJsonText(deployment.formValues));
        if (auto r = q.exec(); !r)
            return r;
        const QString documentName = tenant.isEmpty()
            ? tr("%1 %2 to %3").arg(release->projectName, release->version, *environment)
            : tr("%1 %2 to %3 for %4").arg(release->projectName, release->version, *environment, tenant);
        return AuditLog::record(db, m_context, deployment.spaceId, QStringLiteral("Created"), QStringLiteral("Deployment"),
                                deployment.id, documentName, {},
                                auditFields(deployment, release->version, *environment, tenant));
    });
    if (!done)
        return done.error();
    return deployment;
}

Result<Deployment> DeploymentRepository::get(const QString &id) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetchOne<Deployment>(*db, kSelect + u"WHERE id = ?", {id}, &fromRow,
                                tr("There is no deployment with id %1.").arg(id));
}

Result<Deployment> DeploymentRepository::byTask(const QString &taskId) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return fetchOne<Deployment>(*db, kSelect + u"WHERE task_id = ?", {taskId}, &fromRow,
                                tr("The task %1 is not a deployment.").arg(taskId));
}

Result<QList<Deployment>> DeploymentRepository::list(const QString &projectId, const QString &environmentId, int limit) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    QString where = QStringLiteral("WHERE project_id = ?");
    QVariantList values{projectId};
    if (!environmentId.isEmpty()) {
        where += QStringLiteral(" AND environment_id = ?");
        values << environmentId;
    }
    // rowid breaks ties between deployments created in the same millisecond.
    where += QStringLiteral(" ORDER BY created_at DESC, rowid DESC LIMIT ?");
    values << (limit > 0 ? limit : -1);
    return fetchAll<Deployment>(*db, kSelect + where, values, &fromRow);
}

Result<QSet<QString>> DeploymentRepository::succeededEnvironmentIds(const QString &releaseId, const QString &tenantId) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    QString sql = QStringLiteral("SELECT DISTINCT d.environment_id FROM deployments d JOIN tasks t ON t.id = d.task_id "
                                 "WHERE d.release_id = ? AND t.state = ? AND ");
    QVariantList values{releaseId, toString(TaskState::Success)};
    if (tenantId.isEmpty()) {
        sql += QStringLiteral("d.tenant_id IS NULL");
    } else {
        sql += QStringLiteral("d.tenant_id = ?");
        values << tenantId;
    }
    auto ids = fetchAll<QString>(*db, sql, values, [](const SqlQuery &q) { return q.text(0); });
    if (!ids)
        return ids.error();
    return QSet<QString>(ids->cbegin(), ids->cend());
}

} // namespace Cuttle
