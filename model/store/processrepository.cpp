#include "model/store/processrepository.h"

#include "model/core/processvalidation.h"
#include "model/store/auditlog.h"
#include "model/store/repositorysupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Cuttle {
using namespace StoreSupport;

namespace {

QString jsonText(const QJsonValue &value)
{
    return QString::fromUtf8(value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

QStringList stringsFrom(const QString &text)
{
    QStringList list;
    for (const QJsonValue &value : QJsonDocument::fromJson(text.toUtf8()).array())
        list << value.toString();
    return list;
}

QString propertiesText(const QMap<QString, QString> &properties)
{
    QJsonObject object;
    for (auto it = properties.cbegin(); it != properties.cend(); ++it)
        object.insert(it.key(), it.value());
    return jsonText(object);
}

QMap<QString, QString> propertiesFrom(const QString &text)
{
    QMap<QString, QString> properties;
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = object.begin(); it != object.end(); ++it)
        properties.insert(it.key(), it.value().toString());
    return properties;
}

QString packagesText(const QList<PackageReference> &packages)
{
    QJsonArray array;
    for (const PackageReference &p : packages)
        array.append(QJsonObject{{QStringLiteral("name"), p.name},
                                 {QStringLiteral("packageId"), p.packageId},
                                 {QStringLiteral("extract"), p.extract}});
    return jsonText(array);
}

QList<PackageReference> packagesFrom(const QString &text)
{
    QList<PackageReference> packages;
    for (const QJsonValue &value : QJsonDocument::fromJson(text.toUtf8()).array()) {
        const QJsonObject o = value.toObject();
        packages << PackageReference{o.value(QLatin1String("name")).toString(),
                                     o.value(QLatin1String("packageId")).toString(),
                                     o.value(QLatin1String("extract")).toBool(true)};
    }
    return packages;
}

/// One audit field per step, so the diff says which step changed and how.
QVariantMap auditFields(const DeploymentProcess &process)
{
    QVariantMap fields;
    for (qsizetype i = 0; i < process.steps.size(); ++i) {
        const DeploymentStep &step = process.steps.at(i);
        QStringList actions;
        for (const DeploymentAction &action : step.actions) {
            QStringList details{toString(action.type)};
            for (const PackageReference &p : action.packages)
                details << p.packageId;
            for (auto it = action.properties.cbegin(); it != action.properties.cend(); ++it)
                details << it.key() + u'=' + it.value();
            if (action.isDisabled)
                details << QStringLiteral("disabled");
            actions << action.name + u" (" + details.join(QLatin1String("; ")) + u')';
        }
        const QString where = step.runOnWorkstation ? QStringLiteral("this workstation")
                                                    : u"tags " + step.targetTags.join(u',');
        fields.insert(u"step " + step.name,
                      QStringLiteral("#%1, %2, %3, %4%5: %6")
                          .arg(i + 1)
                          .arg(where, toString(step.condition), toString(step.startTrigger),
                               step.windowSize.isEmpty() ? QString() : u", window " + step.windowSize,
                               actions.join(QLatin1String(" + "))));
    }
    return fields;
}

struct ProcessRow
{
    QString id;
    QString projectId;
    QString spaceId;
    int version = 0;
};

Result<ProcessRow> processRow(const QSqlDatabase &db, const QString &projectId)
{
    return fetchOne<ProcessRow>(
        db,
        QStringLiteral("SELECT d.id, d.project_id, p.space_id, d.version FROM deployment_processes d "
                       "JOIN projects p ON p.id = d.project_id WHERE d.project_id = ? AND d.kind = 'Deployment'"),
        {projectId},
        [](const SqlQuery &q) { return ProcessRow{q.text(0), q.text(1), q.text(2), q.integer(3)}; },
        tr("The project %1 does not exist.").arg(projectId));
}

Result<DeploymentProcess> load(const QSqlDatabase &db, const QString &projectId)
{
    auto row = processRow(db, projectId);
    if (!row)
        return row.error();
    DeploymentProcess process;
    process.id = row->id;
    process.projectId = row->projectId;
    process.version = row->version;
    auto steps = fetchAll<DeploymentStep>(
        db,
        QStringLiteral("SELECT id, name, start_trigger, condition, condition_expression, run_on_workstation, target_tags, "
                       "window_size, is_required, is_disabled FROM process_steps WHERE process_id = ? ORDER BY sort_order"),
        {process.id}, [](const SqlQuery &q) {
            DeploymentStep step;
            step.id = q.text(0);
            step.name = q.text(1);
            step.startTrigger = startTriggerFromString(q.text(2)).value_or(StartTrigger::StartAfterPrevious);
            step.condition = stepConditionFromString(q.text(3)).value_or(StepCondition::Success);
            step.conditionExpression = q.text(4);
            step.runOnWorkstation = q.boolean(5);
            step.targetTags = stringsFrom(q.text(6));
            step.windowSize = q.text(7);
            step.isRequired = q.boolean(8);
            step.isDisabled = q.boolean(9);
            return step;
        });
    if (!steps)
        return steps.error();
    process.steps = *steps;

    SqlQuery q(db, QStringLiteral("SELECT a.step_id, a.id, a.name, a.action_type, a.environment_ids, "
                                  "a.excluded_environment_ids, a.channel_ids, a.tenant_tags, a.is_disabled, a.is_required, "
                                  "a.properties, a.packages FROM process_actions a JOIN process_steps s ON s.id = a.step_id "
                                  "WHERE s.process_id = ? ORDER BY s.sort_order, a.sort_order"));
    q.bind(process.id);
    if (auto r = q.exec(); !r)
        return r.error();
    qsizetype stepIndex = 0;
    while (q.next()) {
        while (stepIndex < process.steps.size() && process.steps.at(stepIndex).id != q.text(0))
            ++stepIndex;
        if (stepIndex == process.steps.size())
            break;
        DeploymentAction action;
        action.id = q.text(1);
        action.name = q.text(2);
        action.type = actionTypeFromString(q.text(3)).value_or(ActionType::RunScript);
        action.environmentIds = stringsFrom(q.text(4));
        action.excludedEnvironmentIds = stringsFrom(q.text(5));
        action.channelIds = stringsFrom(q.text(6));
        action.tenantTags = stringsFrom(q.text(7));
        action.isDisabled = q.boolean(8);
        action.isRequired = q.boolean(9);
        action.properties = propertiesFrom(q.text(10));
        action.packages = packagesFrom(q.text(11));
        process.steps[stepIndex].actions << action;
    }
    return process;
}

/// The ids an action names must be this space's environments and this project's channels.
VoidResult checkReferences(const QSqlDatabase &db, const ProcessRow &row, const DeploymentProcess &process)
{
    auto environments = fetchAll<QString>(db, QStringLiteral("SELECT id FROM environments WHERE space_id = ?"),
                                          {row.spaceId}, [](const SqlQuery &q) { return q.text(0); });
    if (!environments)
        return environments.error();
    auto channels = fetchAll<QString>(db, QStringLiteral("SELECT id FROM channels WHERE project_id = ?"),
                                      {row.projectId}, [](const SqlQuery &q) { return q.text(0); });
    if (!channels)
        return channels.error();
    const QSet<QString> knownEnvironments(environments->cbegin(), environments->cend());
    const QSet<QString> knownChannels(channels->cbegin(), channels->cend());
    for (qsizetype s = 0; s < process.steps.size(); ++s) {
        const DeploymentStep &step = process.steps.at(s);
        for (qsizetype a = 0; a < step.actions.size(); ++a) {
            const DeploymentAction &action = step.actions.at(a);
            const QString field = QStringLiteral("steps[%1].actions[%2]").arg(s).arg(a);
            for (const QString &id : action.environmentIds + action.excludedEnvironmentIds) {
                if (!knownEnvironments.contains(id))
                    return Error::validation(tr("The step \"%1\" names the environment %2, which is not in this space.")
                                                 .arg(step.name, id),
                                             field + u".environments");
            }
            for (const QString &id : action.channelIds) {
                if (!knownChannels.contains(id))
                    return Error::validation(tr("The step \"%1\" names the channel %2, which this project does not have.")
                                                 .arg(step.name, id),
                                             field + u".channels");
            }
        }
    }
    return {};
}

} // namespace

Result<DeploymentProcess> ProcessRepository::get(const QString &projectId) const
{
    auto db = read(m_context);
    if (!db)
        return db.error();
    return load(*db, projectId);
}

Result<DeploymentProcess> ProcessRepository::save(const DeploymentProcess &input)
{
    auto validated = validateProcess(input);
    if (!validated)
        return validated.error();
    DeploymentProcess process = *validated;
    auto done = write(m_context, [&](const QSqlDatabase &db) -> VoidResult {
        auto row = processRow(db, process.projectId);
        if (!row)
            return row.error();
        if (row->version != process.version)
            return Error::conflict(tr("The deployment process was changed by someone else since it was opened "
                                      "(version %1, now %2); reload it and make the change again.")
                                       .arg(process.version)
                                       .arg(row->version));
        if (auto r = checkReferences(db, *row, process); !r)
            return r;
        auto before = load(db, process.projectId);
        if (!before)
            return before.error();
        QSet<QString> oldStepIds;
        QSet<QString> oldActionIds;
        for (const DeploymentStep &step : before->steps) {
            oldStepIds.insert(step.id);
            for (const DeploymentAction &action : step.actions)
                oldActionIds.insert(action.id);
        }

        SqlQuery clear(db, QStringLiteral("DELETE FROM process_steps WHERE process_id = ?"));
        clear.bind(row->id);
        if (auto r = clear.exec(); !r)
            return r;
        for (qsizetype s = 0; s < process.steps.size(); ++s) {
            DeploymentStep &step = process.steps[s];
            // Ids survive an edit, so releases and logs keep pointing at the same step.
            if (!oldStepIds.contains(step.id)) {
                auto id = nextId(db, QStringLiteral("Steps"));
                if (!id)
                    return id.error();
                step.id = *id;
            }
            oldStepIds.remove(step.id);
            SqlQuery q(db, QStringLiteral("INSERT INTO process_steps(id, process_id, sort_order, name, start_trigger, "
                                          "condition, condition_expression, run_on_workstation, target_tags, window_size, "
                                          "is_required, is_disabled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            q.bind(step.id).bind(row->id).bind(int(s)).bind(step.name).bind(toString(step.startTrigger))
                .bind(toString(step.condition)).bind(step.conditionExpression).bind(step.runOnWorkstation)
                .bind(jsonText(QJsonArray::fromStringList(step.targetTags))).bind(step.windowSize)
                .bind(step.isRequired).bind(step.isDisabled);
            if (auto r = q.exec(); !r)
                return r;
            for (qsizetype a = 0; a < step.actions.size(); ++a) {
                DeploymentAction &action = step.actions[a];
                if (!oldActionIds.contains(action.id)) {
                    auto id = nextId(db, QStringLiteral("Actions"));
                    if (!id)
                        return id.error();
                    action.id = *id;
                }
                oldActionIds.remove(action.id);
                SqlQuery qa(db, QStringLiteral("INSERT INTO process_actions(id, step_id, sort_order, name, action_type, "
                                               "environment_ids, excluded_environment_ids, channel_ids, tenant_tags, "
                                               "is_disabled, is_required, properties, packages) "
                                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
                qa.bind(action.id).bind(step.id).bind(int(a)).bind(action.name).bind(toString(action.type))
                    .bind(jsonText(QJsonArray::fromStringList(action.environmentIds)))
                    .bind(jsonText(QJsonArray::fromStringList(action.excludedEnvironmentIds)))
                    .bind(jsonText(QJsonArray::fromStringList(action.channelIds)))
                    .bind(jsonText(QJsonArray::fromStringList(action.tenantTags))).bind(action.isDisabled)
                    .bind(action.isRequired).bind(propertiesText(action.properties)).bind(packagesText(action.packages));
                if (auto r = qa.exec(); !r)
                    return r;
            }
        }
        process.id = row->id;
        process.version = row->version + 1;
        SqlQuery bump(db, QStringLiteral("UPDATE deployment_processes SET version = ? WHERE id = ?"));
        bump.bind(process.version).bind(row->id);
        if (auto r = bump.exec(); !r)
            return r;
        auto projectName = fetchOne<QString>(db, QStringLiteral("SELECT name FROM projects WHERE id = ?"),
                                             {process.projectId}, [](const SqlQuery &q) { return q.text(0); },
                                             tr("The project %1 does not exist.").arg(process.projectId));
        if (!projectName)
            return projectName.error();
        return AuditLog::record(db, m_context, row->spaceId, QStringLiteral("Modified"), QStringLiteral("DeploymentProcess"),
                                row->id, *projectName, auditFields(*before), auditFields(process));
    });
    if (!done)
        return done.error();
    return process;
}

} // namespace Cuttle
