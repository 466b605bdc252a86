#include "app/cli/variablesfile.h"

#include "app/cli/clitext.h"
#include "model/variables/structured/textposition.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace Cuttle::Cli {
namespace {

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

QStringList *dimension(ScopeSpec &scope, const QString &key)
{
    if (key == QLatin1String("environment")) return &scope.environments;
    if (key == QLatin1String("machine")) return &scope.machines;
    if (key == QLatin1String("role")) return &scope.roles;
    if (key == QLatin1String("step")) return &scope.steps;
    if (key == QLatin1String("channel")) return &scope.channels;
    if (key == QLatin1String("tenant")) return &scope.tenants;
    if (key == QLatin1String("tenantTag")) return &scope.tenantTags;
    if (key == QLatin1String("process")) return &scope.processes;
    return nullptr;
}

Error entryError(const QString &fileName, qsizetype index, const QString &problem)
{
    return Error::validation(tr("Entry %1 of the variables file %2 %3.").arg(index + 1).arg(fileName, problem));
}

} // namespace

const QStringList &VariablesFile::scopeKeys()
{
    static const QStringList keys{QStringLiteral("environment"), QStringLiteral("machine"), QStringLiteral("role"),
                                  QStringLiteral("step"),        QStringLiteral("channel"), QStringLiteral("tenant"),
                                  QStringLiteral("tenantTag"),   QStringLiteral("process")};
    return keys;
}

Result<QList<VariableValue>> VariablesFile::parse(const QByteArray &content, const QString &fileName)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(content, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::validation(TextPosition::parseError(fileName, QStringLiteral("JSON"), content, parseError.offset,
                                                          parseError.errorString()));

    QList<VariableValue> values;
    if (document.isObject()) {
        const QJsonObject object = document.object();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const auto text = scalarText(it.value());
            if (!text)
                return Error::validation(tr("The variable \"%1\" in %2 must have a text, number or boolean value.")
                                             .arg(it.key(), fileName));
            if (it.key().trimmed().isEmpty())
                return Error::validation(tr("The variables file %1 has a variable without a name.").arg(fileName));
            VariableValue value;
            value.name = it.key();
            value.value = *text;
            value.source = fileName;
            values << value;
        }
        return values;
    }
    if (!document.isArray())
        return Error::validation(tr("The variables file %1 must hold a JSON object or array.").arg(fileName));

    const QJsonArray entries = document.array();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (!entries.at(i).isObject())
            return entryError(fileName, i, tr("is not an object"));
        const QJsonObject entry = entries.at(i).toObject();
        VariableValue value;
        value.source = fileName;
        for (auto it = entry.begin(); it != entry.end(); ++it) {
            const QString key = it.key();
            if (key == QLatin1String("name")) {
                if (!it.value().isString() || it.value().toString().trimmed().isEmpty())
                    return entryError(fileName, i, tr("needs a non-empty text \"name\""));
                value.name = it.value().toString();
            } else if (key == QLatin1String("value")) {
                const auto text = scalarText(it.value());
                if (!text)
                    return entryError(fileName, i, tr("must have a text, number or boolean \"value\""));
                value.value = *text;
            } else if (key == QLatin1String("sensitive")) {
                if (!it.value().isBool())
                    return entryError(fileName, i, tr("must have true or false for \"sensitive\""));
                value.sensitive = it.value().toBool();
            } else if (key == QLatin1String("scope")) {
                if (!it.value().isObject())
                    return entryError(fileName, i, tr("must have an object for \"scope\""));
                const QJsonObject scope = it.value().toObject();
                for (auto s = scope.begin(); s != scope.end(); ++s) {
                    QStringList *list = dimension(value.scope, s.key());
                    // A misspelt dimension would leave the value unscoped, so it is refused.
                    if (!list)
                        return entryError(fileName, i, tr("has the unknown scope \"%1\" (known: %2)")
                                                           .arg(s.key(), scopeKeys().join(QStringLiteral(", "))));
                    const QJsonArray items = s.value().isArray() ? s.value().toArray() : QJsonArray{s.value()};
                    for (const QJsonValue &item : items) {
                        if (!item.isString() || item.toString().isEmpty())
                            return entryError(fileName, i, tr("must list non-empty texts for the scope \"%1\"").arg(s.key()));
                        if (!list->contains(item.toString()))
                            *list << item.toString();
                    }
                }
            } else {
                return entryError(fileName, i, tr("has the unknown key \"%1\"").arg(key));
            }
        }
        if (value.name.isEmpty())
            return entryError(fileName, i, tr("needs a non-empty text \"name\""));
        values << value;
    }
    return values;
}

Result<QList<VariableValue>> VariablesFile::load(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return Error::notFound(tr("The variables file %1 does not exist.").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return Error::failed(tr("The variables file %1 cannot be read: %2.").arg(path, file.errorString()));
    return parse(file.readAll(), path);
}

} // namespace Cuttle::Cli
