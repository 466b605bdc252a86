#pragma once

#include "model/core/result.h"
#include "model/core/variablevalue.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Cuttle::Cli {

/// Reads variables from a JSON file: either a flat object {"Name": "value"} or an array of
/// {"name", "value", "sensitive", "scope": {"environment": [...], ...}, "description",
/// "prompt"} entries (VariablesJson, the shape of snapshots and exports).
class VariablesFile final
{
public:
    /// The scope keys an entry's "scope" object (and --context) accept, in documentation order.
    static const QStringList &scopeKeys();

    /// Parses content; fileName names the file in errors. Invalid JSON, an unknown key or a
    /// value of the wrong type is a validation error naming the position or the entry.
    static Result<QList<VariableValue>> parse(const QByteArray &content, const QString &fileName);
    static Result<QList<VariableValue>> load(const QString &path);
};

} // namespace Cuttle::Cli
