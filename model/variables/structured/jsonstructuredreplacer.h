#pragma once

#include "model/core/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Cuttle {

class StructuredVariableLookup;
class TextSplicer;

/// Replaces values in JSON (comments and trailing commas allowed, as in appsettings.json)
/// by `a:b:0` key paths, recording splices of the original bytes.
class JsonStructuredReplacer final
{
public:
    /// Validates the whole content; on success the splicer holds one splice per replaced value.
    static VoidResult plan(const QByteArray &content, const QString &fileName,
                           StructuredVariableLookup &lookup, TextSplicer &splicer,
                           QStringList &warnings);
};

} // namespace Cuttle
