#include "app/cli/commandregistry.h"
#include "app/cli/enumarguments.h"
#include "app/cli/recordverbs.h"
#include "model/core/targetfilter.h"
#include "model/store/accountrepository.h"
#include "model/store/environmentrepository.h"
#include "model/store/machinepolicyrepository.h"
#include "model/store/targetrepository.h"
#include "model/store/tenantrepository.h"

namespace Cuttle::Cli {
namespace {

QString endpoint(const DeploymentTarget &t)
{
    if (t.isRemote())
        return t.host + u':' + QString::number(t.port);
    return t.directory;
}

QJsonObject toJson(CommandContext &context, const DeploymentTarget &t)
{
    using RecordVerbs::toArray;
    QJsonObject o{
        {QLatin1String("id"), t.id},
        {QLatin1String("name"), t.name},
        {QLatin1String("kind"), toString(t.kind)},
        {QLatin1String("host"), t.host},
        {QLatin1String("port"), t.port},
        {QLatin1String("directory"), t.directory},
        {QLatin1String("endpoint"), endpoint(t)},
        {QLatin1String("accountId"), t.accountId},
        {QLatin1String("hostKeyFingerprint"), t.hostKeyFingerprint},
        {QLatin1String("useHttps"), t.useHttps},
        {QLatin1String("honourSshConfig"), t.honourSshConfig},
        {QLatin1String("connectTimeoutSeconds"), t.connectTimeoutSeconds},
        {QLatin1String("machinePolicyId"), t.machinePolicyId},
        {QLatin1String("isDisabled"), t.isDisabled},
        {QLatin1String("tenantedParticipation"), toString(t.tenantedParticipation)},
        {QLatin1String("environmentIds"), toArray(t.environmentIds)},
        {QLatin1String("environments"), toArray(context.namesOf<EnvironmentRepository>(t.environmentIds))},
        {QLatin1String("tags"), toArray(t.tags)},
        {QLatin1String("tenantIds"), toArray(t.tenantIds)},
        {QLatin1String("tenantTags"), toArray(t.tenantTags)},
        {QLatin1String("healthStatus"), toString(t.healthStatus)},
        {QLatin1String("healthCheckedAt"), t.healthCheckedAt.isValid() ? t.healthCheckedAt.toUTC().toString(Qt::ISODate) : QString()},
        {QLatin1String("healthMessage"), t.healthMessage},
    };
    // Referenced names only when there is something to name, so a plain list of many
    // targets does not load accounts, policies and tenants it never shows.
    o.insert(QLatin1String("account"), t.accountId.isEmpty() ? QString() : context.namesOf<AccountRepository>().value(t.accountId));
    o.insert(QLatin1String("machinePolicy"),
             t.machinePolicyId.isEmpty() ? QString() : context.namesOf<MachinePolicyRepository>().value(t.machinePolicyId));
    o.insert(QLatin1String("tenants"), t.tenantIds.isEmpty() ? QJsonArray() : toArray(context.namesOf<TenantRepository>(t.tenantIds)));
    return o;
}

const QList<Output::Field> kColumns{
    {QT_TRANSLATE_NOOP("cuttlectl", "Name"), "name"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Kind"), "kind"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Endpoint"), "endpoint"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Environments"), "environments"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Tags"), "tags"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Health"), "healthStatus"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Disabled"), "isDisabled"},
};
const QList<Output::Field> kFields{
    {QT_TRANSLATE_NOOP("cuttlectl", "Id"), "id"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Name"), "name"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Kind"), "kind"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Host"), "host"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Port"), "port"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Directory"), "directory"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Account"), "account"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Host key"), "hostKeyFingerprint"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Environments"), "environments"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Tags"), "tags"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Tenanted"), "tenantedParticipation"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Tenants"), "tenants"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Tenant tags"), "tenantTags"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Machine policy"), "machinePolicy"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Timeout (s)"), "connectTimeoutSeconds"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Disabled"), "isDisabled"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Health"), "healthStatus"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Checked at"), "healthCheckedAt"},
    {QT_TRANSLATE_NOOP("cuttlectl", "Health message"), "healthMessage"},
};

