#include "app/cli/commandregistry.h"
#include "app/cli/recordverbs.h"
#include "model/store/spacerepository.h"

namespace Cuttle::Cli {
namespace {

QJsonObject toJson(const Space &space)
{
    return {{QLatin1String("id"), space.id},
            {QLatin1String("name"), space.name},
            {QLatin1String("description"), space.description},
            {QLatin1String("isDefault"), space.isDefault}};
}

const QList<Output::Field> kFields{
    {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Name"), "name"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Default"), "isDefault"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Description"), "description"},
};

int update(CommandContext &context, const QString &idOrName, const std::optional<QString> &newName,
           const std::optional<QString> &description)
{
    SpaceRepository spaces(context.store());
    auto space = spaces.find(idOrName);
    if (!space)
        return context.fail(space.error());
    if (newName)
        space->name = *newName;
    if (description)
        space->description = *description;
    auto saved = spaces.update(*space);
    if (!saved)
        return context.fail(saved.error());
    return RecordVerbs::saved(context, tr("Updated the space \"%1\" (%2).").arg(saved->name, saved->id), toJson(*saved));
}

Noun makeNoun()
{
    Noun noun;
    noun.name = QStringLiteral("space");
    noun.summary = QT_TRANSLATE_NOOP("cuttlectl", "partitions of the workspace");

    Verb list;
    list.name = QStringLiteral("list");
    list.aliases = {QStringLiteral("ls")};
    list.summary = QT_TRANSLATE_NOOP("cuttlectl", "list the spaces");
    list.usesSpace = false;
    list.run = [](CommandContext &context, const ParsedArguments &) {
        auto spaces = SpaceRepository(context.store()).list();
        if (!spaces)
            return context.fail(spaces.error());
        QJsonArray rows;
        for (const Space &space : *spaces)
            rows.append(toJson(space));
        context.output().list(rows, kFields);
        return int(Success);
    };

    Verb show;
    show.name = QStringLiteral("show");
    show.summary = QT_TRANSLATE_NOOP("cuttlectl", "show one space");
    show.usesSpace = false;
    show.positionals = {RecordVerbs::nameArgument()};
    show.run = [](CommandContext &context, const ParsedArguments &args) {
        auto space = SpaceRepository(context.store()).find(args.positional(0));
        if (!space)
            return context.fail(space.error());
        context.output().object(toJson(*space), kFields);
        return int(Success);
    };

    Verb create;
    create.name = QStringLiteral("create");
    create.aliases = {QStringLiteral("add")};
    create.summary = QT_TRANSLATE_NOOP("cuttlectl", "create a space (with its default machine policy)");
    create.usesSpace = false;
    create.positionals = {{"NAME", QT_TRANSLATE_NOOP("cuttlectl", "the name of the new space")}};
    create.options = {{"description", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "what the space is for")}};
    create.run = [](CommandContext &context, const ParsedArguments &args) {
        Space space;
        space.name = args.positional(0);
        space.description = args.valueOr(QStringLiteral("description"));
        auto saved = SpaceRepository(context.store()).create(space);
        if (!saved)
            return context.fail(saved.error());
        return RecordVerbs::saved(context, tr("Created the space \"%1\" (%2).").arg(saved->name, saved->id), toJson(*saved));
    };

    Verb updateVerb;
    updateVerb.name = QStringLiteral("update");
    updateVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "change a space; only the options given change");
    updateVerb.usesSpace = false;
    updateVerb.positionals = {RecordVerbs::nameArgument()};
    updateVerb.options = {{"name", "NEW-NAME", QT_TRANSLATE_NOOP("cuttlectl", "rename the space")},
                          {"description", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "what the space is for")}};
    updateVerb.run = [](CommandContext &context, const ParsedArguments &args) {
        return update(context, args.positional(0), args.value(QStringLiteral("name")), args.value(QStringLiteral("description")));
    };

    Verb rename;
    rename.name = QStringLiteral("rename");
    rename.summary = QT_TRANSLATE_NOOP("cuttlectl", "rename a space");
    rename.usesSpace = false;
    rename.positionals = {RecordVerbs::nameArgument(), {"NEW-NAME", QT_TRANSLATE_NOOP("cuttlectl", "the new name")}};
    rename.run = [](CommandContext &context, const ParsedArguments &args) {
        return update(context, args.positional(0), args.positional(1), std::nullopt);
    };

    Verb remove;
    remove.name = QStringLiteral("delete");
    remove.aliases = {QStringLiteral("rm")};
    remove.summary = QT_TRANSLATE_NOOP("cuttlectl", "delete an empty space (never the Default space)");
    remove.usesSpace = false;
    remove.positionals = {RecordVerbs::nameArgument()};
    remove.run = [](CommandContext &context, const ParsedArguments &args) {
        SpaceRepository spaces(context.store());
        auto space = spaces.find(args.positional(0));
        if (!space)
            return context.fail(space.error());
        if (auto removed = spaces.remove(space->id); !removed)
            return context.fail(removed.error());
        context.output().changed(tr("Deleted the space \"%1\" (%2).").arg(space->name, space->id),
                                 {{QLatin1String("id"), space->id}, {QLatin1String("name"), space->name},
                                  {QLatin1String("deleted"), true}});
        return int(Success);
    };

    noun.verbs = {list, show, create, updateVerb, rename, remove};
    return noun;
}

const CommandRegistry::Registration registration(&makeNoun);

} // namespace
} // namespace Cuttle::Cli
