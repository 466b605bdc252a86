#pragma once

#include "model/core/result.h"
#include "model/core/variablevalue.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace Cuttle {

/// Variable values as a JSON array of {"name", "value", "sensitive", "scope": {"environment":
/// [...], ...}, "description", "prompt"} entries: the shape of a variables file, a release's
/// variable snapshot and a project export. A sensitive value is written without its value.
namespace VariablesJson {

QJsonArray toJson(const QList<VariableValue> &values);
/// `origin` names the file or snapshot in errors ("Entry 3 of the variables file x.json ...").
Result<QList<VariableValue>> fromJson(const QJsonArray &entries, const QString &origin);

/// A scope as the "scope" object of an entry: one array per dimension that is set.
QJsonObject scopeToJson(const ScopeSpec &scope);
/// A scope in one line, "environment=Test,Production; role=web"; empty when unscoped.
QString scopeText(const ScopeSpec &scope);

/// A hand-written value as text: strings as they are, numbers and booleans as the reference
/// product spells them, null as empty; nullopt for objects and arrays.
std::optional<QString> scalarText(const QJsonValue &value);

QString toString(VariablePrompt::Control control);
std::optional<VariablePrompt::Control> controlFromString(QStringView text);

} // namespace VariablesJson

} // namespace Cuttle