const QList<OptionSpec> kEditOptions{
    {"host", "HOST", QT_TRANSLATE_NOOP("cuttlectl", "host name or IP address (ssh, winrm)")},
    {"port", "PORT", QT_TRANSLATE_NOOP("cuttlectl", "TCP port (default 22 for ssh, 5986 for winrm)")},
    {"directory", "DIR", QT_TRANSLATE_NOOP("cuttlectl", "root directory on the target, or the local / drop folder")},
    {"account", "ACCOUNT", QT_TRANSLATE_NOOP("cuttlectl", "the account that logs in (ssh, winrm); empty for none")},
    {"environment", "ENV", QT_TRANSLATE_NOOP("cuttlectl", "an environment the target belongs to; replaces the list"), true},
    {"tag", "TAG", QT_TRANSLATE_NOOP("cuttlectl", "a target tag (role) such as web; replaces the list"), true},
    {"tenant", "TENANT", QT_TRANSLATE_NOOP("cuttlectl", "a tenant the target serves; replaces the list"), true},
    {"tenant-tag", "SET/TAG", QT_TRANSLATE_NOOP("cuttlectl", "a tenant tag whose tenants the target serves; replaces the list"), true},
    {"tenanted-participation", "MODE", QT_TRANSLATE_NOOP("cuttlectl", "untenanted|tenanted|tenanted-or-untenanted")},
    {"machine-policy", "POLICY", QT_TRANSLATE_NOOP("cuttlectl", "the machine policy (default: the space's default policy)")},
    {"timeout", "SECONDS", QT_TRANSLATE_NOOP("cuttlectl", "connection timeout, 1-600 seconds")},
    {"https", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "winrm: connect over HTTPS (the default)")},
    {"no-https", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "winrm: connect over plain HTTP")},
    {"honour-ssh-config", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "ssh: apply ~/.ssh/config")},
    {"no-honour-ssh-config", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "ssh: ignore ~/.ssh/config")},
    {"disabled", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "exclude the target from deployments and health checks")},
    {"enabled", nullptr, QT_TRANSLATE_NOOP("cuttlectl", "include the target again")},
};

Result<int> parseInteger(const QString &text, const char *sentence)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok)
        return Error::validation(tr(sentence).arg(text));
    return value;
}

/// Applies the options that were given; the others keep their value.
VoidResult apply(CommandContext &context, DeploymentTarget &t, const ParsedArguments &args)
{
    if (auto kind = args.value(QStringLiteral("kind"))) {
        auto parsed = EnumArguments::parse<TargetKind>(*kind, &targetKindFromString, QStringLiteral("kind"), EnumArguments::kTargetKinds);
        if (!parsed)
            return parsed.error();
        if (*parsed != t.kind && !args.has(QStringLiteral("port")))
            t.port = 0; // the new kind's default
        t.kind = *parsed;
    }
    if (auto host = args.value(QStringLiteral("host")))
        t.host = *host;
    if (auto port = args.value(QStringLiteral("port"))) {
        auto parsed = parseInteger(*port, QT_TRANSLATE_NOOP("cuttlectl", "The port must be a number from 1 to 65535, not \"%1\"."));
        if (!parsed)
            return parsed.error();
        t.port = *parsed;
    }
    if (auto timeout = args.value(QStringLiteral("timeout"))) {
        auto parsed = parseInteger(*timeout, QT_TRANSLATE_NOOP("cuttlectl", "The connection timeout must be a number of seconds, not \"%1\"."));
        if (!parsed)
            return parsed.error();
        t.connectTimeoutSeconds = *parsed;
    }
    if (auto directory = args.value(QStringLiteral("directory")))
        t.directory = *directory;
    if (auto account = args.value(QStringLiteral("account"))) {
        if (account->isEmpty()) {
            t.accountId.clear();
        } else {
            auto id = context.idOf<AccountRepository>(*account);
            if (!id)
                return id.error();
            t.accountId = *id;
        }
    }
    if (args.has(QStringLiteral("environment"))) {
        auto ids = context.idsOf<EnvironmentRepository>(args.values(QStringLiteral("environment")));
        if (!ids)
            return ids.error();
        t.environmentIds = *ids;
    }
    if (args.has(QStringLiteral("tag")))
        t.tags = args.values(QStringLiteral("tag"));
    if (args.has(QStringLiteral("tenant"))) {
        auto ids = context.idsOf<TenantRepository>(args.values(QStringLiteral("tenant")));
        if (!ids)
            return ids.error();
        t.tenantIds = *ids;
    }
    if (args.has(QStringLiteral("tenant-tag")))
        t.tenantTags = args.values(QStringLiteral("tenant-tag"));
    if (auto mode = args.value(QStringLiteral("tenanted-participation"))) {
        auto parsed = EnumArguments::parse<TenantedParticipation>(*mode, &tenantedParticipationFromString,
                                                                  QStringLiteral("tenanted-participation"), EnumArguments::kParticipations);
        if (!parsed)
            return parsed.error();
        t.tenantedParticipation = *parsed;
    } else if ((args.has(QStringLiteral("tenant")) || args.has(QStringLiteral("tenant-tag")))
               && t.tenantedParticipation == TenantedParticipation::Untenanted) {
        // Naming tenants says the target takes part in tenanted deployments.
        t.tenantedParticipation = TenantedParticipation::TenantedOrUntenanted;
    }
    if (auto policy = args.value(QStringLiteral("machine-policy"))) {
        auto id = context.idOf<MachinePolicyRepository>(*policy);
        if (!id)
            return id.error();
        t.machinePolicyId = *id;
    }
    if (auto https = args.toggle(QStringLiteral("https"))) {
        t.useHttps = *https;
        if (t.kind == TargetKind::WinRm && !args.has(QStringLiteral("port")))
            t.port = 0;
    }
    if (auto honour = args.toggle(QStringLiteral("honour-ssh-config")))
        t.honourSshConfig = *honour;
    if (args.has(QStringLiteral("disabled")) && args.has(QStringLiteral("enabled")))
        return Error::validation(tr("The options --disabled and --enabled contradict each other."));
    if (args.has(QStringLiteral("disabled")))
        t.isDisabled = true;
    if (args.has(QStringLiteral("enabled")))
        t.isDisabled = false;
    return {};
}

