#include "app/cli/commandregistry.h"
#include "app/cli/recordverbs.h"
#include "model/store/environmentrepository.h"
#include "model/store/lifecyclerepository.h"

#include <QRegularExpression>

namespace Cuttle::Cli {
namespace {

QJsonObject retentionJson(const RetentionPolicy &policy)
{
    return {{QLatin1String("unit"), toString(policy.unit)}, {QLatin1String("quantity"), policy.quantity}};
}

QJsonObject toJson(CommandContext &context, const Lifecycle &l)
{
    using RecordVerbs::toArray;
    QJsonArray phases;
    QStringList phaseNames;
    for (const LifecyclePhase &p : l.phases) {
        QJsonObject phase{
            {QLatin1String("id"), p.id},
            {QLatin1String("name"), p.name},
            {QLatin1String("automaticEnvironmentIds"), toArray(p.automaticEnvironmentIds)},
            {QLatin1String("automaticEnvironments"), toArray(context.namesOf<EnvironmentRepository>(p.automaticEnvironmentIds))},
            {QLatin1String("optionalEnvironmentIds"), toArray(p.optionalEnvironmentIds)},
            {QLatin1String("optionalEnvironments"), toArray(context.namesOf<EnvironmentRepository>(p.optionalEnvironmentIds))},
            {QLatin1String("minimumEnvironmentsBeforePromotion"), p.minimumEnvironmentsBeforePromotion},
            {QLatin1String("isOptional"), p.isOptional},
        };
        if (p.releaseRetention)
            phase.insert(QLatin1String("releaseRetention"), retentionJson(*p.releaseRetention));
        if (p.targetRetention)
            phase.insert(QLatin1String("targetRetention"), retentionJson(*p.targetRetention));
        phases.append(phase);
        phaseNames << p.name;
    }
    return {{QLatin1String("id"), l.id},
            {QLatin1String("name"), l.name},
            {QLatin1String("description"), l.description},
            {QLatin1String("phaseNames"), toArray(phaseNames)},
            {QLatin1String("phases"), phases},
            {QLatin1String("releaseRetention"), retentionJson(l.releaseRetention)},
            {QLatin1String("targetRetention"), retentionJson(l.targetRetention)}};
}

const QList<Output::Field> kColumns{
    {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Name"), "name"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Phases"), "phaseNames"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Description"), "description"},
};
const QList<Output::Field> kFields{
    {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Name"), "name"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Description"), "description"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Release retention"), "releaseRetention"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Target retention"), "targetRetention"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Phases"), "phases"},
};

/// "forever", "30 items" / "30-items" / "30", "7 days" / "7d".
Result<RetentionPolicy> parseRetention(const QString &text, const QString &option)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("forever"))
        return RetentionPolicy{RetentionUnit::Forever, 0};
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)[\\s-]*(items?|releases?|days?|d)?$"));
    const auto match = pattern.match(t);
    if (!match.hasMatch())
        return Error::validation(tr("\"%1\" is not a valid value for --%2; use forever, N items or N days.").arg(text, option));
    const QString unit = match.captured(2);
    return RetentionPolicy{unit.startsWith(u'd') ? RetentionUnit::Days : RetentionUnit::Items, match.captured(1).toInt()};
}

const QList<OptionSpec> kEditOptions{
    {"description", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "what the lifecycle is for")},
    {"release-retention", "POLICY", QT_TRANSLATE_NOOP("cuttlectl", "how long releases are kept: forever, N items or N days")},
    {"target-retention", "POLICY", QT_TRANSLATE_NOOP("cuttlectl", "how long extracted packages are kept on targets: forever, N items or N days")},
};

VoidResult apply(Lifecycle &l, const ParsedArguments &args)
{
    if (auto description = args.value(QStringLiteral("description")))
        l.description = *description;
    for (const auto &[option, member] : {std::pair{QStringLiteral("release-retention"), &Lifecycle::releaseRetention},
                                         std::pair{QStringLiteral("target-retention"), &Lifecycle::targetRetention}}) {
        if (auto text = args.value(option)) {
            auto policy = parseRetention(*text, option);
            if (!policy)
                return policy.error();
            l.*member = *policy;
        }
    }
    return {};
}

int saveAndPrint(CommandContext &context, LifecycleRepository &lifecycles, const Lifecycle &l, const char *message)
{
    auto saved = lifecycles.update(l);
    if (!saved)
        return context.fail(saved.error());
    return RecordVerbs::saved(context, tr(message).arg(saved->name, saved->id), toJson(context, *saved));
}

int create(CommandContext &context, const ParsedArguments &args)
{
    Lifecycle l;
    l.spaceId = context.spaceId();
    l.name = args.positional(0);
    if (auto applied = apply(l, args); !applied)
        return context.fail(applied.error());
    auto saved = LifecycleRepository(context.store()).create(l);
    if (!saved)
        return context.fail(saved.error());
    return RecordVerbs::saved(context, tr("Created the lifecycle \"%1\" (%2).").arg(saved->name, saved->id), toJson(context, *saved));
}

int update(CommandContext &context, const ParsedArguments &args)
{
    LifecycleRepository lifecycles(context.store());
    auto l = lifecycles.find(context.spaceId(), args.positional(0));
    if (!l)
        return context.fail(l.error());
    if (auto name = args.value(QStringLiteral("name")))
        l->name = *name;
    if (auto applied = apply(*l, args); !applied)
        return context.fail(applied.error());
    return saveAndPrint(context, lifecycles, *l, QT_TRANSLATE_NOOP("cuttlectl", "Updated the lifecycle \"%1\" (%2)."));
}

