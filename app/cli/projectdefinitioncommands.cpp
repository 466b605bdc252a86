// `cuttlectl project export NAME [--output FILE]` and `cuttlectl project import FILE`: a
// project's whole definition as one reviewable JSON file, by name, without secrets.
#include "app/cli/commandregistry.h"
#include "app/cli/recordverbs.h"
#include "model/engine/projectdefinition.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

#include <cstdio>

namespace Cuttle::Cli {

namespace {

int exportProject(CommandContext &context, const ParsedArguments &args)
{
    auto definition = ProjectDefinition(context.workspace(), context.secrets(), context.store().actor)
                          .exportProject(context.spaceId(), args.positional(0));
    if (!definition)
        return context.fail(definition.error());
    const QByteArray bytes = QJsonDocument(*definition).toJson(QJsonDocument::Indented);
    if (auto path = args.value(QStringLiteral("output"))) {
        QSaveFile file(*path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            return context.fail(Error::failed(tr("%1 could not be written: %2.").arg(*path, file.errorString())));
        context.output().message(tr("Wrote the definition of %1 to %2.").arg(definition->value(QLatin1String("name")).toString(), *path));
        return int(Success);
    }
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
    return int(Success);
}

int importProject(CommandContext &context, const ParsedArguments &args)
{
    const QString path = args.positional(0);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return context.fail(Error::failed(tr("%1 could not be read: %2.").arg(path, file.errorString())));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return context.fail(Error::validation(tr("%1 is not a JSON project definition: %2 at byte %3.")
                                                  .arg(path, parseError.errorString())
                                                  .arg(parseError.offset)));
    auto report = ProjectDefinition(context.workspace(), context.secrets(), context.store().actor)
                      .importProject(context.spaceId(), document.object());
    if (!report)
        return context.fail(report.error());
    for (const QString &warning : report->warnings)
        Output::writeError(QStringLiteral("cuttlectl: ") + warning + u'\n');
    const QString message = report->created ? tr("Created the project \"%1\" (%2) from %3.")
                                            : tr("Updated the project \"%1\" (%2) from %3.");
    return RecordVerbs::saved(context, message.arg(report->projectName, report->projectId, path),
                              {{QLatin1String("id"), report->projectId},
                               {QLatin1String("name"), report->projectName},
                               {QLatin1String("created"), report->created},
                               {QLatin1String("warnings"), QJsonArray::fromStringList(report->warnings)}});
}

Verb makeExportVerb()
{
    Verb verb;
    verb.name = QStringLiteral("export");
    verb.summary = QT_TRANSLATE_NOOP("cuttlectl", "print a project's definition (settings, channels, process, variables without secrets) as JSON");
    verb.positionals = {RecordVerbs::nameArgument(QT_TRANSLATE_NOOP("cuttlectl", "the project's name or id"))};
    verb.options = {{"output", "FILE", QT_TRANSLATE_NOOP("cuttlectl", "write to FILE instead of standard output")}};
    verb.run = &exportProject;
    return verb;
}

Verb makeImportVerb()
{
    Verb verb;
    verb.name = QStringLiteral("import");
    verb.summary = QT_TRANSLATE_NOOP("cuttlectl", "create or update the project a definition file describes (all or nothing)");
    verb.positionals = {{"FILE", QT_TRANSLATE_NOOP("cuttlectl", "a file written by project export")}};
    verb.run = &importProject;
    return verb;
}

const CommandRegistry::VerbRegistration exportRegistration("project", &makeExportVerb);
const CommandRegistry::VerbRegistration importRegistration("project", &makeImportVerb);

} // namespace
} // namespace Cuttle::Cli
