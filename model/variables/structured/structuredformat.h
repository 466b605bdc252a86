#pragma once

#include <QCoreApplication>
#include <QString>

namespace Cuttle {

/// The file formats structured configuration variables understand; Auto picks one per file.
enum class StructuredFormat {
    Auto,
    Json,
    Yaml,
    Xml,
    Properties,
};

/// The format's name as users know it ("JSON", "YAML", ...).
inline QString structuredFormatName(StructuredFormat format)
{
    switch (format) {
    case StructuredFormat::Json:
        return QStringLiteral("JSON");
    case StructuredFormat::Yaml:
        return QStringLiteral("YAML");
    case StructuredFormat::Xml:
        return QStringLiteral("XML");
    case StructuredFormat::Properties:
        return QStringLiteral("Java properties");
    case StructuredFormat::Auto:
        break;
    }
    return QCoreApplication::translate("StructuredConfig", "automatic");
}

} // namespace Cuttle
