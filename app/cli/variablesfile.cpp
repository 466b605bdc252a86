#include "app/cli/variablesfile.h"

#include "app/cli/clitext.h"
#include "model/core/variablesjson.h"
#include "model/variables/structured/textposition.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace Cuttle::Cli {

const QStringList &VariablesFile::scopeKeys()
{
    static const QStringList keys = [] {
        QStringList all;
        for (const auto &[key, member] : ScopeSpec::dimensions())
            all << key;
        return all;
    }();
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
            const auto text = VariablesJson::scalarText(it.value());
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

    // The array form is the one of snapshots and exports, so an exported file can be used here.
    auto entries = VariablesJson::fromJson(document.array(), tr("the variables file %1").arg(fileName));
    if (!entries)
        return entries;
    for (VariableValue &value : *entries)
        value.source = fileName;
    return entries;
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
