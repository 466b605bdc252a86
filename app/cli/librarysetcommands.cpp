// `cuttlectl library-set list|show|create|rename|delete|include|exclude`: library variable
// sets of a space and the projects that include them. Their values are managed with
// `cuttlectl variable ... --library-set SET`.
#include "app/cli/commandregistry.h"
#include "app/cli/recordverbs.h"
#include "model/engine/variableservice.h"
#include "model/store/libraryvariablesetrepository.h"
#include "model/store/projectrepository.h"
#include "model/store/variablerepository.h"

namespace Cuttle::Cli {
namespace {

const OptionSpec kProjectOption{"project", "PROJECT", QT_TRANSLATE_NOOP("cuttlectl", "the project that includes the set")};

QJsonObject toJson(CommandContext &context, const LibraryVariableSet &set)
{
    LibraryVariableSetRepository sets(context.store());
    QJsonObject json{{QLatin1String("id"), set.id},
                     {QLatin1String("name"), set.name},
                     {QLatin1String("description"), set.description}};
    const QStringList projectIds = sets.includingProjects(set.id).valueOr({});
    json.insert(QLatin1String("includedBy"), RecordVerbs::toArray(context.namesOf<ProjectRepository>(projectIds)));
    json.insert(QLatin1String("variableCount"),
                int(VariableRepository(context.store()).list(VariableOwner::librarySet(set.id)).valueOr({}).size()));
    return json;
}

const QList<Output::Field> kColumns{
    {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Name"), "name"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Values"), "variableCount"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Included by"), "includedBy"},
};
const QList<Output::Field> kFields{
    {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Name"), "name"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Description"), "description"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Values"), "variableCount"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Included by"), "includedBy"},
};

int create(CommandContext &context, const ParsedArguments &args)
{
    LibraryVariableSet set;
    set.spaceId = context.spaceId();
    set.name = args.positional(0);
    set.description = args.valueOr(QStringLiteral("description"));
    auto created = LibraryVariableSetRepository(context.store()).create(set);
    if (!created)
        return context.fail(created.error());
    return RecordVerbs::saved(context, tr("Created the library variable set \"%1\" (%2).").arg(created->name, created->id),
                              toJson(context, *created));
}

int rename(CommandContext &context, const ParsedArguments &args)
{
    LibraryVariableSetRepository sets(context.store());
    auto set = sets.find(context.spaceId(), args.positional(0));
    if (!set)
        return context.fail(set.error());
    set->name = args.positional(1);
    if (auto description = args.value(QStringLiteral("description")))
        set->description = *description;
    auto saved = sets.update(*set);
    if (!saved)
        return context.fail(saved.error());
    return RecordVerbs::saved(context, tr("Saved the library variable set \"%1\" (%2).").arg(saved->name, saved->id),
                              toJson(context, *saved));
}

int remove(CommandContext &context, const ParsedArguments &args)
{
    auto set = LibraryVariableSetRepository(context.store()).find(context.spaceId(), args.positional(0));
    if (!set)
        return context.fail(set.error());
    // The service also deletes the keychain secrets of the set's sensitive values.
    if (auto removed = VariableService(context.workspace(), context.secrets()).removeLibrarySet(context.spaceId(), set->id);
        !removed)
        return context.fail(removed.error());
    context.output().changed(tr("Deleted the library variable set \"%1\" (%2).").arg(set->name, set->id),
                             QJsonObject{{QLatin1String("id"), set->id},
                                         {QLatin1String("name"), set->name},
                                         {QLatin1String("deleted"), true}});
    return Success;
}