int create(CommandContext &context, const ParsedArguments &args)
{
    DeploymentTarget t;
    t.spaceId = context.spaceId();
    t.name = args.positional(0);
    if (auto applied = apply(context, t, args); !applied)
        return context.fail(applied.error());
    if (t.machinePolicyId.isEmpty()) {
        auto policy = MachinePolicyRepository(context.store()).defaultPolicy(context.spaceId());
        if (!policy)
            return context.fail(policy.error());
        t.machinePolicyId = policy->id;
    }
    auto saved = TargetRepository(context.store()).create(t);
    if (!saved)
        return context.fail(saved.error());
    return RecordVerbs::saved(context, tr("Created the target \"%1\" (%2).").arg(saved->name, saved->id), toJson(context, *saved));
}

int update(CommandContext &context, const ParsedArguments &args)
{
    TargetRepository targets(context.store());
    auto t = targets.find(context.spaceId(), args.positional(0));
    if (!t)
        return context.fail(t.error());
    if (auto name = args.value(QStringLiteral("name")))
        t->name = *name;
    if (auto applied = apply(context, *t, args); !applied)
        return context.fail(applied.error());
    auto saved = targets.update(*t);
    if (!saved)
        return context.fail(saved.error());
    return RecordVerbs::saved(context, tr("Updated the target \"%1\" (%2).").arg(saved->name, saved->id), toJson(context, *saved));
}

int list(CommandContext &context, const ParsedArguments &args)
{
    TargetFilter filter;
    if (auto environment = args.value(QStringLiteral("environment"))) {
        auto id = context.idOf<EnvironmentRepository>(*environment);
        if (!id)
            return context.fail(id.error());
        filter.environmentId = *id;
    }
    filter.tag = args.valueOr(QStringLiteral("tag"));
    if (auto kind = args.value(QStringLiteral("kind"))) {
        auto parsed = EnumArguments::parse<TargetKind>(*kind, &targetKindFromString, QStringLiteral("kind"), EnumArguments::kTargetKinds);
        if (!parsed)
            return context.fail(parsed.error());
        filter.kind = *parsed;
    }
    if (auto health = args.value(QStringLiteral("health"))) {
        auto parsed = EnumArguments::parse<HealthStatus>(*health, &healthStatusFromString, QStringLiteral("health"),
                                                         EnumArguments::kHealthStatuses);
        if (!parsed)
            return context.fail(parsed.error());
        filter.health = *parsed;
    }
    if (auto text = args.value(QStringLiteral("text"))) {
        filter.setEnvironmentNames(context.namesOf<EnvironmentRepository>());
        filter.setText(*text);
    }
    auto all = TargetRepository(context.store()).list(context.spaceId());
    if (!all)
        return context.fail(all.error());
    QJsonArray rows;
    for (const DeploymentTarget &t : *all) {
        if (filter.matches(t))
            rows.append(toJson(context, t));
    }
    context.output().list(rows, kColumns);
    return Success;
}

