#include "app/cli/commandregistry.h"
#include "app/cli/recordverbs.h"
#include "model/store/environmentrepository.h"

namespace Cuttle::Cli {
namespace {

QJsonObject toJson(CommandContext &, const Environment &e)
{
    return {{QLatin1String("id"), e.id},
            {QLatin1String("name"), e.name},
            {QLatin1String("description"), e.description},
            {QLatin1String("sortOrder"), e.sortOrder},
            {QLatin1String("useGuidedFailure"), e.useGuidedFailure},
            {QLatin1String("allowDynamicInfrastructure"), e.allowDynamicInfrastructure}};
}

const QList<Output::Field> kColumns{
    {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Name"), "name"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Guided failure"), "useGuidedFailure"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Description"), "description"},
};
const QList<Output::Field> kFields{
    {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Name"), "name"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Description"), "description"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Position"), "sortOrder"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Guided failure"), "useGuidedFailure"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Dynamic infrastructure"), "allowDynamicInfrastructure"},
};

const QList<OptionSpec> kEditOptions{
    {"description", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "what the environment is for")},
    {"guided-failure", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "ask a person what to do when a deployment fails")},
    {"no-guided-failure", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "fail deployments without asking")},
    {"dynamic-infrastructure", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "let deployments create targets")},
    {"no-dynamic-infrastructure", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "do not let deployments create targets")},
};

void apply(Environment &e, const ParsedArguments &args)
{
    if (auto description = args.value(QStringLiteral("description")))
        e.description = *description;
    if (auto guided = args.toggle(QStringLiteral("guided-failure")))
        e.useGuidedFailure = *guided;
    if (auto dynamic = args.toggle(QStringLiteral("dynamic-infrastructure")))
        e.allowDynamicInfrastructure = *dynamic;
}

int create(CommandContext &context, const ParsedArguments &args)
{
    Environment e;
    e.spaceId = context.spaceId();
    e.name = args.positional(0);
    apply(e, args);
    auto saved = EnvironmentRepository(context.store()).create(e);
    if (!saved)
        return context.fail(saved.error());
    return RecordVerbs::saved(context, tr("Created the environment \"%1\" (%2).").arg(saved->name, saved->id), toJson(context, *saved));
}

int update(CommandContext &context, const ParsedArguments &args)
{
    EnvironmentRepository environments(context.store());
    auto e = environments.find(context.spaceId(), args.positional(0));
    if (!e)
        return context.fail(e.error());
    if (auto name = args.value(QStringLiteral("name")))
        e->name = *name;
    apply(*e, args);
    auto saved = environments.update(*e);
    if (!saved)
        return context.fail(saved.error());
    return RecordVerbs::saved(context, tr("Updated the environment \"%1\" (%2).").arg(saved->name, saved->id), toJson(context, *saved));
}

int reorder(CommandContext &context, const ParsedArguments &args)
{
    EnvironmentRepository environments(context.store());
    auto all = environments.list(context.spaceId());
    if (!all)
        return context.fail(all.error());
    QStringList order;
    for (const Environment &e : *all)
        order << e.id;
    const auto before = args.value(QStringLiteral("before"));
    const auto after = args.value(QStringLiteral("after"));
    if (before && after)
        return context.usage(tr("Give either --before or --after, not both."));
    QStringList named;
    for (const QString &idOrName : args.positionals()) {
        auto id = context.idOf<EnvironmentRepository>(idOrName);
        if (!id)
            return context.fail(id.error());
        named << *id;
    }
    if (before || after) {
        if (named.size() != 1)
            return context.usage(tr("With --before or --after, name exactly one environment to move."));
        auto anchor = context.idOf<EnvironmentRepository>(before ? *before : *after);
        if (!anchor)
            return context.fail(anchor.error());
        if (*anchor == named.constFirst())
            return context.fail(Error::validation(tr("An environment cannot be moved next to itself.")));
        order.removeOne(named.constFirst());
        const qsizetype at = order.indexOf(*anchor) + (after ? 1 : 0);
        order.insert(at, named.constFirst());
    } else {
        // The store checks that the list names every environment exactly once.
        order = named;
    }
    if (auto done = environments.reorder(context.spaceId(), order); !done)
        return context.fail(done.error());
    auto reordered = environments.list(context.spaceId());
    if (!reordered)
        return context.fail(reordered.error());
    QJsonArray rows;
    for (const Environment &e : *reordered)
        rows.append(toJson(context, e));
    context.output().message(tr("The environments are now in this order:"));
    context.output().list(rows, kColumns);
    return Success;
}

Noun makeNoun()
{
    Noun noun;
    noun.name = QStringLiteral("environment");
    noun.aliases = {QStringLiteral("env")};
    noun.summary = QT_TRANSLATE_NOOP("cuttlectl", "stages that releases are promoted through");

    Verb createVerb;
    createVerb.name = QStringLiteral("create");
    createVerb.aliases = {QStringLiteral("add")};
    createVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "create an environment at the end of the order");
    createVerb.positionals = {{"NAME", QT_TRANSLATE_NOOP("cuttlectl", "the name of the new environment")}};
    createVerb.options = kEditOptions;
    createVerb.run = &create;

    Verb updateVerb;
    updateVerb.name = QStringLiteral("update");
    updateVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "change an environment; only the options given change");
    updateVerb.positionals = {RecordVerbs::nameArgument()};
    updateVerb.options = QList<OptionSpec>{{"name", "NEW-NAME", QT_TRANSLATE_NOOP("cuttlectl", "rename the environment")}} + kEditOptions;
    updateVerb.run = &update;

    Verb reorderVerb;
    reorderVerb.name = QStringLiteral("reorder");
    reorderVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "set the order of all environments, or move one with --before/--after");
    reorderVerb.positionals = {{"NAME", QT_TRANSLATE_NOOP("cuttlectl", "every environment in the new order, or the one to move"),
                                PositionalSpec::Arity::OneOrMore}};
    reorderVerb.options = {{"before", "OTHER", QT_TRANSLATE_NOOP("cuttlectl", "move NAME just before OTHER")},
                           {"after", "OTHER", QT_TRANSLATE_NOOP("cuttlectl", "move NAME just after OTHER")}};
    reorderVerb.run = &reorder;

    noun.verbs = {
        RecordVerbs::list<EnvironmentRepository, Environment>(QT_TRANSLATE_NOOP("cuttlectl", "list the environments in their order"), kColumns, &toJson),
        RecordVerbs::show<EnvironmentRepository, Environment>(QT_TRANSLATE_NOOP("cuttlectl", "show one environment"), kFields, &toJson),
        createVerb,
        updateVerb,
        RecordVerbs::remove<EnvironmentRepository>(QT_TRANSLATE_NOOP("cuttlectl", "delete an environment that nothing uses"),
                                                   QT_TRANSLATE_NOOP("cuttlectl", "environment")),
        reorderVerb,
    };
    return noun;
}

const CommandRegistry::Registration registration(&makeNoun);

} // namespace
} // namespace Cuttle::Cli
