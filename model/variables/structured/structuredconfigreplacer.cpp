#include "model/variables/structured/structuredconfigreplacer.h"

#include "model/variables/structured/jsonstructuredreplacer.h"
#include "model/variables/structured/propertiesstructuredreplacer.h"
#include "model/variables/structured/structuredvariablelookup.h"
#include "model/variables/structured/textposition.h"
#include "model/variables/structured/textsplicer.h"
#include "model/variables/structured/xmlstructuredreplacer.h"
#include "model/variables/structured/yamlstructuredreplacer.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace Cuttle {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("StructuredConfig", text);
}

QString displayName(const QString &fileName)
{
    return fileName.isEmpty() ? tr("The content") : fileName;
}

bool isBlank(const QByteArray &content)
{
    for (qsizetype i = TextPosition::bomLength(content); i < content.size(); ++i) {
        const char c = content.at(i);
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return false;
    }
    return true;
}

/// One attempt at treating the content as one format.
struct Attempt
{
    StructuredFormat format;
    StructuredVariableLookup lookup;
    TextSplicer splicer;
    QStringList warnings;
    bool hasCollections = true;

    Attempt(StructuredFormat f, const StructuredConfigReplacer::Variables &variables)
        : format(f), lookup(variables, f == StructuredFormat::Json || f == StructuredFormat::Yaml
                                           ? StructuredVariableLookup::Mode::KeyPath
                                           : StructuredVariableLookup::Mode::Exact)
    {}

    VoidResult run(const QByteArray &content, const QString &fileName)
    {
        switch (format) {
        case StructuredFormat::Json:
            return JsonStructuredReplacer::plan(content, fileName, lookup, splicer, warnings);
        case StructuredFormat::Yaml:
            return YamlStructuredReplacer::plan(content, fileName, lookup, splicer, warnings,
                                                &hasCollections);
        case StructuredFormat::Xml:
            return XmlStructuredReplacer::plan(content, fileName, lookup, splicer, warnings);
        case StructuredFormat::Properties:
        case StructuredFormat::Auto:
            break;
        }
        return PropertiesStructuredReplacer::plan(content, fileName, lookup, splicer, warnings);
    }

    ReplacementOutcome outcome(const QByteArray &content) const
    {
        ReplacementOutcome result;
        result.format = format;
        result.content = splicer.isEmpty() ? content : splicer.apply(content);
        result.matchedNames = lookup.matchedNames();
        result.replacementCount = lookup.replacementCount();
        result.warnings = warnings;
        return result;
    }
};

} // namespace

StructuredFormat StructuredConfigReplacer::formatForFileName(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("json"))
        return StructuredFormat::Json;
    if (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml"))
        return StructuredFormat::Yaml;
    if (suffix == QLatin1String("xml") || suffix == QLatin1String("config"))
        return StructuredFormat::Xml;
    if (suffix == QLatin1String("properties"))
        return StructuredFormat::Properties;
    return StructuredFormat::Auto;
}

Result<ReplacementOutcome> StructuredConfigReplacer::replace(const QByteArray &content,
                                                             const QString &fileName,
                                                             const Variables &variables,
                                                             StructuredFormat format)
{
    if (TextPosition::firstNul(content) >= 0)
        return Error::validation(
            tr("%1 is a binary file, not a configuration file.").arg(displayName(fileName)));
    if (const qsizetype bad = TextPosition::firstInvalidUtf8(content); bad >= 0) {
        int line = 0;
        int column = 0;
        TextPosition::lineColumn(content, bad, &line, &column);
        return Error::validation(tr("%1 is not UTF-8 text: invalid byte at line %2, column %3.")
                                     .arg(displayName(fileName))
                                     .arg(line)
                                     .arg(column));
    }

    const StructuredFormat byName = formatForFileName(fileName);
    if (isBlank(content)) {
        Attempt nothing(format != StructuredFormat::Auto ? format : byName, variables);
        return nothing.outcome(content);
    }
    if (format != StructuredFormat::Auto) {
        Attempt attempt(format, variables);
        if (VoidResult ran = attempt.run(content, fileName); !ran)
            return ran.error();
        return attempt.outcome(content);
    }

    // JSON if it parses as JSON, whatever the name says.
    Attempt json(StructuredFormat::Json, variables);
    VoidResult jsonRun = json.run(content, fileName);
    if (jsonRun)
        return json.outcome(content);
    if (byName == StructuredFormat::Json)
        return jsonRun.error();
    if (byName != StructuredFormat::Auto) {
        Attempt attempt(byName, variables);
        if (VoidResult ran = attempt.run(content, fileName); !ran)
            return ran.error();
        return attempt.outcome(content);
    }

    // No telling extension: XML is unambiguous, YAML only counts when it holds mappings or
    // sequences (almost any text is a YAML scalar), and properties accept everything.
    {
        Attempt xml(StructuredFormat::Xml, variables);
        if (xml.run(content, fileName))
            return xml.outcome(content);
    }
    {
        Attempt yaml(StructuredFormat::Yaml, variables);
        if (yaml.run(content, fileName) && yaml.hasCollections)
            return yaml.outcome(content);
    }
    Attempt properties(StructuredFormat::Properties, variables);
    if (VoidResult ran = properties.run(content, fileName); !ran)
        return ran.error();
    return properties.outcome(content);
}

Result<ReplacementOutcome> StructuredConfigReplacer::replaceInFile(const QString &filePath,
                                                                   const Variables &variables,
                                                                   StructuredFormat format)
{
    QFile input(filePath);
    if (!input.open(QIODevice::ReadOnly))
        return Error::failed(tr("Cannot read %1: %2.").arg(filePath, input.errorString()));
    const QByteArray content = input.readAll();
    if (input.error() != QFileDevice::NoError)
        return Error::failed(tr("Cannot read %1: %2.").arg(filePath, input.errorString()));
    input.close();

    Result<ReplacementOutcome> result = replace(content, filePath, variables, format);
    if (!result || !result->changed() || result->content == content)
        return result;

    // QSaveFile writes a temporary file next to the target and renames it over the target
    // only when everything was written, keeping the target's permissions.
    QSaveFile output(filePath);
    if (!output.open(QIODevice::WriteOnly))
        return Error::failed(tr("Cannot write %1: %2.").arg(filePath, output.errorString()));
    if (output.write(result->content) != result->content.size() || !output.commit())
        return Error::failed(tr("Cannot write %1: %2.").arg(filePath, output.errorString()));
    return result;
}

} // namespace Cuttle
