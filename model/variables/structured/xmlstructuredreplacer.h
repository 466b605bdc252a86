#pragma once

#include "model/core/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Cuttle {

class StructuredVariableLookup;
class TextSplicer;

/// Replaces attribute values and element text selected by XPath, locating them in the original
/// bytes so the rest of the document is untouched.
class XmlStructuredReplacer final
{
public:
    /// Validates the whole content; on success the splicer holds one splice per replaced value.
    static VoidResult plan(const QByteArray &content, const QString &fileName,
                           StructuredVariableLookup &lookup, TextSplicer &splicer,
                           QStringList &warnings);
};

} // namespace Cuttle