int addPhase(CommandContext &context, const ParsedArguments &args)
{
    LifecycleRepository lifecycles(context.store());
    auto l = lifecycles.find(context.spaceId(), args.positional(0));
    if (!l)
        return context.fail(l.error());
    LifecyclePhase phase;
    phase.name = args.positional(1);
    auto automatic = context.idsOf<EnvironmentRepository>(args.values(QStringLiteral("automatic")));
    if (!automatic)
        return context.fail(automatic.error());
    auto optional = context.idsOf<EnvironmentRepository>(args.values(QStringLiteral("optional")));
    if (!optional)
        return context.fail(optional.error());
    phase.automaticEnvironmentIds = *automatic;
    phase.optionalEnvironmentIds = *optional;
    if (auto minimum = args.value(QStringLiteral("minimum"))) {
        bool ok = false;
        phase.minimumEnvironmentsBeforePromotion = minimum->toInt(&ok);
        if (!ok || phase.minimumEnvironmentsBeforePromotion < 0)
            return context.fail(Error::validation(tr("The minimum must be a number of environments (0 for all), not \"%1\".").arg(*minimum)));
    }
    phase.isOptional = args.has(QStringLiteral("optional-phase"));
    l->phases.append(phase);
    return saveAndPrint(context, lifecycles, *l, QT_TRANSLATE_NOOP("cuttlectl", "Added the phase to the lifecycle \"%1\" (%2)."));
}

int removePhase(CommandContext &context, const ParsedArguments &args)
{
    LifecycleRepository lifecycles(context.store());
    auto l = lifecycles.find(context.spaceId(), args.positional(0));
    if (!l)
        return context.fail(l.error());
    const QString name = args.positional(1);
    const auto removed = l->phases.removeIf([&](const LifecyclePhase &p) {
        return p.id == name || p.name.compare(name, Qt::CaseInsensitive) == 0;
    });
    if (removed == 0)
        return context.fail(Error::notFound(tr("The lifecycle \"%1\" has no phase named \"%2\".").arg(l->name, name)));
    return saveAndPrint(context, lifecycles, *l, QT_TRANSLATE_NOOP("cuttlectl", "Removed the phase from the lifecycle \"%1\" (%2)."));
}

Noun makeNoun()
{
    Noun noun;
    noun.name = QStringLiteral("lifecycle");
    noun.summary = QT_TRANSLATE_NOOP("cuttlectl", "the ordered phases releases are promoted through");

    Verb createVerb;
    createVerb.name = QStringLiteral("create");
    createVerb.aliases = {QStringLiteral("add")};
    createVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "create a lifecycle (without phases: one phase per environment); add phases with add-phase");
    createVerb.positionals = {{"NAME", QT_TRANSLATE_NOOP("cuttlectl", "the name of the new lifecycle")}};
    createVerb.options = kEditOptions;
    createVerb.run = &create;

    Verb updateVerb;
    updateVerb.name = QStringLiteral("update");
    updateVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "change a lifecycle; only the options given change");
    updateVerb.positionals = {RecordVerbs::nameArgument()};
    updateVerb.options = QList<OptionSpec>{{"name", "NEW-NAME", QT_TRANSLATE_NOOP("cuttlectl", "rename the lifecycle")}} + kEditOptions;
    updateVerb.run = &update;

    Verb addPhaseVerb;
    addPhaseVerb.name = QStringLiteral("add-phase");
    addPhaseVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "append a phase to a lifecycle");
    addPhaseVerb.positionals = {{"LIFECYCLE", QT_TRANSLATE_NOOP("cuttlectl", "the lifecycle, by name or id")},
                                {"PHASE", QT_TRANSLATE_NOOP("cuttlectl", "the name of the new phase")}};
    addPhaseVerb.options = {
        {"automatic", "ENV", QT_TRANSLATE_NOOP("cuttlectl", "an environment deployed to as soon as a release is eligible"), true},
        {"optional", "ENV", QT_TRANSLATE_NOOP("cuttlectl", "an environment deployed to by hand"), true},
        {"minimum", "N", QT_TRANSLATE_NOOP("cuttlectl", "environments to deploy to before promotion (0: all)")},
        {"optional-phase", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "the phase never blocks progression")},
    };
    addPhaseVerb.run = &addPhase;

    Verb removePhaseVerb;
    removePhaseVerb.name = QStringLiteral("remove-phase");
    removePhaseVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "remove a phase from a lifecycle");
    removePhaseVerb.positionals = {{"LIFECYCLE", QT_TRANSLATE_NOOP("cuttlectl", "the lifecycle, by name or id")},
                                   {"PHASE", QT_TRANSLATE_NOOP("cuttlectl", "the phase, by name or id")}};
    removePhaseVerb.run = &removePhase;

    noun.verbs = {
        RecordVerbs::list<LifecycleRepository, Lifecycle>(QT_TRANSLATE_NOOP("cuttlectl", "list the lifecycles"), kColumns, &toJson),
        RecordVerbs::show<LifecycleRepository, Lifecycle>(QT_TRANSLATE_NOOP("cuttlectl", "show a lifecycle with its phases"), kFields, &toJson),
        createVerb,
        updateVerb,
        RecordVerbs::remove<LifecycleRepository>(QT_TRANSLATE_NOOP("cuttlectl", "delete a lifecycle that no project or channel uses"),
                                                 QT_TRANSLATE_NOOP("cuttlectl", "lifecycle")),
        addPhaseVerb,
        removePhaseVerb,
    };
    return noun;
}

const CommandRegistry::Registration registration(&makeNoun);

} // namespace
} // namespace Cuttle::Cli
