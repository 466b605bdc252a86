#include "model/core/processjson.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Cuttle::ProcessJson {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cuttle::ProcessJson", text);
}

/// Reads the fields of one JSON object, remembering the first problem with its path.
class Reader final
{
public:
    Reader(QJsonObject json, QString path) : m_json(std::move(json)), m_path(std::move(path)) {}

    QString string(const char *key, const QString &fallback = {})
    {
        const QJsonValue value = m_json.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return fallback;
        if (!value.isString())
            fail(key, tr("a text"));
        return value.toString();
    }
    bool boolean(const char *key)
    {
        const QJsonValue value = m_json.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return false;
        if (!value.isBool())
            fail(key, tr("true or false"));
        return value.toBool();
    }
    int integer(const char *key)
    {
        const QJsonValue value = m_json.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return 0;
        if (!value.isDouble())
            fail(key, tr("a number"));
        return value.toInt();
    }
    QStringList strings(const char *key)
    {
        QStringList list;
        const QJsonValue value = m_json.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return list;
        if (!value.isArray()) {
            fail(key, tr("a list of texts"));
            return list;
        }
        for (const QJsonValue &item : value.toArray()) {
            if (!item.isString()) {
                fail(key, tr("a list of texts"));
                return list;
            }
            list << item.toString();
        }
        return list;
    }
    QJsonArray objects(const char *key)
    {
        const QJsonValue value = m_json.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isArray()) {
            fail(key, tr("a list"));
            return {};
        }
        for (const QJsonValue &item : value.toArray()) {
            if (!item.isObject()) {
                fail(key, tr("a list of objects"));
                return {};
            }
        }
        return value.toArray();
    }
    QMap<QString, QString> stringMap(const char *key)
    {
        QMap<QString, QString> map;
        const QJsonValue value = m_json.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return map;
        if (!value.isObject()) {
            fail(key, tr("an object of texts"));
            return map;
        }
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!it.value().isString()) {
                fail(key, tr("an object of texts"));
                return map;
            }
            map.insert(it.key(), it.value().toString());
        }
        return map;
    }
    template<typename E, typename Parse>
    E enumeration(const char *key, E fallback, Parse parse, const QString &what)
    {
        const QString text = string(key);
        if (text.isEmpty())
            return fallback;
        if (auto value = parse(text))
            return *value;
        failWith(tr("%1.%2: \"%3\" is not %4.").arg(m_path, QLatin1String(key), text, what));
        return fallback;
    }

    QString path(const char *key, qsizetype index) const
    {
        return m_path + u'.' + QLatin1String(key) + u'[' + QString::number(index) + u']';
    }
    void failWith(const QString &message)
    {
        if (!m_error)
            m_error = Error::validation(message, m_path);
    }
    void adopt(const Error &error)
    {
        if (!m_error)
            m_error = error;
    }
    const std::optional<Error> &error() const { return m_error; }

private:
    void fail(const char *key, const QString &expected)
    {
        failWith(tr("%1.%2 must be %3.").arg(m_path, QLatin1String(key), expected));
    }

    QJsonObject m_json;
    QString m_path;
    std::optional<Error> m_error;
};

QJsonObject toJson(const PackageReference &package)
{
    return {{QStringLiteral("name"), package.name}, {QStringLiteral("packageId"), package.packageId}, {QStringLiteral("extract"), package.extract}};
}

QJsonObject toJson(const DeploymentAction &action)
{
    QJsonObject properties;
    for (auto it = action.properties.cbegin(); it != action.properties.cend(); ++it)
        properties.insert(it.key(), it.value());
    QJsonArray packages;
    for (const PackageReference &package : action.packages)
        packages.append(toJson(package));
    return {
        {QStringLiteral("id"), action.id},
        {QStringLiteral("name"), action.name},
        {QStringLiteral("type"), toString(action.type)},
        {QStringLiteral("environments"), QJsonArray::fromStringList(action.environmentIds)},
        {QStringLiteral("excludedEnvironments"), QJsonArray::fromStringList(action.excludedEnvironmentIds)},
        {QStringLiteral("channels"), QJsonArray::fromStringList(action.channelIds)},
        {QStringLiteral("tenantTags"), QJsonArray::fromStringList(action.tenantTags)},
        {QStringLiteral("isDisabled"), action.isDisabled},
        {QStringLiteral("isRequired"), action.isRequired},
        {QStringLiteral("properties"), properties},
        {QStringLiteral("packages"), packages},
    };
}

