#include "app/cli/commandregistry.h"
#include "app/cli/recordverbs.h"
#include "model/store/machinepolicyrepository.h"

namespace Cuttle::Cli {
namespace {

QJsonObject toJson(CommandContext &, const MachinePolicy &p)
{
    return {{QLatin1String("id"), p.id},
            {QLatin1String("name"), p.name},
            {QLatin1String("description"), p.description},
            {QLatin1String("healthCheckIntervalSeconds"), p.healthCheckIntervalSeconds},
            {QLatin1String("connectionTestOnly"), p.connectionTestOnly},
            {QLatin1String("isDefault"), p.isDefault}};
}

const QList<Output::Field> kFields{
    {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Name"), "name"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Default"), "isDefault"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Interval (s)"), "healthCheckIntervalSeconds"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Connection test only"), "connectionTestOnly"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Description"), "description"},
};

const QList<OptionSpec> kEditOptions{
    {"description", "TEXT", QT_TRANSLATE_NOOP("cuttlectl", "what the policy is for")},
    {"interval", "SECONDS", QT_TRANSLATE_NOOP("cuttlectl", "seconds between health checks")},
    {"connection-test-only", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "only test the connection, skip the health check script")},
    {"no-connection-test-only", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "run the full health check")},
};

VoidResult apply(MachinePolicy &p, const ParsedArguments &args)
{
    if (auto description = args.value(QStringLiteral("description")))
        p.description = *description;
    if (auto interval = args.value(QStringLiteral("interval"))) {
        bool ok = false;
        const int seconds = interval->toInt(&ok);
        if (!ok || seconds < 1)
            return Error::validation(tr("The health check interval must be a positive number of seconds, not \"%1\".").arg(*interval));
        p.healthCheckIntervalSeconds = seconds;
    }
    if (auto only = args.toggle(QStringLiteral("connection-test-only")))
        p.connectionTestOnly = *only;
    return {};
}

int create(CommandContext &context, const ParsedArguments &args)
{
    MachinePolicy p;
    p.spaceId = context.spaceId();
    p.name = args.positional(0);
    if (auto applied = apply(p, args); !applied)
        return context.fail(applied.error());
    auto saved = MachinePolicyRepository(context.store()).create(p);
    if (!saved)
        return context.fail(saved.error());
    return RecordVerbs::saved(context, tr("Created the machine policy \"%1\" (%2).").arg(saved->name, saved->id), toJson(context, *saved));
}

int update(CommandContext &context, const ParsedArguments &args)
{
    MachinePolicyRepository policies(context.store());
    auto p = policies.find(context.spaceId(), args.positional(0));
    if (!p)
        return context.fail(p.error());
    if (auto name = args.value(QStringLiteral("name")))
        p->name = *name;
    if (auto applied = apply(*p, args); !applied)
        return context.fail(applied.error());
    auto saved = policies.update(*p);
    if (!saved)
        return context.fail(saved.error());
    return RecordVerbs::saved(context, tr("Updated the machine policy \"%1\" (%2).").arg(saved->name, saved->id), toJson(context, *saved));
}

Noun makeNoun()
{
    Noun noun;
    noun.name = QStringLiteral("machine-policy");
    noun.summary = QT_TRANSLATE_NOOP("cuttlectl", "how often and how deeply targets are health-checked");

    Verb createVerb;
    createVerb.name = QStringLiteral("create");
    createVerb.aliases = {QStringLiteral("add")};
    createVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "create a machine policy");
    createVerb.positionals = {{"NAME", QT_TRANSLATE_NOOP("cuttlectl", "the name of the new policy")}};
    createVerb.options = kEditOptions;
    createVerb.run = &create;

    Verb updateVerb;
    updateVerb.name = QStringLiteral("update");
    updateVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "change a machine policy; only the options given change");
    updateVerb.positionals = {RecordVerbs::nameArgument()};
    updateVerb.options = QList<OptionSpec>{{"name", "NEW-NAME", QT_TRANSLATE_NOOP("cuttlectl", "rename the policy")}} + kEditOptions;
    updateVerb.run = &update;

    noun.verbs = {
        RecordVerbs::list<MachinePolicyRepository, MachinePolicy>(QT_TRANSLATE_NOOP("cuttlectl", "list the machine policies"), kFields, &toJson),
        RecordVerbs::show<MachinePolicyRepository, MachinePolicy>(QT_TRANSLATE_NOOP("cuttlectl", "show one machine policy"), kFields, &toJson),
        createVerb,
        updateVerb,
        RecordVerbs::remove<MachinePolicyRepository>(QT_TRANSLATE_NOOP("cuttlectl", "delete a machine policy that no target uses (never the default)"),
                                                     QT_TRANSLATE_NOOP("cuttlectl", "machine policy")),
    };
    return noun;
}

const CommandRegistry::Registration registration(&makeNoun);

} // namespace
} // namespace Cuttle::Cli
