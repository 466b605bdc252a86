#include "app/cli/commandregistry.h"
#include "app/cli/recordverbs.h"
#include "model/store/projectgrouprepository.h"

namespace Cuttle::Cli {
namespace {

QJsonObject toJson(CommandContext &, const ProjectGroup &g)
{
    return {{QLatin1String("id"), g.id}, {QLatin1String("name"), g.name}, {QLatin1String("description"), g.description}};
}

const QList<Output::Field> kFields{
    {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Name"), "name"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Description"), "description"},
};

Noun makeNoun()
{
    Noun noun;
    noun.name = QStringLiteral("project-group");
    noun.summary = QT_TRANSLATE_NOOP("cuttlectl", "groups of projects on the dashboard");

    Verb createVerb;
    createVerb.name = QStringLiteral("create");
    createVerb.aliases = {QStringLiteral("add")};
    createVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "create a project group");
    createVerb.positionals = {{"NAME", QT_TRANSLATE_NOOP("cuttlectl", "the name of the new group")}};
    createVerb.options = {{"description", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "what the group holds")}};
    createVerb.run = [](CommandContext &context, const ParsedArguments &args) {
        ProjectGroup g;
        g.spaceId = context.spaceId();
        g.name = args.positional(0);
        g.description = args.valueOr(QStringLiteral("description"));
        auto saved = ProjectGroupRepository(context.store()).create(g);
        if (!saved)
            return context.fail(saved.error());
        return RecordVerbs::saved(context, tr("Created the project group \"%1\" (%2).").arg(saved->name, saved->id), toJson(context, *saved));
    };

    Verb updateVerb;
    updateVerb.name = QStringLiteral("update");
    updateVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "change a project group; only the options given change");
    updateVerb.positionals = {RecordVerbs::nameArgument()};
    updateVerb.options = {{"name", "NEW-NAME", QT_TRANSLATE_NOOP("cuttlectl", "rename the group")},
                          {"description", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "what the group holds")}};
    updateVerb.run = [](CommandContext &context, const ParsedArguments &args) {
        ProjectGroupRepository groups(context.store());
        auto g = groups.find(context.spaceId(), args.positional(0));
        if (!g)
            return context.fail(g.error());
        g->name = args.valueOr(QStringLiteral("name"), g->name);
        g->description = args.valueOr(QStringLiteral("description"), g->description);
        auto saved = groups.update(*g);
        if (!saved)
            return context.fail(saved.error());
        return RecordVerbs::saved(context, tr("Updated the project group \"%1\" (%2).").arg(saved->name, saved->id), toJson(context, *saved));
    };

    noun.verbs = {
        RecordVerbs::list<ProjectGroupRepository, ProjectGroup>(QT_TRANSLATE_NOOP("cuttlectl", "list the project groups"), kFields, &toJson),
        RecordVerbs::show<ProjectGroupRepository, ProjectGroup>(QT_TRANSLATE_NOOP("cuttlectl", "show one project group"), kFields, &toJson),
        createVerb,
        updateVerb,
        RecordVerbs::remove<ProjectGroupRepository>(QT_TRANSLATE_NOOP("cuttlectl", "delete a project group that holds no projects"),
                                                    QT_TRANSLATE_NOOP("cuttlectl", "project group")),
    };
    return noun;
}

const CommandRegistry::Registration registration(&makeNoun);

} // namespace
} // namespace Cuttle::Cli