Result<DeploymentAction> actionFromJson(const QJsonObject &json, const QString &path)
{
    Reader r(json, path);
    DeploymentAction action;
    action.id = r.string("id");
    action.name = r.string("name");
    action.type = r.enumeration("type", ActionType::RunScript, actionTypeFromString, tr("an action type"));
    action.environmentIds = r.strings("environments");
    action.excludedEnvironmentIds = r.strings("excludedEnvironments");
    action.channelIds = r.strings("channels");
    action.tenantTags = r.strings("tenantTags");
    action.isDisabled = r.boolean("isDisabled");
    action.isRequired = r.boolean("isRequired");
    action.properties = r.stringMap("properties");
    const QJsonArray packages = r.objects("packages");
    for (qsizetype i = 0; i < packages.size(); ++i) {
        Reader p(packages.at(i).toObject(), r.path("packages", i));
        PackageReference package;
        package.name = p.string("name");
        package.packageId = p.string("packageId");
        package.extract = !packages.at(i).toObject().contains(QLatin1String("extract")) || p.boolean("extract");
        if (p.error())
            r.adopt(*p.error());
        action.packages << package;
    }
    if (r.error())
        return *r.error();
    return action;
}

} // namespace

QJsonObject toJson(const DeploymentStep &step)
{
    QJsonArray actions;
    for (const DeploymentAction &action : step.actions)
        actions.append(toJson(action));
    return {
        {QStringLiteral("id"), step.id},
        {QStringLiteral("name"), step.name},
        {QStringLiteral("startTrigger"), toString(step.startTrigger)},
        {QStringLiteral("condition"), toString(step.condition)},
        {QStringLiteral("conditionExpression"), step.conditionExpression},
        {QStringLiteral("runOnWorkstation"), step.runOnWorkstation},
        {QStringLiteral("targetTags"), QJsonArray::fromStringList(step.targetTags)},
        {QStringLiteral("windowSize"), step.windowSize},
        {QStringLiteral("isRequired"), step.isRequired},
        {QStringLiteral("isDisabled"), step.isDisabled},
        {QStringLiteral("actions"), actions},
    };
}

Result<DeploymentStep> stepFromJson(const QJsonObject &json, const QString &path)
{
    Reader r(json, path);
    DeploymentStep step;
    step.id = r.string("id");
    step.name = r.string("name");
    step.startTrigger = r.enumeration("startTrigger", StartTrigger::StartAfterPrevious, startTriggerFromString,
                                      tr("a start trigger (StartAfterPrevious, StartWithPrevious)"));
    step.condition = r.enumeration("condition", StepCondition::Success, stepConditionFromString,
                                   tr("a step condition (%1)").arg(stepConditionNames().join(QLatin1String(", "))));
    step.conditionExpression = r.string("conditionExpression");
    step.runOnWorkstation = r.boolean("runOnWorkstation");
    step.targetTags = r.strings("targetTags");
    step.windowSize = r.string("windowSize");
    step.isRequired = r.boolean("isRequired");
    step.isDisabled = r.boolean("isDisabled");
    const QJsonArray actions = r.objects("actions");
    for (qsizetype i = 0; i < actions.size(); ++i) {
        auto action = actionFromJson(actions.at(i).toObject(), r.path("actions", i));
        if (!action) {
            r.adopt(action.error());
            break;
        }
        step.actions << *action;
    }
    if (r.error())
        return *r.error();
    return step;
}

QJsonObject toJson(const DeploymentProcess &process)
{
    QJsonArray steps;
    for (const DeploymentStep &step : process.steps)
        steps.append(toJson(step));
    return {{QStringLiteral("version"), process.version}, {QStringLiteral("steps"), steps}};
}

Result<DeploymentProcess> fromJson(const QJsonObject &json)
{
    Reader r(json, QStringLiteral("process"));
    DeploymentProcess process;
    process.version = r.integer("version");
    const QJsonArray steps = r.objects("steps");
    for (qsizetype i = 0; i < steps.size() && !r.error(); ++i) {
        auto step = stepFromJson(steps.at(i).toObject(), r.path("steps", i));
        if (!step)
            return step.error();
        process.steps << *step;
    }
    if (r.error())
        return *r.error();
    return process;
}

} // namespace Cuttle::ProcessJson