int tags(CommandContext &context, const ParsedArguments &)
{
    auto all = TargetRepository(context.store()).allTags(context.spaceId());
    if (!all)
        return context.fail(all.error());
    if (context.output().json())
        context.output().list(RecordVerbs::toArray(*all), {});
    else
        Output::write(all->isEmpty() ? tr("(none)") + u'\n' : all->join(u'\n') + u'\n');
    return Success;
}

Noun makeNoun()
{
    Noun noun;
    noun.name = QStringLiteral("target");
    noun.aliases = {QStringLiteral("machine")};
    noun.summary = QT_TRANSLATE_NOOP("cuttlectl", "machines and folders that receive software");

    Verb listVerb;
    listVerb.name = QStringLiteral("list");
    listVerb.aliases = {QStringLiteral("ls")};
    listVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "list the targets, optionally filtered (all filters must match)");
    listVerb.options = {
        {"environment", "ENV", QT_TRANSLATE_NOOP("cuttlectl", "only targets in this environment")},
        {"tag", "TAG", QT_TRANSLATE_NOOP("cuttlectl", "only targets with this tag")},
        {"kind", "KIND", QT_TRANSLATE_NOOP("cuttlectl", "only targets of this kind: ssh|winrm|local|offline-drop")},
        {"health", "STATUS", QT_TRANSLATE_NOOP("cuttlectl", "only targets with this health: unknown|healthy|has-warnings|unhealthy|unavailable")},
        {"text", "WORDS", QT_TRANSLATE_NOOP("cuttlectl", "only targets whose name, host, directory, tags or environments contain every word")},
    };
    listVerb.run = &list;

    Verb createVerb;
    createVerb.name = QStringLiteral("create");
    createVerb.aliases = {QStringLiteral("add")};
    createVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "add a target");
    createVerb.positionals = {{"NAME", QT_TRANSLATE_NOOP("cuttlectl", "the name of the new target")}};
    createVerb.options = QList<OptionSpec>{{"kind", "KIND", QT_TRANSLATE_NOOP("cuttlectl", "ssh|winrm|local|offline-drop (default ssh)")}} + kEditOptions;
    createVerb.run = &create;

    Verb updateVerb;
    updateVerb.name = QStringLiteral("update");
    updateVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "change a target; only the options given change");
    updateVerb.positionals = {RecordVerbs::nameArgument()};
    updateVerb.options = QList<OptionSpec>{{"name", "NEW-NAME", QT_TRANSLATE_NOOP("cuttlectl", "rename the target")},
                                           {"kind", "KIND", QT_TRANSLATE_NOOP("cuttlectl", "ssh|winrm|local|offline-drop")}}
                         + kEditOptions;
    updateVerb.run = &update;

    Verb tagsVerb;
    tagsVerb.name = QStringLiteral("tags");
    tagsVerb.summary = QT_TRANSLATE_NOOP("cuttlectl", "list every target tag in use in the space");
    tagsVerb.run = &tags;

    noun.verbs = {
        listVerb,
        RecordVerbs::show<TargetRepository, DeploymentTarget>(QT_TRANSLATE_NOOP("cuttlectl", "show one target"), kFields, &toJson),
        createVerb,
        updateVerb,
        RecordVerbs::remove<TargetRepository>(QT_TRANSLATE_NOOP("cuttlectl", "delete a target"), QT_TRANSLATE_NOOP("cuttlectl", "target")),
        tagsVerb,
    };
    return noun;
}

const CommandRegistry::Registration registration(&makeNoun);

} // namespace
} // namespace Cuttle::Cli
