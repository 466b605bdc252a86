#pragma once

#include "model/core/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Cuttle {

class StructuredVariableLookup;
class TextSplicer;

/// Replaces values of Java properties files whose key equals a variable name exactly.
class PropertiesStructuredReplacer final
{
public:
    /// Validates the whole content; on success the splicer holds one splice per replaced value.
    static VoidResult plan(const QByteArray &content, const QString &fileName,
                           StructuredVariableLookup &lookup, TextSplicer &splicer,
                           QStringList &warnings);
};

} // namespace Cuttle
