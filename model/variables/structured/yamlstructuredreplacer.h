#pragma once

#include "model/core/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Cuttle {

class StructuredVariableLookup;
class TextSplicer;

/// Replaces values in YAML (all documents of a stream) by `a:b:0` key paths through libyaml events,
/// recording splices of the original bytes.
class YamlStructuredReplacer final
{
public:
    /// Validates the whole content; on success the splicer holds one splice per replaced value.
    static VoidResult plan(const QByteArray &content, const QString &fileName,
                           StructuredVariableLookup &lookup, TextSplicer &splicer,
                           QStringList &warnings, bool *hasCollections = nullptr);
};

} // namespace Cuttle
