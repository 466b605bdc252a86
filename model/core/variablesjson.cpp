#include "model/core/variablesjson.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace Cuttle::VariablesJson {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cuttle::VariablesJson", text);
}

const QList<std::pair<VariablePrompt::Control, QString>> &controls()
{
    static const QList<std::pair<VariablePrompt::Control, QString>> all{
        {VariablePrompt::Control::SingleLineText, QStringLiteral("SingleLineText")},
        {VariablePrompt::Control::MultiLineText, QStringLiteral("MultiLineText")},
        {VariablePrompt::Control::Checkbox, QStringLiteral("Checkbox")},
        {VariablePrompt::Control::Sensitive, QStringLiteral("Sensitive")},
    };
    return all;
}

QStringList *dimension(ScopeSpec &scope, const QString &key)
{
    for (const auto &[name, member] : ScopeSpec::dimensions()) {
        if (name == key)
            return &(scope.*member);
    }
    return nullptr;
}

QStringList dimensionKeys()
{
    QStringList keys;
    for (const auto &[name, member] : ScopeSpec::dimensions())
        keys << name;
    return keys;
}

Error entryError(const QString &origin, qsizetype index, const QString &problem)
{
    return Error::validation(tr("Entry %1 of %2 %3.").arg(index + 1).arg(origin, problem));
}

Result<VariablePrompt> promptFrom(const QJsonValue &json, const QString &origin, qsizetype index)
{
    if (!json.isObject())
        return entryError(origin, index, tr("must have an object for \"prompt\""));
    VariablePrompt prompt;
    const QJsonObject object = json.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == QLatin1String("label") && it.value().isString()) {
            prompt.label = it.value().toString();
        } else if (it.key() == QLatin1String("description") && it.value().isString()) {
            prompt.description = it.value().toString();
        } else if (it.key() == QLatin1String("required") && it.value().isBool()) {
            prompt.required = it.value().toBool();
        } else if (it.key() == QLatin1String("control") && it.value().isString()) {
            const auto control = controlFromString(it.value().toString());
            if (!control)
                return entryError(origin, index, tr("has the unknown prompt control \"%1\"").arg(it.value().toString()));
            prompt.control = *control;
        } else {
            return entryError(origin, index, tr("has an unknown or mistyped prompt field \"%1\"").arg(it.key()));
        }
    }
    return prompt;
}

} // namespace

// Numbers and booleans are accepted as values because hand-written files use them
// ("Port": 8080); anything nested is refused rather than silently flattened.
std::optional<QString> scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return value.toString();
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("True") : QStringLiteral("False");
    case QJsonValue::Double: return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::Null: return QString();
    default: break;
    }
    return std::nullopt;
}

QJsonObject scopeToJson(const ScopeSpec &scope)
{
    QJsonObject json;
    for (const auto &[key, member] : ScopeSpec::dimensions()) {
        if (!(scope.*member).isEmpty())
            json.insert(key, QJsonArray::fromStringList(scope.*member));
    }
    return json;
}

QString scopeText(const ScopeSpec &scope)
{
    QStringList parts;
    for (const auto &[key, member] : ScopeSpec::dimensions()) {
        if (!(scope.*member).isEmpty())
            parts << key + u'=' + (scope.*member).join(u',');
    }
    return parts.join(QStringLiteral("; "));
}

QString toString(VariablePrompt::Control control)
{
    for (const auto &[value, name] : controls()) {
        if (value == control)
            return name;
    }
    return {};
}

std::optional<VariablePrompt::Control> controlFromString(QStringView text)
{
    for (const auto &[value, name] : controls()) {
        if (text.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

QJsonArray toJson(const QList<VariableValue> &values)
{
    QJsonArray entries;
    for (const VariableValue &value : values) {
        QJsonObject entry{{QStringLiteral("name"), value.name}};
        if (value.sensitive)
            entry.insert(QStringLiteral("sensitive"), true);
        else
            entry.insert(QStringLiteral("value"), value.value);
        const QJsonObject scope = scopeToJson(value.scope);
        if (!scope.isEmpty())
            entry.insert(QStringLiteral("scope"), scope);
        if (!value.description.isEmpty())
            entry.insert(QStringLiteral("description"), value.description);
        if (value.prompt) {
            entry.insert(QStringLiteral("prompt"),
                         QJsonObject{{QStringLiteral("label"), value.prompt->label},
                                     {QStringLiteral("description"), value.prompt->description},
                                     {QStringLiteral("required"), value.prompt->required},
                                     {QStringLiteral("control"), toString(value.prompt->control)}});
        }
        entries.append(entry);
    }
    return entries;
}

Result<QList<VariableValue>> fromJson(const QJsonArray &entries, const QString &origin)
{
    QList<VariableValue> values;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (!entries.at(i).isObject())
            return entryError(origin, i, tr("is not an object"));
        const QJsonObject entry = entries.at(i).toObject();
        VariableValue value;
        value.source = origin;
        for (auto it = entry.begin(); it != entry.end(); ++it) {
            const QString key = it.key();
            if (key == QLatin1String("name")) {
                if (!it.value().isString() || it.value().toString().trimmed().isEmpty())
                    return entryError(origin, i, tr("needs a non-empty text \"name\""));
                value.name = it.value().toString();
            } else if (key == QLatin1String("value")) {
                const auto text = scalarText(it.value());
                if (!text)
                    return entryError(origin, i, tr("must have a text, number or boolean \"value\""));
                value.value = *text;
            } else if (key == QLatin1String("sensitive")) {
                if (!it.value().isBool())
                    return entryError(origin, i, tr("must have true or false for \"sensitive\""));
                value.sensitive = it.value().toBool();
            } else if (key == QLatin1String("description")) {
                if (!it.value().isString())
                    return entryError(origin, i, tr("must have a text \"description\""));
                value.description = it.value().toString();
            } else if (key == QLatin1String("prompt")) {
                auto prompt = promptFrom(it.value(), origin, i);
                if (!prompt)
                    return prompt.error();
                value.prompt = *prompt;
            } else if (key == QLatin1String("scope")) {
                if (!it.value().isObject())
                    return entryError(origin, i, tr("must have an object for \"scope\""));
                const QJsonObject scope = it.value().toObject();
                for (auto s = scope.begin(); s != scope.end(); ++s) {
                    QStringList *list = dimension(value.scope, s.key());
                    // A misspelt dimension would leave the value unscoped, so it is refused.
                    if (!list)
                        return entryError(origin, i, tr("has the unknown scope \"%1\" (known: %2)")
                                                         .arg(s.key(), dimensionKeys().join(QStringLiteral(", "))));
                    const QJsonArray items = s.value().isArray() ? s.value().toArray() : QJsonArray{s.value()};
                    for (const QJsonValue &item : items) {
                        if (!item.isString() || item.toString().isEmpty())
                            return entryError(origin, i, tr("must list non-empty texts for the scope \"%1\"").arg(s.key()));
                        if (!list->contains(item.toString()))
                            *list << item.toString();
                    }
                }
            } else {
                return entryError(origin, i, tr("has the unknown key \"%1\"").arg(key));
            }
        }
        if (value.name.isEmpty())
            return entryError(origin, i, tr("needs a non-empty text \"name\""));
        values << value;
    }
    return values;
}

} // namespace Cuttle::VariablesJson