/// Adds the set to the project's includes (last) or takes it out.
int changeIncludes(CommandContext &context, const ParsedArguments &args, bool include)
{
    if (!args.has(QStringLiteral("project")))
        return context.usage(tr("The option --project is required."));
    auto project = ProjectRepository(context.store()).find(context.spaceId(), args.valueOr(QStringLiteral("project")));
    if (!project)
        return context.fail(project.error());
    LibraryVariableSetRepository sets(context.store());
    auto set = sets.find(context.spaceId(), args.positional(0));
    if (!set)
        return context.fail(set.error());
    auto included = sets.includedBy(project->id);
    if (!included)
        return context.fail(included.error());
    QStringList ids;
    for (const LibraryVariableSet &other : std::as_const(*included))
        ids << other.id;
    const bool already = ids.contains(set->id);
    QString message;
    if (include && already) {
        message = tr("The project \"%1\" already includes the library variable set \"%2\".").arg(project->name, set->name);
    } else if (!include && !already) {
        message = tr("The project \"%1\" does not include the library variable set \"%2\".").arg(project->name, set->name);
    } else {
        if (include)
            ids << set->id;
        else
            ids.removeAll(set->id);
        if (auto r = sets.setIncluded(project->id, ids); !r)
            return context.fail(r.error());
        message = include ? tr("The project \"%1\" now includes the library variable set \"%2\".").arg(project->name, set->name)
                          : tr("The project \"%1\" no longer includes the library variable set \"%2\".").arg(project->name, set->name);
    }
    auto after = sets.includedBy(project->id);
    QStringList names;
    for (const LibraryVariableSet &other : after.valueOr({}))
        names << other.name;
    context.output().changed(message, QJsonObject{{QLatin1String("project"), project->name},
                                                  {QLatin1String("projectId"), project->id},
                                                  {QLatin1String("librarySets"), RecordVerbs::toArray(names)}});
    return Success;
}

Noun makeNoun()
{
    Noun noun;
    noun.name = QStringLiteral("library-set");
    noun.aliases = {QStringLiteral("libset")};
    noun.summary = QT_TRANSLATE_NOOP("cuttlectl", "library variable sets shared by projects");

    Verb listVerb = RecordVerbs::list<LibraryVariableSetRepository, LibraryVariableSet>(
        QT_TRANSLATE_NOOP("cuttlectl", "list the library variable sets"), kColumns, &toJson);
    Verb showVerb = RecordVerbs::show<LibraryVariableSetRepository, LibraryVariableSet>(
        QT_TRANSLATE_NOOP("cuttlectl", "show a library variable set and the projects that include it"), kFields, &toJson);

    Verb createVerb;
    createVerb.name = QStringLiteral("create");
    createVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "create a library variable set");
    createVerb.positionals = {{"NAME", QT_TRANSLATE_NOOP("cuttlectl", "the set's name, unique in the space")}};
    createVerb.options = {{"description", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "what the set holds")}};
    createVerb.run = &create;

    Verb renameVerb;
    renameVerb.name = QStringLiteral("rename");
    renameVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "rename a library variable set (and change its description)");
    renameVerb.positionals = {RecordVerbs::nameArgument(), {"NEW_NAME", QT_TRANSLATE_NOOP("cuttlectl", "the new name")}};
    renameVerb.options = {{"description", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "what the set holds")}};
    renameVerb.run = &rename;

    Verb deleteVerb;
    deleteVerb.name = QStringLiteral("delete");
    deleteVerb.aliases = {QStringLiteral("rm")};
    deleteVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "delete a library variable set that no project includes, with its values");
    deleteVerb.positionals = {RecordVerbs::nameArgument()};
    deleteVerb.run = &remove;

    Verb includeVerb;
    includeVerb.name = QStringLiteral("include");
    includeVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "make a project include the set (after the ones it includes)");
    includeVerb.positionals = {RecordVerbs::nameArgument()};
    includeVerb.options = {kProjectOption};
    includeVerb.run = [](CommandContext &context, const ParsedArguments &args) { return changeIncludes(context, args, true); };

    Verb excludeVerb;
    excludeVerb.name = QStringLiteral("exclude");
    excludeVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "stop a project including the set");
    excludeVerb.positionals = {RecordVerbs::nameArgument()};
    excludeVerb.options = {kProjectOption};
    excludeVerb.run = [](CommandContext &context, const ParsedArguments &args) { return changeIncludes(context, args, false); };

    noun.verbs = {listVerb, showVerb, createVerb, renameVerb, deleteVerb, includeVerb, excludeVerb};
    return noun;
}

const CommandRegistry::Registration registration(&makeNoun);

} // namespace
} // namespace Cuttle::Cli
